import { describe, expect, it } from 'vitest';
import { parseWsFrame, type WsParseResult } from '../../../../../../src-main/market-data/feeds/binance/parse-ws';
import { bookTickerStream, klineStream, parseStreamName, tradeStream } from '../../../../../../src-main/market-data/feeds/binance/stream-names';
import { prng } from '../../../../../helpers/prng';

const TRADE = {
  e: 'trade',
  E: 1_700_000_000_123,
  s: 'BTCUSDT',
  t: 12345,
  p: '42000.10',
  q: '0.0100',
  T: 1_700_000_000_120,
  m: true,
  M: true,
};

const KLINE = {
  e: 'kline',
  E: 1_700_000_002_000,
  s: 'BTCUSDT',
  k: {
    t: 1_699_999_980_000,
    T: 1_700_000_039_999,
    s: 'BTCUSDT',
    i: '1m',
    f: 100,
    L: 200,
    o: '0.0010',
    c: '0.0020',
    h: '0.0025',
    l: '0.0010',
    v: '1000',
    n: 101,
    x: false,
    q: '1.0000',
    V: '500',
    Q: '0.500',
    B: '123456',
  },
};

const frame = (stream: string, data: unknown): string => JSON.stringify({ stream, data });
const kindOf = (r: WsParseResult): string => (r.ok ? r.frame.type : r.kind);

describe('parseWsFrame: market data', () => {
  it('turns a documented @trade message into a Trade', () => {
    expect(parseWsFrame(frame('btcusdt@trade', TRADE))).toEqual({
      ok: true,
      frame: {
        type: 'data',
        message: {
          kind: 'trade',
          stream: 'btcusdt@trade',
          symbol: 'BTCUSDT',
          eventTime: 1_700_000_000_123,
          trade: { id: 12345, time: 1_700_000_000_120, price: 42000.1, size: 0.01 },
          buyerIsMaker: true,
        },
      },
    });
  });

  it('turns a documented @kline_1m message into a Bar whose final flag is k.x', () => {
    const forming = parseWsFrame(frame('btcusdt@kline_1m', KLINE));
    expect(forming).toEqual({
      ok: true,
      frame: {
        type: 'data',
        message: {
          kind: 'kline',
          stream: 'btcusdt@kline_1m',
          symbol: 'BTCUSDT',
          eventTime: 1_700_000_002_000,
          interval: '1m',
          bar: { time: 1_699_999_980_000, open: 0.001, high: 0.0025, low: 0.001, close: 0.002, volume: 1000, trades: 101, final: false },
        },
      },
    });
    const closed = parseWsFrame(frame('btcusdt@kline_1m', { ...KLINE, k: { ...KLINE.k, x: true } }));
    expect(closed.ok && closed.frame.type === 'data' && closed.frame.message.kind === 'kline' && closed.frame.message.bar.final).toBe(true);
  });

  it.each([
    ['42000', 42000],
    ['0.00000001', 1e-8],
    ['00042.50', 42.5],
    ['99999999999999999999.99', 1e20],
  ])('reads the decimal string %s as %d', (p, price) => {
    const r = parseWsFrame(frame('btcusdt@trade', { ...TRADE, p }));
    expect(r.ok && r.frame.type === 'data' && r.frame.message.kind === 'trade' && r.frame.message.trade.price).toBe(price);
  });

  it.each(['1e5', '-1', '+1', '', ' 1', '1 ', '0x10', 'Infinity', 'NaN', '1.', '.5', '1,5', '0', '0.000', '9'.repeat(21), '1.' + '1'.repeat(21)])(
    'refuses the price %j',
    (p) => {
      expect(kindOf(parseWsFrame(frame('btcusdt@trade', { ...TRADE, p })))).toBe('bad-trade');
    },
  );

  it.each([
    ['a number price', { p: 42000.1 }],
    ['a zero quantity', { q: '0.0000' }],
    ['a string trade id', { t: '12345' }],
    ['an unsafe trade id', { t: 2 ** 60 }],
    ['a negative time', { T: -1 }],
    ['a fractional time', { T: 1.5 }],
    ['a string maker flag', { m: 'true' }],
    ['another event type', { e: 'aggTrade' }],
    ['another symbol than the stream', { s: 'ETHUSDT' }],
    ['no quantity', { q: undefined }],
  ])('refuses a trade with %s', (_what, patch) => {
    expect(kindOf(parseWsFrame(frame('btcusdt@trade', { ...TRADE, ...patch })))).toBe('bad-trade');
  });

  it('gives the same trade whether the fast check or the schema reads it (a lower-case symbol takes the schema)', () => {
    const fast = parseWsFrame(frame('btcusdt@trade', TRADE));
    const viaSchema = parseWsFrame(frame('btcusdt@trade', { ...TRADE, s: 'btcusdt' }));
    expect(viaSchema).toEqual(fast);
    expect(fast.ok && fast.frame.type === 'data' && fast.frame.message.symbol).toBe('BTCUSDT');
  });

  it('refuses an infinite number written in JSON', () => {
    expect(kindOf(parseWsFrame(frame('btcusdt@trade', TRADE).replace('"t":12345', '"t":1e400')))).toBe('bad-trade');
  });

  it.each([
    ['high below close', { h: '0.0015' }],
    ['low above open', { l: '0.0015' }],
    ['a negative volume', { v: '-1' }],
    ['a closed flag that is not boolean', { x: 'yes' }],
    ['another interval than the stream', { i: '5m' }],
    ['another symbol than the event', { s: 'ETHUSDT' }],
    ['a close time before the open time', { T: 1 }],
  ])('refuses a kline with %s', (_what, patch) => {
    expect(kindOf(parseWsFrame(frame('btcusdt@kline_1m', { ...KLINE, k: { ...KLINE.k, ...patch } })))).toBe('bad-kline');
  });

  it('refuses a kline event without k', () => {
    expect(kindOf(parseWsFrame(frame('btcusdt@kline_1m', { ...KLINE, k: null })))).toBe('bad-kline');
  });
});

