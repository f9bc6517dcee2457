import { z } from 'zod';
import { intervalSchema } from '../domain/interval';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';
import { chartIndicatorsSchema } from './chart-indicator-settings';
import { chartLevelsSchema, DEFAULT_CHART_LEVELS } from './chart-levels-settings';

/**
 * One chart pane as the user left it. A pane is always written whole (inside
 * `chartLayout`), so a field added later (indicators, levels) must carry a
 * zod `.default()`: a layout stored before it existed then still loads.
 */
export const chartPaneSchema = z
  .object({
    /** The pane's symbol; null follows the watchlist (its n-th symbol for pane n). */
    symbol: symbolSchema.nullable(),
    interval: intervalSchema,
    /** A source pinned for the pane (`replay`); null resolves the symbol's feed as the watchlist does. */
    source: sourceSchema.nullable(),
    showVolume: z.boolean(),
    /** Indicators drawn over the price or in panes below it (chart-indicator-settings.ts). */
    indicators: chartIndicatorsSchema.default([]),
    /** The traders' levels from strategies.overlay (chart-levels-settings.ts). */
    levels: chartLevelsSchema.default(DEFAULT_CHART_LEVELS),
  })
  .strict();
export type ChartPane = z.infer<typeof chartPaneSchema>;
