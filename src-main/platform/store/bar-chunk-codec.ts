import { allocColumns, type BarColumns } from '../../../shared/domain/bar-columns';

/**
 * One chunk of a bar series as a BLOB: a header (magic, count), seven Float64
 * columns (time, open, high, low, close, volume, trades) and a Uint8 column
 * (final), each `count` long. Columnar chunks let a year of 1m bars load as
 * ~365 blobs instead of 525 600 rows (see bench/RESULTS.md).
 */
const MAGIC = 0x31424454; // "TDB1"
const HEADER_BYTES = 8;
const FLOAT_COLUMNS = 7;

export function encodeChunk(c: BarColumns): Buffer {
  const n = c.length;
  const buf = Buffer.alloc(HEADER_BYTES + n * (FLOAT_COLUMNS * 8 + 1));
  buf.writeUInt32LE(MAGIC, 0);
  buf.writeUInt32LE(n, 4);
  const floats = new Float64Array(buf.buffer, buf.byteOffset + HEADER_BYTES, n * FLOAT_COLUMNS);
  [c.time, c.open, c.high, c.low, c.close, c.volume, c.trades].forEach((col, i) => floats.set(col.subarray(0, n), i * n));
  buf.set(c.final.subarray(0, n), HEADER_BYTES + n * FLOAT_COLUMNS * 8);
  return buf;
}

/** Decodes a chunk into fresh arrays (safe to keep and to modify). */
export function decodeChunk(blob: Uint8Array): BarColumns {
  if (blob.byteLength < HEADER_BYTES) throw new Error('bar chunk: truncated header');
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('bar chunk: unknown format');
  const n = view.getUint32(4, true);
  if (blob.byteLength !== HEADER_BYTES + n * (FLOAT_COLUMNS * 8 + 1)) throw new Error('bar chunk: length does not match its count');
  // Copy out so the Float64 views are 8-byte aligned whatever the blob's offset.
  const floats = new Float64Array(n * FLOAT_COLUMNS);
  new Uint8Array(floats.buffer).set(blob.subarray(HEADER_BYTES, HEADER_BYTES + n * FLOAT_COLUMNS * 8));
  const c = allocColumns(n);
  [c.time, c.open, c.high, c.low, c.close, c.volume, c.trades].forEach((col, i) => col.set(floats.subarray(i * n, (i + 1) * n)));
  c.final.set(blob.subarray(HEADER_BYTES + n * FLOAT_COLUMNS * 8));
  return c;
}
