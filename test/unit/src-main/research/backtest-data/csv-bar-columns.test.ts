import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from '../../../../../shared/domain/interval';
import { readCsvBars } from '../../../../../src-main/research/backtest-data/csv-bar-columns';
import { bytesDecimal } from '../../../../../src-main/research/backtest-data/csv-row-fast';
import { parseNaiveStamp } from '../../../../../src-main/market-data/import/csv-formats';

const dir = mkdtempSync(join(tmpdir(), 'tapedeck-csv-bars-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
function csv(text: string): string {
  const file = join(dir, `f${String(files++)}.csv`);
  writeFileSync(file, text);
  return file;
}
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const fast = (s: string): number => bytesDecimal(bytes(s), 0, s.length);

describe('bytesDecimal: the fast path gives exactly Number(text) or declines', () => {
  it('reads plain decimals bit for bit', () => {
    for (const s of ['0', '7', '007', '0.1', '0.3', '-2.5', '30000.01', '123456789012345', '0.00000000000001', '9007199.25474']) {
      expect(Object.is(fast(s), Number(s))).toBe(true);
    }
  });

  it('equals Number(text) on 200,000 seeded random decimals of up to 15 digits', () => {
    let seed = 42;
    const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let mismatches = 0;
    for (let i = 0; i < 200_000; i++) {
      const digits = 1 + Math.floor(rnd() * 15);
      let text = '';
      for (let d = 0; d < digits; d++) text += String(Math.floor(rnd() * 10));
      const dot = Math.floor(rnd() * digits);
      const s = dot === 0 ? text : `${text.slice(0, dot)}.${text.slice(dot)}`;
      if (!Object.is(fast(s), Number(s))) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('declines what it cannot read exactly or what is not a strict decimal', () => {
    for (const s of ['', '-', '.5', '1.', '1e5', ' 1', '1 ', '1,5', '0x10', 'NaN', '1234567890123456', '1.2.3', '--1']) {
      expect(fast(s)).toBeNaN();
    }
  });
});

describe('readCsvBars', () => {
  it('reads the usual rows and the unusual ones the string path accepts, to the same numbers', () => {
    const file = csv(
      [
        ',Open,High,Low,Close,Volume',
        '2024-01-02 00:00,10.5,11,10,10.75,100',
        '2024-01-02T00:01:00,10.75,12,10.5,11.25,0', // T separator, seconds
        '2024-01-02 00:02, 11.25 ,11.5,11,11.1,1e2', // blanks and an exponent: string path
        '2024-01-02 00:03,11.1,11.2,11,11.15,3\r', // CRLF
        '',
        '2024-01-02 00:04,11.15,11.3,11.1,11.2,4,extra',
      ].join('\n'),
    );
    const { format, columns } = readCsvBars(file, 'UTC');
    expect(format).toBe('ohlcv');
    const t0 = Date.UTC(2024, 0, 2);
    expect([...columns.time]).toEqual([0, 1, 2, 3, 4].map((m) => t0 + m * MINUTE_MS));
    expect([...columns.open]).toEqual([10.5, 10.75, 11.25, 11.1, 11.15]);
    expect([...columns.volume]).toEqual([100, 0, 100, 3, 4]);
    expect([...columns.close]).toEqual([10.75, 11.25, 11.1, 11.15, 11.2]);
  });

  it('places New York minute stamps exactly as parseNaiveStamp does, across both 2024 clock changes', () => {
    const days = ['2024-03-09', '2024-03-10', '2024-03-11', '2024-11-02', '2024-11-03', '2024-11-04'];
    const stamps: string[] = [];
    for (const d of days) {
      for (let m = 0; m < 1440; m += 7) {
        const stamp = `${d} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        if (typeof parseNaiveStamp(stamp, 'America/New_York') === 'number') stamps.push(stamp);
      }
    }
    // 02:xx on 2024-11-03 happens twice; keep the rows strictly increasing by taking the first only.
    const expected = stamps.map((s) => parseNaiveStamp(s, 'America/New_York') as number);
    const keep = expected.map((t, i) => i === 0 || t > (expected[i - 1] ?? 0));
    const file = csv([',Open,High,Low,Close,Volume', ...stamps.filter((_, i) => keep[i]).map((s) => `${s},1,2,0.5,1.5,10`)].join('\n'));
    const { columns } = readCsvBars(file, 'America/New_York');
    expect([...columns.time]).toEqual(expected.filter((_, i) => keep[i]));
    expect(columns.length).toBeGreaterThan(6 * 200);
  });

  it('reads Binance rows in milliseconds and microseconds alike, trades included', () => {
    const ms = 1_704_067_200_000;
    const row = (t: string, trades: string): string => `${t},42000.10,42100.00,41900.50,42050.00,12.5,${String(ms + 59_999)},525000.1,${trades},6.1,256000.2,0`;
    const a = readCsvBars(csv(`${row(String(ms), '321')}\n${row(String(ms + 60_000), '7')}\n`), 'UTC');
    const b = readCsvBars(csv(`${row(`${String(ms)}000`, '321')}\n${row(`${String(ms + 60_000)}000`, '7')}\n`), 'UTC');
    expect(a.format).toBe('binance');
    expect([...a.columns.time]).toEqual([ms, ms + 60_000]);
    expect([...b.columns.time]).toEqual([ms, ms + 60_000]);
    expect([...a.columns.trades]).toEqual([321, 7]);
    expect([...a.columns.open]).toEqual([42000.1, 42000.1]);
  });

  it.each([
    ['2024-01-02 00:00,10,11,9,10,1\n2024-01-02 00:01,10,11,9,abc,1', 'line 3: close "abc" is not a decimal number'],
    ['2024-01-02 00:00,10,11,9,10,1\n2024-01-02 00:01,0,11,9,10,1', 'line 3: open must be positive'],
    ['2024-01-02 00:00,10,11,9,10,-1', 'line 2: volume must be zero or more'],
    ['2024-01-02 00:01,10,11,9,10,1\n2024-01-02 00:00,10,11,9,10,1', 'line 3: 2024-01-02T00:00:00.000Z is not after the previous row'],
    ['2024-02-30 00:00,10,11,9,10,1', 'line 2: time "2024-02-30 00:00" is not a valid date'],
    ['2024-01-02 24:00,10,11,9,10,1', 'line 2: time "2024-01-02 24:00" is not a valid time of day'],
    ['2024-01-02 00:00:30,10,11,9,10,1', 'not on a minute boundary'],
    ['2024-01-02 00:00,10,11,9', 'line 2: close "" is not a decimal number'],
    ['2024-01-02 00:00,10,9,9.5,10,1', 'line 2: high/low do not bracket open and close'],
    // Inside the range the store holds, through the fast path and the string path alike.
    ['1900-01-01 00:00,10,11,9,10,1', 'line 2: time "1900-01-01 00:00" is outside the supported range 1970-01-01..2100-01-01 (UTC)'],
    ['1900-01-01,10,11,9,10,1', 'line 2: time "1900-01-01" is outside the supported range'],
    ['9999-12-31 00:00,10,11,9,10,1', 'line 2: time "9999-12-31 00:00" is outside the supported range'],
    ['2024-01-02 00:00,1e308,1e308,1e308,1e308,1', 'line 2: open must be at most 1e12'],
    ['2024-01-02 00:00,10,1000000000001,9,10,1', 'line 2: high must be at most 1e12'],
    ['2024-01-02 00:00,10,11,9,10,1e308', 'line 2: volume must be at most 1e15'],
    ['2024-01-02 00:00,10,11,9,10,1000000000000001', 'line 2: volume must be at most 1e15'],
  ])('refuses a bad row, naming the line and field: %#', (rows, message) => {
    expect(() => readCsvBars(csv(`,Open,High,Low,Close,Volume\n${rows}\n`), 'UTC')).toThrow(message);
  });

  it('refuses a line over 4,096 characters as too long, naming its length, and a directory or a missing file as such', () => {
    const long = `2024-01-02 00:00,10,11,9,10,${'1'.repeat(5000)}`;
    expect(() => readCsvBars(csv(`,Open,High,Low,Close,Volume\n${long}\n`), 'UTC')).toThrow('line 2: line too long (5,028 characters; at most 4,096)');
    expect(() => readCsvBars(dir, 'UTC')).toThrow(`"${dir}" is a directory, not a file`);
    expect(() => readCsvBars(join(dir, 'nope.csv'), 'UTC')).toThrow(`no such file "${join(dir, 'nope.csv')}"`);
  });

  it('refuses an empty file and one with a header only', () => {
    expect(() => readCsvBars(csv(''), 'UTC')).toThrow('has no data rows');
    expect(() => readCsvBars(csv(',Open,High,Low,Close,Volume\n'), 'UTC')).toThrow('has no data rows');
  });

  it('reads a day of rows written the usual way into a day of consecutive minutes', () => {
    const t0 = Date.UTC(2023, 5, 1);
    const rows = Array.from({ length: 1440 }, (_, i) => `${new Date(t0 + i * MINUTE_MS).toISOString().slice(0, 16).replace('T', ' ')},100.25,100.5,100,100.25,${String(i)}`);
    const { columns } = readCsvBars(csv([',Open,High,Low,Close,Volume', ...rows].join('\n')), 'UTC');
    expect(columns.length).toBe(1440);
    expect(columns.time[1439]).toBe(t0 + DAY_MS - MINUTE_MS);
    expect(columns.volume[1439]).toBe(1439);
  });
});
