import { DataDirError, ensureDataDir, resolveDataDir } from '../config/data-dir';
import { UsageError, type CliIo } from './cli-io';

/**
 * The data directory a command uses (`--data-dir`, else TAPEDECK_DATA_DIR,
 * else ~/.tapedeck), checked and created before anything opens it. A
 * directory that cannot be used is a UsageError naming where it came from:
 * "--data-dir: "/proc/1/nope" cannot be created: "/proc/1" is not writable".
 */
export function dataDirOption(flag: string | undefined, io: CliIo): string {
  const dir = resolveDataDir({ flag, env: io.env.TAPEDECK_DATA_DIR });
  try {
    return ensureDataDir(dir);
  } catch (err) {
    if (!(err instanceof DataDirError)) throw err;
    const fromEnv = (flag === undefined || flag.trim() === '') && (io.env.TAPEDECK_DATA_DIR ?? '').trim() !== '';
    throw new UsageError(`--data-dir: ${err.message}${fromEnv ? ' (from TAPEDECK_DATA_DIR)' : ''}`);
  }
}
