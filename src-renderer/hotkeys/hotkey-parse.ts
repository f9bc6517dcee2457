import type { Interval } from '../../shared/domain/interval';

/**
 * The workstation's keyboard, as pure functions: a key (and the command typed
 * so far) in, what to do out. The hook that listens on the window only
 * carries the result out (use-global-hotkeys.ts).
 */

/** The parts of a KeyboardEvent the parser reads. */
export interface KeyInput {
  readonly key: string;
  /** The physical key ("Digit1"), for Alt+digit where the layout changes `key`. */
  readonly code: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

export type HotkeyAction =
  | { readonly kind: 'none' }
  /** The pending command changed (shown in the command overlay); '' clears it. */
  | { readonly kind: 'pending'; readonly text: string }
  | { readonly kind: 'interval'; readonly interval: Interval }
  /** Open the symbol search with `text` typed. */
  | { readonly kind: 'symbol-search'; readonly text: string }
  | { readonly kind: 'shortcuts' }
  /** Esc: close overlays and drop the pending command. */
  | { readonly kind: 'close' }
  | { readonly kind: 'focus-pane'; readonly index: number }
  /** Scroll the active pane: -1 back in time, 1 forward. */
  | { readonly kind: 'scroll'; readonly direction: -1 | 1 }
  /** Alt+R: bar replay from the chart (pick a bar on the active pane). */
  | { readonly kind: 'replay' }
  /** Alt+C / Alt+P: "calls" / "puts" on the active pane's symbol by the trader's rule (the option ticket is filled, not sent). */
  | { readonly kind: 'option-pick'; readonly side: 'calls' | 'puts' }
  /** Shift+B / Shift+S: buy or sell the active pane's symbol at the ticket's settings. */
  | { readonly kind: 'order'; readonly side: 'buy' | 'sell' }
  /** Ctrl+Shift+K: engage the kill switch. */
  | { readonly kind: 'kill-switch' };

export interface HotkeyResult {
  /** The command typed so far, after this key. */
  readonly pending: string;
  readonly action: HotkeyAction;
  /** The key was ours: the caller prevents its default. */
  readonly handled: boolean;
}

/** Timeframe commands (upper case) and the interval each means. */
const TIMEFRAMES: Readonly<Record<string, Interval>> = {
  '1': '1m',
  '1M': '1m',
  '3': '3m',
  '3M': '3m',
  '5': '5m',
  '5M': '5m',
  '15': '15m',
  '15M': '15m',
  '30': '30m',
  '30M': '30m',
  '60': '1h',
  '1H': '1h',
  '240': '4h',
  '4H': '4h',
  D: '1d',
  '1D': '1d',
  W: '1w',
  '1W': '1w',
};
const COMMANDS = Object.keys(TIMEFRAMES);

/** The interval a typed command means ("5" → 5m, "1h", "D", "1W"; case-insensitive), or null. */
export function parseTimeframe(text: string): Interval | null {
  return TIMEFRAMES[text.trim().toUpperCase()] ?? null;
}

/** Whether `text` can still grow into a timeframe command. */
export function isTimeframePrefix(text: string): boolean {
  const upper = text.toUpperCase();
  return upper !== '' && COMMANDS.some((c) => c.startsWith(upper));
}

const ignored = (pending: string): HotkeyResult => ({ pending, action: { kind: 'none' }, handled: false });
const result = (pending: string, action: HotkeyAction): HotkeyResult => ({ pending, action, handled: true });

/**
 * What `key` does with `pending` typed so far, outside text fields. Digits
 * and letters build a command: Enter applies a timeframe; a letter that
 * cannot continue a timeframe opens the symbol search with everything typed.
 */
export function nextHotkey(pending: string, key: KeyInput): HotkeyResult {
  if (key.key === 'Escape') return result('', { kind: 'close' });
  if ((key.ctrlKey || key.metaKey) && key.shiftKey && key.code === 'KeyK') return result('', { kind: 'kill-switch' });
  if (key.ctrlKey || key.metaKey) return ignored(pending);
  if (key.altKey) {
    const digit = /^Digit([1-4])$/.exec(key.code)?.[1];
    if (digit !== undefined) return result('', { kind: 'focus-pane', index: Number(digit) - 1 });
    if (key.code === 'KeyR') return result('', { kind: 'replay' });
    if (key.code === 'KeyC' || key.code === 'KeyP') return result('', { kind: 'option-pick', side: key.code === 'KeyC' ? 'calls' : 'puts' });
    return ignored(pending);
  }
  if (key.key === '?') return result('', { kind: 'shortcuts' });
  if (pending === '' && key.shiftKey && (key.key === 'B' || key.key === 'S')) {
    return result('', { kind: 'order', side: key.key === 'B' ? 'buy' : 'sell' });
  }
  if (key.key === 'Enter') {
    if (pending === '') return ignored(pending);
    const interval = parseTimeframe(pending);
    return result('', interval === null ? { kind: 'symbol-search', text: pending } : { kind: 'interval', interval });
  }
  if (key.key === 'Backspace' && pending !== '') {
    const text = pending.slice(0, -1);
    return result(text, { kind: 'pending', text });
  }
  if (pending === '' && (key.key === 'ArrowLeft' || key.key === 'ArrowRight')) {
    return result('', { kind: 'scroll', direction: key.key === 'ArrowLeft' ? -1 : 1 });
  }
  if (/^[0-9]$/.test(key.key)) {
    const text = pending + key.key;
    return result(text, { kind: 'pending', text });
  }
  if (/^[a-zA-Z]$/.test(key.key)) {
    const text = pending + key.key;
    if (isTimeframePrefix(text)) return result(text, { kind: 'pending', text });
    return result('', { kind: 'symbol-search', text: text.toUpperCase() });
  }
  return ignored(pending);
}
