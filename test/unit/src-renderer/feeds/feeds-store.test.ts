import { describe, expect, it } from 'vitest';
import { createHealthStore } from '../../../../src-renderer/app/health-store';
import { createFeedsStore } from '../../../../src-renderer/feeds/feeds-store';
import { fakeClient } from '../fakes';
import { appHealth, FEEDS } from '../feed-fixtures';

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('createFeedsStore', () => {
  it('reads feeds.list once, then again only when a feed joins, leaves or changes status', async () => {
    const client = fakeClient();
    client.answer(() => FEEDS);
    const health = createHealthStore(client);
    const feeds = createFeedsStore(client, health);
    const stop = feeds.getState().start();
    await flush();
    expect(feeds.getState().feeds).toEqual(FEEDS);
    const listCalls = (): number => client.calls.filter((c) => c.method === 'feeds.list').length;
    expect(listCalls()).toBe(1);

    health.setState({ health: appHealth({ sim: 'LIVE', binance: 'BACKFILLING' }) });
    health.setState({ health: appHealth({ sim: 'LIVE', binance: 'BACKFILLING' }) });
    expect(listCalls()).toBe(2);
    health.setState({ health: appHealth({ sim: 'LIVE', binance: 'OFFLINE' }) });
    expect(listCalls()).toBe(3);
    health.setState({ health: appHealth({ sim: 'LIVE' }) });
    expect(listCalls()).toBe(4);

    stop();
    health.setState({ health: appHealth({ sim: 'LIVE', binance: 'LIVE' }) });
    expect(listCalls()).toBe(4);
  });
});
