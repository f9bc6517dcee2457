import { settingsSchema, type Settings } from '../../../shared/contract';
import defaults from '../../../resources/default-settings.json';

/** The embedded defaults a first run starts from (resources/default-settings.json, checked at load). */
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse(defaults);
