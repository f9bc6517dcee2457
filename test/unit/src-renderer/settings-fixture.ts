import type { Settings } from '../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../src-main/platform/app/default-settings';

/** Whole settings for renderer tests: the embedded defaults with `changes`. */
export function settingsWith(changes: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, ...changes };
}
