import { asEpochMs } from '../../../shared/domain/epoch';
import { nyLocal } from '../../../shared/market/new-york-time';
import { expiryInstant } from '../../../shared/options/option-contract';
import type { ExpirationInfo } from '../../../shared/options/wire/chain-snapshot';
import { expiryText } from '../../../shared/options/wire/expiry-date';

/** The swing traders' horizon: the expiration nearest this many calendar days out is marked. */
export const THIRTY_DAYS = 30;

/**
 * Listed expirations (NY dates, with their kind when known) as the contract
 * shows them at `now`: calendar days from today's New York date, the expiry
 * instant (16:00 New York), and the one nearest 30 days marked (a tie goes
 * to the later one: more time, less theta). Sorted, nearest first.
 */
export function expirationInfos(listed: readonly { readonly date: number; readonly kind: ExpirationInfo['kind'] }[], now: number): ExpirationInfo[] {
  const today = nyLocal(now).days;
  const sorted = [...listed].sort((a, b) => a.date - b.date);
  let best = -1;
  sorted.forEach((e, i) => {
    const gap = Math.abs(e.date - today - THIRTY_DAYS);
    const bestGap = best < 0 ? Number.POSITIVE_INFINITY : Math.abs((sorted[best]?.date ?? 0) - today - THIRTY_DAYS);
    if (gap <= bestGap) best = i;
  });
  return sorted.map((e, i) => ({ expiry: expiryText(e.date), kind: e.kind, expiresAt: asEpochMs(expiryInstant(e.date)), days: Math.max(e.date - today, 0), thirtyDay: i === best }));
}
