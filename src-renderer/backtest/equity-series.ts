import type { LineData, UTCTimestamp } from 'lightweight-charts';
import type { EquityCurve } from '../../shared/contract';
import { toChartTime } from '../chart/series-data';

export type ChartPoint = LineData<UTCTimestamp>;

/**
 * Pairs a time column with a value column as chart points: whole seconds,
 * strictly ascending (a later point in the same second replaces the earlier
 * one; an out-of-order point is dropped), non-finite values skipped.
 */
export function columnPoints(time: readonly number[], values: readonly number[], map: (value: number, index: number) => number = (v) => v): ChartPoint[] {
  const out: ChartPoint[] = [];
  const n = Math.min(time.length, values.length);
  for (let i = 0; i < n; i++) {
    const t = time[i];
    const raw = values[i];
    if (t === undefined || raw === undefined) continue;
    const value = map(raw, i);
    if (!Number.isFinite(value)) continue;
    const point: ChartPoint = { time: toChartTime(t), value };
    const last = out[out.length - 1];
    if (last === undefined || point.time > last.time) out.push(point);
    else if (point.time === last.time) out[out.length - 1] = point;
  }
  return out;
}

/** The equity line of a run. */
export function equityPoints(curve: EquityCurve): ChartPoint[] {
  return columnPoints(curve.time, curve.equity);
}

/** The drawdown below the running peak, in percent (0 or negative). */
export function drawdownPoints(curve: EquityCurve): ChartPoint[] {
  return columnPoints(curve.time, curve.drawdownPct);
}

/** Two equity curves for one chart: in money when both start from the same equity, else as return in percent. */
export interface ComparedCurves {
  readonly unit: 'equity' | 'returnPct';
  readonly a: ChartPoint[];
  readonly b: ChartPoint[];
}

function returnPoints(curve: EquityCurve, start: number): ChartPoint[] {
  return columnPoints(curve.time, curve.equity, (e) => ((e - start) / start) * 100);
}

export function compareCurves(a: EquityCurve, b: EquityCurve): ComparedCurves {
  const startA = a.equity[0];
  const startB = b.equity[0];
  const comparable = startA !== undefined && startB !== undefined && startA !== 0 && startB !== 0 && Number.isFinite(startA) && Number.isFinite(startB);
  if (!comparable || startA === startB) return { unit: 'equity', a: equityPoints(a), b: equityPoints(b) };
  return { unit: 'returnPct', a: returnPoints(a, startA), b: returnPoints(b, startB) };
}
