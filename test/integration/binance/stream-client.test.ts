import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WS_FAILURE_KINDS, type WsFailureKind } from '../../../src-main/market-data/feeds/binance/parse-ws';
import { klineStream, tradeStream } from '../../../src-main/market-data/feeds/binance/stream-names';
import type { BinanceStreamClientOptions } from '../../../src-main/market-data/feeds/binance/stream-options';
import { prng } from '../../helpers/prng';
import { startFakeBinanceWs, type FakeBinanceWs, type FakeBinanceWsOptions } from './fake/fake-ws';
import { fuzzFrames } from './fake/ws-fuzz';
import { clientHarness, controls, subscribed, tradeIds, type ClientHarness } from './fake/ws-harness';
import { klinePayload, tradePayload } from './fake/ws-payloads';
import { Collector } from './fake/ws-wait';

const BTC = tradeStream('BTCUSDT');
const ETH = tradeStream('ETHUSDT');
const BTC_1M = klineStream('BTCUSDT', '1m');

let fake: FakeBinanceWs;
let h: ClientHarness | undefined;
const harness = (options?: Partial<BinanceStreamClientOptions>): ClientHarness => (h = clientHarness(fake, options));
const restart = async (options: FakeBinanceWsOptions): Promise<void> => {
  await fake.close();
  fake = await startFakeBinanceWs(options);
};

beforeEach(async () => {
  fake = await startFakeBinanceWs();
});
afterEach(async () => {
  h?.client.close();
  h = undefined;
  await fake.close();
});

