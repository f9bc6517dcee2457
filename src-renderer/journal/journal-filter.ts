import type { TripFilter } from '../../shared/journal/trip-filter';
import type { TripOutcome } from '../../shared/journal/outcome';
import { realCivilDays } from '../../shared/market/civil-date';

/** The filter bar as the user fills it in: dates as YYYY-MM-DD (UTC days), lists as comma-separated text. */
export interface FilterDraft {
  readonly from: string;
  readonly to: string;
  readonly account: string;
  readonly symbols: string;
  readonly tags: string;
  readonly setups: string;
  readonly strategies: string;
  readonly outcome: TripOutcome | '';
}

export const EMPTY_FILTER: FilterDraft = { from: '', to: '', account: '', symbols: '', tags: '', setups: '', strategies: '', outcome: '' };

const DAY_MS = 86_400_000;

/** A YYYY-MM-DD day as the ms of its start (UTC); null when not a real date. */
export function dayStart(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (m === null) return null;
  const days = realCivilDays(Number(m[1]), Number(m[2]), Number(m[3]));
  return days === null ? null : days * DAY_MS;
}

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The contract's filter: `to` includes its whole day; empty fields do not filter. */
export function toTripFilter(d: FilterDraft): TripFilter {
  const from = dayStart(d.from);
  const to = dayStart(d.to);
  const out: { -readonly [K in keyof TripFilter]: TripFilter[K] } = {};
  if (from !== null) out.from = from;
  if (to !== null) out.to = to + DAY_MS;
  if (d.account !== '') out.accounts = [d.account];
  if (list(d.symbols).length > 0) out.symbols = list(d.symbols);
  if (list(d.tags).length > 0) out.tags = list(d.tags);
  if (list(d.setups).length > 0) out.setups = list(d.setups);
  if (list(d.strategies).length > 0) out.strategies = list(d.strategies);
  if (d.outcome !== '') out.outcomes = [d.outcome];
  return out;
}

/** Whether any field filters. */
export function isFiltering(d: FilterDraft): boolean {
  return Object.values(d).some((v) => v !== '');
}
