/**
 * Prices on a tick and quantities on a lot, robust to binary floating point.
 *
 * A step (0.01, 0.25, 1e-8) and a value are read as the shortest decimals
 * that print them (what a venue sent or a trader typed), scaled to integers
 * and compared exactly: 100.1 is 10,010 hundredths, not a multiple of 25
 * hundredths, so it is off a 0.25 tick; 0.1 + 0.2 is 3 tenths, on a 0.1 tick.
 * Results are rebuilt from whole steps (n × step printed to the step's
 * decimals), so 205 ticks of 0.01 is exactly the double 2.05.
 */

/** Relative slack for binary noise in a scaled value (a few ulps of a double are ~1e-15). */
const NOISE = 1e-12;

/** Places after the point needed to write `x` exactly (1e-8 → 8, 0.25 → 2, 5 → 0). */
export function decimalsOf(x: number): number {
  const s = String(Math.abs(x));
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const places = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, places - exponent);
}

/** `n` whole steps as the exact double a trader would type (205 × 0.01 → 2.05). */
export function fromSteps(n: number, step: number): number {
  const d = decimalsOf(step);
  const v = n * step;
  return d > 100 ? v : Number(v.toFixed(d));
}

/**
 * The whole number of `step`s that make `x`, or null when `x` is not on the
 * step grid (100.005 on a 0.01 tick). Binary noise (2.0499999999999998 for
 * 2.05) counts as on the grid.
 */
export function stepsOf(x: number, step: number): number | null {
  if (!Number.isFinite(x) || !(step > 0)) return null;
  const d = decimalsOf(step);
  const scale = 10 ** d;
  const xs = x * scale;
  const xi = Math.round(xs);
  const si = Math.round(step * scale);
  if (Number.isSafeInteger(xi) && Number.isSafeInteger(si) && si > 0) {
    if (Math.abs(xs - xi) > Math.max(1e-9, Math.abs(xs) * NOISE)) return null;
    return xi % si === 0 ? xi / si : null;
  }
  const q = x / step;
  const n = Math.round(q);
  return Math.abs(q - n) <= Math.max(1e-9, Math.abs(q) * NOISE) ? n : null;
}

/** Whether `x` is a whole number of `step`s (a price on its tick, a quantity on its lot). */
export function isOnStep(x: number, step: number): boolean {
  return stepsOf(x, step) !== null;
}

/**
 * How to round onto a step: `up`/`down` toward ±infinity (a value already on
 * the step stays); `half-up`/`half-down` to the nearest step, a tie going up
 * or down.
 */
export type StepRounding = 'up' | 'down' | 'half-up' | 'half-down';

/** The number of steps `x` rounds to. */
export function roundSteps(x: number, step: number, mode: StepRounding): number {
  const exact = stepsOf(x, step);
  if (exact !== null) return exact;
  const q = x / step;
  switch (mode) {
    case 'up':
      return Math.ceil(q);
    case 'down':
      return Math.floor(q);
    case 'half-up':
    case 'half-down': {
      const floor = Math.floor(q);
      const frac = q - floor;
      if (Math.abs(frac - 0.5) <= Math.max(1e-9, Math.abs(q) * NOISE)) return mode === 'half-up' ? floor + 1 : floor;
      return frac > 0.5 ? floor + 1 : floor;
    }
  }
}

/** `x` rounded onto the step grid. */
export function roundToStep(x: number, step: number, mode: StepRounding): number {
  return fromSteps(roundSteps(x, step, mode), step);
}

/** a + b without binary noise when both are short decimals (0.1 + 0.2 → 0.3). */
export function addDecimal(a: number, b: number): number {
  const d = Math.max(decimalsOf(a), decimalsOf(b));
  const v = a + b;
  return d > 15 ? v : Number(v.toFixed(d));
}

/** a − b without binary noise when both are short decimals (0.3 − 0.1 → 0.2). */
export function subDecimal(a: number, b: number): number {
  return addDecimal(a, -b);
}

/**
 * A derived amount (an average price, a P&L) cleaned of binary noise: kept to
 * 12 significant digits (414.99999999999994 → 415). Exact for amounts below
 * 1e10 with two decimals.
 */
export function cleanAmount(x: number): number {
  if (x === 0) return 0;
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

/**
 * `x` rounded to `decimals` places, ties away from zero, after cleaning its
 * binary noise (1.665 → 1.67, not 1.66 as 1.665 × 100 = 166.49999999999997
 * would give).
 */
export function roundHalfAway(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const scale = 10 ** decimals;
  const scaled = cleanAmount(Math.abs(x) * scale);
  const r = Math.round(scaled) / scale;
  return x < 0 ? -r : r;
}
