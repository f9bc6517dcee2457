import { describe, expect, it } from 'vitest';
import { formatExecutionsCsv, parseExecutionsCsv } from '../../../../shared/journal/tapedeck-csv';
import { parseTradervueCsv } from '../../../../shared/journal/tradervue-csv';
import { executionSchema, type Execution } from '../../../../shared/trading/execution';

const EXECUTIONS: Execution[] = [
  executionSchema.parse({
    id: 'ex-1',
    orderId: 'ord "a", first',
    accountId: 'paper,main',
    source: 'sim',
    symbol: 'SPY240315C00500000',
    side: 'buy',
    qty: 0.1 + 0.2,
    price: 3.45,
    fee: 0.65,
    multiplier: 100,
    underlying: 'SPY',
    underlyingPrice: 512.34,
    time: Date.UTC(2024, 2, 11, 14, 0, 0, 123),
    origin: 'paper',
  }),
  executionSchema.parse({
    id: 'ex-2\nline',
    orderId: null,
    accountId: 'acc-2',
    source: 'binance',
    symbol: 'BTCUSDT',
    side: 'sell',
    qty: 1e-7,
    price: 65432.1,
    fee: 0,
    multiplier: 1,
    underlying: null,
    underlyingPrice: null,
    time: 0,
    origin: 'alpaca',
  }),
];

describe('Tapedeck executions CSV', () => {
  it('writes a header and RFC 4180 quoting', () => {
    const text = formatExecutionsCsv(EXECUTIONS);
    expect(text).toBe(
      'id,orderId,accountId,source,symbol,side,qty,price,fee,multiplier,underlying,underlyingPrice,time,origin\r\n' +
        'ex-1,"ord ""a"", first","paper,main",sim,SPY240315C00500000,buy,0.30000000000000004,3.45,0.65,100,SPY,512.34,2024-03-11T14:00:00.123Z,paper\r\n' +
        '"ex-2\nline",,acc-2,binance,BTCUSDT,sell,1e-7,65432.1,0,1,,,1970-01-01T00:00:00.000Z,alpaca\r\n',
    );
  });

  it('export → import → export is byte-equal and the executions are equal', () => {
    const text = formatExecutionsCsv(EXECUTIONS);
    const back = parseExecutionsCsv(text);
    expect(back.ok && back.errors).toEqual([]);
    const rows = back.ok ? back.rows : [];
    expect(rows).toEqual(EXECUTIONS);
    expect(formatExecutionsCsv(rows)).toBe(text);
  });

  it('round-trips an import from Tradervue, and re-importing yields the same ids', () => {
    const tv = parseTradervueCsv('Date,Time,Symbol,Quantity,Price,Side,Commission\n03/11/2024,09:30:00,AAPL,100,170.25,B,1\n03/11/2024,09:30:00,AAPL,100,170.25,B,1\n', { accountId: 'acc-1' });
    const rows = tv.ok ? tv.rows : [];
    expect(rows).toHaveLength(2);
    const text = formatExecutionsCsv(rows);
    const once = parseExecutionsCsv(text);
    const twice = parseExecutionsCsv(text);
    expect(once.ok && once.rows.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(twice.ok && twice.rows.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(formatExecutionsCsv(once.ok ? once.rows : [])).toBe(text);
  });

  it('rejects bad rows by line (and repeated ids), refuses a foreign header', () => {
    const good = formatExecutionsCsv(EXECUTIONS.slice(0, 1)).trimEnd().split('\r\n')[1]!;
    const text = [
      'ID,orderid,accountId,source,symbol,side,qty,price,fee,multiplier,underlying,underlyingPrice,time,origin',
      good,
      good,
      'x,,a,sim,AAPL,hold,1,1,0,1,,,2024-03-11T14:00:00.000Z,paper',
      'y,,a,sim,AAPL,buy,-1,1,0,1,,,2024-03-11T14:00:00.000Z,paper',
      'z,,a,sim,AAPL,buy,1,1,0,1,,,2024-03-11 14:00,paper',
      'w,,a,sim,AAPL,buy,1,abc,0,1,,,2024-03-11T14:00:00.000Z,paper',
    ].join('\n');
    const result = parseExecutionsCsv(text);
    if (!result.ok) throw new Error(result.reason);
    expect(result.rows.map((r) => r.id)).toEqual(['ex-1']);
    expect(result.errors.map((e) => [e.line, e.reason.split(':')[0]])).toEqual([
      [3, 'repeated id "ex-1" (first on line 2)'],
      [4, 'bad side'],
      [5, 'bad qty'],
      [6, 'bad time "2024-03-11 14'],
      [7, 'bad price "abc"'],
    ]);
    const foreign = parseExecutionsCsv('Date,Time,Symbol,Quantity,Price\n');
    expect(foreign.ok ? [] : foreign.missingColumns).toEqual(['id', 'orderId', 'accountId', 'source', 'side', 'qty', 'fee', 'multiplier', 'underlying', 'underlyingPrice', 'origin']);
  });
});
