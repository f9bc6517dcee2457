import type { Hook } from './chart-panes';

/** What the chart layers report of what they drew (the `?e2e` hook's paneProbe), as the chart-tools e2e test reads it. */

export interface IndicatorProbe {
  readonly label: string;
  readonly pane: number;
  readonly points: number[];
  readonly last: (number | null)[];
}
export interface LevelsProbe {
  readonly requests: { strategy: string; source: string; symbol: string; interval: string; from: number; to: number }[];
  readonly drawn: {
    readonly segments: { kind: string; price: number; from: number; to: number; y: number }[];
    readonly markers: { time: number; x: number; next: boolean }[];
  };
}
export interface Overlay {
  readonly levels: { kind: string; price: number; from: number; to: number }[];
  readonly markers: { past: number[]; next: number[] };
}
export interface StoredDrawing {
  readonly id: string;
  readonly kind: 'hline' | 'vline' | 'rect';
  readonly price?: number;
  readonly time?: number;
  readonly from?: number;
  readonly to?: number;
  readonly top?: number;
  readonly bottom?: number;
}
export interface DrawingsProbe {
  readonly selected: string | null;
  readonly shapes: { id: string; kind: string; y?: number; x?: number }[];
}
export interface Marker {
  readonly id?: string;
  readonly time: number;
  readonly price?: number;
}
export interface ProbeHooked {
  readonly __tapedeck: Hook & { paneProbe(index: number, layer: string): unknown };
}

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
/** TA-Lib's EMA: seeded with the SMA of the first `period` values. */
export function emaLast(values: readonly number[], period: number): number {
  const k = 2 / (period + 1);
  let ema = mean(values.slice(0, period));
  for (const v of values.slice(period)) ema = (v - ema) * k + ema;
  return ema;
}
/** A relative closeness check for sums computed in another order. */
export const near = (a: number | null | undefined, b: number): boolean => a != null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
