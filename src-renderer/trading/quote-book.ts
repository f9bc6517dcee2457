import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Quote } from '../../shared/trading/quote';
import type { TapedeckClient } from '../api/tapedeck-client';
import { createFrameFlush, type FrameScheduler } from '../app/frame-flush';
import { instrumentKey } from './quote-key';

export interface QuoteBookState {
  /** The latest bid/ask/last per instrumentKey(source, symbol) followed now. */
  readonly quotes: Readonly<Record<string, Quote>>;
  /**
   * Follows an instrument's `quotes.updates` until the returned function is
   * called; several followers of one instrument share one subscription.
   */
  readonly watch: (source: string, symbol: string) => () => void;
}

export type QuoteBook = StoreApi<QuoteBookState>;

/**
 * Live quotes for the ticket, the positions and the one-click buttons: one
 * `quotes.updates` stream per instrument however many follow it, closed
 * when the last one leaves; the store is written at most once per frame.
 */
export function createQuoteBook(client: Pick<TapedeckClient, 'subscribe'>, frames?: FrameScheduler): QuoteBook {
  const streams = new Map<string, { count: number; readonly stop: () => void }>();
  const latest = new Map<string, Quote>();
  return createStore<QuoteBookState>()((set) => {
    const flush = createFrameFlush(() => {
      set({ quotes: Object.fromEntries(latest) });
    }, frames);
    return {
      quotes: {},
      watch: (source, symbol) => {
        const key = instrumentKey(source, symbol);
        const stream = streams.get(key);
        if (stream !== undefined) stream.count += 1;
        else {
          const stop = client.subscribe('quotes.updates', { source, symbol }, (quote) => {
            if (!streams.has(key)) return;
            latest.set(key, quote);
            flush.schedule();
          });
          streams.set(key, { count: 1, stop });
        }
        let done = false;
        return () => {
          if (done) return;
          done = true;
          const s = streams.get(key);
          if (s === undefined) return;
          s.count -= 1;
          if (s.count > 0) return;
          s.stop();
          streams.delete(key);
          latest.delete(key);
          flush.schedule();
        };
      },
    };
  });
}
