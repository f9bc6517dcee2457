import { hashString, mix32, Rng } from '../../../../shared/random/seeded-random';
import { SIM_END_DATE, SIM_FIRST_DATE } from './sim-calendar';
import type { SimInstrument } from './sim-symbols';

/** Calendar days per year: the anchor walk takes one step per calendar day, weekends included. */
const DAYS_PER_YEAR = 365;
/** Stationary standard deviation of log volatility: regimes from about 0.55x to 1.8x the spec. */
const VOL_OF_VOL = 0.3;
/** Day-to-day persistence of the volatility regime (an e-folding time of about two months). */
const VOL_PERSISTENCE = Math.exp(-1 / 60);
/** Pull of the log price back towards the reference level, per year (a half-life of about eight months). */
const REVERSION_PER_YEAR = 1;

/**
 * The daily skeleton of one symbol's history: a close for every calendar day
 * from SIM_FIRST_DATE, as a GBM-like walk in log space,
 *   x[d] = x[d-1] + k (log ref - x[d-1]) dt + sigma[d] sqrt(dt) z,
 * whose volatility sigma[d] = spec * exp(h[d] - s^2) follows a slow AR(1) in
 * logs (E[sigma^2] is the spec's variance), and whose weak mean reversion
 * keeps prices near the spec's level over decades. It is one sequential
 * stream per (seed, symbol), extended lazily and kept, so any day costs O(1)
 * once the walk has reached it. Sessions read the close of their date; days
 * a market is shut still step, so a weekend's move shows up as Monday's gap.
 */
export class DailyAnchors {
  private logCloses = new Float64Array(0);
  private vols = new Float64Array(0);
  private length = 0;
  private x: number;
  private h: number;
  private readonly rng: Rng;
  private readonly refLog: number;

  constructor(
    private readonly spec: SimInstrument,
    rootSeed: number,
  ) {
    this.rng = new Rng(mix32(rootSeed, hashString(`${spec.symbol}/daily`)));
    this.refLog = Math.log(spec.refPrice);
    this.x = this.refLog;
    this.h = VOL_OF_VOL * this.rng.normal();
  }

  /** Log close of day `date` (days since 1970-01-01); before the first day, the reference price. */
  logCloseOn(date: number): number {
    if (date < SIM_FIRST_DATE) return this.refLog;
    const i = this.ensure(date);
    return this.logCloses[i] ?? this.refLog;
  }

  /** The annualised volatility regime on day `date`. */
  volOn(date: number): number {
    if (date < SIM_FIRST_DATE) return this.spec.annualVol;
    const i = this.ensure(date);
    return this.vols[i] ?? this.spec.annualVol;
  }

  private ensure(date: number): number {
    const i = Math.min(date, SIM_END_DATE - 1) - SIM_FIRST_DATE;
    if (i < this.length) return i;
    if (i >= this.logCloses.length) this.grow(i + 1);
    const dt = 1 / DAYS_PER_YEAR;
    const shock = Math.sqrt(1 - VOL_PERSISTENCE * VOL_PERSISTENCE) * VOL_OF_VOL;
    for (let k = this.length; k <= i; k++) {
      this.h = VOL_PERSISTENCE * this.h + shock * this.rng.normal();
      const sigma = this.spec.annualVol * Math.exp(this.h - VOL_OF_VOL * VOL_OF_VOL);
      this.x += REVERSION_PER_YEAR * (this.refLog - this.x) * dt + sigma * Math.sqrt(dt) * this.rng.normal();
      this.logCloses[k] = this.x;
      this.vols[k] = sigma;
    }
    this.length = i + 1;
    return i;
  }

  private grow(min: number): void {
    const size = Math.max(min, this.logCloses.length * 2, 1024);
    const closes = new Float64Array(size);
    const vols = new Float64Array(size);
    closes.set(this.logCloses);
    vols.set(this.vols);
    this.logCloses = closes;
    this.vols = vols;
  }
}
