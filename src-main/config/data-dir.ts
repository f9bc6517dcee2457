import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

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

/** Creates the directory (private to the user) if it is missing. */
export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export const DATABASE_FILE = 'tapedeck.sqlite';
