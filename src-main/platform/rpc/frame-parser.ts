import { clientFrameSchema, decodeBinaryCall, formatPath, MAX_FRAME_BYTES, type ClientFrame, type ContractError } from '../../../shared/contract';

export type FrameParse = { ok: true; frame: ClientFrame } | { ok: false; id: number | null; error: ContractError };

function idOf(json: unknown): number | null {
  if (typeof json !== 'object' || json === null || !('id' in json)) return null;
  const id = json.id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

/** Parses one frame from a client. A bad frame is reported with its id when it has a usable one. */
export function parseClientFrame(json: unknown): FrameParse {
  const parsed = clientFrameSchema.safeParse(json);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const issue = parsed.error.issues[0];
  const path = formatPath('frame', issue?.path ?? []);
  return { ok: false, id: idOf(json), error: { code: 'BAD_REQUEST', message: `${path}: ${issue?.message ?? 'invalid frame'}`, path } };
}

/** The request id of a frame not parsed (too large, or refused unread), from its first characters ("id" comes early in our clients' frames). */
export function requestIdOf(text: string): number | null {
  const m = /"id"\s*:\s*(\d{1,15})[,}]/.exec(text.slice(0, 512));
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** Parses a text frame from the WebSocket transport; one over the size limit is refused against its id, unparsed. */
export function parseClientText(text: string): FrameParse {
  if (text.length > MAX_FRAME_BYTES / 3 && Buffer.byteLength(text, 'utf8') > MAX_FRAME_BYTES) {
    return { ok: false, id: requestIdOf(text), error: { code: 'TOO_LARGE', message: `frame larger than ${String(MAX_FRAME_BYTES)} bytes`, path: '' } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, id: null, error: { code: 'BAD_REQUEST', message: 'frame is not valid JSON', path: '' } };
  }
  return parseClientFrame(json);
}

/** Parses a binary frame from the WebSocket transport (a call carrying bytes: see binary-call.ts). */
export function parseClientBinary(message: Uint8Array): FrameParse {
  const decoded = decodeBinaryCall(message);
  if (!decoded.ok) return { ok: false, id: idOf(decoded.header), error: { code: 'BAD_REQUEST', message: decoded.message, path: '' } };
  if (message.byteLength > MAX_FRAME_BYTES) {
    return { ok: false, id: idOf(decoded.frame), error: { code: 'TOO_LARGE', message: `frame larger than ${String(MAX_FRAME_BYTES)} bytes`, path: '' } };
  }
  return parseClientFrame(decoded.frame);
}

/** The request id of a binary frame not parsed (refused unread). */
export function binaryRequestIdOf(message: Uint8Array): number | null {
  const decoded = decodeBinaryCall(message);
  return idOf(decoded.ok ? decoded.frame : decoded.header);
}
