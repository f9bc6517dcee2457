import type { EpochMs } from '../../../shared/domain/epoch';
import type { SourceId } from '../../../shared/domain/source';
import type { SymbolId } from '../../../shared/domain/symbol';

/**
 * What the paper broker meets the market with, one instrument at a time, in
 * time order (the market clock). `underlyingPrice` (an option's underlying
 * then) is copied onto the fills for their chart markers.
 */
interface EventBase {
  readonly source: SourceId;
  readonly symbol: SymbolId;
  readonly underlyingPrice?: number | null;
}

/** Top of book at `time`; sizes when the venue gives them (then a fill takes at most the displayed size). */
export interface QuoteEvent extends EventBase {
  readonly kind: 'quote';
  readonly time: EpochMs;
  readonly bid: number;
  readonly ask: number;
  readonly bidSize?: number | null;
  readonly askSize?: number | null;
}

/** One print. */
export interface TradeEvent extends EventBase {
  readonly kind: 'trade';
  readonly time: EpochMs;
  readonly price: number;
  readonly size: number;
}

/** One bar, opening at `time` and ending at `endTime` (exclusive): replay and bar-only data. Volume 0 means unknown (no cap). */
export interface BarEvent extends EventBase {
  readonly kind: 'bar';
  readonly time: EpochMs;
  readonly endTime: EpochMs;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

export type MarketEvent = QuoteEvent | TradeEvent | BarEvent;

/** When the event is known: a quote's or trade's time, a bar's end. */
export function eventTime(e: MarketEvent): number {
  return e.kind === 'bar' ? e.endTime : e.time;
}
