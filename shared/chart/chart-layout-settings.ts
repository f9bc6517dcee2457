import { z } from 'zod';
import { chartPaneSchema } from './chart-pane-settings';

/** One pane; two side by side; two stacked; a 2×2 grid. */
export const CHART_LAYOUTS = ['1', '2h', '2v', '4'] as const;
export type ChartLayoutKind = (typeof CHART_LAYOUTS)[number];
export const chartLayoutKindSchema = z.enum(CHART_LAYOUTS);

export const MAX_PANES = 4;

/** How many panes a layout shows. */
export function paneCountOf(layout: ChartLayoutKind): number {
  switch (layout) {
    case '1':
      return 1;
    case '2h':
    case '2v':
      return 2;
    case '4':
      return 4;
  }
}

/**
 * The chart area: its layout and up to four panes (panes beyond the layout's
 * count are kept, so going back to 2×2 restores them), the active pane, and
 * whether a symbol change applies to every pane and the crosshair follows
 * across panes.
 */
export const chartLayoutSchema = z
  .object({
    layout: chartLayoutKindSchema,
    panes: z.array(chartPaneSchema).min(1).max(MAX_PANES),
    activePane: z.number().int().min(0).max(MAX_PANES - 1),
    linkSymbols: z.boolean(),
    syncCrosshair: z.boolean(),
  })
  .strict();
export type ChartLayout = z.infer<typeof chartLayoutSchema>;
