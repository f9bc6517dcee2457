import { z } from 'zod';

/**
 * The indicators a chart pane can draw, with their parameters (the shared
 * library's, TA-Lib definitions): overlays on the price (SMA, EMA, session
 * VWAP, Bollinger Bands) and sub-panes below it (RSI, MACD, ATR). Every
 * parameter carries a default, so `{ kind: 'sma' }` is a whole indicator.
 */
export const CHART_INDICATOR_KINDS = ['sma', 'ema', 'vwap', 'bb', 'rsi', 'macd', 'atr'] as const;
export type ChartIndicatorKind = (typeof CHART_INDICATOR_KINDS)[number];

/** The most indicators one pane holds. */
export const MAX_PANE_INDICATORS = 8;
/** The longest period a chart indicator takes (the chart holds a few thousand bars; longer means nothing drawn). */
export const MAX_CHART_PERIOD = 1000;

const period = (fallback: number, min = 1): z.ZodDefault<z.ZodNumber> => z.number().int().min(min).max(MAX_CHART_PERIOD).default(fallback);

export const chartIndicatorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sma'), period: period(20) }).strict(),
  z.object({ kind: z.literal('ema'), period: period(20) }).strict(),
  z.object({ kind: z.literal('vwap') }).strict(),
  z.object({ kind: z.literal('bb'), period: period(20), k: z.number().min(0).max(10).default(2) }).strict(),
  z.object({ kind: z.literal('rsi'), period: period(14, 2) }).strict(),
  z.object({ kind: z.literal('macd'), fast: period(12), slow: period(26), signal: period(9) }).strict(),
  z.object({ kind: z.literal('atr'), period: period(14) }).strict(),
]);
export type ChartIndicator = z.output<typeof chartIndicatorSchema>;

/** A pane's indicators, in the order they are drawn; a MACD's fast period must be shorter than its slow one. */
export const chartIndicatorsSchema = z
  .array(chartIndicatorSchema)
  .max(MAX_PANE_INDICATORS)
  .superRefine((list, ctx) => {
    for (const [i, ind] of list.entries()) {
      if (ind.kind === 'macd' && ind.fast >= ind.slow) ctx.addIssue({ code: 'custom', path: [i, 'fast'], message: 'fast must be shorter than slow' });
    }
  });

/** Whether the indicator is drawn in a pane of its own below the price (else over the candles). */
export function isSubPaneIndicator(kind: ChartIndicatorKind): boolean {
  return kind === 'rsi' || kind === 'macd' || kind === 'atr';
}

/** A new indicator of `kind` with its default parameters. */
export function defaultIndicator(kind: ChartIndicatorKind): ChartIndicator {
  return chartIndicatorSchema.parse({ kind });
}

/** "SMA 20", "BB 20 2", "MACD 12 26 9", "VWAP": the indicator as its legend and menu name it. */
export function indicatorLabel(ind: ChartIndicator): string {
  switch (ind.kind) {
    case 'sma':
    case 'ema':
    case 'rsi':
    case 'atr':
      return `${ind.kind.toUpperCase()} ${String(ind.period)}`;
    case 'vwap':
      return 'VWAP';
    case 'bb':
      return `BB ${String(ind.period)} ${String(ind.k)}`;
    case 'macd':
      return `MACD ${String(ind.fast)} ${String(ind.slow)} ${String(ind.signal)}`;
  }
}
