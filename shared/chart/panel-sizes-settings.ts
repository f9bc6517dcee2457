import { z } from 'zod';

/** Bounds (pixels) of the resizable side columns and bottom panel. */
export const PANEL_BOUNDS = {
  leftWidth: { min: 160, max: 480 },
  rightWidth: { min: 200, max: 560 },
  bottomHeight: { min: 120, max: 900 },
} as const;

export type PanelDimension = keyof typeof PANEL_BOUNDS;

const px = (d: PanelDimension): z.ZodNumber => z.number().int().min(PANEL_BOUNDS[d].min).max(PANEL_BOUNDS[d].max);

/** The workstation's column widths and bottom panel height, and which of them are collapsed. */
export const panelSizesSchema = z
  .object({
    leftWidth: px('leftWidth'),
    rightWidth: px('rightWidth'),
    bottomHeight: px('bottomHeight'),
    leftCollapsed: z.boolean(),
    rightCollapsed: z.boolean(),
    bottomCollapsed: z.boolean(),
  })
  .strict();
export type PanelSizes = z.infer<typeof panelSizesSchema>;
