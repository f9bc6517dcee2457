import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../../shared/contract';
import { paperSettingsSchema } from '../../../../shared/trading/paper-settings';
import { DEFAULT_SETTINGS } from '../../../../src-main/platform/app/default-settings';
import { paperSettingsAtStart } from '../../../../src-main/trading/paper-settings-at-start';

describe('settings.paper', () => {
  it('{} is the whole section on its defaults (limits through, 1 tick slippage, 100 ms, 10% participation, stop first; 1-tick half-spread)', () => {
    expect(paperSettingsSchema.parse({})).toEqual({
      fill: { limitFill: 'through', slippage: { unit: 'ticks', amount: 1 }, latencyMs: 100, participation: 0.1, sameBarExits: 'stop_first' },
      halfSpreadTicks: 1,
    });
    expect(DEFAULT_SETTINGS.paper).toEqual(paperSettingsSchema.parse({}));
  });

  it('a partial fill section keeps the other defaults; a bad value names its field', () => {
    expect(paperSettingsSchema.parse({ fill: { limitFill: 'touch' } }).fill).toEqual({ limitFill: 'touch', slippage: { unit: 'ticks', amount: 1 }, latencyMs: 100, participation: 0.1, sameBarExits: 'stop_first' });
    const bad = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, paper: { fill: { latencyMs: -1 } } });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'))).toEqual(['paper.fill.latencyMs']);
    const unknown = paperSettingsSchema.safeParse({ halfSpread: 2 });
    expect(unknown.success).toBe(false);
  });

  it('read at start; unreadable stored settings leave the defaults and a warning', () => {
    const custom = paperSettingsSchema.parse({ fill: { latencyMs: 0 }, halfSpreadTicks: 3 });
    const warnings: string[] = [];
    const log = { warn: (m: string) => warnings.push(m) };
    expect(paperSettingsAtStart({ get: () => ({ ...DEFAULT_SETTINGS, paper: custom }) }, log)).toEqual(custom);
    expect(warnings).toEqual([]);
    const broken = {
      get: () => {
        throw new Error('stored settings are invalid: bad');
      },
    };
    expect(paperSettingsAtStart(broken, log)).toEqual(paperSettingsSchema.parse({}));
    expect(warnings).toEqual(['paper trading: the stored settings could not be read, fills on their defaults (stored settings are invalid: bad)']);
  });
});
