import { describe, expect, it } from 'vitest';
import { positionLadder, positionPnl } from '../../../../src-renderer/positions/position-ladder';
import { symbolSchema } from '../../../../shared/domain/symbol';
import { AAPL, order } from '../../src-main/trading/trading-fixtures';

const LONG = { accountId: 'acc1', source: 'alpaca', symbol: AAPL.symbol, qty: 10 };
const QUOTE = { bid: 100, ask: 100.1, last: 100.04, kind: 'book' } as const;
const tp = order({ id: 'tp', role: 'take_profit', side: 'sell', type: 'limit', limitPrice: 101, qty: 10 });
const sl = order({ id: 'sl', role: 'stop_loss', side: 'sell', type: 'stop', stopPrice: 99, qty: 10 });

const rungs = (r: ReturnType<typeof positionLadder>): [string, number | null][] => r.map((x) => [x.label, x.price]);

describe('positionLadder', () => {
  it('a long: its take-profit above the ask, then ask, mark, bid, then its stop', () => {
    expect(rungs(positionLadder(LONG, QUOTE, [sl, tp]))).toEqual([
      ['TP', 101],
      ['Ask', 100.1],
      ['Mark', 100.05],
      ['Bid', 100],
      ['SL', 99],
    ]);
  });

  it('a short: its stop above, its take-profit below; held exits, entries and other symbols are left out', () => {
    const short = { ...LONG, qty: -5 };
    const stsl = order({ id: 'a', role: 'stop_loss', side: 'buy', type: 'stop', stopPrice: 101.5 });
    const sttp = order({ id: 'b', role: 'take_profit', side: 'buy', type: 'limit', limitPrice: 98 });
    const held = order({ id: 'c', role: 'take_profit', side: 'buy', type: 'limit', limitPrice: 97, status: 'held' });
    const entry = order({ id: 'd', role: 'entry', side: 'buy', type: 'limit', limitPrice: 96 });
    const other = order({ id: 'e', role: 'take_profit', side: 'buy', type: 'limit', limitPrice: 95, symbol: symbolSchema.parse('SPY') });
    expect(rungs(positionLadder(short, QUOTE, [sttp, held, entry, other, stsl]))).toEqual([
      ['SL', 101.5],
      ['Ask', 100.1],
      ['Mark', 100.05],
      ['Bid', 100],
      ['TP', 98],
    ]);
  });

  it('without a quote: exits above for a long, prices unknown', () => {
    expect(rungs(positionLadder(LONG, null, [tp]))).toEqual([
      ['TP', 101],
      ['Ask', null],
      ['Mark', null],
      ['Bid', null],
    ]);
  });

  it('unrealised P&L at the mark (a synthetic quote marks at its last)', () => {
    expect(positionPnl({ qty: 10, avgPrice: 99.5, multiplier: 1 }, QUOTE)).toBe(5.5);
    expect(positionPnl({ qty: -2, avgPrice: 1.5, multiplier: 100 }, { bid: 1.4, ask: 1.6, last: 1.45, kind: 'synthetic' })).toBe(10);
    expect(positionPnl({ qty: 1, avgPrice: 1, multiplier: 1 }, null)).toBeNull();
  });
});