describe('BinanceStreamClient: subscriptions', () => {
  it('subscribes live, waits for the ack and delivers domain trades and bars', async () => {
    const { client, statuses, collect } = harness();
    const trades = collect(BTC).got;
    const bars = collect(BTC_1M).got;
    await subscribed(fake, 1, [BTC, BTC_1M]);
    expect(controls(fake)).toMatchObject([{ method: 'SUBSCRIBE', params: [BTC, BTC_1M], id: 1 }]);
    expect(fake.send(BTC, tradePayload('BTCUSDT', { id: 7, time: 1_700_000_000_000 }))).toBe(1);
    expect(fake.send(ETH, tradePayload('ETHUSDT', { id: 8 }))).toBe(0);
    expect(fake.send(BTC_1M, klinePayload('BTCUSDT', 1_699_999_980_000, true))).toBe(1);
    await bars.until('a bar', (b) => b.length === 1);
    expect(trades.items).toEqual([
      {
        kind: 'trade',
        stream: BTC,
        symbol: 'BTCUSDT',
        eventTime: 1_700_000_000_001,
        trade: { id: 7, time: 1_700_000_000_000, price: 42000.1, size: 0.01 },
        buyerIsMaker: true,
      },
    ]);
    expect(bars.items[0]).toMatchObject({ kind: 'kline', interval: '1m', bar: { time: 1_699_999_980_000, open: 42000, high: 42020, low: 41990, close: 42010.5, volume: 12.5, trades: 101, final: true } });
    expect(statuses.items.map((s) => s.state)).toEqual(['closed', 'connecting', 'open']);
    expect(() => client.subscribe('BTCUSDT@trade', () => undefined)).toThrow(TypeError);
  });

  it('reference-counts: one SUBSCRIBE for two subscribers, UNSUBSCRIBE only after the last', async () => {
    const { collect } = harness();
    const a = collect(BTC);
    const b = collect(BTC);
    await subscribed(fake, 1, [BTC]);
    fake.send(BTC, tradePayload('BTCUSDT', { id: 1 }));
    await b.got.until('trade 1', (t) => t.length === 1);
    a.stop();
    a.stop();
    expect(fake.send(BTC, tradePayload('BTCUSDT', { id: 2 }))).toBe(1);
    await b.got.until('trade 2', (t) => t.length === 2);
    expect([tradeIds(a.got), tradeIds(b.got)]).toEqual([[1], [1, 2]]);
    b.stop();
    await subscribed(fake, 1, []);
    expect(controls(fake).map((c) => [c.method, c.params])).toEqual([['SUBSCRIBE', [BTC]], ['UNSUBSCRIBE', [BTC]]]);
  });

  it('never exceeds 5 messages/s while subscribing 50 streams at once and churning them', async () => {
    const { client } = harness();
    const names = Array.from({ length: 50 }, (_, i) => tradeStream(`SYM${String(i)}USDT`));
    const stops = names.map((n) => client.subscribe(n, () => undefined));
    await subscribed(fake, 1, names);
    expect(controls(fake)[0]?.params).toHaveLength(50);
    for (let i = 0; i < 50; i++) {
      stops[i]!();
      if (i % 2 === 0) stops[i] = client.subscribe(names[i]!, () => undefined);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    await subscribed(fake, 1, names.filter((_, i) => i % 2 === 0));
    expect(client.stats().controlSent).toBeGreaterThanOrEqual(4);
    expect(fake.stats()).toEqual({ accepted: 1, refused: 0, rateViolations: 0 });
    expect(fake.history()[0]!.maxPerSecond).toBeLessThanOrEqual(5);
  });

  it('opens another connection beyond the per-connection cap and reuses freed room', async () => {
    const { client, collect } = harness({ streamsPerConnection: 3 });
    const names = ['a', 'b', 'c', 'd', 'e'].map((s) => tradeStream(`${s}USDT`));
    const subs = names.map((n) => collect(n));
    await subscribed(fake, 1, names.slice(0, 3));
    await subscribed(fake, 2, names.slice(3));
    expect(client.stats().connections).toBe(2);
    names.forEach((n, i) => fake.send(n, tradePayload(n.slice(0, 5).toUpperCase(), { id: i })));
    await Promise.all(subs.map((s, i) => s.got.until(`trade on ${names[i]!}`, (t) => t.length === 1)));
    subs[0]!.stop();
    await subscribed(fake, 1, names.slice(1, 3));
    fake.send(names[1]!, tradePayload('BUSDT', { id: 9 }));
    await subs[1]!.got.until('the UNSUBSCRIBE ack before trade 9', (t) => t.length === 2);
    collect(tradeStream('FUSDT'));
    await subscribed(fake, 1, [...names.slice(1, 3), tradeStream('FUSDT')]);
    expect(client.stats().connections).toBe(2);
  });

  it('logs a refused SUBSCRIBE and retries it later', async () => {
    fake.faults.refuseSubscribes(1);
    const { warnings, collect } = harness({ retryFailedMs: 100 });
    const trades = collect(BTC).got;
    await subscribed(fake, 1, [BTC]);
    expect(controls(fake, 'SUBSCRIBE')).toHaveLength(2);
    expect(warnings.items).toEqual([`binance ws: SUBSCRIBE [${BTC}] refused (2 Invalid request: refused (fault)); retrying in 100 ms`]);
    fake.send(BTC, tradePayload('BTCUSDT', { id: 3 }));
    await trades.until('a trade', (t) => t.length === 1);
  });
});

describe('BinanceStreamClient: reconnecting', () => {
  it('reconnects after the sockets drop, re-subscribes in one batch and reports the blind window', async () => {
    const { client, statuses, gaps, collect } = harness();
    const trades = collect(BTC).got;
    collect(ETH);
    collect(BTC_1M);
    await subscribed(fake, 1, [BTC, ETH, BTC_1M]);
    const sentAt = Date.now();
    fake.send(BTC, tradePayload('BTCUSDT', { id: 1 }));
    await trades.until('trade 1', (t) => t.length === 1);
    const seenAt = Date.now();
    fake.faults.dropAll();
    const session = await subscribed(fake, 2, [BTC, ETH, BTC_1M]);
    expect(session.controls.map((c) => c.params.length)).toEqual([3]);
    const gap = await gaps.first('a gap', () => true);
    expect([...gap.streams].sort()).toEqual([BTC, BTC_1M, ETH].sort());
    expect(gap.from).toBeGreaterThanOrEqual(sentAt);
    expect(gap.from).toBeLessThanOrEqual(seenAt);
    expect(gap.to).toBeGreaterThanOrEqual(seenAt);
    fake.send(BTC, tradePayload('BTCUSDT', { id: 2 }));
    await trades.until('trade 2', (t) => t.length === 2);
    expect(gaps.items).toHaveLength(1);
    expect(statuses.items.map((s) => s.state)).toEqual(['closed', 'connecting', 'open', 'reconnecting', 'open']);
    expect(client.stats()).toMatchObject({ connections: 1, reconnects: 1 });
  });

  it('replaces a subscribed socket that has been silent for silentSocketMs', async () => {
    const { warnings, gaps, collect } = harness({ silentSocketMs: 300 });
    const trades = collect(BTC).got;
    await subscribed(fake, 1, [BTC]);
    fake.faults.goSilent(60_000);
    await fake.events.first('the client giving up', (e) => e.type === 'disconnect' && e.by === 'client');
    expect(warnings.items[0]).toMatch(/^binance ws: connection was silent for \d+ ms; reconnecting in 0 ms$/);
    fake.faults.goSilent(0);
    await gaps.first('a gap', (g) => g.streams.includes(BTC));
    fake.send(BTC, tradePayload('BTCUSDT', { id: 5 }));
    await trades.until('a trade after the silence', (t) => t.length === 1);
  });

  it('replaces a socket that never answers its SUBSCRIBE, and the streams come back on the next one', async () => {
    fake.faults.swallowControls(1_000);
    const { warnings, collect } = harness({ silentSocketMs: 300, ackTimeoutMs: 200, retryFailedMs: 100 });
    const trades = collect(BTC).got;
    await fake.events.first('the client giving up on the mute socket', (e) => e.type === 'disconnect' && e.by === 'client', 3_000);
    expect(warnings.items.some((w) => /^binance ws: connection was silent for \d+ ms/.test(w))).toBe(true);
    fake.faults.swallowControls(0);
    await fake.events.until('a second socket subscribed', () => fake.connections().some((c) => c.id > 1 && c.subscriptions.has(BTC)), 3_000);
    expect(fake.connections().every((c) => c.open)).toBe(true);
    fake.send(BTC, tradePayload('BTCUSDT', { id: 9 }));
    await trades.until('a trade on the new socket', (t) => t.length === 1);
  });

  it('reconnects on serverShutdown without waiting for the server to close', async () => {
    const { warnings, collect } = harness();
    const trades = collect(BTC).got;
    await subscribed(fake, 1, [BTC]);
    fake.faults.serverShutdown(60_000);
    await subscribed(fake, 2, [BTC]);
    expect(fake.history()[0]!.closedBy).toBe('client');
    expect(warnings.items).toContain('binance ws: connection announced serverShutdown; reconnecting in 0 ms');
    fake.send(BTC, tradePayload('BTCUSDT', { id: 4 }));
    await trades.until('a trade', (t) => t.length === 1);
  });

  it('reconnects when the server ends the connection (24 h close, code 1000)', async () => {
    const { warnings, collect } = harness();
    collect(BTC);
    await subscribed(fake, 1, [BTC]);
    fake.faults.close24h();
    await subscribed(fake, 2, [BTC]);
    expect(fake.history()[0]!.closedBy).toBe('server');
    expect(warnings.items[0]).toBe('binance ws: connection closed by the server (1000 connection lifetime exceeded); reconnecting in 0 ms');
  });

  it('renews a connection shortly before its maximum age', async () => {
    const { warnings, collect } = harness({ maxConnectionMs: 1200, renewBeforeMs: 200 });
    collect(BTC);
    await subscribed(fake, 1, [BTC]);
    await subscribed(fake, 2, [BTC]);
    expect(fake.history()[0]!.closedBy).toBe('client');
    expect(warnings.items[0]).toBe('binance ws: connection is near the 24-hour limit: renewing it; reconnecting in 0 ms');
  });

  it('backs off exponentially with full jitter, and starts over after a stable connection', async () => {
    fake.faults.refuseConnections(3);
    const { statuses, warnings, collect } = harness({ random: () => 0.5, backoff: { baseMs: 20, stableMs: 150 } });
    collect(BTC);
    await subscribed(fake, 1, [BTC]);
    const delays = (): (string | undefined)[] => warnings.items.map((w) => /reconnecting in (\d+) ms/.exec(w)?.[1]);
    expect(delays()).toEqual(['10', '20', '40']);
    expect(fake.stats()).toMatchObject({ accepted: 1, refused: 3 });
    expect(statuses.items.map((s) => s.state)).toEqual(['closed', 'connecting', 'reconnecting', 'open']);
    fake.faults.dropAll();
    await subscribed(fake, 2, [BTC]);
    expect(delays().at(-1)).toBe('80');
    await new Promise((resolve) => setTimeout(resolve, 200));
    fake.faults.dropAll();
    await subscribed(fake, 3, [BTC]);
    expect(delays().at(-1)).toBe('10');
  });

  it('answers server pings with pongs echoing the payload (ws autoPong)', async () => {
    await restart({ pingIntervalMs: 400 });
    harness().collect(BTC);
    await subscribed(fake, 1, [BTC]);
    await fake.events.until('two pongs', (e) => e.filter((x) => x.type === 'pong').length >= 2);
    expect(fake.history()[0]).toMatchObject({ badPongs: 0, open: true });
    expect(fake.stats().rateViolations).toBe(0);
  });

  it('close() ends every connection and timer for good', async () => {
    const { client, statuses, collect } = harness({ silentSocketMs: 50 });
    collect(BTC);
    await subscribed(fake, 1, [BTC]);
    client.close();
    await fake.events.first('the client closing', (e) => e.type === 'disconnect' && e.by === 'client');
    expect(statuses.items.at(-1)?.state).toBe('closed');
    expect(() => client.subscribe(BTC, () => undefined)).toThrow('closed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.stats().accepted).toBe(1);
  });
});

describe('BinanceStreamClient: hostile frames', () => {
  it('survives 10,000 fuzzed frames: counts each kind, logs it once, still delivers valid trades', async () => {
    const { client, warnings, errors, collect } = harness();
    const trades = collect(BTC).got;
    await subscribed(fake, 1, [BTC]);
    const frames = fuzzFrames(prng(20_261_101), 10_000, BTC, 'BTCUSDT', 1);
    for (const f of frames) fake.faults.sendRaw(f.text);
    for (let i = 0; i < 50; i++) fake.faults.sendRaw(Buffer.from([0x7e, ...Array.from({ length: i }, (_, j) => (j * 37 + i) % 256)]), true);
    fake.send(BTC, tradePayload('BTCUSDT', { id: 999_999 }));
    await trades.until('the sentinel trade', () => tradeIds(trades).at(-1) === 999_999, 20_000);

    const expected = Object.fromEntries(WS_FAILURE_KINDS.map((k) => [k, frames.filter((f) => f.expect === k).length])) as Record<WsFailureKind, number>;
    expected['not-json'] += 50;
    expect(client.stats().malformed).toEqual(expected);
    for (const kind of WS_FAILURE_KINDS) {
      expect(expected[kind]).toBeGreaterThan(0);
      expect(warnings.count((w) => w.startsWith(`binance ws: malformed frame (${kind})`))).toBe(1);
    }
    const validIds = frames.filter((f) => f.expect === 'valid').map((_, i) => i + 1);
    expect(tradeIds(trades)).toEqual([...validIds, 999_999]);
    expect(warnings.items).toHaveLength(WS_FAILURE_KINDS.length);
    expect(errors.items).toEqual([]);
    expect(client.stats().reconnects).toBe(0);
  });
});

describe('fake Binance server', () => {
  it('speaks the control protocol and disconnects a client that sends more than 5 messages/s', async () => {
    const ws = new WebSocket(`${fake.url}/stream?streams=${BTC}`);
    const replies = new Collector<string>();
    ws.on('message', (d: Buffer) => replies.push(d.toString('utf8')));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ method: 'SUBSCRIBE', params: [ETH], id: 1 }));
    ws.send(JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: 3 }));
    ws.send(JSON.stringify({ method: 'NOPE', id: 4 }));
    await replies.until('3 replies', (r) => r.length === 3);
    expect(replies.items.map((r) => JSON.parse(r) as unknown)).toEqual([
      { result: null, id: 1 },
      { result: [BTC, ETH], id: 3 },
      { error: { code: 2, msg: 'Invalid request: unknown variant NOPE' }, id: 4 },
    ]);
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    for (let i = 0; i < 3; i++) ws.send(JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: 10 + i }));
    expect(await closed).toBe(1008);
    expect(fake.stats().rateViolations).toBe(1);
  });
});
