import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractError, JournalPlaybook, JournalStatsWire, JournalTrade, MonthCalendarWire, ParamsIn, Result, TradeDetail } from '../../shared/contract';
import type { TripNotesPatch } from '../../shared/journal/trip-notes';
import type { TapedeckClient } from '../api/tapedeck-client';
import { toContractError } from '../app/to-contract-error';
import { EMPTY_FILTER, toTripFilter, type FilterDraft } from './journal-filter';
import { createMediaCache, type MediaCache } from './media-cache';

export type JournalViewKind = 'list' | 'gallery' | 'stats' | 'calendar' | 'playbooks';
export type JournalForm = 'none' | 'manual' | 'import';

/** Reloads after a burst of changes (fills, imports) wait this long for the burst to end. */
export const RELOAD_DELAY_MS = 150;

export interface CalendarState {
  readonly year: number;
  readonly month: number;
  readonly data: MonthCalendarWire | null;
  /** The day clicked (YYYY-MM-DD), whose trades show under the month. */
  readonly day: string | null;
}

export interface JournalStoreState {
  readonly view: JournalViewKind;
  /** Shown over the workstation rather than in the bottom panel. */
  readonly expanded: boolean;
  readonly draft: FilterDraft;
  readonly trades: readonly JournalTrade[];
  readonly total: number;
  readonly loading: boolean;
  readonly error: ContractError | null;
  /** The journal's version last read (journal.updates). */
  readonly version: number;
  readonly selected: string | null;
  readonly detail: TradeDetail | null;
  readonly playbooks: readonly JournalPlaybook[];
  /** Account ids and names (the list's account column, the manual trade's choices). */
  readonly accounts: readonly { readonly id: string; readonly name: string }[];
  /** Screenshots read so far. */
  readonly media: MediaCache;
  readonly stats: JournalStatsWire | null;
  readonly calendar: CalendarState;
  readonly form: JournalForm;
  /** The manual trade being edited (its detail), or null for a new one. */
  readonly editing: TradeDetail | null;
  /** A short message after an action (a capture, an import). */
  readonly notice: string | null;
  readonly start: () => () => void;
  readonly setView: (view: JournalViewKind) => void;
  readonly setExpanded: (expanded: boolean) => void;
  readonly setDraft: (patch: Partial<FilterDraft>) => void;
  readonly select: (tripId: string | null) => void;
  readonly reload: () => Promise<void>;
  readonly update: (patch: TripNotesPatch) => Promise<boolean>;
  readonly setMonth: (year: number, month: number) => void;
  readonly setDay: (day: string | null) => void;
  readonly openForm: (form: JournalForm, editing?: TradeDetail | null) => void;
  readonly setNotice: (notice: string | null) => void;
  readonly fail: (error: unknown) => void;
  /** A call whose refusal lands in `error`; resolves with the result or null. */
  readonly run: <T>(work: (client: Pick<TapedeckClient, 'call'>) => Promise<T>) => Promise<T | null>;
  readonly capture: () => Promise<void>;
}

export type JournalStore = StoreApi<JournalStoreState>;

