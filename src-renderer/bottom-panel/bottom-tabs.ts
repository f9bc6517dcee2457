export const BOTTOM_TABS = [
  { id: 'journal', label: 'Journal' },
  { id: 'options', label: 'Options' },
  { id: 'backtests', label: 'Backtests' },
  { id: 'replay', label: 'Replay' },
  { id: 'log', label: 'Log' },
  { id: 'about', label: 'About / health' },
] as const;

export type BottomTabId = (typeof BOTTOM_TABS)[number]['id'];
