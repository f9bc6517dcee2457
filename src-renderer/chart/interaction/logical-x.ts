import type { ITimeScaleApi, Logical, Time } from 'lightweight-charts';

/**
 * The x (CSS px) of a fractional logical position. lightweight-charts maps
 * only whole logical indexes (a fraction reads 0), so this interpolates
 * between the two around it: bar edges at i ± ½, instants inside a bar,
 * positions beyond the last bar.
 */
export function xOfLogical(timeScale: ITimeScaleApi<Time>, logical: number): number | null {
  if (!Number.isFinite(logical)) return null;
  const i = Math.floor(logical);
  const left = timeScale.logicalToCoordinate(i as Logical);
  const right = timeScale.logicalToCoordinate((i + 1) as Logical);
  if (left === null || right === null) return null;
  return left + (logical - i) * (right - left);
}
