import { describe, expect, it } from 'vitest';
import { chartLayoutSchema, paneCountOf } from '../../../../shared/chart/chart-layout-settings';
import { panelSizesSchema } from '../../../../shared/chart/panel-sizes-settings';
import { settingsPatchSchema, settingsSchema } from '../../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../../src-main/platform/app/default-settings';

const pane = { symbol: null, interval: '5m', source: null, showVolume: true };
/** A pane as shipped: no indicators, the traders' levels chosen but hidden until turned on. */
const shippedPane = { ...pane, indicators: [], levels: { show: false, orb: true, timeWindow: true, signals: true } };

describe('chart settings', () => {
  it('ships one pane, panels of 232 | 272 px and a 260 px bottom, and crypto/FX on UTC', () => {
    expect(DEFAULT_SETTINGS.chartLayout).toEqual({ layout: '1', panes: [shippedPane], activePane: 0, linkSymbols: false, syncCrosshair: true });
    expect(DEFAULT_SETTINGS.panels).toEqual({ leftWidth: 232, rightWidth: 272, bottomHeight: 260, leftCollapsed: false, rightCollapsed: false, bottomCollapsed: false });
    expect(DEFAULT_SETTINGS.chartTimeZone).toBe('UTC');
    expect(['1', '2h', '2v', '4'].map((l) => paneCountOf(l as '1'))).toEqual([1, 2, 2, 4]);
  });

  it('loads a settings document stored before these fields existed (merged over the defaults, as SettingsRepository does)', () => {
    const old = { theme: 'light', defaultFeed: 'sim', defaultInterval: '15m', watchlist: ['SPY'], displayTimeZone: 'exchange', markerSchedules: [] };
    const loaded = settingsSchema.parse({ ...DEFAULT_SETTINGS, ...old });
    expect(loaded.chartLayout).toEqual(DEFAULT_SETTINGS.chartLayout);
    expect(loaded.theme).toBe('light');
  });

  it('refuses panes past four, an active pane past 3, unknown pane fields and panel sizes out of bounds', () => {
    const layout = DEFAULT_SETTINGS.chartLayout;
    expect(chartLayoutSchema.safeParse({ ...layout, panes: Array.from({ length: 5 }, () => pane) }).success).toBe(false);
    expect(chartLayoutSchema.safeParse({ ...layout, panes: [] }).success).toBe(false);
    expect(chartLayoutSchema.safeParse({ ...layout, activePane: 4 }).success).toBe(false);
    expect(chartLayoutSchema.safeParse({ ...layout, panes: [{ ...pane, colour: 'red' }] }).success).toBe(false);
    expect(chartLayoutSchema.safeParse({ ...layout, panes: [{ ...pane, interval: '2m' }] }).success).toBe(false);
    expect(panelSizesSchema.safeParse({ ...DEFAULT_SETTINGS.panels, bottomHeight: 60 }).success).toBe(false);
    expect(panelSizesSchema.safeParse({ ...DEFAULT_SETTINGS.panels, leftWidth: 240.5 }).success).toBe(false);
  });

  it('takes a patch of one of them alone, leaving the rest as stored (no defaults in the patch)', () => {
    expect(settingsPatchSchema.parse({ chartTimeZone: 'local' })).toEqual({ chartTimeZone: 'local' });
    expect(settingsPatchSchema.safeParse({ panels: { leftWidth: 300 } }).success).toBe(false);
  });
});
