import type { HealthStore } from '../app/health-store';
import type { FeedsStore } from '../feeds/feeds-store';
import type { HotkeyStore } from '../hotkeys/hotkey-store';
import type { SettingsSlice } from '../settings/settings-slice';
import type { SettingsStore } from '../settings/settings-store';

/** The window's stores trading reads besides its own: settings, feeds and health, the chart layout, the keyboard's notes. */
export interface TradingInputs {
  readonly settings: SettingsStore;
  readonly feeds: FeedsStore;
  readonly health: HealthStore;
  readonly chartLayout: SettingsSlice<'chartLayout'>;
  readonly hotkeys: HotkeyStore;
}
