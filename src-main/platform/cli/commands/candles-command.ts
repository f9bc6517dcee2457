import { z } from 'zod';
import { MAX_BARS_PER_REQUEST, type BarsResult } from '../../../../shared/contract';
import type { Bar } from '../../../../shared/domain/bar';
import { createCore } from '../../app/core';
import { alpacaFromEnv } from '../../config/alpaca-config';
import { binanceConfigFromEnv } from '../../config/binance-config';
import { EXIT, UsageError } from '../cli-io';
import { coverageLines, requireComplete } from '../coverage-note';
import { printHistoryProgress } from '../history-progress';
import type { Command } from '../command';
import { dataDirOption } from '../data-dir-option';
import { isoEndFlag, isoTimeFlag } from '../iso-time';
import { parseFlags } from '../parse-flags';
import { untilStopped } from '../stop';

const flagsSchema = z
  .object({
    source: z.string().min(1),
    symbol: z.string().min(1),
    interval: z.string().min(1),
    from: isoTimeFlag.optional(),
    to: isoEndFlag.optional(),
    limit: z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).optional(),
    json: z.boolean().default(false),
    strict: z.boolean().default(false),
    'data-dir': z.string().min(1).optional(),
  })
  .strict();

function row(b: Bar): string {
  return [new Date(b.time).toISOString(), b.open, b.high, b.low, b.close, b.volume, b.trades, b.final ? 'final' : 'forming'].join('\t');
}

export const candlesCommand: Command = {
  name: 'candles',
  summary: 'print bars of a series, any interval (derived from the stored 1m truth)',
  help: `Usage: tapedeck candles --source S --symbol S --interval I [--from ISO] [--to ISO] [--limit N] [--json] [--data-dir DIR]

Prints the bars the charts show: 1m (or the series' stored interval) read
from the store, other intervals (3m 5m 15m 30m 1h 4h 1d 1w) aggregated on
read with the market's alignment rule. Every range is complete: the sim
generates it, Binance or Alpaca history is fetched for what the store lacks,
and any hole (before a listing, an import's holes, a venue outage) is
reported on stderr with its reason. Times are UTC (ISO 8601). Without
--from, the newest --limit bars (default 5000).

Options:
  --source S      e.g. sim, csv, binance, alpaca (keys from APCA_API_KEY_ID / APCA_API_SECRET_KEY)
  --symbol S      e.g. BTCUSDT
  --interval I    1m 3m 5m 15m 30m 1h 4h 1d 1w
  --from ISO      first open time, e.g. 2024-03-11 or 2024-03-11T13:30Z (naive = UTC)
  --to ISO        end (exclusive); a bare date includes that day (--to 2024-12-31 ends at 2025-01-01 00:00)
  --limit N       at most N bars (1-${String(MAX_BARS_PER_REQUEST)}), the newest when more match
  --json          one JSON object: {source, symbol, interval, market, bars, truncated, older, coverage}
  --strict        exit 2 when bars are missing in the range
  --data-dir DIR  the store's directory`,

  async run(args, io) {
    const parsed = parseFlags(
      args,
      {
        source: { type: 'string' },
        symbol: { type: 'string' },
        interval: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
        strict: { type: 'boolean' },
        'data-dir': { type: 'string' },
      },
      flagsSchema,
    );
    if (parsed.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    const f = parsed.values;
    // The symbol asked for is listed by Alpaca for this run (its data API has no symbol list; Alpaca itself says if it is unknown).
    const alpaca = alpacaFromEnv(io.env, f.source === 'alpaca' ? [f.symbol] : []);
    const core = createCore({ dataDir: dataDirOption(f['data-dir'], io), mode: 'cli', binance: binanceConfigFromEnv(io.env), alpaca, connectFeeds: [f.source] });
    const stopProgress = printHistoryProgress(core, io);
    try {
      // Through the contract, so the CLI refuses exactly what the UI would.
      // A venue history load can take a while: a stop ends the wait (what it stored stays).
      const outcome = await untilStopped(io.stop, core.dispatcher.call('bars.get', {
        source: f.source,
        symbol: f.symbol,
        interval: f.interval,
        from: f.from,
        to: f.to,
        limit: f.limit,
      }));
      if (!outcome.ok) {
        const flag = outcome.error.path.replace(/^params\./, '--');
        const message = outcome.error.message.replace(/^params\./, '--');
        if (outcome.error.code === 'INTERNAL') throw new Error(message);
        throw new UsageError(message.startsWith('--') || flag === '' ? message : `${flag}: ${message}`);
      }
      const result = outcome.result as BarsResult;
      for (const line of coverageLines(result.coverage, result.interval)) io.err(line);
      if (f.strict) requireComplete(result.coverage);
      if (f.json) io.out(JSON.stringify(outcome.result));
      else {
        io.out(['time', 'open', 'high', 'low', 'close', 'volume', 'trades', 'state'].join('\t'));
        for (const b of result.bars) io.out(row(b));
        if (result.truncated) io.err(`tapedeck: showing the newest ${String(result.bars.length)} bars of more; narrow --from/--to or raise --limit`);
      }
      return EXIT.ok;
    } finally {
      stopProgress();
      core.close();
    }
  },
};
