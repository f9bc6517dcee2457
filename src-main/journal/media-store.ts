import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where media live under the data directory. */
export const MEDIA_DIR = 'media';

export interface StoredMedia {
  readonly sha256: string;
  /** Relative to the data directory. */
  readonly path: string;
  readonly bytes: number;
}

/**
 * Screenshots (and later other media) under the data directory, named by the
 * SHA-256 of their bytes (media/ab/ab12….png): the same image is stored once,
 * a file is written to a temporary name and renamed into place (a crash
 * leaves either the whole file or none), and a file whose bytes no longer
 * match its name can be told.
 */
export class MediaStore {
  constructor(private readonly dataDir: string) {}

  /** Stores `bytes` (idempotent: an existing file of the same hash is kept). */
  put(bytes: Uint8Array, ext: 'png'): StoredMedia {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const rel = join(MEDIA_DIR, sha256.slice(0, 2), `${sha256}.${ext}`);
    const file = join(this.dataDir, rel);
    if (!existsSync(file)) {
      mkdirSync(join(this.dataDir, MEDIA_DIR, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        writeFileSync(tmp, bytes, { mode: 0o600, flush: true });
        renameSync(tmp, file);
      } catch (err) {
        rmSync(tmp, { force: true });
        throw err;
      }
    }
    return { sha256, path: rel, bytes: bytes.byteLength };
  }

  /** 'ok', 'missing' (no file) or 'changed' (its bytes no longer hash to its name). */
  check(sha256: string, path: string): 'ok' | 'missing' | 'changed' {
    const file = join(this.dataDir, path);
    if (!existsSync(file)) return 'missing';
    return createHash('sha256').update(readFileSync(file)).digest('hex') === sha256 ? 'ok' : 'changed';
  }

  absolute(path: string): string {
    return join(this.dataDir, path);
  }
}
