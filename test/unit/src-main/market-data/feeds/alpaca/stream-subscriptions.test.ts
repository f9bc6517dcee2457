import { describe, expect, it } from 'vitest';
import { SubscriptionBook } from '../../../../../../src-main/market-data/feeds/alpaca/stream-subscriptions';

const reply = (trades: string[] = [], quotes: string[] = [], bars: string[] = [], updatedBars: string[] = []) => ({ trades, quotes, bars, updatedBars });

describe('SubscriptionBook', () => {
  it('counts consumers: the first makes a symbol wanted, the last unwants it', () => {
    const book = new SubscriptionBook<string>();
    expect(book.add('trades', 'AAPL', 'chart')).toBe(true);
    expect(book.add('trades', 'AAPL', 'runner')).toBe(false);
    expect(book.diff()).toEqual({ subscribe: { trades: ['AAPL'] }, unsubscribe: null });
    book.sent('subscribe', { trades: ['AAPL'] });
    expect(book.diff()).toEqual({ subscribe: null, unsubscribe: null });
    book.acknowledged(reply(['AAPL']));
    expect(book.remove('trades', 'AAPL', 'chart')).toBe(false);
    expect(book.diff()).toEqual({ subscribe: null, unsubscribe: null });
    expect(book.remove('trades', 'AAPL', 'runner')).toBe(true);
    expect(book.diff()).toEqual({ subscribe: null, unsubscribe: { trades: ['AAPL'] } });
    expect(book.empty).toBe(true);
  });

  it('batches changes made while a request is in flight, and takes the server\'s word on the reply', () => {
    const book = new SubscriptionBook<number>();
    book.add('trades', 'AAPL', 1);
    book.sent('subscribe', { trades: ['AAPL'] });
    book.add('bars', 'AAPL', 2);
    book.add('quotes', 'SPY', 3);
    expect(book.diff().subscribe).toEqual({ quotes: ['SPY'], bars: ['AAPL'] });
    book.sent('subscribe', { quotes: ['SPY'], bars: ['AAPL'] });
    const first = book.acknowledged(reply(['AAPL']));
    expect([...first.trades]).toEqual(['AAPL']);
    expect(book.waiting).toBe(true);
    book.acknowledged(reply(['AAPL'], ['SPY'], ['AAPL']));
    expect(book.waiting).toBe(false);
    expect(book.live(['trades', 'bars']).sort()).toEqual(['AAPL']);
    expect(book.diff()).toEqual({ subscribe: null, unsubscribe: null });
  });

  it('holds symbols refused for the limit (405) until the socket is replaced', () => {
    const book = new SubscriptionBook<number>();
    book.add('trades', 'AAPL', 1);
    book.add('trades', 'SPY', 1);
    book.sent('subscribe', { trades: ['AAPL', 'SPY'] });
    book.refused();
    expect(book.diff()).toEqual({ subscribe: null, unsubscribe: null });
    book.reset();
    expect(book.diff().subscribe).toEqual({ trades: ['AAPL', 'SPY'] });
  });
});
