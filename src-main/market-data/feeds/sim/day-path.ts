import { MINUTE_MS } from '../../../../shared/domain/interval';
import { weekdayOfDays } from '../../../../shared/market/civil-date';
import type { MarketKind } from '../../../../shared/market/market-kind';
import type { Session } from '../../../../shared/market/sessions';
import type { DailyAnchors } from './daily-anchors';
import { intradayActivity } from './intraday-seasonality';
import { hashString, mix32, Rng } from '../../../../shared/random/seeded-random';
import { previousSession } from './sim-calendar';
import type { SimInstrument } from './sim-symbols';

/** Sessions per year, to turn an annualised volatility into one session's variance. */
const SESSIONS_PER_YEAR: Readonly<Record<MarketKind, number>> = { crypto: 365, 'us-equity': 252, fx: 260 };
/** GARCH(1,1) on minute returns: shocks feed the next minute's variance (alpha), which decays slowly (beta). */
const GARCH_ALPHA = 0.08;
const GARCH_BETA = 0.9;
/** Caps a runaway variance at this multiple of the minute's normal level. */
const GARCH_CAP = 25;
/** Share of a day's variance spent in the gap when the market was shut before the session. */
const GAP_SHARE = 0.15;
/** Day-to-day spread of activity (log-normal) and crypto's quieter weekends. */
const ACTIVITY_DISPERSION = 0.25;
const CRYPTO_WEEKEND_ACTIVITY = 0.75;

/** One session's minute-level skeleton; the prints inside each minute are drawn from it (minute-tape.ts). */
export interface DayPath {
  readonly session: Session;
  readonly minutes: number;
  /** Root of the per-minute streams. */
  readonly minuteSeed: number;
  /** Mid price at each minute boundary: minutes + 1 values, the last being the day's anchor close. */
  readonly mid: Float64Array;
  /** Standard deviation of each minute's log return (GARCH level times seasonality). */
  readonly sigma: Float64Array;
  /** Expected prints in each minute. */
  readonly lambda: Float64Array;
}

/**
 * Builds the session's path from its own stream (seed, symbol, date): it
 * starts at the previous session's anchor close (plus an overnight gap when
 * the market was shut in between), draws GARCH(1,1) minute returns whose
 * variance also follows the intraday activity curve, then bends the walk
 * (a Brownian bridge weighted by expected variance) so it ends exactly at
 * this session's anchor close.
 */
export function buildDayPath(spec: SimInstrument, session: Session, anchors: DailyAnchors, rootSeed: number): DayPath {
  const rng = new Rng(mix32(mix32(rootSeed, hashString(spec.symbol)), session.date));
  const minuteSeed = rng.uint32();
  const n = Math.round((session.close - session.open) / MINUTE_MS);
  const prev = previousSession(spec.market, session.date);
  const prevLog = anchors.logCloseOn(prev === null ? session.date - 1 : prev.date);
  const closeLog = anchors.logCloseOn(session.date);
  const vol = anchors.volOn(session.date);
  const dayVar = (vol * vol) / SESSIONS_PER_YEAR[spec.market];
  const gapped = prev !== null && session.open > prev.close;
  const openLog = prevLog + (gapped ? Math.sqrt(GAP_SHARE * dayVar) * rng.normal() : 0);
  const unitVar = (dayVar * (gapped ? 1 - GAP_SHARE : 1)) / n;

  const weekend = spec.market === 'crypto' && [0, 6].includes(weekdayOfDays(session.date));
  const dayActivity =
    Math.exp(ACTIVITY_DISPERSION * rng.normal() - (ACTIVITY_DISPERSION * ACTIVITY_DISPERSION) / 2) *
    (vol / spec.annualVol) *
    (weekend ? CRYPTO_WEEKEND_ACTIVITY : 1);
  const printsPerMinute = spec.baseVolumePerMinute / spec.typicalTradeSize;

  const activity = intradayActivity(spec.market, session);
  const raw = new Float64Array(n + 1);
  const sigma = new Float64Array(n);
  const lambda = new Float64Array(n);
  let h = 1;
  for (let m = 0; m < n; m++) {
    const a = activity[m] ?? 1;
    const eps = Math.sqrt(h) * rng.normal();
    sigma[m] = Math.sqrt(unitVar * a * h);
    raw[m + 1] = (raw[m] ?? 0) + Math.sqrt(unitVar * a) * eps;
    lambda[m] = printsPerMinute * a * dayActivity;
    h = Math.min(GARCH_CAP, 1 - GARCH_ALPHA - GARCH_BETA + GARCH_ALPHA * eps * eps + GARCH_BETA * h);
  }

  // Bridge: remove the walk's miss in proportion to the expected variance elapsed.
  const miss = (raw[n] ?? 0) - (closeLog - openLog);
  const mid = new Float64Array(n + 1);
  let elapsed = 0;
  for (let m = 0; m < n; m++) {
    mid[m] = Math.exp(openLog + (raw[m] ?? 0) - (elapsed / n) * miss);
    elapsed += activity[m] ?? 0;
  }
  mid[n] = Math.exp(closeLog);
  return { session, minutes: n, minuteSeed, mid, sigma, lambda };
}
