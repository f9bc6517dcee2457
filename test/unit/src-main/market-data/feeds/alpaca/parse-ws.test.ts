import { describe, expect, it } from 'vitest';
import { parseStreamFrame, tradeId } from '../../../../../../src-main/market-data/feeds/alpaca/parse-ws';

/** Messages as Alpaca documents them ("Real-time stock pricing data"). */
const TRADE = { T: 't', S: 'AAPL', i: 96921, x: 'D', p: 126.55, s: 1, t: '2021-02-22T15:51:44.208Z', c: ['@', 'I'], z: 'C' };
const QUOTE = { T: 'q', S: 'AMD', bx: 'U', bp: 87.66, bs: 1, ax: 'Q', ap: 87.68, as: 4, t: '2021-02-22T15:51:45.335689322Z', c: ['R'], z: 'C' };
const BAR = { T: 'b', S: 'SPY', o: 388.985, h: 389.13, l: 388.975, c: 389.12, v: 49378, t: '2021-02-22T19:15:00Z', n: 461, vw: 389.062639 };

const frame = (...messages: unknown[]): string => JSON.stringify(messages);

describe('parseStreamFrame', () => {
  it('turns the documented trade, quote and bars into domain values', () => {
    const { items, failures } = parseStreamFrame(frame(TRADE, QUOTE, BAR, { ...BAR, T: 'u' }));
    expect(failures).toEqual([]);
    expect(items).toEqual([
      { kind: 'trade', symbol: 'AAPL', trade: { id: 96921 * 32 + 4, time: Date.UTC(2021, 1, 22, 15, 51, 44, 208), price: 126.55, size: 1 } },
      { kind: 'quote', symbol: 'AMD', bid: 87.66, ask: 87.68, bidSize: 1, askSize: 4, time: Date.UTC(2021, 1, 22, 15, 51, 45, 335) },
      { kind: 'bar', symbol: 'SPY', channel: 'bars', bar: { time: Date.UTC(2021, 1, 22, 19, 15), open: 388.985, high: 389.13, low: 388.975, close: 389.12, volume: 49378, trades: 461, final: true } },
      { kind: 'bar', symbol: 'SPY', channel: 'updatedBars', bar: { time: Date.UTC(2021, 1, 22, 19, 15), open: 388.985, high: 389.13, low: 388.975, close: 389.12, volume: 49378, trades: 461, final: true } },
    ]);
  });

  it('reads the control messages: welcome, authenticated, errors, the subscription', () => {
    const { items } = parseStreamFrame(
      frame(
        { T: 'success', msg: 'connected' },
        { T: 'success', msg: 'authenticated' },
        { T: 'error', code: 406, msg: 'connection limit exceeded' },
        { T: 'subscription', trades: ['AAPL'], quotes: ['AMD', 'CLDR'], bars: ['*'], updatedBars: [], dailyBars: ['VOO'], statuses: [], lulds: [], corrections: ['AAPL'], cancelErrors: ['AAPL'] },
      ),
    );
    expect(items).toEqual([
      { kind: 'success', msg: 'connected' },
      { kind: 'success', msg: 'authenticated' },
      { kind: 'error', code: 406, msg: 'connection limit exceeded' },
      { kind: 'subscription', channels: { trades: ['AAPL'], quotes: ['AMD', 'CLDR'], bars: ['*'], updatedBars: [] } },
    ]);
  });

  it('ignores documented messages it does not use, and one-sided or crossed quotes', () => {
    const { items, failures } = parseStreamFrame(frame({ ...BAR, T: 'd' }, { T: 's', S: 'AAPL' }, { T: 'c', S: 'AAPL' }, { T: 'x', S: 'AAPL' }, { ...QUOTE, bp: 0 }, { ...QUOTE, ap: 87.6 }));
    expect(failures).toEqual([]);
    expect(items.map((i) => i.kind)).toEqual(['ignored', 'ignored', 'ignored', 'ignored', 'ignored', 'ignored']);
  });

  it('names what is wrong, message by message, and keeps the good ones', () => {
    const { items, failures } = parseStreamFrame(
      frame(TRADE, { ...TRADE, p: '126.55' }, { ...TRADE, t: 'yesterday' }, { ...TRADE, p: -1 }, { ...BAR, t: '2021-02-22T19:15:30Z' }, { ...BAR, h: 1 }, { ...QUOTE, S: 'amd' }, { T: 'zz' }, { x: 1 }, 5, { T: 'error', code: 'x' }),
    );
    expect(items.map((i) => i.kind)).toEqual(['trade']);
    expect(failures.map((f) => f.kind)).toEqual(['bad-trade', 'bad-trade', 'bad-trade', 'bad-bar', 'bad-bar', 'bad-quote', 'unknown-type', 'no-type', 'no-type', 'bad-control']);
    expect(failures[0]?.detail).toBe('p: Invalid input: expected number, received string');
    expect(failures[3]?.detail).toBe('t: 2021-02-22T19:15:30Z is not a whole UTC minute');
  });

  it('a frame that is not a JSON array is one failure', () => {
    expect(parseStreamFrame('nope').failures).toEqual([{ kind: 'not-json', detail: 'nope' }]);
    expect(parseStreamFrame('{"T":"t"}').failures).toEqual([{ kind: 'not-array', detail: 'a JSON object' }]);
  });

  it('snaps prices to the 0.0001 grid', () => {
    const { items } = parseStreamFrame(frame({ ...TRADE, p: 126.55000000000001 }, { ...TRADE, p: 0.51234 }));
    expect(items.map((i) => (i.kind === 'trade' ? i.trade.price : null))).toEqual([126.55, 0.5123]);
  });
});

describe('tradeId', () => {
  it('folds the exchange into the id, so equal ids on two exchanges stay apart', () => {
    expect(tradeId(7, 'A')).toBe(7 * 32 + 1);
    expect(tradeId(7, 'Z')).toBe(7 * 32 + 26);
    expect(tradeId(7, 'V')).not.toBe(tradeId(7, 'Q'));
    expect(tradeId(2 ** 50, 'V')).toBe(2 ** 50);
  });
});
