import type { MarketKind } from '../market/market-kind';
import { sessionAt, sessionsBetween } from '../market/sessions';
import type { MarkerClock } from './marker-clock';
import type { StrategyBar } from './strategy';

/** A block between two markers, [start, end) (end Infinity after the last marker of a `dates` list), and its bars' range so far. */
export interface Block {
  readonly start: number;
  readonly end: number;
  high: number;
  low: number;
  close: number;
}

const LOOK_AHEAD_MS = 15 * 86_400_000;

/**
 * Bars cut into blocks by a marker schedule: a block runs from one marker to
 * the next; a bar belongs to the block of the latest marker at or before its
 * open time. `previous` is the last finished block that had bars (a block
 * without bars, a gap in the data, does not wipe it). Bars before a `dates`
 * schedule's first marker belong to no block.
 */
export class MarkerBlocks {
  current: Block | null = null;
  previous: Block | null = null;

  constructor(
    private readonly clock: MarkerClock,
    private readonly market: MarketKind,
    private readonly intervalMs: number,
  ) {}

  /** Adds a bar (in time order): 'new' when it opened a new block, 'same', or 'outside' (no block). */
  update(bar: StrategyBar): 'new' | 'same' | 'outside' {
    const cur = this.current;
    if (cur !== null && bar.time < cur.end) {
      cur.high = Math.max(cur.high, bar.high);
      cur.low = Math.min(cur.low, bar.low);
      cur.close = bar.close;
      return 'same';
    }
    this.finish();
    const start = this.clock.atOrBefore(bar.time);
    if (start === null) return 'outside';
    const end = this.clock.after(start, 1)[0] ?? Number.POSITIVE_INFINITY;
    this.current = { start, end, high: bar.high, low: bar.low, close: bar.close };
    return 'new';
  }

  /** Ends the current block (it becomes `previous`). */
  finish(): void {
    if (this.current !== null) this.previous = this.current;
    this.current = null;
  }

  /**
   * Whether `bar` (the latest added) is the current block's last possible bar:
   * it closes at or after the block's end, or at its session's close when the
   * market does not open again before the next marker.
   */
  closesBlock(bar: StrategyBar): boolean {
    const cur = this.current;
    if (cur === null) return false;
    const barEnd = bar.time + this.intervalMs;
    if (barEnd >= cur.end) return true;
    const session = sessionAt(this.market, bar.time);
    if (session === null || barEnd < session.close) return false;
    const next = sessionsBetween(this.market, session.close, session.close + LOOK_AHEAD_MS).find((s) => s.open >= session.close);
    return next === undefined || next.open >= cur.end;
  }
}
