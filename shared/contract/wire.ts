import { z } from 'zod';
import { contractErrorSchema } from './contract-error';

/**
 * Frames of the WebSocket transport (and the payloads of the Electron IPC
 * channels). Method/event names are checked against the contract after the
 * frame itself parses, so an unknown name gets UNKNOWN_METHOD, not BAD_REQUEST.
 */
const requestId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const callFrameSchema = z.object({
  t: z.literal('call'),
  id: requestId,
  method: z.string().min(1).max(100),
  params: z.unknown().optional(),
});

export const subscribeFrameSchema = z.object({
  t: z.literal('sub'),
  id: requestId,
  event: z.string().min(1).max(100),
  params: z.unknown().optional(),
});

export const unsubscribeFrameSchema = z.object({
  t: z.literal('unsub'),
  id: requestId,
  subscription: z.number().int().positive(),
});

export const clientFrameSchema = z.discriminatedUnion('t', [
  callFrameSchema,
  subscribeFrameSchema,
  unsubscribeFrameSchema,
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export const replyFrameSchema = z.discriminatedUnion('ok', [
  z.object({ t: z.literal('reply'), id: requestId, ok: z.literal(true), result: z.unknown() }),
  z.object({ t: z.literal('reply'), id: requestId, ok: z.literal(false), error: contractErrorSchema }),
]);

/** One pushed payload of a subscription; `seq` starts at 1 and has no gaps. */
export const eventFrameSchema = z.object({
  t: z.literal('event'),
  subscription: z.number().int().positive(),
  event: z.string(),
  seq: z.number().int().positive(),
  payload: z.unknown(),
});
export type EventFrame = z.infer<typeof eventFrameSchema>;

/** A frame the server could not attribute to a request id (e.g. malformed JSON). */
export const protocolErrorFrameSchema = z.object({
  t: z.literal('error'),
  error: contractErrorSchema,
});

/**
 * One slice of a server frame too large for one message (a year of bars):
 * the frame's JSON text cut into `count` consecutive parts, sent in order on
 * the same socket and joined by the client before parsing. `reply` names the
 * request the frame answers, so a client that cannot take it can fail that
 * request instead of leaving it waiting.
 */
export const partFrameSchema = z.object({
  t: z.literal('part'),
  stream: z.number().int().positive(),
  index: z.number().int().nonnegative(),
  count: z.number().int().min(2),
  reply: requestId.nullable(),
  data: z.string(),
});
export type PartFrame = z.infer<typeof partFrameSchema>;

export const serverFrameSchema = z.union([replyFrameSchema, eventFrameSchema, protocolErrorFrameSchema]);
export type ServerFrame = z.infer<typeof serverFrameSchema>;
export type ReplyFrame = z.infer<typeof replyFrameSchema>;

/** Result of a subscribe request: the id that later event frames carry. */
export const subscribeResultSchema = z.object({ subscription: z.number().int().positive() });

/** Largest frame either side sends in one message; a bigger server frame goes as parts, a bigger client frame is refused. */
export const MAX_FRAME_BYTES = 1_048_576;
/** Characters of a frame's JSON per part: even escaped and in UTF-8 a part stays under MAX_FRAME_BYTES. */
export const PART_CHARS = 160 * 1024;
/** The largest frame a client reassembles from parts. */
export const MAX_ASSEMBLED_BYTES = 256 * 1024 * 1024;
