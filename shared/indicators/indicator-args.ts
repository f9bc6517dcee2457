/**
 * Argument checks shared by every indicator. Bad arguments throw a RangeError
 * whose message names the function and the parameter, e.g.
 * `sma: period must be an integer from 1 to 100000, got 0`.
 */

/** TA-Lib's upper bound for every period parameter. */
export const MAX_PERIOD = 100_000;

/** Throws unless `value` is an integer in [min, MAX_PERIOD]. */
export function checkPeriod(fn: string, param: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min || value > MAX_PERIOD) {
    throw new RangeError(`${fn}: ${param} must be an integer from ${String(min)} to ${String(MAX_PERIOD)}, got ${String(value)}`);
  }
}

/** Throws unless `value` is a finite number >= 0. */
export function checkNonNegative(fn: string, param: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${fn}: ${param} must be a finite number >= 0, got ${String(value)}`);
  }
}

/**
 * Throws unless every input has the length of the first; returns that length.
 * `inputs` names each array as the caller's parameter, e.g. `{ high, low, close }`.
 */
export function checkSameLength(fn: string, inputs: Readonly<Record<string, ArrayLike<number>>>): number {
  let firstName = '';
  let length = -1;
  for (const [name, values] of Object.entries(inputs)) {
    if (length < 0) {
      firstName = name;
      length = values.length;
    } else if (values.length !== length) {
      throw new RangeError(`${fn}: ${name} has ${String(values.length)} values but ${firstName} has ${String(length)}`);
    }
  }
  return Math.max(length, 0);
}
