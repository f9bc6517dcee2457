import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../../shared/contract';
import { chainViewSettingsSchema } from '../../../../shared/options/chain-view-settings';
import { bindChainViewSettings } from '../../../../src-renderer/options/chain-view-persist';
import { createOptionsStore, type OptionsStore } from '../../../../src-renderer/options/options-store';
import { createSettingsSlice } from '../../../../src-renderer/settings/settings-slice';
import { createSettingsStore } from '../../../../src-renderer/settings/settings-store';
import { fakeClient, type FakeClient } from '../fakes';
import { settingsWith } from '../settings-fixture';

describe('the chain’s view and settings.optionsChain', () => {
  let client: FakeClient;
  let stored: Settings;
  let options: OptionsStore;
  let stops: (() => void)[];
  const writes = (): unknown[] => client.calls.filter((c) => c.method === 'settings.set').map((c) => c.params);

  beforeEach(async () => {
    vi.useFakeTimers();
    client = fakeClient();
    stored = settingsWith({ optionsChain: chainViewSettingsSchema.parse({ columns: ['bid', 'ask', 'last'], strikes: 20, minOpenInterest: 250 }) });
    client.answer((method, params) => {
      if (method === 'settings.set') stored = { ...stored, ...(params as Partial<Settings>) };
      return stored;
    });
    const settings = createSettingsStore(client);
    const slice = createSettingsSlice('optionsChain', settings, { delayMs: 400 });
    options = createOptionsStore(client);
    stops = [settings.getState().start(), slice.getState().start(), bindChainViewSettings(options, slice)];
    await vi.runAllTimersAsync();
  });
  afterEach(() => {
    for (const stop of stops) stop();
    vi.useRealTimers();
  });

  it('shows the stored view once the settings arrive, without writing it back', () => {
    expect(options.getState().view).toEqual({ columns: ['bid', 'ask', 'last'], strikes: 20, deltaMin: 0, deltaMax: 1, minOpenInterest: 250, maxSpreadPct: null });
    expect(writes()).toEqual([]);
  });

  it('saves the trader’s changes once they pause, in one settings.set', async () => {
    options.getState().setView({ maxSpreadPct: 1 });
    options.getState().setView({ maxSpreadPct: 15 });
    options.getState().setView({ deltaMin: 0.25, strikes: null });
    await vi.advanceTimersByTimeAsync(399);
    expect(writes()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes()).toEqual([{ optionsChain: { columns: ['bid', 'ask', 'last'], strikes: null, deltaMin: 0.25, deltaMax: 1, minOpenInterest: 250, maxSpreadPct: 15 } }]);
    expect(stored.optionsChain).toMatchObject({ strikes: null, deltaMin: 0.25, maxSpreadPct: 15 });
  });

  it('follows a change from another window', () => {
    const theirs = { ...stored, optionsChain: { ...stored.optionsChain, columns: ['delta' as const], maxSpreadPct: 5 } };
    for (const s of client.active().filter((x) => x.event === 'settings.changed')) s.deliver(theirs);
    expect(options.getState().view).toMatchObject({ columns: ['delta'], maxSpreadPct: 5, strikes: 20 });
    expect(writes()).toEqual([]);
  });
});
