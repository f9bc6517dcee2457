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
    title: 'Paper trading',
    shortcuts: [
      { keys: 'Shift+B', does: 'Buy the active pane\u2019s symbol at the ticket\u2019s settings (one-click size when the ticket shows another symbol)' },
      { keys: 'Shift+S', does: 'Sell the active pane\u2019s symbol likewise' },
      { keys: 'Esc', does: 'Cancel the last working order (when no search, sheet, menu or dialog is open)' },
      { keys: 'Ctrl+Shift+K', does: 'Kill switch: cancel every order, flatten every position, refuse entries' },
      { keys: 'Alt+C  Alt+P', does: 'Calls / puts on the active pane\u2019s symbol: the contract by your rule (Options tab) fills the option ticket' },
    ],
  },
  {
    title: 'Charts',
    shortcuts: [
      { keys: 'Alt+R', does: 'Bar replay: click the bar to start from on the active pane (Esc cancels)' },
      { keys: 'Delete  Backspace', does: 'Delete the selected drawing (right-click a drawing for its menu)' },
      { keys: 'Esc', does: 'Deselect the drawing; cancel the replay pick' },
    ],
  },
  {
    title: 'Journal',
    shortcuts: [
      { keys: 'Alt+S', does: 'Screenshot the panes now into the journal (kept with the open trade of their symbol)' },
      { keys: '←  →  Esc', does: 'In an enlarged screenshot: previous / next / close' },
    ],
  },
];
