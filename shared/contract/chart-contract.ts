import { z } from 'zod';
import { intervalSchema } from '../domain/interval';
import { symbolSchema } from '../domain/symbol';
import { event, method, noParams } from './define';

/** A PNG's bytes as base64: one pane, under the 1 MiB frame limit. */
export const MAX_SCREENSHOT_BASE64 = 900_000;
/** A PNG's bytes as they are (a binary frame): the same limit as MAX_SCREENSHOT_BASE64 decoded. */
export const MAX_SCREENSHOT_BYTES = (MAX_SCREENSHOT_BASE64 / 4) * 3;
const PNG_BASE64_PREFIX = 'iVBORw0KGgo';
/** What every PNG begins with. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** One pane as an image, as the renderer hands it over: the PNG as bytes (a binary frame, IPC) or as base64 (JSON, HTTP). */
export const paneImageSchema = z
  .object({
    requestId: z.string().min(1).max(64),
    pane: z.number().int().min(0).max(3),
    symbol: symbolSchema,
    interval: intervalSchema,
    /** The PNG, base64. */
    png: z.string().min(PNG_BASE64_PREFIX.length).max(MAX_SCREENSHOT_BASE64).refine((s) => s.startsWith(PNG_BASE64_PREFIX), 'png must be a base64 PNG').optional(),
    /** The PNG's bytes (sent as a binary frame: see binary-call.ts). */
    bytes: z
      .instanceof(Uint8Array, { message: 'bytes must be binary' })
      .refine((b) => b.byteLength <= MAX_SCREENSHOT_BYTES, `bytes must be at most ${String(MAX_SCREENSHOT_BYTES)}`)
      .refine((b) => b.byteLength > PNG_SIGNATURE.length && PNG_SIGNATURE.every((v, i) => b[i] === v), 'bytes must be a PNG')
      .optional(),
    /** The last image of the request (the renderer may send several panes). */
    last: z.boolean(),
  })
  .strict()
  .superRefine((image, ctx) => {
    if ((image.png === undefined) === (image.bytes === undefined)) ctx.addIssue({ code: 'custom', path: ['png'], message: 'give the image once: png (base64) or bytes' });
  });
export type PaneImage = z.output<typeof paneImageSchema>;

/** A stored screenshot: the file under the data directory is named by its content hash. */
export const screenshotSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Relative to the data directory, e.g. media/ab/ab12….png. */
  path: z.string(),
  bytes: z.number().int().positive(),
  pane: z.number().int().min(0).max(3),
  symbol: symbolSchema,
  interval: intervalSchema,
});
export type Screenshot = z.infer<typeof screenshotSchema>;

export const captureRequestSchema = z.object({
  requestId: z.string(),
  /** Panes showing this symbol (or an option's underlying); null: every pane. */
  symbol: symbolSchema.nullable(),
  reason: z.string(),
});
export type CaptureRequest = z.infer<typeof captureRequestSchema>;

export const chartMethods = {
  'chart.screenshot': method({
    description:
      "Asks the open workstation for images of its panes (those showing `symbol`, or all), stores each as a PNG named by its hash under the data directory and answers with them; empty when no window answers within a few seconds.",
    params: z.object({ symbol: symbolSchema.optional(), reason: z.string().max(200).default('on demand') }).strict(),
    result: z.object({ shots: z.array(screenshotSchema), note: z.string().nullable() }),
  }),
  'chart.paneImage': method({
    description: 'The renderer answering a capture request: one pane as a PNG (one call per pane, `last` on the final one): its bytes in a binary frame over the socket (or over IPC), or base64 in JSON.',
    params: paneImageSchema,
    result: z.object({ accepted: z.boolean() }),
  }),
};

export const chartEvents = {
  'chart.captureRequests': event({
    description: 'For the renderer: capture requests from the core (a fill to journal, chart.screenshot); answer each with chart.paneImage.',
    params: noParams,
    payload: captureRequestSchema,
  }),
};
