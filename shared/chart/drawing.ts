import { z } from 'zod';
import { epochMsSchema } from '../domain/epoch';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';

/**
 * A user drawing on the charts of one series (source + symbol), shown on
 * every pane of that symbol whatever its interval: a horizontal line at a
 * price, a vertical line at a time, or a rectangle over a time range and a
 * price range. The id is made by the client (so a retried upsert is the same
 * drawing, never a second one).
 */
export const DRAWING_KINDS = ['hline', 'vline', 'rect'] as const;
export type DrawingKind = (typeof DRAWING_KINDS)[number];

/** The most drawings one series holds. */
export const MAX_DRAWINGS_PER_SERIES = 500;

export const drawingIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a drawing id is 8-64 characters: A-Z, a-z, 0-9, "_" or "-"');
const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');
const priceSchema = z.number().positive();

export const DEFAULT_DRAWING_COLOR = '#f0b429';

const common = {
  id: drawingIdSchema,
  source: sourceSchema,
  symbol: symbolSchema,
  color: colorSchema.default(DEFAULT_DRAWING_COLOR),
  label: z.string().max(80).default(''),
};

const hline = { ...common, kind: z.literal('hline'), price: priceSchema };
const vline = { ...common, kind: z.literal('vline'), time: epochMsSchema };
const rect = { ...common, kind: z.literal('rect'), from: epochMsSchema, to: epochMsSchema, top: priceSchema, bottom: priceSchema };

interface RectBounds {
  readonly kind: DrawingKind;
  readonly from?: number;
  readonly to?: number;
  readonly top?: number;
  readonly bottom?: number;
}

function checkRect(d: RectBounds, ctx: z.RefinementCtx): void {
  if (d.kind !== 'rect' || d.from === undefined || d.to === undefined || d.top === undefined || d.bottom === undefined) return;
  if (d.from >= d.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must be before to' });
  if (d.bottom > d.top) ctx.addIssue({ code: 'custom', path: ['bottom'], message: 'bottom must not be above top' });
}

/** A drawing as a client sends it (drawings.upsert). */
export const drawingInputSchema = z
  .discriminatedUnion('kind', [z.object(hline).strict(), z.object(vline).strict(), z.object(rect).strict()])
  .superRefine(checkRect);
export type DrawingInput = z.output<typeof drawingInputSchema>;

const stored = { updatedAt: epochMsSchema };

/** A stored drawing: what was sent, and when it last changed. */
export const drawingSchema = z
  .discriminatedUnion('kind', [z.object({ ...hline, ...stored }).strict(), z.object({ ...vline, ...stored }).strict(), z.object({ ...rect, ...stored }).strict()])
  .superRefine(checkRect);
export type Drawing = z.output<typeof drawingSchema>;

/** The series a drawing belongs to. */
export const drawingSeriesSchema = z.object({ source: sourceSchema, symbol: symbolSchema }).strict();
export type DrawingSeries = z.output<typeof drawingSeriesSchema>;

/** Whether two drawings say the same thing (ignoring when they were stored). */
export function sameDrawing(a: DrawingInput, b: DrawingInput): boolean {
  if (a.id !== b.id || a.source !== b.source || a.symbol !== b.symbol || a.color !== b.color || a.label !== b.label) return false;
  switch (a.kind) {
    case 'hline':
      return b.kind === 'hline' && a.price === b.price;
    case 'vline':
      return b.kind === 'vline' && a.time === b.time;
    case 'rect':
      return b.kind === 'rect' && a.from === b.from && a.to === b.to && a.top === b.top && a.bottom === b.bottom;
  }
}

/** The drawing without its stored time. */
export function drawingInputOf(d: Drawing): DrawingInput {
  return drawingInputSchema.parse(Object.fromEntries(Object.entries(d).filter(([key]) => key !== 'updatedAt')));
}
