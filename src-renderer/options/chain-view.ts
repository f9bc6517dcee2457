import { chainViewSettingsSchema, type ChainColumnId, type ChainViewSettings, type StrikeCount } from '../../shared/options/chain-view-settings';
import { optionTick } from '../../shared/options/sim-chain/quote-spread';
import type { ChainRow } from '../../shared/options/wire/chain-row';
import { snapToTick } from '../ticket/price-step';

export { CHAIN_COLUMNS, STRIKE_COUNTS, type ChainColumnId, type StrikeCount } from '../../shared/options/chain-view-settings';

/** A quote whose spread is more than this share of its mid is flagged wide (and a contract nobody bids). */
export const WIDE_SPREAD = 0.2;
/** The chain is flagged stale when no update came for this long (the core sends one at least every second). */
export const STALE_AFTER_MS = 3_000;

/** What the chain table shows: columns, strikes around the money, and the filters on each contract. */
export interface ChainView {
  readonly columns: readonly ChainColumnId[];
  readonly strikes: StrikeCount;
  /** |delta| band, both ends included (0 and 1: no band). */
  readonly deltaMin: number;
  readonly deltaMax: number;
  /** Contracts with less open interest are hidden (0: none). */
  readonly minOpenInterest: number;
  /** Contracts whose spread is a larger percentage of their mid are hidden (null: none). */
  readonly maxSpreadPct: number | null;
}

/** The view a first run starts with (settings.optionsChain's defaults). */
export const DEFAULT_CHAIN_VIEW: ChainView = chainViewSettingsSchema.parse({});

/** The view of stored settings.optionsChain. */
export function chainViewOf(stored: ChainViewSettings): ChainView {
  return { ...stored, columns: [...stored.columns] };
}

/** settings.optionsChain of a view (as a patch carries it). */
export function chainViewSettingsOf(view: ChainView): ChainViewSettings {
  return { columns: [...view.columns], strikes: view.strikes, deltaMin: view.deltaMin, deltaMax: view.deltaMax, minOpenInterest: view.minOpenInterest, maxSpreadPct: view.maxSpreadPct };
}

/** Two views show the same (columns in the same order). */
export function sameChainView(a: ChainView, b: ChainView): boolean {
  return a.columns.length === b.columns.length && a.columns.every((c, i) => b.columns[i] === c) && a.strikes === b.strikes && a.deltaMin === b.deltaMin && a.deltaMax === b.deltaMax && a.minOpenInterest === b.minOpenInterest && a.maxSpreadPct === b.maxSpreadPct;
}

/** The chain is stale when its last update arrived more than STALE_AFTER_MS ago (nothing yet: not stale, it is loading). */
export function isStale(receivedAt: number | null, now: number): boolean {
  return receivedAt !== null && now - receivedAt > STALE_AFTER_MS;
}

/** The spread as a percentage of the mid (null without a two-sided quote). */
export function spreadPct(row: Pick<ChainRow, 'bid' | 'ask'>): number | null {
  if (!(row.bid > 0) || !(row.ask > row.bid)) return row.bid > 0 && row.ask === row.bid ? 0 : null;
  return ((row.ask - row.bid) / ((row.ask + row.bid) / 2)) * 100;
}

/** Whether a contract passes the view's filters (delta band, open interest, spread); a contract without a delta or OI passes those. */
export function passesFilters(row: ChainRow, view: ChainView): boolean {
  if (row.delta !== null) {
    const d = Math.abs(row.delta);
    if (d < view.deltaMin || d > view.deltaMax) return false;
  }
  if (view.minOpenInterest > 0 && row.openInterest !== null && row.openInterest < view.minOpenInterest) return false;
  if (view.maxSpreadPct !== null) {
    const pct = spreadPct(row);
    if (pct === null || pct > view.maxSpreadPct) return false;
  }
  return true;
}

/** A contract's quote is wide: nobody bids, or the spread is more than WIDE_SPREAD of the mid. */
export function isWide(row: Pick<ChainRow, 'bid' | 'ask'>): boolean {
  const pct = spreadPct(row);
  return pct === null || pct > WIDE_SPREAD * 100;
}

/** The ticket's starting limit: the contract's mid on its premium tick (the tick of its bid, as the instrument has it), never below one tick. */
export function limitAtMid(row: Pick<ChainRow, 'bid' | 'ask'>): number {
  const tick = optionTick(row.bid);
  return snapToTick((row.bid + row.ask) / 2, tick);
}
