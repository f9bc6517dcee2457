import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isBuiltinSchedule, type MarkerSchedule } from '../../../../shared/strategy/marker-schedule';
import type { StrategyParams } from '../../../../shared/strategy/strategy';
import { DEFAULT_SETTINGS } from '../../app/default-settings';
import { DATABASE_FILE, resolveDataDir } from '../../config/data-dir';
import { migrate, MIGRATIONS, openDatabase, SettingsRepository } from '../../store';
import type { CliIo } from '../cli-io';

/**
 * The user's marker schedules, from the data directory's settings (the same
 * ones the app edits), read only when the parameters name a schedule that is
 * neither `auto` nor a built-in one: a run on a CSV with the built-in
 * schedules never opens (or creates) a store.
 */
export function userSchedulesFor(params: StrategyParams, dataDirFlag: string | undefined, io: CliIo): readonly MarkerSchedule[] {
  const name = params['schedule'];
  if (typeof name !== 'string' || name === 'auto' || isBuiltinSchedule(name)) return [];
  const file = join(resolveDataDir({ flag: dataDirFlag, env: io.env.TAPEDECK_DATA_DIR }), DATABASE_FILE);
  if (!existsSync(file)) return [];
  const db = openDatabase(file);
  try {
    migrate(db, MIGRATIONS, () => Date.now());
    return new SettingsRepository(db, DEFAULT_SETTINGS, () => Date.now()).get().markerSchedules;
  } finally {
    db.close();
  }
}
