import { describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../../../../shared/contract';
import { ClientSession, Dispatcher, type CallContext, type EventSources, type MethodHandlers } from '../../../../../src-main/platform/rpc';

const quiet = { error: () => undefined, warn: () => undefined };

/** A dispatcher whose app.info never answers until released, and whose events accept any subscriber. */
function setup(queued: () => number) {
  const seen: CallContext[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const handlers = {
    'app.info': async (_p: unknown, ctx: CallContext) => {
      seen.push(ctx);
      await gate;
      return { name: 'Tapedeck', version: '0', mode: 'cli', platform: 'linux', versions: { node: '24', electron: null, chrome: null, sqlite: '3' }, dataDir: '/x', startedAt: 0 };
    },
  } as unknown as MethodHandlers;
  const sources = { 'settings.changed': () => () => undefined } as unknown as EventSources;
  const frames: ServerFrame[] = [];
  const session = new ClientSession(new Dispatcher(handlers, sources, quiet), (f) => frames.push(f), () => false, queued, { callsInFlight: 3, subscriptions: 2, queuedBytes: 1000 });
  return { session, frames, seen, release };
}

const errorOf = (frames: ServerFrame[], id: number): unknown => frames.find((f) => f.t === 'reply' && f.id === id && !f.ok);

describe('a client is bounded, and refused by name past a limit', () => {
  it('refuses a call past the calls in flight, and aborts the calls of a client that goes away', async () => {
    const { session, frames, seen, release } = setup(() => 0);
    for (let id = 1; id <= 3; id++) void session.handle({ t: 'call', id, method: 'app.info' });
    await session.handle({ t: 'call', id: 4, method: 'app.info' });
    expect(errorOf(frames, 4)).toMatchObject({ error: { code: 'LIMIT', path: 'limits.callsInFlight', message: 'at most 3 calls may wait for a reply at once: wait for some replies first' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toHaveLength(3);
    session.dispose();
    expect(seen.every((c) => c.signal.aborted && c.session.aborted)).toBe(true);
    release();
  });

  it('refuses a subscription past the limit, and anything while its unread output is over the byte limit', async () => {
    let queued = 0;
    const { session, frames } = setup(() => queued);
    for (let id = 1; id <= 3; id++) await session.handle({ t: 'sub', id, event: 'settings.changed' });
    expect(session.subscriptionCount).toBe(2);
    expect(errorOf(frames, 3)).toMatchObject({ error: { code: 'LIMIT', path: 'limits.subscriptions' } });
    queued = 5000;
    await session.handle({ t: 'call', id: 9, method: 'app.info' });
    expect(errorOf(frames, 9)).toMatchObject({ error: { code: 'LIMIT', path: 'limits.queuedBytes' } });
  });
});
