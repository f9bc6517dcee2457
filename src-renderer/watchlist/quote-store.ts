import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Settings } from '../../shared/contract';
import type { Bar } from '../../shared/domain/bar';
import type { SourceId } from '../../shared/domain/source';
import type { SymbolId } from '../../shared/domain/symbol';
import type { TapedeckClient } from '../api/tapedeck-client';
import { createFrameFlush, type FrameScheduler } from '../app/frame-flush';
import { mergeBars, normalizeBars } from '../bars/bar-book';
import { dailyQuote, type DailyQuote } from '../bars/daily-change';
import type { SettingsStore } from '../settings/settings-store';

export interface QuoteState {
  /** The source quoted (settings.defaultFeed); null until settings arrive. */
  readonly source: SourceId | null;
  /** Per watched symbol, once its daily bars have arrived. */
  readonly quotes: Readonly<Partial<Record<SymbolId, DailyQuote>>>;
  /** Follows the watchlist and default feed from settings; returns the function that stops it. */
  readonly start: () => () => void;
}

export type QuoteStore = StoreApi<QuoteState>;

/** The last two daily bars are all a quote needs. */
const TAIL = 2;

/**
 * Watchlist quotes: one `bars.updates` stream at 1d per watched symbol, from
 * the default feed. Subscriptions follow watchlist edits one symbol at a time;
 * quotes are published at most once per frame.
 */
export function createQuoteStore(client: Pick<TapedeckClient, 'subscribe'>, settings: SettingsStore, frames?: FrameScheduler): QuoteStore {
  return createStore<QuoteState>()((set) => ({
    source: null,
    quotes: {},
    start: () => {
      const stops = new Map<SymbolId, () => void>();
      const tails = new Map<SymbolId, readonly Bar[]>();
      let source: SourceId | null = null;

      const flush = createFrameFlush(() => {
        const quotes: Partial<Record<SymbolId, DailyQuote>> = {};
        for (const [symbol, tail] of tails) {
          const quote = dailyQuote(tail);
          if (quote !== null) quotes[symbol] = quote;
        }
        set({ quotes });
      }, frames);

      const unsubscribeSymbol = (symbol: SymbolId): void => {
        stops.get(symbol)?.();
        stops.delete(symbol);
        tails.delete(symbol);
      };

      const subscribeSymbol = (from: SourceId, symbol: SymbolId): void => {
        let active = true;
        const stop = client.subscribe('bars.updates', { source: from, symbol, interval: '1d' }, (payload) => {
          if (!active) return;
          const bars = payload.kind === 'snapshot' ? normalizeBars(payload.bars) : mergeBars(tails.get(symbol) ?? [], payload.bars);
          tails.set(symbol, bars.slice(-TAIL));
          flush.schedule();
        });
        stops.set(symbol, () => {
          active = false;
          stop();
        });
      };

      const follow = (current: Settings | null): void => {
        const next = current?.defaultFeed ?? null;
        const wanted = new Set(current?.watchlist ?? []);
        if (next !== source) {
          for (const symbol of [...stops.keys()]) unsubscribeSymbol(symbol);
          source = next;
          set({ source });
        }
        for (const symbol of [...stops.keys()]) if (!wanted.has(symbol)) unsubscribeSymbol(symbol);
        if (source !== null) for (const symbol of wanted) if (!stops.has(symbol)) subscribeSymbol(source, symbol);
        flush.schedule();
      };

      follow(settings.getState().settings);
      const unfollow = settings.subscribe((state, previous) => {
        if (state.settings !== previous.settings) follow(state.settings);
      });
      return () => {
        unfollow();
        flush.cancel();
        for (const symbol of [...stops.keys()]) unsubscribeSymbol(symbol);
      };
    },
  }));
}
