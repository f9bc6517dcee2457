import type { HistoryProgress } from '../../../shared/contract';
import type { Core } from '../app/core';
import type { CliIo } from './cli-io';

/**
 * Prints a venue history load on stderr while a command waits for it: a line
 * when it starts, every further tenth, and when it ends. Returns the stop.
 */
export function printHistoryProgress(core: Core, io: CliIo): () => void {
  let shown = -1;
  return core.market.filler.onProgress((p: HistoryProgress) => {
    const tenth = Math.floor(p.fraction * 10);
    if (p.state === 'loading' && tenth === shown) return;
    shown = p.state === 'loading' ? tenth : -1;
    const span = `${new Date(p.from).toISOString().slice(0, 16)}Z..${new Date(p.to).toISOString().slice(0, 16)}Z`;
    const what = `${p.source}:${p.symbol} history ${span}`;
    if (p.state === 'failed') io.err(`loading ${what}: failed at ${String(Math.round(p.fraction * 100))}% (${p.message ?? 'unknown error'})`);
    else io.err(`loading ${what}: ${String(Math.round(p.fraction * 100))}% (${p.bars.toLocaleString('en-US')} bars)${p.state === 'done' ? ', done' : ''}`);
  });
}
