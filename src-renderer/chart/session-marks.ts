import type { Interval } from '../../shared/domain/interval';
import type { MarketKind } from '../../shared/market/market-kind';
import { nyLocal } from '../../shared/market/new-york-time';
import { fxTradingDay, usEquitySession, type Session } from '../../shared/market/sessions';
import type { BarList } from '../bars/bar-book';
import { isDailyOrLonger } from '../format/chart-time-format';
import { wallTime, type ChartZone } from '../format/chart-zone';

export interface SessionMarks {
  /** Indexes of bars that open a new session (a new day in the axis zone for crypto). */
  readonly starts: readonly number[];
  /** Runs [first, last] of bar indexes outside the regular session (US equities' pre- and post-market bars). */
  readonly extended: readonly (readonly [number, number])[];
}

export interface SessionContext {
  readonly market: MarketKind;
  readonly zone: ChartZone;
  readonly interval: Interval;
}

const NONE: SessionMarks = { starts: [], extended: [] };

/** The session day a bar belongs to: New York date (US equities), FX trading day, or the day in the axis zone (crypto). */
function dayKey(c: SessionContext, t: number): number {
  switch (c.market) {
    case 'us-equity':
      return nyLocal(t).days;
    case 'fx':
      return fxTradingDay(t).date;
    case 'crypto':
      return wallTime(c.zone, t).days;
  }
}

/**
 * Session starts and extended-hours runs among bars `from`..`to` (indexes,
 * clamped), for intraday charts only: the layer asks for the bars in view,
 * so the cost follows the screen, not the history loaded.
 */
export function sessionMarks(bars: BarList, from: number, to: number, c: SessionContext): SessionMarks {
  if (isDailyOrLonger(c.interval) || bars.length === 0) return NONE;
  const first = Math.max(0, Math.floor(from));
  const last = Math.min(bars.length - 1, Math.ceil(to));
  const starts: number[] = [];
  const extended: [number, number][] = [];
  let sessionDay = Number.NaN;
  let session: Session | null = null;
  let prevKey = first > 0 && bars[first - 1] !== undefined ? dayKey(c, bars[first - 1]?.time ?? 0) : Number.NaN;
  for (let i = first; i <= last; i++) {
    const t = bars[i]?.time;
    if (t === undefined) break;
    const key = dayKey(c, t);
    if (i > 0 && key !== prevKey) starts.push(i);
    prevKey = key;
    if (c.market !== 'us-equity') continue;
    if (key !== sessionDay) {
      sessionDay = key;
      session = usEquitySession(key);
    }
    if (session !== null && t >= session.open && t < session.close) continue;
    const run = extended.at(-1);
    if (run !== undefined && run[1] === i - 1) run[1] = i;
    else extended.push([i, i]);
  }
  return { starts, extended };
}
