import type { RoundTrip } from '../../shared/journal/round-trips';
import type { Execution } from '../../shared/trading/execution';
import type { ShotRow } from './media-repository';

/**
 * Which screenshots belong to which trip: those taken for one of its fills
 * (entry when the fill opened or added to the trip, exit when it reduced or
 * closed it: a fill through zero is the exit of one trip and the entry of
 * the next), those kept with the trip itself, and those taken on demand
 * while it was open, of its symbol or its option's underlying.
 */
export function shotsByTrip(trips: readonly RoundTrip[], executions: ReadonlyMap<string, Execution>, shots: readonly ShotRow[]): Map<string, ShotRow[]> {
  const byExecution = new Map<string, ShotRow[]>();
  const byTrip = new Map<string, ShotRow[]>();
  const loose = new Map<string, ShotRow[]>();
  const add = (map: Map<string, ShotRow[]>, key: string, s: ShotRow): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [s]);
    else list.push(s);
  };
  for (const s of shots) {
    if (s.executionId !== null) add(byExecution, s.executionId, s);
    else if (s.tripId !== null) add(byTrip, s.tripId, s);
    else add(loose, s.symbol, s);
  }
  const out = new Map<string, ShotRow[]>();
  for (const trip of trips) {
    const mine: ShotRow[] = [];
    const entrySide = trip.side === 'long' ? 'buy' : 'sell';
    trip.executionIds.forEach((id, i) => {
      const e = executions.get(id);
      const role = i === 0 || e?.side === entrySide ? 'entry' : 'exit';
      for (const s of byExecution.get(id) ?? []) mine.push({ ...s, role });
    });
    mine.push(...(byTrip.get(trip.id) ?? []));
    const end = trip.closedAt ?? Number.POSITIVE_INFINITY;
    for (const symbol of trip.underlying === null ? [trip.symbol] : [trip.symbol, trip.underlying]) {
      for (const s of loose.get(symbol) ?? []) if (s.time >= trip.openedAt && s.time <= end) mine.push(s);
    }
    if (mine.length > 0) out.set(trip.id, mine.sort((a, b) => a.time - b.time || a.id - b.id));
  }
  return out;
}
