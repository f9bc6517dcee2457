import { z } from 'zod';
import { drawingIdSchema, drawingInputSchema, drawingSchema, drawingSeriesSchema } from '../chart/drawing';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';
import { event, method } from './define';

/** What `drawings.updates` pushes: every drawing of the series, at once and after every change. */
export const drawingsUpdateSchema = z.object({
  source: sourceSchema,
  symbol: symbolSchema,
  drawings: z.array(drawingSchema),
});
export type DrawingsUpdate = z.output<typeof drawingsUpdateSchema>;

export const drawingsMethods = {
  'drawings.list': method({
    description: 'The drawings of one series (source + symbol), oldest first.',
    params: drawingSeriesSchema,
    result: z.array(drawingSchema),
  }),
  'drawings.upsert': method({
    description:
      'Stores a drawing by its client-made id, in one transaction: a new id adds it, a known id replaces it (moved, recoloured), the same contents again change nothing. An id of another series is a CONFLICT naming the field.',
    params: drawingInputSchema,
    result: drawingSchema,
  }),
  'drawings.delete': method({
    description: 'Deletes a drawing; `deleted` is false when there was none with that id.',
    params: z.object({ id: drawingIdSchema }).strict(),
    result: z.object({ deleted: z.boolean() }),
  }),
};

export const drawingsEvents = {
  'drawings.updates': event({
    description: "Every drawing of one series now, then again after every change from any window (so each pane of that symbol redraws).",
    params: drawingSeriesSchema,
    payload: drawingsUpdateSchema,
  }),
};
