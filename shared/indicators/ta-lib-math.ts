/**
 * TA-Lib's numeric conventions (ta_utility.h), reproduced so that our values
 * match the C library's to the last bit where the operation order allows.
 */

/** TA_EPSILON: a denominator closer to zero than this counts as zero. */
export const TA_EPSILON = 1e-14;

/** TA_IS_ZERO(v): -TA_EPSILON < v < TA_EPSILON (false for NaN). */
export function isTaZero(v: number): boolean {
  return -TA_EPSILON < v && v < TA_EPSILON;
}

/** TA_IS_ZERO_OR_NEG(v): v < TA_EPSILON. */
export function isTaZeroOrNegative(v: number): boolean {
  return v < TA_EPSILON;
}

/** PER_TO_K(period): the EMA smoothing factor 2 / (period + 1). */
export function emaFactor(period: number): number {
  return 2 / (period + 1);
}
