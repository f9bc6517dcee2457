import type { MarketKind } from '../../market/market-kind';
import { MarkerBlocks, type Block } from '../marker-blocks';
import type { MarkerClock } from '../marker-clock';
import type { StrategyBar } from '../strategy';

/** Which way a higher timeframe lets the model trade. */
export type Bias = 'up' | 'down';

/**
 * The higher-timeframe bias of the time-window model: the bars aggregated to
 * the blocks of the bias schedule (one higher-timeframe bar per block), and
 * the sweep rule run on them as each block closes: a block whose low went
 * below the previous block's low and whose close is back above it is an up
 * bias; a high above the previous high with the close back below it, a down
 * bias; both at once change nothing. The latest sweep wins; no bias until one
 * happened. A block counts as closed at the close of its last possible bar
 * (MarkerBlocks.closesBlock), so the bias is known from that bar on.
 */
export class HigherTimeframeBias {
  private readonly blocks: MarkerBlocks;
  bias: Bias | null = null;

  constructor(clock: MarkerClock, market: MarketKind, intervalMs: number) {
    this.blocks = new MarkerBlocks(clock, market, intervalMs);
  }

  update(bar: StrategyBar): void {
    const open = this.blocks.current;
    // A block whose last bars are missing closes when a later block's bar arrives.
    if (open !== null && bar.time >= open.end) this.settle(open);
    const state = this.blocks.update(bar);
    const current = this.blocks.current;
    if (state !== 'outside' && current !== null && this.blocks.closesBlock(bar)) {
      this.settle(current);
      this.blocks.finish();
    }
  }

  /** The range of the last closed block, which the next one is read against. */
  private before: { readonly high: number; readonly low: number } | null = null;

  private settle(block: Block): void {
    const before = this.before;
    if (before !== null) {
      const lowSwept = block.low < before.low && block.close > before.low;
      const highSwept = block.high > before.high && block.close < before.high;
      if (lowSwept !== highSwept) this.bias = lowSwept ? 'up' : 'down';
    }
    this.before = { high: block.high, low: block.low };
  }
}
