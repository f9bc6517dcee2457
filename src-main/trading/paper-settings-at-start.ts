import { paperSettingsSchema, type PaperSettings } from '../../shared/trading/paper-settings';
import type { Logger } from '../platform/rpc';
import type { SettingsRepository } from '../platform/store';

/** settings.paper as the core starts; stored settings it cannot read leave the paper broker on its defaults (and say so). */
export function paperSettingsAtStart(settings: Pick<SettingsRepository, 'get'>, log: Pick<Logger, 'warn'>): PaperSettings {
  try {
    return settings.get().paper;
  } catch (err: unknown) {
    log.warn(`paper trading: the stored settings could not be read, fills on their defaults (${err instanceof Error ? err.message : String(err)})`);
    return paperSettingsSchema.parse({});
  }
}
