import { describe, expect, it } from 'vitest';
import { isTimeframePrefix, nextHotkey, parseTimeframe, type KeyInput } from '../../../../src-renderer/hotkeys/hotkey-parse';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  code: mods.code ?? '',
  altKey: mods.altKey ?? false,
  ctrlKey: mods.ctrlKey ?? false,
  metaKey: mods.metaKey ?? false,
  shiftKey: mods.shiftKey ?? false,
});

/** Types `keys` one after another from no pending command; returns the pending text and the last action. */
function typed(...keys: KeyInput[]): ReturnType<typeof nextHotkey> {
  let pending = '';
  let last = nextHotkey(pending, key('Unidentified'));
  for (const k of keys) {
    last = nextHotkey(pending, k);
    pending = last.pending;
  }
  return last;
}
const chars = (text: string): KeyInput[] => Array.from(text, (c) => c).map((c) => key(c, { shiftKey: c !== c.toLowerCase() }));

describe('parseTimeframe', () => {
  it.each([
    ['1', '1m'],
    ['3', '3m'],
    ['5', '5m'],
    ['15', '15m'],
    ['30', '30m'],
    ['5m', '5m'],
    ['15m', '15m'],
    ['60', '1h'],
    ['1h', '1h'],
    ['1H', '1h'],
    ['240', '4h'],
    ['4h', '4h'],
    ['D', '1d'],
    ['d', '1d'],
    ['1D', '1d'],
    ['W', '1w'],
    ['1w', '1w'],
  ])('%s → %s', (text, interval) => {
    expect(parseTimeframe(text)).toBe(interval);
  });

  it('refuses what is not a timeframe', () => {
    for (const text of ['', '2', '7', '10', '2h', 'M', 'DI', '1x']) expect(parseTimeframe(text)).toBeNull();
  });

  it('knows which texts can still become a timeframe', () => {
    expect(['1', '2', '24', 'D', '1', '1d'].map(isTimeframePrefix)).toEqual([true, true, true, true, true, true]);
    expect(['', 'DI', 'A', '7', 'H', '5h'].map(isTimeframePrefix)).toEqual([false, false, false, false, false, false]);
  });
});

describe('nextHotkey', () => {
  it('builds a timeframe from digits and applies it on Enter ("5" Enter → 5m)', () => {
    expect(nextHotkey('', key('5'))).toEqual({ pending: '5', action: { kind: 'pending', text: '5' }, handled: true });
    expect(typed(key('5'), key('Enter'))).toEqual({ pending: '', action: { kind: 'interval', interval: '5m' }, handled: true });
    expect(typed(...chars('15'), key('Enter')).action).toEqual({ kind: 'interval', interval: '15m' });
    expect(typed(...chars('1h'), key('Enter')).action).toEqual({ kind: 'interval', interval: '1h' });
    expect(typed(...chars('4h'), key('Enter')).action).toEqual({ kind: 'interval', interval: '4h' });
    expect(typed(...chars('D'), key('Enter')).action).toEqual({ kind: 'interval', interval: '1d' });
    expect(typed(...chars('1D'), key('Enter')).action).toEqual({ kind: 'interval', interval: '1d' });
    expect(typed(...chars('W'), key('Enter')).action).toEqual({ kind: 'interval', interval: '1w' });
  });

  it('opens the symbol search with everything typed once a letter cannot make a timeframe', () => {
    expect(typed(key('a'))).toEqual({ pending: '', action: { kind: 'symbol-search', text: 'A' }, handled: true });
    expect(typed(...chars('DI')).action).toEqual({ kind: 'symbol-search', text: 'DI' });
    expect(nextHotkey('', key('s')).action).toEqual({ kind: 'symbol-search', text: 'S' });
  });

  it('hands an Enter on a command that is no timeframe to the symbol search, and leaves a bare Enter alone', () => {
    expect(typed(...chars('7'), key('Enter')).action).toEqual({ kind: 'symbol-search', text: '7' });
    expect(nextHotkey('', key('Enter'))).toEqual({ pending: '', action: { kind: 'none' }, handled: false });
  });

  it('corrects the command with Backspace', () => {
    expect(nextHotkey('15', key('Backspace'))).toEqual({ pending: '1', action: { kind: 'pending', text: '1' }, handled: true });
    expect(nextHotkey('', key('Backspace')).handled).toBe(false);
  });

  it('closes with Esc, shows the sheet with ?, activates panes with Alt+1..4 (by physical key)', () => {
    expect(nextHotkey('15', key('Escape'))).toEqual({ pending: '', action: { kind: 'close' }, handled: true });
    expect(nextHotkey('', key('?', { shiftKey: true })).action).toEqual({ kind: 'shortcuts' });
    expect(nextHotkey('', key('¡', { altKey: true, code: 'Digit1' })).action).toEqual({ kind: 'focus-pane', index: 0 });
    expect(nextHotkey('', key('4', { altKey: true, code: 'Digit4' })).action).toEqual({ kind: 'focus-pane', index: 3 });
    expect(nextHotkey('', key('5', { altKey: true, code: 'Digit5' })).handled).toBe(false);
  });

  it('scrolls with the arrows when no command is being typed', () => {
    expect(nextHotkey('', key('ArrowLeft')).action).toEqual({ kind: 'scroll', direction: -1 });
    expect(nextHotkey('', key('ArrowRight')).action).toEqual({ kind: 'scroll', direction: 1 });
    expect(nextHotkey('1', key('ArrowLeft')).handled).toBe(false);
  });

  it('answers Alt+R with the bar replay pick; Shift+B / Shift+S buy and sell; Ctrl+Shift+K engages the kill switch', () => {
    expect(nextHotkey('', key('®', { altKey: true, code: 'KeyR' })).action).toEqual({ kind: 'replay' });
    expect(nextHotkey('', key('B', { shiftKey: true })).action).toEqual({ kind: 'order', side: 'buy' });
    expect(nextHotkey('', key('S', { shiftKey: true })).action).toEqual({ kind: 'order', side: 'sell' });
    expect(nextHotkey('', key('b')).action).toEqual({ kind: 'symbol-search', text: 'B' });
    expect(nextHotkey('', key('K', { ctrlKey: true, shiftKey: true, code: 'KeyK' })).action).toEqual({ kind: 'kill-switch' });
    expect(nextHotkey('', key('k', { ctrlKey: true, code: 'KeyK' })).handled).toBe(false);
  });

  it('leaves browser shortcuts (Ctrl, Meta) and other keys alone, keeping the command', () => {
    expect(nextHotkey('1', key('c', { ctrlKey: true }))).toEqual({ pending: '1', action: { kind: 'none' }, handled: false });
    expect(nextHotkey('1', key('v', { metaKey: true })).handled).toBe(false);
    expect(nextHotkey('1', key('Tab')).handled).toBe(false);
    expect(nextHotkey('', key(' ')).handled).toBe(false);
  });
});
