import { describe, expect, it } from 'vitest';
import { feedSituation, feedStatuses } from '../../../../src-renderer/feeds/feed-situation';
import { appHealth, FEEDS } from '../feed-fixtures';

describe('feedStatuses', () => {
  it('maps each feed id to its status, null before the first snapshot', () => {
    expect(feedStatuses(appHealth({ sim: 'LIVE', binance: 'OFFLINE' }))).toEqual({ sim: 'LIVE', binance: 'OFFLINE' });
    expect(feedStatuses(null)).toBeNull();
  });
});

describe('feedSituation', () => {
  it('is pending until both the list and the statuses are known', () => {
    expect(feedSituation(null, false, { sim: 'LIVE' })).toBeNull();
    expect(feedSituation(FEEDS, false, null)).toBeNull();
    expect(feedSituation(FEEDS, false, { sim: 'LIVE' })).toEqual({ feeds: FEEDS, statuses: { sim: 'LIVE' } });
  });

  it('treats a list that could not be read as empty', () => {
    expect(feedSituation(null, true, { sim: 'LIVE' })).toEqual({ feeds: [], statuses: { sim: 'LIVE' } });
  });
});
