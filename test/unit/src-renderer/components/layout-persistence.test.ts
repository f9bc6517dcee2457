// @vitest-environment happy-dom
import { act, createElement, type ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../../shared/contract';
import { LAYOUT_SAVE_DELAY_MS } from '../../../../src-renderer/app/app-stores';
import { useGlobalHotkeys } from '../../../../src-renderer/hotkeys/use-global-hotkeys';
import { LayoutToolbar } from '../../../../src-renderer/layout/layout-toolbar';
import { fakeClient, type FakeClient } from '../fakes';
import { settingsWith } from '../settings-fixture';
import { render, type Rendered } from './render';

function Keyboard(): null {
  useGlobalHotkeys();
  return null;
}

const both = (): ReactElement => createElement('div', null, createElement(LayoutToolbar), createElement(Keyboard));

describe('layout persistence and the keyboard', () => {
  let client: FakeClient;
  let stored: Settings;
  let view: Rendered;
  const writes = (): Partial<Settings>[] => client.calls.filter((c) => c.method === 'settings.set').map((c) => c.params as Partial<Settings>);
  const click = async (testId: string): Promise<void> => {
    const el = view.container.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
    if (el === null) throw new Error(`no ${testId}`);
    await act(async () => {
      el.click();
      await Promise.resolve();
    });
  };
  const press = async (key: string, init: KeyboardEventInit = {}): Promise<void> => {
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
      await Promise.resolve();
    });
  };

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    client = fakeClient();
    stored = settingsWith({});
    client.answer((method, params) => {
      if (method === 'settings.set') stored = { ...stored, ...(params as Partial<Settings>) };
      return method === 'settings.get' || method === 'settings.set' ? stored : {};
    });
    view = await render(both(), client);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
  });
  afterEach(async () => {
    await view.unmount();
    vi.useRealTimers();
  });

  it('switches to 2×2 at once and stores the layout once the clicks pause', async () => {
    expect(view.container.querySelector('[data-testid="layout-1"]')?.getAttribute('aria-pressed')).toBe('true');
    await click('layout-2h');
    await click('layout-4');
    expect(view.container.querySelector('[data-testid="layout-4"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(writes()).toEqual([]);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(LAYOUT_SAVE_DELAY_MS);
    });
    expect(writes()).toHaveLength(1);
    expect(stored.chartLayout.layout).toBe('4');
    expect(stored.chartLayout.panes).toHaveLength(4);
    await click('layout-sync');
    await click('layout-link');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(LAYOUT_SAVE_DELAY_MS);
    });
    expect(writes()).toHaveLength(2);
    expect(stored.chartLayout).toMatchObject({ syncCrosshair: false, linkSymbols: true });
  });

  it('types a timeframe for the active pane, activates panes with Alt+digit, and opens the symbol search on a letter', async () => {
    await click('layout-4');
    await press('1');
    await press('5');
    expect(view.stores.hotkeys.getState().pending).toBe('15');
    await press('Enter');
    expect(view.stores.chartLayout.getState().value?.panes[0]?.interval).toBe('15m');
    await press('3', { altKey: true, code: 'Digit3' });
    expect(view.stores.chartLayout.getState().value?.activePane).toBe(2);
    await press('h');
    expect(view.stores.hotkeys.getState().pending).toBe('');
    expect(view.stores.hotkeys.getState().search).toEqual({ text: 'H' });
    await press('Escape');
    expect(view.stores.hotkeys.getState().search).toBeNull();
    await press('D');
    await press('Enter');
    expect(view.stores.chartLayout.getState().value?.panes.map((p) => p.interval)).toEqual(['15m', '5m', '1d', '5m']);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(LAYOUT_SAVE_DELAY_MS);
    });
    expect(stored.chartLayout.panes[2]?.interval).toBe('1d');
    expect(stored.chartLayout.activePane).toBe(2);
  });

  it('leaves keys typed into a text field alone, except Esc', async () => {
    const input = document.createElement('input');
    view.container.append(input);
    input.focus();
    await act(async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: '5', bubbles: true, cancelable: true }));
      await Promise.resolve();
    });
    expect(view.stores.hotkeys.getState().pending).toBe('');
    view.stores.hotkeys.getState().openSheet();
    await act(async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
      await Promise.resolve();
    });
    expect(view.stores.hotkeys.getState().sheet).toBe(false);
  });

  it('stores the crypto/FX time zone when chosen', async () => {
    const select = view.container.querySelector<HTMLSelectElement>('[data-testid="chart-time-zone"]');
    expect(select?.value).toBe('UTC');
    await act(async () => {
      if (select === null) return;
      select.value = 'local';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await Promise.resolve();
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(writes()).toContainEqual({ chartTimeZone: 'local' });
    expect(stored.chartTimeZone).toBe('local');
  });
});
