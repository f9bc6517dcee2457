import { z } from 'zod';
import { epochMsSchema } from '../domain/epoch';
import { outcomeOf, tripOutcomeSchema } from './outcome';
import type { RoundTrip } from './round-trips';

/**
 * What the journal knows about a trip beyond its fills (its tables: setup,
 * tags, the strategy that opened it, notes), keyed by trip id.
 */
export interface TripMeta {
  readonly setup?: string | null;
  readonly strategy?: string | null;
  readonly tags?: readonly string[];
  /** Markdown notes (exported, never filtered on). */
  readonly notes?: string;
}

/**
 * The journal's filters; every given one must hold (AND), a list matches any
 * of its values (OR), an empty or absent list does not filter.
 * - from/to: [from, to) on the trip's open time, or its close time with
 *   `dateField: 'closedAt'` (the calendar's day; open trips never match).
 * - symbols: the trip's symbol or its underlying (SPY finds SPY shares and
 *   SPY options).
 * - tags, setups, strategies: from the trip's meta; a trip without meta
 *   matches none of them.
 * - outcomes: win / loss / breakeven / open (outcome.ts).
 */
export const tripFilterSchema = z
  .object({
    from: epochMsSchema.optional(),
    to: epochMsSchema.optional(),
    dateField: z.enum(['openedAt', 'closedAt']).default('openedAt'),
    accounts: z.array(z.string()).optional(),
    symbols: z.array(z.string().trim().toUpperCase()).optional(),
    tags: z.array(z.string()).optional(),
    setups: z.array(z.string()).optional(),
    strategies: z.array(z.string()).optional(),
    outcomes: z.array(tripOutcomeSchema).optional(),
  })
  .strict();
export type TripFilter = z.input<typeof tripFilterSchema>;

const active = (list: readonly string[] | undefined): list is readonly string[] => list !== undefined && list.length > 0;

/** The trips that pass `filter`, in their given order. */
export function filterTrips(trips: readonly RoundTrip[], meta: ReadonlyMap<string, TripMeta>, filter: TripFilter): RoundTrip[] {
  const dateField = filter.dateField ?? 'openedAt';
  const accounts = active(filter.accounts) ? new Set(filter.accounts) : null;
  const symbols = active(filter.symbols) ? new Set(filter.symbols.map((s) => s.trim().toUpperCase())) : null;
  const tags = active(filter.tags) ? new Set(filter.tags) : null;
  const setups = active(filter.setups) ? new Set(filter.setups) : null;
  const strategies = active(filter.strategies) ? new Set(filter.strategies) : null;
  const outcomes = filter.outcomes !== undefined && filter.outcomes.length > 0 ? new Set(filter.outcomes) : null;
  return trips.filter((t) => {
    if (filter.from !== undefined || filter.to !== undefined) {
      const at = dateField === 'closedAt' ? t.closedAt : t.openedAt;
      if (at === null) return false;
      if (filter.from !== undefined && at < filter.from) return false;
      if (filter.to !== undefined && at >= filter.to) return false;
    }
    if (accounts !== null && !accounts.has(t.accountId)) return false;
    if (symbols !== null && !symbols.has(t.symbol) && (t.underlying === null || !symbols.has(t.underlying))) return false;
    if (outcomes !== null && !outcomes.has(outcomeOf(t))) return false;
    if (tags === null && setups === null && strategies === null) return true;
    const m = meta.get(t.id);
    if (tags !== null && !(m?.tags ?? []).some((tag) => tags.has(tag))) return false;
    const setup = m?.setup ?? null;
    if (setups !== null && (setup === null || !setups.has(setup))) return false;
    const strategy = m?.strategy ?? null;
    if (strategies !== null && (strategy === null || !strategies.has(strategy))) return false;
    return true;
  });
}
