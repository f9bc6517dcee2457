/** The relative tolerance TA-Lib parity is held to. */
export const REL_TOL = 1e-9;

/**
 * Null when `actual` and `expected` have the same length, NaN at the same
 * indices and every other value within `tol` relative
 * (|a − e| <= tol × max(|a|, |e|)); otherwise a description of the first
 * difference, for the failure message.
 */
export function seriesMismatch(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = REL_TOL): string | null {
  if (actual.length !== expected.length) return `length ${String(actual.length)} != ${String(expected.length)}`;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(a) || Number.isNaN(e)) {
      if (Number.isNaN(a) !== Number.isNaN(e)) return `index ${String(i)}: ${String(a)} vs ${String(e)} (NaN positions differ)`;
      continue;
    }
    if (Math.abs(a - e) > tol * Math.max(Math.abs(a), Math.abs(e))) {
      return `index ${String(i)}: ${String(a)} vs ${String(e)} (relative ${String(Math.abs(a - e) / Math.max(Math.abs(a), Math.abs(e)))})`;
    }
  }
  return null;
}

/** Null when the two are identical value for value (NaN equal to NaN), else the first difference. */
export function exactMismatch(actual: ArrayLike<number>, expected: ArrayLike<number>): string | null {
  if (actual.length !== expected.length) return `length ${String(actual.length)} != ${String(expected.length)}`;
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i])) return `index ${String(i)}: ${String(actual[i])} vs ${String(expected[i])}`;
  }
  return null;
}
