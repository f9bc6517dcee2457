import { describe, expect, it } from 'vitest';
import { fallbackNote, feedName } from '../../../../src-renderer/feeds/fallback-note';
import { FEEDS } from '../feed-fixtures';

describe('fallbackNote', () => {
  it('names the OFFLINE feed and the source shown instead', () => {
    expect(fallbackNote('binance', 'sim', FEEDS)).toBe('Binance offline — showing SIM');
    expect(fallbackNote('alpaca', 'sim', FEEDS)).toBe('ALPACA offline — showing SIM');
  });

  it('is null when nothing fell back', () => {
    expect(fallbackNote(null, 'binance', FEEDS)).toBeNull();
    expect(fallbackNote('binance', null, FEEDS)).toBeNull();
    expect(fallbackNote('binance', 'binance', FEEDS)).toBeNull();
  });
});

describe('feedName', () => {
  it('reads the name from feeds.list, else capitalises the id', () => {
    expect(feedName(FEEDS, 'sim')).toBe('Simulated market');
    expect(feedName(null, 'binance')).toBe('BINANCE');
  });
});
