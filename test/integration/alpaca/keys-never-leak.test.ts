import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../../shared/contract';
import { AlpacaKeys, envCredentials, staticCredentials } from '../../../src-main/market-data/feeds/alpaca/credentials';
import type { Logger } from '../../../src-main/platform/rpc';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { fakeFeed, until } from './alpaca-fixture';
import { startFakeAlpaca, type FakeAlpaca } from './fake/fake-alpaca';

const NOW = Date.UTC(2024, 0, 3, 15, 30);
const WRONG = { keyId: 'PKWRONGKEYID1234567890', secret: 'wrong-secret-9f8e7d6c5b4a-never-log-me' };

/** Everything said: log lines with their errors printed as console.error would (util.inspect, deep). */
function capturingLog(sink: string[]): Logger {
  return {
    error: (message, err) => sink.push(message, inspect(err, { depth: 10, showHidden: true })),
    warn: (message) => sink.push(message),
  };
}

describe('Alpaca keys never appear in logs, errors, health, frames or the renderer\'s data', () => {
  let fake: FakeAlpaca;
  const said: string[] = [];
  const fixtures: CoreFixture[] = [];
  const secrets = (): string[] => [fake.keys.keyId, fake.keys.secret, WRONG.keyId, WRONG.secret];

  beforeAll(async () => {
    fake = await startFakeAlpaca({ now: () => NOW });
  });
  afterAll(async () => {
    for (const fx of fixtures) fx.dispose();
    await fake.close();
  });

  function core(credentials = staticCredentials(fake.keys.keyId, fake.keys.secret), dataUrl?: string): CoreFixture {
    const fx = coreFixture({
      clock: { now: () => NOW },
      log: capturingLog(said),
      feeds: ({ clock, ticker, log }) => [fakeFeed(fake, { clock, ticker, log }, { credentials, ...(dataUrl === undefined ? {} : { config: { dataUrl } }) })],
    });
    fixtures.push(fx);
    return fx;
  }

  async function record(what: Promise<unknown>): Promise<void> {
    try {
      said.push(inspect(await what, { depth: 10 }));
    } catch (err) {
      said.push(err instanceof Error ? err.message : String(err), inspect(err, { depth: 10, showHidden: true }));
    }
  }

  it('through every failure the feed can meet', async () => {
    const frames: ServerFrame[] = [];
    const good = core();
    await good.core.market.connect();
    const conn = good.core.connect((f) => frames.push(f));
    await conn.session.handle({ t: 'sub', id: 1, event: 'bars.updates', params: { source: 'alpaca', symbol: 'AAPL', interval: '1m' } });
    await until(() => fake.stream.connections().some((s) => s.subscriptions.trades.has('AAPL')), 'the stream');
    const feed = good.core.market.feeds.get('alpaca');
    if (feed === undefined) throw new Error('no feed');

    // REST: server errors, rate limits, a body that is not Alpaca's, an unknown symbol.
    fake.faults.fail(10);
    await record(feed.history('AAPL', Date.UTC(2023, 5, 1), Date.UTC(2023, 5, 2)));
    fake.faults.clear();
    fake.faults.rateLimit(1, { retryAfterSec: 0 });
    await record(feed.history('AAPL', Date.UTC(2023, 5, 5), Date.UTC(2023, 5, 6)));
    fake.faults.garbage = 'not json at all';
    await record(feed.history('AAPL', Date.UTC(2023, 5, 7), Date.UTC(2023, 5, 8)));
    fake.faults.clear();
    await record(feed.history('ZZZZ', Date.UTC(2023, 5, 7), Date.UTC(2023, 5, 8)));
    // Stream: malformed frames, a drop, the connection limit.
    fake.stream.faults.sendRaw('garbage');
    fake.stream.faults.sendRaw('[{"T":"t","S":"AAPL","p":-1}]');
    const before = fake.stream.history().length;
    fake.stream.faults.dropAll();
    await until(() => fake.stream.history().length > before && fake.stream.connections().length === 1, 'the reconnect');
    // Everything the renderer can be sent.
    for (const method of ['feeds.list', 'feeds.health', 'app.health'] as const) await record(good.core.dispatcher.call(method, {}));
    await record(good.core.dispatcher.call('bars.get', { source: 'alpaca', symbol: 'AAPL', interval: '1h', from: Date.UTC(2023, 5, 1), to: Date.UTC(2023, 5, 3) }));
    said.push(JSON.stringify(frames), inspect(feed, { depth: 6, showHidden: true }));
    conn.close();

    // Wrong keys, refused over REST and over the stream.
    const wrong = core(staticCredentials(WRONG.keyId, WRONG.secret));
    await wrong.core.market.connect();
    await record(wrong.core.dispatcher.call('bars.get', { source: 'alpaca', symbol: 'AAPL', interval: '1h', from: Date.UTC(2023, 5, 1), to: Date.UTC(2023, 5, 2) }));
    said.push(JSON.stringify(wrong.core.market.health()));
    const wrongStream = core(staticCredentials(WRONG.keyId, WRONG.secret));
    const ws = wrongStream.core.market.feeds.get('alpaca');
    ws?.subscribeTrades('AAPL', () => undefined);
    await until(() => ws?.health().reason === 'authentication failed', 'the stream refusal');
    said.push(JSON.stringify(wrongStream.core.market.health()));
    // An unreachable host (a network error from the HTTP library, whose config holds the headers).
    const gone = core(staticCredentials(fake.keys.keyId, fake.keys.secret), 'http://127.0.0.1:9');
    await gone.core.market.connect();
    await record(gone.core.market.feeds.get('alpaca')?.history('AAPL', Date.UTC(2023, 5, 1), Date.UTC(2023, 5, 2)) ?? Promise.resolve());
    said.push(JSON.stringify(gone.core.market.health()));
    // The key sources themselves.
    const env = envCredentials({ APCA_API_KEY_ID: fake.keys.keyId, APCA_API_SECRET_KEY: fake.keys.secret });
    const loaded = await env.load();
    said.push(inspect(env), inspect(loaded, { showHidden: true }), JSON.stringify(loaded), loaded instanceof AlpacaKeys ? loaded.toString() : 'not sealed');

    // The scan.
    expect(said.length).toBeGreaterThan(20);
    const text = said.join('\n');
    expect(text).toContain('authentication failed');
    expect(text).toContain('HTTP 500');
    expect(text).toContain('invalid symbol: ZZZZ');
    expect(text).toContain('ECONNREFUSED');
    for (const secret of secrets()) expect(text.includes(secret), `"${secret.slice(0, 6)}…" leaked`).toBe(false);
    // Yet the right keys did reach Alpaca (in the headers and the auth message, nowhere else).
    expect(fake.http.requests.some((r) => r.keys === 'ok')).toBe(true);
    expect(fake.http.requests.some((r) => r.keys === 'wrong')).toBe(true);
    expect(loaded?.secret).toBe(fake.keys.secret);
    expect(loaded).toBeInstanceOf(AlpacaKeys);
  });
});