/** The month of `t` in New York (the calendar's default zone is set by the core; this only picks the month shown first). */
function monthOf(t: number): { year: number; month: number } {
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

export function createJournalStore(client: Pick<TapedeckClient, 'call' | 'subscribe'>, now: () => number = Date.now): JournalStore {
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;
  let reloads = 0;
  const store = createStore<JournalStoreState>()((set, get) => {
    const filter = (): ParamsIn<'journal.trades'>['filter'] => toTripFilter(get().draft);
    const loadDetail = async (tripId: string): Promise<void> => {
      try {
        const detail = await client.call('journal.trade', { tripId });
        if (get().selected === tripId) set({ detail });
      } catch (reason: unknown) {
        if (get().selected === tripId) set({ detail: null, error: toContractError(reason) });
      }
    };
    const loadViewData = async (): Promise<void> => {
      const { view, calendar } = get();
      if (view === 'stats') set({ stats: await client.call('journal.stats', { filter: filter() }) });
      if (view === 'calendar') {
        const data = await client.call('journal.calendar', { year: calendar.year, month: calendar.month, filter: filter() });
        set({ calendar: { ...get().calendar, data } });
      }
    };
    const reload = async (): Promise<void> => {
      const ticket = ++reloads;
      set({ loading: true });
      try {
        const [list, playbooks, accounts] = await Promise.all([client.call('journal.trades', { filter: filter() }), client.call('journal.playbooks', {}), client.call('accounts.list', {})]);
        if (ticket !== reloads) return;
        set({ trades: list.trades, total: list.total, version: list.version, playbooks, accounts: accounts.map((a) => ({ id: a.id, name: a.name })), loading: false, error: null });
        const selected = get().selected;
        await Promise.all([selected === null ? Promise.resolve() : loadDetail(selected), loadViewData()]);
      } catch (reason: unknown) {
        if (ticket === reloads) set({ loading: false, error: toContractError(reason) });
      }
    };
    const scheduleReload = (): void => {
      if (reloadTimer !== null) clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => {
        reloadTimer = null;
        void reload();
      }, RELOAD_DELAY_MS);
    };
    const run = async <T,>(work: (c: Pick<TapedeckClient, 'call'>) => Promise<T>): Promise<T | null> => {
      try {
        const result = await work(client);
        set({ error: null });
        return result;
      } catch (reason: unknown) {
        set({ error: toContractError(reason) });
        return null;
      }
    };
    return {
      view: 'list',
      expanded: false,
      draft: EMPTY_FILTER,
      trades: [],
      total: 0,
      loading: false,
      error: null,
      version: 0,
      selected: null,
      detail: null,
      playbooks: [],
      accounts: [],
      media: createMediaCache(client),
      stats: null,
      calendar: { ...monthOf(now()), data: null, day: null },
      form: 'none',
      editing: null,
      notice: null,
      start: () => {
        // The screenshot hotkey (Alt+S) lives with the app (journal-hotkey.ts): it works whichever tab is open.
        const unsubscribe = client.subscribe('journal.updates', {}, () => scheduleReload());
        return () => {
          unsubscribe();
          if (reloadTimer !== null) clearTimeout(reloadTimer);
        };
      },
      setView: (view) => {
        set({ view });
        void loadViewData().catch((reason: unknown) => set({ error: toContractError(reason) }));
      },
      setExpanded: (expanded) => set({ expanded }),
      setDraft: (patch) => {
        set({ draft: { ...get().draft, ...patch } });
        scheduleReload();
      },
      select: (tripId) => {
        set({ selected: tripId, detail: tripId === get().detail?.trade.id ? get().detail : null });
        if (tripId !== null) void loadDetail(tripId);
      },
      reload,
      update: async (patch) => {
        const tripId = get().selected;
        if (tripId === null) return false;
        const notes = await run((c) => c.call('journal.update', { tripId, patch }));
        if (notes === null) return false;
        const detail = get().detail;
        if (detail?.trade.id === tripId) set({ detail: { ...detail, notes } });
        return true;
      },
      setMonth: (year, month) => {
        set({ calendar: { year, month, data: null, day: null } });
        void loadViewData().catch((reason: unknown) => set({ error: toContractError(reason) }));
      },
      setDay: (day) => set({ calendar: { ...get().calendar, day } }),
      openForm: (form, editing = null) => set({ form, editing }),
      setNotice: (notice) => set({ notice }),
      fail: (error) => set({ error: toContractError(error) }),
      run,
      capture: async () => {
        const r: Result<'journal.capture'> | null = await run((c) => c.call('journal.capture', {}));
        if (r !== null) set({ notice: r.shots.length > 0 ? `${String(r.shots.length)} screenshot${r.shots.length === 1 ? '' : 's'} taken` : (r.note ?? 'no screenshot taken') });
      },
    };
  });
  return store;
}
