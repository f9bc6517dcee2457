import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ContractFailure, parseAt, settingsPatchSchema } from '../../../../shared/contract';
import type { MarkerSchedule, MarkerScheduleInput } from '../../../../shared/strategy/marker-schedule';
import { DEFAULT_SETTINGS } from '../../app/default-settings';
import { openStore } from '../../app/open-store';
import { DATABASE_FILE, resolveDataDir } from '../../config/data-dir';
import { SettingsRepository } from '../../store';
import type { CliIo } from '../cli-io';
import { dataDirOption } from '../data-dir-option';

/** The user's marker schedules in a data directory's settings (the ones the app edits), read and replaced without starting the core. */
export interface DataDirSchedules {
  readonly list: () => readonly MarkerSchedule[];
  /** Replaces the whole list (validated whole, as `settings.set` does); a refusal is a ContractFailure whose path names the field. */
  readonly replace: (next: readonly MarkerScheduleInput[]) => void;
  readonly close: () => void;
}

function dataDir(flag: string | undefined, io: CliIo): string {
  return resolveDataDir({ flag, env: io.env.TAPEDECK_DATA_DIR });
}

/** Opens (creating it if need be) the data directory's store: `--data-dir`, else TAPEDECK_DATA_DIR, else ~/.tapedeck. */
export function openDataDirSchedules(flag: string | undefined, io: CliIo): DataDirSchedules {
  const store = openStore(dataDirOption(flag, io));
  const settings = new SettingsRepository(store.db, DEFAULT_SETTINGS, () => Date.now());
  return {
    list: () => settings.get().markerSchedules,
    replace: (next) => {
      // Parsed as `settings.set` parses its params, then validated whole by the repository.
      const patch = parseAt(settingsPatchSchema, { markerSchedules: next }, 'params');
      if (!patch.ok) throw new ContractFailure('BAD_REQUEST', patch.error.message, patch.error.path);
      settings.set(patch.value);
    },
    close: () => {
      store.close();
    },
  };
}

/** The same, or null (no user schedules) when the directory has no store yet: it is left untouched. */
export function openStoredSchedules(flag: string | undefined, io: CliIo): DataDirSchedules | null {
  return existsSync(join(dataDir(flag, io), DATABASE_FILE)) ? openDataDirSchedules(flag, io) : null;
}

/** A refused write as the field it names (`params.markerSchedules[3].name` → "name", "" for none) and its message without the path. */
export function refusal(err: unknown): { readonly field: string; readonly message: string } | null {
  if (!(err instanceof ContractFailure)) return null;
  const { path, message } = err.error;
  const field = /^params\.markerSchedules(?:\[\d+\])?\.?([a-z]*)/i.exec(path)?.[1] ?? '';
  return { field, message: message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message };
}