describe('parseWsFrame: control and failures', () => {
  it('reads SUBSCRIBE/LIST_SUBSCRIPTIONS replies and errors', () => {
    expect(parseWsFrame('{"result":null,"id":1}')).toEqual({ ok: true, frame: { type: 'ack', id: 1, result: null } });
    expect(parseWsFrame('{"result":["btcusdt@trade"],"id":3}')).toEqual({ ok: true, frame: { type: 'ack', id: 3, result: ['btcusdt@trade'] } });
    expect(parseWsFrame('{"error":{"code":2,"msg":"Invalid request"},"id":7}')).toEqual({
      ok: true,
      frame: { type: 'error', id: 7, code: 2, msg: 'Invalid request' },
    });
    expect(parseWsFrame('{"error":{"code":3,"msg":"Invalid JSON"},"id":null}')).toEqual({
      ok: true,
      frame: { type: 'error', id: null, code: 3, msg: 'Invalid JSON' },
    });
  });

  it('reads serverShutdown bare and inside an envelope', () => {
    expect(parseWsFrame('{"e":"serverShutdown","E":1}')).toEqual({ ok: true, frame: { type: 'server-shutdown' } });
    expect(parseWsFrame(frame('btcusdt@trade', { e: 'serverShutdown' }))).toEqual({ ok: true, frame: { type: 'server-shutdown' } });
  });

  it.each([
    ['{"stream":"btcusdt@trade","data":', 'not-json'],
    ['', 'not-json'],
    ['\u0000\u0001', 'not-json'],
    ['[1,2]', 'no-envelope'],
    ['"text"', 'no-envelope'],
    ['null', 'no-envelope'],
    ['{}', 'no-envelope'],
    ['{"stream":"btcusdt@trade"}', 'no-envelope'],
    ['{"stream":"btcusdt@trade","data":[1]}', 'no-envelope'],
    ['{"stream":5,"data":{}}', 'no-envelope'],
    [frame('btcusdt@depth', TRADE), 'unknown-stream'],
    [frame('BTCUSDT@trade', TRADE), 'unknown-stream'],
    [frame('btcusdt@kline_2m', KLINE), 'unknown-stream'],
    ['{"result":5,"id":1}', 'bad-control'],
    ['{"result":null,"id":-1}', 'bad-control'],
    ['{"id":4}', 'bad-control'],
    ['{"error":"nope","id":1}', 'bad-control'],
  ])('classifies %j as %s', (text, kind) => {
    expect(kindOf(parseWsFrame(text))).toBe(kind);
  });

  it('never throws, whatever it is given', () => {
    const rnd = prng(42);
    const pieces = ['{', '}', '[', ']', '"', ':', ',', 'stream', 'data', 'result', 'error', 'id', 'e', '1', '-', '.', 'null', 'true', '\\'];
    for (let i = 0; i < 5000; i++) {
      let text = '';
      const n = Math.floor(rnd() * 20);
      for (let j = 0; j < n; j++) text += pieces[Math.floor(rnd() * pieces.length)] ?? '';
      expect(() => parseWsFrame(text)).not.toThrow();
    }
  });
});

describe('stream names', () => {
  it('builds and decodes trade, kline and bookTicker stream names', () => {
    expect(tradeStream('BTCUSDT')).toBe('btcusdt@trade');
    expect(klineStream('ETHBTC', '1m')).toBe('ethbtc@kline_1m');
    expect(parseStreamName('btcusdt@trade')).toEqual({ kind: 'trade', symbol: 'btcusdt' });
    expect(parseStreamName('ethbtc@kline_4h')).toEqual({ kind: 'kline', symbol: 'ethbtc', interval: '4h' });
    expect(parseStreamName('ethbtc@kline_2h')).toBeUndefined();
    expect(parseStreamName('btcusdt@bookTicker')).toEqual({ kind: 'bookTicker', symbol: 'btcusdt' });
    expect(bookTickerStream('BTCUSDT')).toBe('btcusdt@bookTicker');
    expect(parseStreamName('btcusdt@depth')).toBeUndefined();
  });
});

describe('parseWsFrame: @bookTicker', () => {
  const wrap = (data: object, stream = 'bnbusdt@bookTicker'): string => JSON.stringify({ stream, data });
  it('reads the best bid and ask (Binance\u2019s documented example)', () => {
    const r = parseWsFrame(wrap({ u: 400900217, s: 'BNBUSDT', b: '25.35190000', B: '31.21000000', a: '25.36520000', A: '40.66000000' }));
    expect(r).toEqual({ ok: true, frame: { type: 'data', message: { kind: 'book', stream: 'bnbusdt@bookTicker', symbol: 'BNBUSDT', updateId: 400900217, bid: 25.3519, bidSize: 31.21, ask: 25.3652, askSize: 40.66 } } });
  });
  it('refuses a crossed book, a bad decimal and a symbol on another stream', () => {
    expect(parseWsFrame(wrap({ u: 1, s: 'BNBUSDT', b: '2', B: '1', a: '1', A: '1' }))).toMatchObject({ ok: false, kind: 'bad-book' });
    expect(parseWsFrame(wrap({ u: 1, s: 'BNBUSDT', b: '1e3', B: '1', a: '2', A: '1' }))).toMatchObject({ ok: false, kind: 'bad-book' });
    expect(parseWsFrame(wrap({ u: 1, s: 'ETHUSDT', b: '1', B: '1', a: '2', A: '1' }))).toMatchObject({ ok: false, kind: 'bad-book' });
  });
});
