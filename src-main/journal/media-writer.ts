import { Worker } from 'node:worker_threads';

/** What the writer thread reports for one file. */
export interface WrittenMedia {
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * The writer thread's code (plain JS, Node built-ins only, so it needs no
 * bundled entry of its own): a file sent with `hold` waits on the thread
 * until its `release` comes; then hash the bytes, and unless a file of that hash
 * with those bytes is already there, write them to a temporary name, flush
 * (fsync), rename into place and flush the directory — a crash or a power
 * cut leaves the whole file or none.
 */
const WRITER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash, randomBytes } = require('node:crypto');
const { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const held = new Map();
parentPort.on('message', (m) => {
  if (m.release !== undefined) {
    const job = held.get(m.release);
    held.delete(m.release);
    if (job !== undefined) run(job);
  } else if (m.hold) held.set(m.id, m);
  else run(m);
});
function run(m) {
  try {
    const bytes = m.base64 === undefined ? Buffer.from(m.buffer, m.offset, m.length) : Buffer.from(m.base64, 'base64');
    if (m.base64 !== undefined) {
      // Buffer.from skips characters outside the alphabet: a decoded length short of the text's is a text that was not base64.
      const pad = m.base64.endsWith('==') ? 2 : m.base64.endsWith('=') ? 1 : 0;
      if (m.base64.length % 4 !== 0 || bytes.byteLength !== (m.base64.length / 4) * 3 - pad) throw new Error('the image is not base64');
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const dir = join(m.mediaDir, sha256.slice(0, 2));
    const file = join(dir, sha256 + '.' + m.ext);
    const there = existsSync(file) && createHash('sha256').update(readFileSync(file)).digest('hex') === sha256;
    if (!there) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const tmp = file + '.' + randomBytes(6).toString('hex') + '.tmp';
      try {
        writeFileSync(tmp, bytes, { mode: 0o600, flush: true });
        renameSync(tmp, file);
      } catch (err) {
        rmSync(tmp, { force: true });
        throw err;
      }
      // The rename is durable once its directory is flushed (a power cut must not lose a file a row will name).
      const fd = openSync(dir, 'r');
      try { fsyncSync(fd); } finally { closeSync(fd); }
    }
    parentPort.postMessage({ id: m.id, ok: true, sha256, bytes: bytes.byteLength });
  } catch (err) {
    parentPort.postMessage({ id: m.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
}
`;

type Reply = { id: number; ok: true; sha256: string; bytes: number } | { id: number; ok: false; message: string };

interface Pending {
  resolve(written: WrittenMedia): void;
  reject(err: Error): void;
}

/**
 * Media files written by a thread of their own: hashing a picture, writing
 * it and waiting for its flush take nothing from the event loop the orders
 * run on. The bytes are handed over, not copied (the caller gives them up),
 * and given a gate (whenQuiet) the thread waits for trading to be quiet
 * before it hashes and writes them.
 * Files are written one after another in the order asked; the thread holds
 * the process open only while it has work, and one that dies fails what it
 * held and is started afresh for the next file.
 */
export class MediaWriter {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly mediaDir: string,
    /**
     * Resolves when the files may be written (the order path is quiet): the
     * bytes go to the thread at once (nothing held on the event loop's heap)
     * and wait there until then.
     */
    private readonly whenQuiet: (() => Promise<void>) | null = null,
  ) {}

  /** Writes `bytes` as `<mediaDir>/<sha[0:2]>/<sha>.<ext>`; `bytes` must not be used afterwards (its memory moves to the thread). */
  write(bytes: Uint8Array, ext: 'png'): Promise<WrittenMedia> {
    // Moved when the bytes are their whole memory (a fresh picture is); copied when they share it (Node's small-buffer pool).
    const movable = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    return this.post({ buffer: bytes.buffer, offset: bytes.byteOffset, length: bytes.byteLength }, movable && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [], ext);
  }

  /**
   * Writes the bytes a base64 text stands for (a picture as the renderer
   * sends it): decoding and checking it (its alphabet) happen on the thread too.
   */
  writeBase64(base64: string, ext: 'png'): Promise<WrittenMedia> {
    return this.post({ base64 }, [], ext);
  }

  /** Stops the thread (files in flight fail). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }

  private post(body: Record<string, unknown>, transfer: ArrayBuffer[], ext: 'png'): Promise<WrittenMedia> {
    const worker = this.thread();
    const id = this.nextId++;
    return new Promise<WrittenMedia>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...body, id, mediaDir: this.mediaDir, ext, hold: this.whenQuiet !== null }, transfer);
      void this.whenQuiet?.().then(() => {
        // A thread that died meanwhile has failed the file already.
        if (this.worker === worker && this.pending.has(id)) worker.postMessage({ release: id });
      });
    });
  }

  private thread(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(WRITER_SOURCE, { eval: true });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const p = this.pending.get(reply.id);
      if (p === undefined) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) p.resolve({ sha256: reply.sha256, bytes: reply.bytes });
      else p.reject(new Error(`media: ${reply.message}`));
    });
    const fail = (err: Error): void => {
      // A thread already replaced (its 'exit' after its 'error') leaves its successor's files alone.
      if (this.worker !== worker && this.worker !== null) return;
      this.worker = null;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`media: the writer thread stopped (exit ${String(code)})`)));
    this.worker = worker;
    return worker;
  }
}
