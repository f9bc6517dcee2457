import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthLatch } from '../../../src-main/market-data/feeds/alpaca/auth-latch';
import { AlpacaKeys } from '../../../src-main/market-data/feeds/alpaca/credentials';
import { AlpacaStreamClient, type StreamData } from '../../../src-main/market-data/feeds/alpaca/stream-client';
import type { AlpacaStreamClientOptions, StreamGap } from '../../../src-main/market-data/feeds/alpaca/stream-options';
import { startFakeAlpaca, type FakeAlpaca, type FakeAlpacaOptions } from './fake/fake-alpaca';
import type { FakeTrade } from './fake/fake-market';
import type { StreamControl } from './fake/stream-session';

const MINUTE = Date.UTC(2024, 0, 3, 15, 0);

interface Log {
  readonly warns: string[];
  readonly errors: string[];
  error(message: string, err?: unknown): void;
  warn(message: string): void;
}

function recordingLog(): Log {
  const warns: string[] = [];
  const errors: string[] = [];
  return { warns, errors, error: (m, e) => errors.push(`${m} ${e instanceof Error ? e.message : typeof e === 'string' ? e : ''}`), warn: (m) => warns.push(m) };
}

async function until(done: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('AlpacaStreamClient against the fake stock stream', () => {
  let fake: FakeAlpaca;
  let client: AlpacaStreamClient | undefined;
  let log: Log;
  let auth: AuthLatch;

  async function start(fakeOptions: FakeAlpacaOptions = {}, over: Partial<AlpacaStreamClientOptions> = {}, secret?: string): Promise<AlpacaStreamClient> {
    fake = await startFakeAlpaca(fakeOptions);
    log = recordingLog();
    auth = new AuthLatch();
    const keys = new AlpacaKeys(fake.keys.keyId, secret ?? fake.keys.secret);
    client = new AlpacaStreamClient({
      url: fake.streamUrl,
      keys: () => Promise.resolve(keys),
      missingKeys: 'no keys',
      auth,
      now: () => Date.now(),
      log,
      backoff: { baseMs: 5, capMs: 20 },
      ...over,
    });
    return client;
  }

  const controls = (): StreamControl[] => fake.stream.events.items.flatMap((e) => (e.type === 'control' ? [e.control] : []));
  const trades = (symbol: string, n = 3): FakeTrade[] => fake.market.trades(symbol, MINUTE).slice(0, n);

  beforeEach(() => {
    client = undefined;
  });
  afterEach(async () => {
    client?.close();
    await fake.close();
  });

  it('authenticates, shares one connection, and changes reference-counted subscriptions live', async () => {
    const c = await start();
    const a: StreamData[] = [];
    const b: StreamData[] = [];
    const q: StreamData[] = [];
    const stopA = c.subscribe('trades', 'AAPL', (d) => a.push(d));
    const stopB = c.subscribe('trades', 'AAPL', (d) => b.push(d));
    const stopQ = c.subscribe('quotes', 'SPY', (d) => q.push(d));
    await until(() => fake.stream.connections().some((s) => s.subscriptions.trades.has('AAPL') && s.subscriptions.quotes.has('SPY')), 'the subscription');
    expect(fake.stream.history()).toHaveLength(1);
    // auth, then one batched subscribe for both channels.
    expect(controls().map((x) => [x.action, x.channels])).toEqual([['auth', {}], ['subscribe', { trades: ['AAPL'], quotes: ['SPY'] }]]);
    expect(c.state.state).toBe('open');

    const sent = trades('AAPL');
    expect(fake.stream.trades('AAPL', sent)).toBe(1);
    fake.stream.quote('SPY', 50_010, 50_012, MINUTE + 500);
    await until(() => a.length === 3 && b.length === 3 && q.length === 1, 'the trades and the quote');
    expect(a.map((d) => (d.kind === 'trade' ? [d.trade.time, d.trade.price, d.trade.size] : null))).toEqual(sent.map((t) => [t.time, t.cents / 100, t.size]));
    expect(q[0]).toMatchObject({ kind: 'quote', symbol: 'SPY', bid: 500.1, ask: 500.12, time: MINUTE + 500 });

    // One of two consumers leaves: nothing is sent; the last one leaves: unsubscribe.
    stopA();
    await sleep(20);
    expect(controls()).toHaveLength(2);
    stopB();
    stopQ();
    await until(() => controls().length === 3, 'the unsubscribe');
    expect(controls()[2]).toMatchObject({ action: 'unsubscribe', channels: { trades: ['AAPL'], quotes: ['SPY'] } });
    await until(() => fake.stream.connections()[0]?.subscriptions.trades.size === 0, 'the server to drop AAPL');
    fake.stream.trades('AAPL', trades('AAPL'));
    await sleep(20);
    expect(a.length + b.length).toBe(6);
    expect(c.stats()).toMatchObject({ connects: 1, reconnects: 0, subscribeMessages: 1, unsubscribeMessages: 1 });
  });

  it('reconnects after a drop, re-subscribes, and reports the window each streaming symbol missed', async () => {
    const c = await start();
    const gaps: StreamGap[] = [];
    c.onResumed((g) => gaps.push(g));
    c.subscribe('trades', 'AAPL', () => undefined);
    c.subscribe('bars', 'SPY', () => undefined);
    c.subscribe('quotes', 'QQQ', () => undefined);
    await until(() => fake.stream.connections()[0]?.subscriptions.bars.has('SPY') === true, 'the first subscription');
    // The server's last answers (the acks of later subscribe messages) reach the client first: the gap starts at its last message, before the drop.
    await sleep(20);
    const before = Date.now();
    fake.stream.faults.dropAll();
    await until(() => gaps.length > 0, 'the resumed gap');
    expect(gaps).toHaveLength(1);
    expect([...(gaps[0]?.symbols ?? [])].sort()).toEqual(['AAPL', 'SPY']);
    expect(gaps[0]?.from).toBeLessThanOrEqual(before);
    expect(gaps[0]?.to).toBeGreaterThanOrEqual(before);
    expect(fake.stream.history()).toHaveLength(2);
    expect(fake.stream.connections()).toHaveLength(1);
    expect(fake.stream.connections()[0]?.subscriptions.quotes.has('QQQ')).toBe(true);
    expect(c.stats().reconnects).toBe(1);
    expect(log.warns.some((w) => w.startsWith('alpaca stream: connection closed by the server') || w.startsWith('alpaca stream: connection failed'))).toBe(true);
  });

  it('a wrong key: error 402, "authentication failed", one connection and no reconnect', async () => {
    const c = await start({}, {}, 'a-wrong-secret');
    c.subscribe('trades', 'AAPL', () => undefined);
    await until(() => c.state.state === 'failed', 'the refusal');
    expect(c.state.problem).toBe('authentication failed');
    expect(auth.failure).toBe('authentication failed');
    await sleep(200);
    expect(fake.stream.history()).toHaveLength(1);
    expect(fake.stream.history()[0]?.errorsSent).toEqual([402]);
    c.subscribe('trades', 'SPY', () => undefined);
    await sleep(50);
    expect(fake.stream.history()).toHaveLength(1);
    expect(log.errors.filter((e) => e.includes('authentication failed'))).toHaveLength(1);
  });

  it('error 406 (the account\'s one connection is taken): waits with the longer backoff, says why, connects once it is free', async () => {
    const c = await start({}, { connectionLimitBackoff: { baseMs: 200, capMs: 200 }, random: () => 1 });
    fake.stream.faults.takenElsewhere = true;
    c.subscribe('trades', 'AAPL', () => undefined);
    await until(() => c.state.problem?.startsWith('connection limit exceeded') === true, 'the 406');
    expect(c.state.state).toBe('reconnecting');
    await sleep(700);
    // 200 ms apart: about 4 attempts in 700 ms, not a storm.
    const attempts = fake.stream.history().length;
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThanOrEqual(5);
    expect(fake.stream.history().every((s) => s.errorsSent.includes(406))).toBe(true);
    fake.stream.faults.takenElsewhere = false;
    await until(() => c.state.state === 'open', 'the connection once free');
    await until(() => fake.stream.connections()[0]?.subscriptions.trades.has('AAPL') === true, 'the re-subscription');
    expect(c.state.problem).toBeNull();
  });

  it('a plan without the feed: error 409, no reconnect', async () => {
    // An iex plan; the client asks for the sip stream.
    (await start({ plan: 'iex' })).close();
    const sip = new AlpacaStreamClient({
      url: fake.streamUrl.replace('/v2/iex', '/v2/sip'),
      keys: () => Promise.resolve(new AlpacaKeys(fake.keys.keyId, fake.keys.secret)),
      missingKeys: 'no keys',
      auth,
      now: () => Date.now(),
      log,
      backoff: { baseMs: 5, capMs: 20 },
    });
    client = sip;
    sip.subscribe('trades', 'AAPL', () => undefined);
    await until(() => sip.state.state === 'failed', 'the 409');
    expect(sip.state.problem).toMatch(/^insufficient subscription \(error 409\)/);
    await sleep(100);
    expect(fake.stream.history()).toHaveLength(1);
    expect(auth.failure).toBeNull();
  });

  it('counts malformed messages, logs each kind once, and keeps delivering', async () => {
    const c = await start();
    const got: StreamData[] = [];
    c.subscribe('trades', 'AAPL', (d) => got.push(d));
    await until(() => fake.stream.connections()[0]?.subscriptions.trades.has('AAPL') === true, 'the subscription');
    fake.stream.faults.sendRaw('this is not json');
    fake.stream.faults.sendRaw('{"T":"t","S":"AAPL"}');
    for (let i = 0; i < 3; i++) fake.stream.faults.sendRaw('[{"T":"t","S":"AAPL","i":1,"x":"V","p":"abc","s":1,"t":"2024-01-03T15:00:00Z"}]');
    fake.stream.faults.sendRaw('[{"T":"zz"},{"T":"d","S":"AAPL"},{"T":"b","S":"AAPL","o":2,"h":1,"l":1,"c":1,"v":1,"t":"2024-01-03T15:00:00Z"}]');
    fake.stream.trades('AAPL', trades('AAPL', 2));
    await until(() => got.length === 2, 'the good trades after the bad frames');
    expect(c.stats().malformed).toEqual({ 'not-json': 1, 'not-array': 1, 'no-type': 0, 'unknown-type': 1, 'bad-trade': 3, 'bad-quote': 0, 'bad-bar': 1, 'bad-control': 0 });
    expect(c.stats().ignored).toBe(1);
    expect(log.warns.filter((w) => w.includes('malformed'))).toHaveLength(5);
    expect(c.state.state).toBe('open');
  });

  it('error 405 (symbol limit): keeps what got through, says so, does not ask again for the rest', async () => {
    const c = await start({ symbolLimit: 1 });
    c.subscribe('trades', 'AAPL', () => undefined);
    await until(() => fake.stream.connections()[0]?.subscriptions.trades.has('AAPL') === true, 'AAPL');
    c.subscribe('trades', 'SPY', () => undefined);
    await until(() => c.state.problem === 'symbol limit exceeded (error 405)', 'the 405');
    await sleep(50);
    expect(controls().filter((x) => x.action === 'subscribe')).toHaveLength(2);
    expect(c.state.state).toBe('open');
  });
});
