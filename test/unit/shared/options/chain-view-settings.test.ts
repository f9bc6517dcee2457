import { describe, expect, it } from 'vitest';
import { parseAt, settingsPatchSchema, settingsSchema, type Settings } from '../../../../shared/contract';
import { chainViewSettingsSchema } from '../../../../shared/options/chain-view-settings';
import { DEFAULT_SETTINGS } from '../../../../src-main/platform/app/default-settings';
import { chainViewOf, chainViewSettingsOf, sameChainView } from '../../../../src-renderer/options/chain-view';

const pathOf = (value: unknown): string => {
  const r = parseAt(settingsPatchSchema, value, 'params');
  return r.ok ? 'parsed' : r.error.path;
};

describe('settings.optionsChain (the chain’s columns and filters)', () => {
  it('{} is a whole section: the columns shown by default, ±10 strikes, no filter', () => {
    expect(chainViewSettingsSchema.parse({})).toEqual({ columns: ['bid', 'ask', 'mid', 'volume', 'oi', 'iv', 'delta'], strikes: 10, deltaMin: 0, deltaMax: 1, minOpenInterest: 0, maxSpreadPct: null });
    expect(DEFAULT_SETTINGS.optionsChain).toEqual(chainViewSettingsSchema.parse({}));
  });

  it('keeps what the trader chose, in their order', () => {
    const chosen = { columns: ['last', 'bid', 'ask'], strikes: null, deltaMin: 0.3, deltaMax: 0.7, minOpenInterest: 500, maxSpreadPct: 12.5 };
    expect(chainViewSettingsSchema.parse(chosen)).toEqual(chosen);
    expect(chainViewSettingsSchema.parse({ strikes: 40, columns: [] })).toMatchObject({ strikes: 40, columns: [], deltaMin: 0 });
  });

  it('refuses a bad field, naming it', () => {
    expect(pathOf({ optionsChain: { strikes: 7 } })).toBe('params.optionsChain.strikes');
    expect(pathOf({ optionsChain: { columns: ['bid', 'theta'] } })).toBe('params.optionsChain.columns[1]');
    expect(pathOf({ optionsChain: { columns: ['bid', 'bid'] } })).toBe('params.optionsChain.columns');
    expect(pathOf({ optionsChain: { deltaMax: 1.5 } })).toBe('params.optionsChain.deltaMax');
    expect(pathOf({ optionsChain: { minOpenInterest: -1 } })).toBe('params.optionsChain.minOpenInterest');
    expect(pathOf({ optionsChain: { maxSpreadPct: 'wide' } })).toBe('params.optionsChain.maxSpreadPct');
    expect(pathOf({ optionsChain: { rows: 3 } })).toBe('params.optionsChain');
    expect(pathOf({ optionsChain: { maxSpreadPct: 8 } })).toBe('parsed');
  });

  it('settings stored before the field existed get the default section (the repository merges the embedded defaults)', () => {
    const older: Partial<Settings> = { ...DEFAULT_SETTINGS };
    delete older.optionsChain;
    expect(settingsSchema.safeParse(older).success).toBe(false);
    expect(settingsSchema.parse({ ...DEFAULT_SETTINGS, ...older }).optionsChain.strikes).toBe(10);
  });

  it('round-trips through the panel’s view', () => {
    const stored = chainViewSettingsSchema.parse({ columns: ['delta', 'bid'], strikes: 5, maxSpreadPct: 20 });
    const view = chainViewOf(stored);
    expect(chainViewSettingsOf(view)).toEqual(stored);
    expect(sameChainView(view, chainViewOf(stored))).toBe(true);
    expect(sameChainView(view, { ...view, columns: ['bid', 'delta'] })).toBe(false);
    expect(sameChainView(view, { ...view, minOpenInterest: 1 })).toBe(false);
  });
});
