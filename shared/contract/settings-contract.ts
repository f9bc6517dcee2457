import { z } from 'zod';
import { chartLayoutSchema } from '../chart/chart-layout-settings';
import { chartTimeZoneSchema } from '../chart/chart-time-zone';
import { panelSizesSchema } from '../chart/panel-sizes-settings';
import { feedIdSchema } from '../domain/feed';
import { intervalSchema } from '../domain/interval';
import { symbolSchema } from '../domain/symbol';
import { chainViewSettingsSchema } from '../options/chain-view-settings';
import { markerSchedulesSchema } from '../strategy/marker-schedule';
import { paperSettingsSchema } from '../trading/paper-settings';
import { ticketSettingsSchema } from '../trading/ticket-settings';
import { event, method, noParams } from './define';

/** Everything the user can set. Stored whole; every write is validated whole. */
export const settingsSchema = z
  .object({
    theme: z.enum(['dark', 'light']),
    defaultFeed: feedIdSchema,
    defaultInterval: intervalSchema,
    watchlist: z
      .array(symbolSchema)
      .max(200)
      .refine((list) => new Set(list).size === list.length, 'watchlist has a duplicate symbol'),
    /** Not read by the app yet; the charts' axes follow chartTimeZone (crypto, FX) and New York (US equities). */
    displayTimeZone: z.enum(['exchange', 'local', 'UTC']),
    /**
     * The user's marker schedules (shared/strategy/marker-schedule.ts). No
     * zod default here (a patch would reset them): settings stored before
     * this field existed get the embedded default, [].
     */
    markerSchedules: markerSchedulesSchema,
    /**
     * The chart area (shared/chart/chart-layout-settings.ts), the panel sizes
     * and the crypto/FX chart time zone. Like markerSchedules, no zod default
     * (a patch would reset them): stored settings without them get the embedded ones.
     */
    chartLayout: chartLayoutSchema,
    panels: panelSizesSchema,
    chartTimeZone: chartTimeZoneSchema,
    /**
     * The order ticket's defaults (shared/trading/ticket-settings.ts): every
     * field inside has its zod default (`{}` is a whole section); the section
     * itself has none, like chartLayout, so a patch of other fields keeps it.
     */
    ticket: ticketSettingsSchema,
    /** The local paper broker's fills and the synthetic quotes' half-spread (shared/trading/paper-settings.ts); read when the core starts. */
    paper: paperSettingsSchema,
    /** The options chain's columns, strikes around the money and filters (shared/options/chain-view-settings.ts); `{}` is a whole section. */
    optionsChain: chainViewSettingsSchema,
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

/** A patch names only the fields it changes; unknown fields are refused, never ignored. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const settingsMethods = {
  'settings.get': method({
    description: 'The current settings.',
    params: noParams,
    result: settingsSchema,
  }),
  'settings.set': method({
    description: 'Applies a patch atomically: all of it, or (on any bad field) none of it.',
    params: settingsPatchSchema,
    result: settingsSchema,
  }),
};

export const settingsEvents = {
  'settings.changed': event({
    description: 'The current settings now, then after every change from any window.',
    params: noParams,
    payload: settingsSchema,
  }),
};
