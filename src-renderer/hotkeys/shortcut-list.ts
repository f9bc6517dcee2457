/** One line of the shortcut sheet. */
export interface Shortcut {
  readonly keys: string;
  readonly does: string;
  /** A later phase's key, listed now so it is reserved. */
  readonly coming?: true;
}

export interface ShortcutGroup {
  readonly title: string;
  readonly shortcuts: readonly Shortcut[];
}

/** Everything the keyboard does (the `?` sheet). Keys work anywhere but in a text field, except Esc. */
export const SHORTCUTS: readonly ShortcutGroup[] = [
  {
    title: 'Timeframe (type, then Enter)',
    shortcuts: [
      { keys: '1  3  5  15  30', does: '1m 3m 5m 15m 30m (also "5m", "15m")' },
      { keys: '60  1h', does: '1 hour' },
      { keys: '240  4h', does: '4 hours' },
      { keys: 'D  1D', does: '1 day' },
      { keys: 'W  1W', does: '1 week' },
      { keys: 'Backspace', does: 'Correct the command being typed' },
    ],
  },
  {
    title: 'Symbols and panes',
    shortcuts: [
      { keys: 'A–Z', does: 'Open the symbol search with the letter typed' },
      { keys: 'Enter', does: 'In the search: chart the highlighted symbol in the active pane' },
      { keys: 'Alt+1 … Alt+4', does: 'Make pane 1–4 active' },
      { keys: '←  →', does: 'Scroll the active pane back / forward' },
      { keys: 'Esc', does: 'Close the search, this sheet or the command' },
      { keys: '?', does: 'Show this sheet' },
    ],
  },
  {
    title: 'Coming',
    shortcuts: [
      { keys: 'Alt+R', does: 'Replay from the chart', coming: true },
      { keys: 'Shift+B', does: 'Buy (order ticket)', coming: true },
      { keys: 'Shift+S', does: 'Sell (order ticket)', coming: true },
      { keys: 'Esc', does: 'Cancel the last order (with the ticket focused)', coming: true },
    ],
  },
];

export const COMING_NOTES = {
  replay: 'Replay from the chart (Alt+R) is coming; use the Replay tab for now.',
  buy: 'Buying from the keyboard (Shift+B) comes with paper trading.',
  sell: 'Selling from the keyboard (Shift+S) comes with paper trading.',
  'cancel-last-order': 'Cancelling the last order comes with paper trading.',
} as const;
