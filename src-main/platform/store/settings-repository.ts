import { ContractFailure, parseAt, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/contract';
import type { Db } from './database';

const KEY = 'app';

/**
 * The user's settings, stored as one validated JSON document. A patch is
 * merged and the whole result validated before anything is written, so a bad
 * field never leaves a half-applied change behind.
 */
export class SettingsRepository {
  private readonly select;
  private readonly upsert;

  constructor(
    private readonly db: Db,
    private readonly defaults: Settings,
    private readonly now: () => number,
  ) {
    this.select = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.upsert = db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
  }

  get(): Settings {
    const row = this.select.get(KEY) as { value: string } | undefined;
    if (row === undefined) return this.defaults;
    // Fields added by a newer release fall back to their defaults; a stored
    // document that no longer validates is reported rather than silently replaced.
    const stored: unknown = JSON.parse(row.value);
    const merged = { ...this.defaults, ...(typeof stored === 'object' && stored !== null ? stored : {}) };
    const parsed = settingsSchema.safeParse(merged);
    if (!parsed.success) {
      throw new Error(`stored settings are invalid: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
    }
    return parsed.data;
  }

  /**
   * `patch` must already be parsed with settingsPatchSchema. A field given as
   * `undefined` (possible over IPC, not JSON) means "unchanged", like an absent one.
   */
  set(patch: SettingsPatch): Settings {
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    return this.db
      .transaction(() => {
        const next = parseAt(settingsSchema, { ...this.get(), ...changes }, 'params');
        if (!next.ok) throw new ContractFailure('BAD_REQUEST', next.error.message, next.error.path);
        this.upsert.run(KEY, JSON.stringify(next.value), this.now());
        return next.value;
      })
      .immediate();
  }
}
