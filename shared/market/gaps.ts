import type { MarketKind } from './market-kind';
import { sessionsBetween } from './sessions';

/** A run of missing bars: open times in [from, to). */
export interface Gap {
  readonly from: number;
  readonly to: number;
}

/**
 * The missing bars of a series in [from, to): every slot of `stepMs` inside
 * the market's sessions (crypto always; US equities 09:30-16:00 New York on
 * exchange days; FX Sunday 17:00 to Friday 17:00 New York) with no bar in
 * `times` (sorted ascending). Adjacent missing slots merge into one gap.
 */
export function findGaps(market: MarketKind, times: Float64Array, from: number, to: number, stepMs: number): Gap[] {
  const gaps: Gap[] = [];
  let p = 0;
  let open: number | null = null;
  let lastSlotEnd = 0;
  const flush = (): void => {
    if (open !== null) gaps.push({ from: open, to: lastSlotEnd });
    open = null;
  };
  for (const session of sessionsBetween(market, from, to)) {
    const start = Math.max(session.open, Math.ceil(from / stepMs) * stepMs);
    const end = Math.min(session.close, to);
    for (let slot = Math.ceil(start / stepMs) * stepMs; slot < end; slot += stepMs) {
      while (p < times.length && (times[p] ?? 0) < slot) p++;
      if (p < times.length && times[p] === slot) {
        flush();
        continue;
      }
      if (open !== null && slot !== lastSlotEnd) flush();
      open ??= slot;
      lastSlotEnd = slot + stepMs;
    }
  }
  flush();
  return gaps;
}
