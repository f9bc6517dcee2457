import { describe, expect, it } from 'vitest';
import { feedFallbacks } from '../../../../src-renderer/feeds/feed-fallbacks';
import { feedInfo, FEEDS, instrument } from '../feed-fixtures';

describe('feedFallbacks', () => {
  it('names sim as standing in for an OFFLINE binance', () => {
    const fallbacks = feedFallbacks({ feeds: FEEDS, statuses: { sim: 'LIVE', binance: 'OFFLINE' } }, 'sim');
    expect([...fallbacks]).toEqual([['binance', ['sim']]]);
  });

  it('is empty while binance is up, degraded or backfilling, and while pending', () => {
    for (const status of ['LIVE', 'DEGRADED', 'BACKFILLING'] as const) {
      expect(feedFallbacks({ feeds: FEEDS, statuses: { sim: 'LIVE', binance: status } }, 'sim').size).toBe(0);
    }
    expect(feedFallbacks(null, 'sim').size).toBe(0);
  });

  it('leaves out an OFFLINE feed whose symbols nothing else lists', () => {
    const feeds = [feedInfo('sim', []), feedInfo('binance', [instrument('binance', 'SOLUSDT', 'crypto', 'Solana / Tether')])];
    expect(feedFallbacks({ feeds, statuses: { sim: 'LIVE', binance: 'OFFLINE' } }, 'binance').size).toBe(0);
  });

  it('lists each stand-in once', () => {
    const feeds = [...FEEDS, feedInfo('alpaca', [instrument('alpaca', 'SPY', 'us-equity', 'SPY'), instrument('alpaca', 'AAPL', 'us-equity', 'Apple')])];
    const fallbacks = feedFallbacks({ feeds, statuses: { sim: 'LIVE', binance: 'LIVE', alpaca: 'OFFLINE' } }, 'replay');
    expect([...fallbacks]).toEqual([['alpaca', ['sim', 'replay']]]);
  });
});
