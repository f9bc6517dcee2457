import { describe, expect, it } from 'vitest';
import { parseTradervueCsv } from '../../../../shared/journal/tradervue-csv';
import type { Execution } from '../../../../shared/trading/execution';

const FILE = [
  'Date,Time,Symbol,Quantity,Price,Side,Commission,TransFee,ECNFee,Note',
  '03/11/2024,09:30:00,AAPL,100,170.25,Buy,1.00,0.02,0.30,',
  '2024-03-11,09:45:10,aapl,-100,171.00,,1,,,"first line',
  'second line, with a comma"',
  '03/11/2024,10:00:00,SPY240315C00500000,2,3.5,B,1.30,,,',
  '3/11/24,10:05:00,SPY   240315C00500000,2,4.25,s,1.30,,,',
  '13/03/2024,10:00:00,AAPL,10,1,B,,,,',
  '03/11/2024,25:00:00,AAPL,10,1,B,,,,',
  '03/11/2024,10:00:00,AAPL,abc,1,B,,,,',
  '',
  '03/11/2024,10:00:00,AAPL,10,1,X,,,,',
  '03/11/2024,10:00:00,AAPL,10,-1,B,,,,',
  '03/10/2024,02:30:00,AAPL,10,1,B,,,,',
  '03/11/2024,10:00:00,AAPL,0,1,B,,,,',
  '03/11/2024,10:00:00,AAPL,10,1,B,abc,,,',
  '11/03/2024,01:30:00,MSFT,1,400,S,,,,',
  ',,,,,,,,,',
].join('\r\n');

function parsed(text: string, zone?: string): { rows: readonly Execution[]; errors: readonly { line: number; reason: string }[] } {
  const result = parseTradervueCsv(text, { accountId: 'acc-9', ...(zone === undefined ? {} : { zone }) });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('Tradervue generic CSV', () => {
  it('reads good rows: New York time (DST-correct), side by letter or by sign, fees summed, OCC options', () => {
    const { rows } = parsed(FILE);
    expect(rows.map((r) => [r.time, r.symbol, r.side, r.qty, r.price, r.fee, r.multiplier, r.underlying, r.accountId, r.source, r.origin, r.orderId])).toEqual([
      [1710163800000, 'AAPL', 'buy', 100, 170.25, 1.32, 1, null, 'acc-9', 'csv', 'import', null],
      [1710164710000, 'AAPL', 'sell', 100, 171, 1, 1, null, 'acc-9', 'csv', 'import', null],
      [1710165600000, 'SPY240315C00500000', 'buy', 2, 3.5, 1.3, 100, 'SPY', 'acc-9', 'csv', 'import', null],
      [1710165900000, 'SPY240315C00500000', 'sell', 2, 4.25, 1.3, 100, 'SPY', 'acc-9', 'csv', 'import', null],
      // 01:30 on the fall-back day happens twice: the first (EDT, 05:30Z) is taken.
      [Date.UTC(2024, 10, 3, 5, 30), 'MSFT', 'sell', 1, 400, 0, 1, null, 'acc-9', 'csv', 'import', null],
    ]);
  });

  it('rejects each bad row by its line number with the reason, the rest imported', () => {
    const { errors } = parsed(FILE);
    expect(errors.map((e) => e.line)).toEqual([7, 8, 9, 11, 12, 13, 14, 15]);
    const reasons = errors.map((e) => e.reason);
    expect(reasons[0]).toMatch(/^bad date "13\/03\/2024": day-first/);
    expect(reasons[1]).toMatch(/^bad time "25:00:00"/);
    expect(reasons[2]).toMatch(/^bad quantity "abc"/);
    expect(reasons[3]).toMatch(/^bad side "X"/);
    expect(reasons[4]).toMatch(/^bad price "-1"/);
    expect(reasons[5]).toBe('bad time "03/10/2024 02:30:00": it does not exist in America/New_York (the clocks skip it)');
    expect(reasons[6]).toBe('bad quantity: 0');
    expect(reasons[7]).toMatch(/^bad Commission "abc"/);
  });

  it('reads the date and time in the zone given', () => {
    const { rows } = parsed('date,time,symbol,quantity,price\n2024-07-01,12:00:00,BTCUSDT,0.5,60000\n', 'UTC');
    expect(rows.map((r) => [r.time, r.side, r.qty])).toEqual([[Date.UTC(2024, 6, 1, 12), 'buy', 0.5]]);
  });

  it('refuses a file whose header lacks required columns, naming them', () => {
    const result = parseTradervueCsv('Date,Symbol,Qty,Price,Side\n03/11/2024,AAPL,1,1,B\n', { accountId: 'a' });
    expect(result).toEqual({
      ok: false,
      reason: 'not a Tradervue file: the header lacks the columns Time, Quantity (expected Date,Time,Symbol,Quantity,Price,Side)',
      missingColumns: ['Time', 'Quantity'],
    });
    const empty = parseTradervueCsv('', { accountId: 'a' });
    expect(empty.ok ? [] : empty.missingColumns).toEqual(['Date', 'Time', 'Symbol', 'Quantity', 'Price']);
  });

  it('ids are idempotent: the same file gives the same ids, identical rows stay distinct', () => {
    const twin = 'Date,Time,Symbol,Quantity,Price,Side\n03/11/2024,09:30:00,AAPL,100,170.25,B\n03/11/2024,09:30:00,AAPL,100,170.250,Buy\n03/11/2024,09:31:00,AAPL,200,170.5,S\n';
    const first = parsed(twin).rows.map((r) => r.id);
    const again = parsed(twin).rows.map((r) => r.id);
    expect(first).toHaveLength(3);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(3);
    expect(first.every((id) => /^imp-[0-9a-f]{16}$/.test(id))).toBe(true);
    // The same fill in another export (an overlapping one) keeps its id; another account gets others.
    const overlap = parsed('Date,Time,Symbol,Quantity,Price,Side\n03/11/2024,09:29:00,AAPL,5,170,B\n03/11/2024,09:30:00,AAPL,100,170.25,B\n').rows.map((r) => r.id);
    expect(overlap[1]).toBe(first[0]);
    const other = parseTradervueCsv(twin, { accountId: 'acc-other' });
    expect(other.ok && other.rows[0]?.id).not.toBe(first[0]);
  });

  it('an unknown zone is refused', () => {
    expect(() => parseTradervueCsv('Date,Time,Symbol,Quantity,Price\n', { accountId: 'a', zone: 'Mars/Olympus' })).toThrow(/not an IANA time zone/);
  });
});
