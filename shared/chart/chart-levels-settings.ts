import { z } from 'zod';

/**
 * The traders' levels on a pane (from `strategies.overlay`): shown or not,
 * and which of them: the opening range (ORB high, low and mid for the day),
 * the time-window model (its marker lines, past and next, and the previous
 * block's high and low), and the strategies' entry signals as markers.
 */
export const chartLevelsSchema = z
  .object({
    show: z.boolean(),
    orb: z.boolean(),
    timeWindow: z.boolean(),
    signals: z.boolean(),
  })
  .strict();
export type ChartLevels = z.output<typeof chartLevelsSchema>;

export const DEFAULT_CHART_LEVELS: ChartLevels = { show: false, orb: true, timeWindow: true, signals: true };
