import { createStore, type StoreApi } from 'zustand/vanilla';

/** What the keyboard has open: the command being typed, the symbol search, the shortcut sheet, a short note. */
export interface HotkeyState {
  /** The command typed so far ("15", "1h", "D"); '' when none. */
  readonly pending: string;
  /** The symbol search, with what it opened with; null when closed. */
  readonly search: { readonly text: string } | null;
  readonly sheet: boolean;
  /** A one-line note (a key whose feature is still to come); null when none. */
  readonly note: string | null;
  readonly setPending: (text: string) => void;
  readonly openSearch: (text: string) => void;
  readonly openSheet: () => void;
  readonly showNote: (note: string) => void;
  /** Esc: closes everything and drops the pending command. */
  readonly closeAll: () => void;
}

export type HotkeyStore = StoreApi<HotkeyState>;

export function createHotkeyStore(): HotkeyStore {
  return createStore<HotkeyState>()((set) => ({
    pending: '',
    search: null,
    sheet: false,
    note: null,
    setPending: (pending) => {
      set({ pending, note: null });
    },
    openSearch: (text) => {
      set({ search: { text }, pending: '', sheet: false, note: null });
    },
    openSheet: () => {
      set({ sheet: true, search: null, pending: '', note: null });
    },
    showNote: (note) => {
      set({ note, pending: '' });
    },
    closeAll: () => {
      set({ pending: '', search: null, sheet: false, note: null });
    },
  }));
}
