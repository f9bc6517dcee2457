import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MediaWriter } from './media-writer';

/** Where media live under the data directory. */
export const MEDIA_DIR = 'media';

export interface StoredMedia {
  readonly sha256: string;
  /** Relative to the data directory. */
  readonly path: string;
  readonly bytes: number;
}

export type MediaStatus = 'ok' | 'missing' | 'changed';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Screenshots (and later other media) under the data directory, named by the
 * SHA-256 of their bytes (media/ab/ab12….png): the same image is stored once,
 * a file is written to a temporary name, flushed and renamed into place (a
 * crash leaves either the whole file or none), and a file whose bytes no
 * longer match its name can be told. Checks remember a file's verdict while
 * its size and modification time stay the same, so showing a trade twice
 * does not hash its pictures twice.
 */
export class MediaStore {
  private readonly verdicts = new Map<string, { readonly size: number; readonly mtimeMs: number; readonly status: MediaStatus }>();

  private readonly writer: MediaWriter;

  constructor(
    private readonly dataDir: string,
    /** Resolves when the order path is quiet: putAsync's files are written then (see MediaWriter). */
    whenQuiet: (() => Promise<void>) | null = null,
  ) {
    this.writer = new MediaWriter(join(dataDir, MEDIA_DIR), whenQuiet);
  }

  /** Where a PNG of this hash lives, relative to the data directory. */
  static pathOf(sha256: string, ext: 'png' = 'png'): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(MEDIA_DIR, sha256.slice(0, 2), `${sha256}.${ext}`);
  }

  /** Stores `bytes` (idempotent: an existing file of the same hash is kept). */
  put(bytes: Uint8Array, ext: 'png'): StoredMedia {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const rel = MediaStore.pathOf(sha256, ext);
    const file = join(this.dataDir, rel);
    if (!existsSync(file)) {
      const dir = join(this.dataDir, MEDIA_DIR, sha256.slice(0, 2));
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        writeFileSync(tmp, bytes, { mode: 0o600, flush: true });
        renameSync(tmp, file);
      } catch (err) {
        rmSync(tmp, { force: true });
        throw err;
      }
      // The rename is durable once its directory is flushed.
      const fd = openSync(dir, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    return { sha256, path: rel, bytes: bytes.byteLength };
  }

  /**
   * put() without touching the event loop the orders run on: hashing, the
   * atomic write and its flush all happen on the media writer's thread.
   * `bytes` is handed over (its memory moves to that thread when it is the
   * whole of it): the caller must not use it afterwards.
   */
  async putAsync(bytes: Uint8Array, ext: 'png'): Promise<StoredMedia> {
    const written = await this.writer.write(bytes, ext);
    return { sha256: written.sha256, path: MediaStore.pathOf(written.sha256, ext), bytes: written.bytes };
  }

  /** putAsync() of the bytes a base64 text stands for, decoded (and refused when not base64) on the writer's thread. */
  async putBase64Async(base64: string, ext: 'png'): Promise<StoredMedia> {
    const written = await this.writer.writeBase64(base64, ext);
    return { sha256: written.sha256, path: MediaStore.pathOf(written.sha256, ext), bytes: written.bytes };
  }

  /** Stops the writer thread (files still being written fail). */
  close(): Promise<void> {
    return this.writer.close();
  }

  /** 'ok', 'missing' (no file) or 'changed' (its bytes no longer hash to its name). */
  check(sha256: string, path: string): MediaStatus {
    const file = join(this.dataDir, path);
    let s: { size: number; mtimeMs: number };
    try {
      s = statSync(file);
    } catch {
      return 'missing';
    }
    const known = this.verdicts.get(file);
    if (known !== undefined && known.size === s.size && known.mtimeMs === s.mtimeMs) return known.status;
    const status: MediaStatus = createHash('sha256').update(readFileSync(file)).digest('hex') === sha256 ? 'ok' : 'changed';
    this.verdicts.set(file, { size: s.size, mtimeMs: s.mtimeMs, status });
    return status;
  }

  /** Whether the file is there at all (a cheap check for lists; check() hashes). */
  exists(path: string): boolean {
    return existsSync(join(this.dataDir, path));
  }

  /** The bytes of a stored file and its status (null bytes when missing). */
  async read(sha256: string, path: string): Promise<{ status: MediaStatus; bytes: Buffer | null }> {
    const file = join(this.dataDir, path);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return { status: 'missing', bytes: null };
    }
    const status: MediaStatus = createHash('sha256').update(bytes).digest('hex') === sha256 ? 'ok' : 'changed';
    return { status, bytes };
  }

  absolute(path: string): string {
    return join(this.dataDir, path);
  }
}
