import type { WsFailureKind } from '../../../../src-main/market-data/feeds/binance/parse-ws';
import { tradePayload } from './ws-payloads';

/** A frame for the fuzz run and what the parser must make of it. */
export interface FuzzFrame {
  readonly text: string;
  readonly expect: WsFailureKind | 'valid';
}

type Maker = (rnd: () => number, stream: string, symbol: string, seq: number) => FuzzFrame;

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

function garbage(rnd: () => number): string {
  let s = '~';
  const n = Math.floor(rnd() * 64);
  for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(rnd() * 0xd800));
  return s;
}

const envelope = (stream: string, data: unknown): string => JSON.stringify({ stream, data });

/** Replacements that make an otherwise valid trade wrong (types, signs, huge numbers). */
const BAD_TRADE_FIELDS: readonly Record<string, unknown>[] = [
  { p: 42000.1 },
  { q: '-1' },
  { p: '1e400' },
  { p: '9'.repeat(400) },
  { p: '0' },
  { p: 'NaN' },
  { q: '' },
  { t: '12345' },
  { t: 1e300 },
  { T: -5 },
  { m: 'true' },
  { e: 'aggTrade' },
  { s: 'ETHUSDT' },
  { p: null },
];

const makers: readonly Maker[] = [
  (rnd) => ({ text: garbage(rnd), expect: 'not-json' }),
  (rnd, stream, symbol, seq) => {
    const full = envelope(stream, tradePayload(symbol, { id: seq }));
    return { text: full.slice(0, 1 + Math.floor(rnd() * (full.length - 1))), expect: 'not-json' };
  },
  (rnd) => ({ text: pick(rnd, ['[1,2]', '"text"', 'null', '42', 'true', '{}', '{"stream":5,"data":{}}']), expect: 'no-envelope' }),
  (_rnd, stream) => ({ text: JSON.stringify({ stream, data: [1] }), expect: 'no-envelope' }),
  (rnd, _stream, symbol, seq) => {
    const name = pick(rnd, ['btcusdt@depth', 'BTCUSDT@trade', 'btcusdt@kline_2m', '', '@trade', 'btcusdt@trade@x']);
    return { text: envelope(name, tradePayload(symbol, { id: seq })), expect: 'unknown-stream' };
  },
  (rnd, stream, symbol, seq) => ({
    text: envelope(stream, { ...tradePayload(symbol, { id: seq }), ...pick(rnd, BAD_TRADE_FIELDS) }),
    expect: 'bad-trade',
  }),
  (rnd, _stream, symbol) => {
    const k = { t: 1, T: 0, s: symbol, i: '1m', o: '1', c: '1', h: '1', l: '1', v: '1', n: 1, x: 'no' };
    return { text: envelope(`${symbol.toLowerCase()}@kline_1m`, { e: 'kline', E: 1, s: symbol, k: pick(rnd, [k, null, 7]) }), expect: 'bad-kline' };
  },
  (rnd, _stream, symbol) => {
    const book = { u: 1, s: symbol, b: '100.00', B: '1.5', a: '100.01', A: '2' };
    const bad = pick(rnd, [{ a: '99.99' }, { b: 'x' }, { s: 'ETHUSDT' }, { A: -1 }, { u: 'one' }, { b: null }]);
    return { text: envelope(`${symbol.toLowerCase()}@bookTicker`, { ...book, ...bad }), expect: 'bad-book' };
  },
  (rnd) => ({
    text: pick(rnd, ['{"result":5,"id":1}', '{"error":"x","id":2}', '{"id":"x"}', '{"result":null,"id":-1}', '{"error":{"code":"a","msg":1},"id":3}']),
    expect: 'bad-control',
  }),
];

/** `n` frames: each malformed kind and valid trades (ids from `firstId`, in order) mixed at random. */
export function fuzzFrames(rnd: () => number, n: number, stream: string, symbol: string, firstId: number): FuzzFrame[] {
  const out: FuzzFrame[] = [];
  let nextId = firstId;
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.1) {
      out.push({ text: envelope(stream, tradePayload(symbol, { id: nextId++ })), expect: 'valid' });
    } else {
      out.push(pick(rnd, makers)(rnd, stream, symbol, i));
    }
  }
  return out;
}
