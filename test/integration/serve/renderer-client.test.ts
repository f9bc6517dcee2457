import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppHealth, Settings } from '../../../shared/contract';
import { startServeServer } from '../../../src-main/platform/serve/serve-server';
import { CallError, createTapedeckClient, type TapedeckClient } from '../../../src-renderer/api/tapedeck-client';
import { wsConnection } from '../../../src-renderer/api/ws-connection';
import { serveFixture, type ServeFixture } from '../../helpers/serve-fixture';

/** Resolves when `predicate` holds, re-checked on every call of the returned `poke`. */
function waitFor<T>(read: () => T | undefined): { promise: Promise<T>; poke: () => void } {
  let resolve: (v: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return {
    promise,
    poke: () => {
      const v = read();
      if (v !== undefined) resolve(v);
    },
  };
}

describe('the renderer client over the serve WebSocket (Node global WebSocket)', () => {
  let fx: ServeFixture;
  let client: TapedeckClient;
  beforeEach(async () => {
    fx = await serveFixture();
    client = createTapedeckClient(wsConnection(fx.wsUrl));
  });
  afterEach(() => fx.close());

  it('calls methods with typed, validated results', async () => {
    const info = await client.call('app.info', {});
    expect(info).toMatchObject({ name: 'Tapedeck', mode: 'cli', dataDir: fx.dataDir });
    const settings = await client.call('settings.set', { watchlist: ['solusdt'] });
    expect(settings.watchlist).toEqual(['SOLUSDT']);
    expect(client.connectionState()).toBe('open');
    expect(client.transport).toBe('websocket');
  });

  it('rejects a failed call with a CallError carrying the structured error', async () => {
    const failure = await client.call('settings.set', { theme: 'neon' as 'dark' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CallError);
    expect((failure as CallError).error).toMatchObject({ code: 'BAD_REQUEST', path: 'params.theme' });
  });

  it('delivers a snapshot and updates, and re-subscribes after the server restarts', async () => {
    const seen: { health: AppHealth; seq: number }[] = [];
    const states: string[] = [];
    client.onConnectionState((s) => states.push(s));
    const firstTwo = waitFor(() => (seen.length >= 2 ? seen : undefined));
    client.subscribe('app.health', {}, (health, seq) => {
      seen.push({ health, seq });
      firstTwo.poke();
    });
    const snapshot = waitFor(() => (seen.length >= 1 ? seen : undefined));
    const poll = setInterval(() => snapshot.poke(), 5);
    await snapshot.promise;
    clearInterval(poll);
    fx.ticks.tick();
    await firstTwo.promise;
    expect(seen.map((s) => s.seq)).toEqual([1, 2]);

    // Restart the server on the same port with the same token: the client reconnects and gets a fresh snapshot.
    const port = fx.server.port;
    await fx.server.close();
    const again = waitFor(() => (seen.length >= 3 ? seen : undefined));
    const restarted = await startServeServer({ core: fx.core, host: '127.0.0.1', port, rendererDir: fx.dataDir, token: fx.server.token });
    const poll2 = setInterval(() => again.poke(), 5);
    await again.promise;
    clearInterval(poll2);
    expect(seen[2]?.seq).toBe(1);
    expect(states.filter((s) => s === 'reconnecting')).toHaveLength(1);
    expect(states.at(-1)).toBe('open');
    await restarted.close();
  });

  it('stops events after unsubscribe', async () => {
    const seen: Settings[] = [];
    const first = waitFor(() => (seen.length >= 1 ? seen : undefined));
    const stop = client.subscribe('settings.changed', {}, (s) => {
      seen.push(s);
      first.poke();
    });
    await first.promise;
    stop();
    await client.call('app.info', {}); // a round trip after the unsub frame
    await client.call('settings.set', { theme: 'light' });
    await client.call('app.info', {});
    expect(seen).toHaveLength(1);
  });

  it('receives a reply over 1 MiB whole (sent as parts), and a frame over 1 MiB from the client is refused without closing the socket', async () => {
    // 30 days of 5m BTCUSDT: 8,640 bars, the reply the Backtests chart used to lose.
    const to = fx.core.market.service.nowFor('sim');
    const from = to - 30 * 86_400_000;
    const result = await client.call('bars.get', { source: 'sim', symbol: 'BTCUSDT', interval: '5m', from, to, limit: 50_000 });
    expect(JSON.stringify(result).length).toBeGreaterThan(1_048_576);
    expect(result.bars.length).toBeGreaterThanOrEqual(8_639);
    expect(result.coverage.missingBars).toBe(0);

    const huge = await client.call('settings.set', { watchlist: ['X'.repeat(1_100_000)] }).catch((e: unknown) => e);
    expect(huge).toBeInstanceOf(CallError);
    expect((huge as CallError).error.code).toBe('TOO_LARGE');
    expect(client.connectionState()).toBe('open');
    expect((await client.call('app.info', {})).name).toBe('Tapedeck');
  });

  it('fails a call that gets no answer with TIMEOUT instead of hanging', async () => {
    const failure = await client.call('bars.get', { source: 'sim', symbol: 'BTCUSDT', interval: '1m', limit: 10 }, { timeoutMs: 1 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CallError);
    expect((failure as CallError).error).toMatchObject({ code: 'TIMEOUT' });
  });
});
