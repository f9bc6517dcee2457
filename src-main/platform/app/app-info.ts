import type { AppInfo } from '../../../shared/contract';
import { asEpochMs } from '../../../shared/domain/epoch';

export const APP_VERSION = '0.1.0';

export interface RuntimeFacts {
  readonly mode: AppInfo['mode'];
  readonly dataDir: string;
  readonly startedAt: number;
  readonly sqliteVersion: string;
  readonly electron: string | null;
  readonly chrome: string | null;
}

export function appInfo(facts: RuntimeFacts): AppInfo {
  return {
    name: 'Tapedeck',
    version: APP_VERSION,
    mode: facts.mode,
    platform: `${process.platform}-${process.arch}`,
    versions: { node: process.versions.node, electron: facts.electron, chrome: facts.chrome, sqlite: facts.sqliteVersion },
    dataDir: facts.dataDir,
    startedAt: asEpochMs(facts.startedAt),
  };
}
