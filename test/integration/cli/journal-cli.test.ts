import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, NO_REAL_EXCHANGE } from '../../helpers/serve-process';
import { tempDir } from '../../helpers/temp-dir';

/** The built `tapedeck` executable, run as a user runs it (needs `npm run build`), on `dataDir`. */
function tapedeck(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...NO_REAL_EXCHANGE, TAPEDECK_DATA_DIR: dataDir }, maxBuffer: 64 * 1024 * 1024 });
}

/** A Tradervue generic file: a scale-in closed at once (with commissions), a short, and a row with a bad time (line 7). */
const TRADERVUE = [
  'Date,Time,Symbol,Quantity,Price,Side,Commission',
  '03/11/2024,10:00:00,AAPL,10,190,Buy,1',
  '03/11/2024,10:05:00,AAPL,5,191,Buy,0.5',
  '03/11/2024,10:30:00,AAPL,15,192,Sell,1.5',
  '03/11/2024,11:00:00,MSFT,5,400,Sell,0',
  '03/11/2024,11:30:00,MSFT,5,398,Buy,0',
  '03/12/2024,bad,MSFT,5,398,Buy,0',
  '',
].join('\n');

describe('tapedeck journal', () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  const csv = join(dir.path, 'tradervue.csv');
  writeFileSync(csv, TRADERVUE);
  afterAll(() => dir.remove());

  it('imports a Tradervue file into a new account, refusing the bad row by its line; the same file again adds nothing', () => {
    const first = tapedeck(data, 'journal', 'import', '--csv', csv, '--format', 'tradervue', '--account', 'Desk');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^imported 5 new fills into Desk \([0-9a-f]+\): 5 read, 0 already there, 1 rejected; created Desk$/m);
    expect(first.stderr).toContain('line 7: bad time "bad": expected 24-hour HH:MM:SS');
    const again = tapedeck(data, 'journal', 'import', '--csv', csv, '--account', 'Desk');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^imported 0 new fills into Desk \([0-9a-f]+\): 5 read, 5 already there, 1 rejected$/m);
  });

  it('lists the round trips (New York times read as UTC instants) with exact P&L, as a table and as JSON', () => {
    const table = tapedeck(data, 'journal', 'trades');
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^2024-03-11T14:00:00Z +2024-03-11T14:30:00Z +Desk +AAPL +long +15 +190\.333333333 +192 +22\.00 /m);
    expect(table.stdout).toMatch(/^2024-03-11T15:00:00Z +2024-03-11T15:30:00Z +Desk +MSFT +short +5 +400 +398 +10\.00 /m);
    const json = JSON.parse(tapedeck(data, 'journal', 'trades', '--from', '2024-03-11T14:45:00Z', '--json').stdout) as { trades: { symbol: string; netPnl: number; fees: number }[] };
    expect(json.trades.map((t) => [t.symbol, t.netPnl, t.fees])).toEqual([['MSFT', 10, 0]]);
  });

  it('prints statistics overall and by hour of day in New York time', () => {
    const stats = JSON.parse(tapedeck(data, 'journal', 'stats', '--by', 'hour', '--json').stdout) as {
      overall: { trades: number; wins: number; totalNet: number; totalFees: number; expectancy: number; profitFactor: number | string };
      byHour: { key: number; stats: { trades: number; totalNet: number } }[];
    };
    expect(stats.overall).toMatchObject({ trades: 2, wins: 2, totalNet: 32, totalFees: 3, expectancy: 16, profitFactor: 'Infinity' });
    expect(stats.byHour.filter((h) => h.stats.trades > 0).map((h) => [h.key, h.stats.totalNet])).toEqual([
      [10, 22],
      [11, 10],
    ]);
  });

  it('exports the fills as Tapedeck CSV that a fresh data directory imports and exports byte-equal', () => {
    const out = join(dir.path, 'export.csv');
    const r = tapedeck(data, 'journal', 'export', '--csv', out);
    expect(r.status).toBe(0);
    const first = readFileSync(out, 'utf8');
    expect(first.split('\r\n')[0]).toBe('id,orderId,accountId,source,symbol,side,qty,price,fee,multiplier,underlying,underlyingPrice,time,origin');
    expect(first.trim().split('\r\n')).toHaveLength(6);

    const fresh = join(dir.path, 'fresh');
    const imported = tapedeck(fresh, 'journal', 'import', '--csv', out, '--format', 'tapedeck');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/imported 5 new fills/);
    const back = join(dir.path, 'back.csv');
    expect(tapedeck(fresh, 'journal', 'export', '--csv', back).status).toBe(0);
    expect(readFileSync(back, 'utf8')).toBe(first);
  });

  it('refuses a file with other columns, naming the missing ones', () => {
    const bad = join(dir.path, 'bad.csv');
    writeFileSync(bad, 'When,Ticker,Qty\n2024-03-11,AAPL,1\n');
    const r = tapedeck(data, 'journal', 'import', '--csv', bad, '--format', 'tradervue');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Date.*Time.*Symbol.*Quantity.*Price.*Side|missing/i);
  });
});
