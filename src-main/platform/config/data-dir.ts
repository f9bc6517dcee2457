import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface DataDirSources {
  readonly flag?: string | undefined;
  readonly env?: string | undefined;
  readonly home?: string;
}

/** `--data-dir`, else TAPEDECK_DATA_DIR, else ~/.tapedeck (serve and CLI; Electron uses userData). */
export function resolveDataDir(sources: DataDirSources): string {
  const pick = [sources.flag, sources.env].find((v) => v !== undefined && v.trim() !== '');
  return pick !== undefined ? resolve(pick) : join(sources.home ?? homedir(), '.tapedeck');
}

/** The data directory cannot be used; the message names the path and why. */
export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

function errnoOf(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? 'error';
}

function kindOf(path: string): 'dir' | 'other' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'other';
  } catch (err) {
    // ENOTDIR: a level above is a file, which the walk up then names.
    if (errnoOf(err) === 'ENOENT' || errnoOf(err) === 'ENOTDIR') return 'missing';
    throw new DataDirError(`"${path}" cannot be examined (${errnoOf(err)})`);
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure `dir` can hold the store before anything opens it: walks up to
 * the nearest existing ancestor, refuses it if it is not a directory or not
 * writable, then creates the missing levels one by one (private to the
 * user). One mkdir per level and no retries, so a path into a pseudo
 * filesystem (/proc/1/nope) fails at once instead of looping as a recursive
 * mkdir can. Throws DataDirError; returns `dir`.
 */
export function ensureDataDir(dir: string): string {
  const missing: string[] = [];
  let at = resolve(dir);
  for (let kind = kindOf(at); kind !== 'dir'; kind = kindOf(at)) {
    if (kind === 'other') throw new DataDirError(at === resolve(dir) ? `"${at}" is not a directory` : `"${dir}" cannot be created: "${at}" is not a directory`);
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) throw new DataDirError(`"${dir}" cannot be created: no part of it exists`);
    at = parent;
  }
  if (!writable(at)) throw new DataDirError(missing.length === 0 ? `"${at}" is not writable` : `"${dir}" cannot be created: "${at}" is not writable`);
  for (const level of missing) {
    try {
      mkdirSync(level, { mode: 0o700 });
    } catch (err) {
      // Another process made it meanwhile: fine when it is a directory.
      if (errnoOf(err) === 'EEXIST' && kindOf(level) === 'dir') continue;
      throw new DataDirError(`"${dir}" cannot be created: mkdir "${level}" failed (${errnoOf(err)})`);
    }
  }
  return dir;
}

export const DATABASE_FILE = 'tapedeck.sqlite';
