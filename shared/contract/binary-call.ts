import type { ClientFrame } from './wire';

// Both the renderer and Node have these; shared code compiles against neither's library, so their shape is stated here.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
declare const TextDecoder: new (label: 'utf-8', options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };

/**
 * A call whose params carry bytes (a pane's PNG) goes over the WebSocket as
 * one binary message instead of base64 inside JSON: the bytes cross as they
 * are (no text conversion on either side, a third smaller) and the core hands
 * them to the media writer without parsing them.
 *
 * Layout: a 4-byte big-endian length N, N bytes of UTF-8 JSON (the call frame
 * without `params.bytes`), then the bytes, which become `params.bytes`.
 */
export const BINARY_BYTES_FIELD = 'bytes';

/** The JSON header's largest size (a call's other params are small). */
export const MAX_BINARY_HEADER_BYTES = 16 * 1024;

const HEADER_LENGTH_BYTES = 4;

/** The bytes a call carries, when it carries any (params.bytes is a Uint8Array). */
export function bytesOf(frame: ClientFrame): Uint8Array | null {
  if (frame.t !== 'call' || typeof frame.params !== 'object' || frame.params === null) return null;
  const bytes: unknown = (frame.params as Record<string, unknown>)[BINARY_BYTES_FIELD];
  return bytes instanceof Uint8Array ? bytes : null;
}

/** A call frame with bytes in its params as one binary message. */
export function encodeBinaryCall(frame: ClientFrame, bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const rest = Object.fromEntries(Object.entries((frame as { params: Record<string, unknown> }).params).filter(([k]) => k !== BINARY_BYTES_FIELD));
  const header = new TextEncoder().encode(JSON.stringify({ ...frame, params: rest }));
  const out = new Uint8Array(HEADER_LENGTH_BYTES + header.byteLength + bytes.byteLength);
  new DataView(out.buffer).setUint32(0, header.byteLength);
  out.set(header, HEADER_LENGTH_BYTES);
  out.set(bytes, HEADER_LENGTH_BYTES + header.byteLength);
  return out;
}

/** A refusal carries the header when it was JSON (its request id is the caller's to read), else null. */
export type BinaryCallParse = { ok: true; frame: unknown } | { ok: false; header: unknown; message: string };

/**
 * A binary message back into a frame (not yet checked against the frame
 * schema: the caller parses it as any other frame). The bytes are a view
 * into `message`, not a copy.
 */
export function decodeBinaryCall(message: Uint8Array): BinaryCallParse {
  if (message.byteLength < HEADER_LENGTH_BYTES) return { ok: false, header: null, message: 'binary frame shorter than its header length' };
  const length = new DataView(message.buffer, message.byteOffset, message.byteLength).getUint32(0);
  if (length > MAX_BINARY_HEADER_BYTES) return { ok: false, header: null, message: `binary frame header of ${String(length)} bytes is over ${String(MAX_BINARY_HEADER_BYTES)}` };
  if (HEADER_LENGTH_BYTES + length > message.byteLength) return { ok: false, header: null, message: 'binary frame shorter than its header' };
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(message.subarray(HEADER_LENGTH_BYTES, HEADER_LENGTH_BYTES + length)));
  } catch {
    return { ok: false, header: null, message: 'binary frame header is not UTF-8 JSON' };
  }
  if (typeof header !== 'object' || header === null || !('params' in header) || typeof header.params !== 'object' || header.params === null || Array.isArray(header.params)) {
    return { ok: false, header, message: 'binary frame header is not a call with params' };
  }
  const params = { ...(header.params as Record<string, unknown>), [BINARY_BYTES_FIELD]: message.subarray(HEADER_LENGTH_BYTES + length) };
  return { ok: true, frame: { ...header, params } };
}
