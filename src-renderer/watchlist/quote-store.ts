import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Bar } from '../../shared/domain/bar';
import type { SourceId } from '../../shared/domain/source';
import type { SymbolId } from '../../shared/domain/symbol';
import type { TapedeckClient } from '../api/tapedeck-client';
import { createFrameFlush, type FrameScheduler } from '../app/frame-flush';
import type { HealthStore } from '../app/health-store';
import { mergeBars, normalizeBars } from '../bars/bar-book';
import { dailyQuote, type DailyQuote } from '../bars/daily-change';
import { feedSituation, feedStatuses } from '../feeds/feed-situation';
import type { FeedsStore } from '../feeds/feeds-store';
import { resolveSource } from '../feeds/source-resolution';
import type { SettingsStore } from '../settings/settings-store';

export interface QuoteState {
  /** The source each watched symbol is quoted from, once resolved. */
  readonly sources: Readonly<Partial<Record<SymbolId, SourceId>>>;
  /** Per watched symbol, once its daily bars have arrived. */
  readonly quotes: Readonly<Partial<Record<SymbolId, DailyQuote>>>;
  /** Follows the watchlist, the feeds and their health; returns the function that stops it. */
  readonly start: () => () => void;
}

export type QuoteStore = StoreApi<QuoteState>;

/** What the quotes follow besides the client. */
export interface QuoteInputs {
  readonly settings: SettingsStore;
  readonly feeds: FeedsStore;
  readonly health: HealthStore;
}

/** The last two daily bars are all a quote needs. */
const TAIL = 2;

/**
 * Watchlist quotes: one `bars.updates` stream at 1d per watched symbol, from
 * that symbol's resolved source (re-resolved as feeds go OFFLINE or come
 * back). Streams follow edits one symbol at a time; quotes are published at
 * most once per frame.
 */
export function createQuoteStore(client: Pick<TapedeckClient, 'subscribe'>, inputs: QuoteInputs, frames?: FrameScheduler): QuoteStore {
  return createStore<QuoteState>()((set) => ({
    sources: {},
    quotes: {},
    start: () => {
      const streams = new Map<SymbolId, { readonly source: SourceId; readonly stop: () => void }>();
      const tails = new Map<SymbolId, readonly Bar[]>();

      const flush = createFrameFlush(() => {
        const quotes: Partial<Record<SymbolId, DailyQuote>> = {};
        for (const [symbol, tail] of tails) {
          const quote = dailyQuote(tail);
          if (quote !== null) quotes[symbol] = quote;
        }
        set({ quotes });
      }, frames);

      const unsubscribeSymbol = (symbol: SymbolId): void => {
        streams.get(symbol)?.stop();
        streams.delete(symbol);
        tails.delete(symbol);
      };

      const subscribeSymbol = (source: SourceId, symbol: SymbolId): void => {
        let active = true;
        const stop = client.subscribe('bars.updates', { source, symbol, interval: '1d' }, (payload) => {
          if (!active) return;
          const bars = payload.kind === 'snapshot' ? normalizeBars(payload.bars) : mergeBars(tails.get(symbol) ?? [], payload.bars);
          tails.set(symbol, bars.slice(-TAIL));
          flush.schedule();
        });
        const end = (): void => {
          active = false;
          stop();
        };
        streams.set(symbol, { source, stop: end });
      };

      const wantedSources = (): Map<SymbolId, SourceId> => {
        const wanted = new Map<SymbolId, SourceId>();
        const settings = inputs.settings.getState().settings;
        if (settings === null) return wanted;
        const { feeds, error } = inputs.feeds.getState();
        const situation = feedSituation(feeds, error !== null, feedStatuses(inputs.health.getState().health));
        for (const symbol of settings.watchlist) {
          const resolution = resolveSource(symbol, settings.defaultFeed, situation);
          if (resolution !== null) wanted.set(symbol, resolution.source);
        }
        return wanted;
      };

      const follow = (): void => {
        const wanted = wantedSources();
        let changed = false;
        for (const [symbol, stream] of [...streams]) {
          if (wanted.get(symbol) === stream.source) continue;
          unsubscribeSymbol(symbol);
          changed = true;
        }
        for (const [symbol, source] of wanted) {
          if (streams.has(symbol)) continue;
          subscribeSymbol(source, symbol);
          changed = true;
        }
        if (!changed) return;
        set({ sources: Object.fromEntries(wanted) });
        flush.schedule();
      };

      follow();
      const stops = [
        inputs.settings.subscribe((state, previous) => {
          if (state.settings !== previous.settings) follow();
        }),
        inputs.feeds.subscribe((state, previous) => {
          if (state.feeds !== previous.feeds || state.error !== previous.error) follow();
        }),
        inputs.health.subscribe(follow),
      ];
      return () => {
        for (const stop of stops) stop();
        flush.cancel();
        for (const symbol of [...streams.keys()]) unsubscribeSymbol(symbol);
      };
    },
  }));
}
