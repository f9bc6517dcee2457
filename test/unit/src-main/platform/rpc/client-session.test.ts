import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../../../../shared/contract';
import { coreFixture, type CoreFixture } from '../../../../helpers/core-fixture';

describe('ClientSession', () => {
  let fx: CoreFixture;
  let sent: ServerFrame[];
  beforeEach(() => {
    fx = coreFixture();
    sent = [];
  });
  afterEach(() => fx.dispose());

  it('sends the subscribe reply before the snapshot, then numbers events from 1 without gaps', async () => {
    const { session } = fx.core.connect((f) => sent.push(f));
    await session.handle({ t: 'sub', id: 10, event: 'app.health', params: {} });
    fx.ticks.tick();
    fx.ticks.tick();
    expect(sent.map((f) => f.t)).toEqual(['reply', 'event', 'event', 'event']);
    expect(sent[0]).toEqual({ t: 'reply', id: 10, ok: true, result: { subscription: 1 } });
    expect(sent.slice(1).map((f) => (f.t === 'event' ? f.seq : -1))).toEqual([1, 2, 3]);
  });

  it('counts itself as a client while connected', async () => {
    const a = fx.core.connect((f) => sent.push(f));
    const b = fx.core.connect(() => undefined);
    await a.session.handle({ t: 'call', id: 1, method: 'app.health', params: {} });
    expect(sent[0]).toMatchObject({ t: 'reply', id: 1, ok: true, result: { clients: 2 } });
    b.close();
    b.close();
    expect(fx.core.clientCount).toBe(1);
  });

  it('unsubscribes, and reports an unknown subscription as NOT_FOUND', async () => {
    const { session } = fx.core.connect((f) => sent.push(f));
    await session.handle({ t: 'sub', id: 1, event: 'settings.changed', params: {} });
    await session.handle({ t: 'unsub', id: 2, subscription: 1 });
    await session.handle({ t: 'unsub', id: 3, subscription: 1 });
    await session.handle({ t: 'call', id: 4, method: 'settings.set', params: { theme: 'light' } });
    expect(sent.filter((f) => f.t === 'event')).toHaveLength(1);
    expect(sent.find((f) => f.t === 'reply' && f.id === 3)).toEqual({
      t: 'reply',
      id: 3,
      ok: false,
      error: { code: 'NOT_FOUND', message: 'no subscription 1', path: 'subscription' },
    });
    expect(session.subscriptionCount).toBe(0);
  });

  it('pushes settings changes made by one client to every subscribed client', async () => {
    const other: ServerFrame[] = [];
    const a = fx.core.connect((f) => sent.push(f));
    const b = fx.core.connect((f) => other.push(f));
    await b.session.handle({ t: 'sub', id: 1, event: 'settings.changed', params: {} });
    await a.session.handle({ t: 'call', id: 1, method: 'settings.set', params: { watchlist: ['ETHUSDT'] } });
    const events = other.filter((f) => f.t === 'event');
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ seq: 2, payload: { watchlist: ['ETHUSDT'] } });
  });

  it('stops all its subscriptions when closed and ignores later frames', async () => {
    const conn = fx.core.connect((f) => sent.push(f));
    await conn.session.handle({ t: 'sub', id: 1, event: 'app.health', params: {} });
    await conn.session.handle({ t: 'sub', id: 2, event: 'app.health', params: {} });
    expect(fx.ticks.running()).toBe(1);
    expect(fx.core.health.subscriberCount).toBe(2);
    conn.close();
    expect(fx.core.health.subscriberCount).toBe(0);
    expect(fx.ticks.running()).toBe(0);
    const before = sent.length;
    await conn.session.handle({ t: 'call', id: 3, method: 'app.info', params: {} });
    expect(sent).toHaveLength(before);
  });

  it('answers a frame it could not parse with the id it carried, or with a protocol error', () => {
    const { session } = fx.core.connect((f) => sent.push(f));
    session.reject(5, { code: 'BAD_REQUEST', message: 'frame.t: bad', path: 'frame.t' });
    session.reject(null, { code: 'BAD_REQUEST', message: 'frame is not valid JSON', path: '' });
    expect(sent).toEqual([
      { t: 'reply', id: 5, ok: false, error: { code: 'BAD_REQUEST', message: 'frame.t: bad', path: 'frame.t' } },
      { t: 'error', error: { code: 'BAD_REQUEST', message: 'frame is not valid JSON', path: '' } },
    ]);
  });
});
