import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { barsFromColumns } from '../../../shared/domain/bar-columns';
import type { BarsResult } from '../../../shared/contract';
import { createCore } from '../../../src-main/platform/app/core';
import { openStore } from '../../../src-main/platform/app/open-store';
import { IMPORT_BATCH, importCsv, ImportInterrupted } from '../../../src-main/market-data/import/import-csv';
import { SHARED_DATA } from '../../helpers/shared-data';
import { tempDir } from '../../helpers/temp-dir';

describe('importCsv on real data and a real store', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: ReturnType<typeof openStore>;
  beforeEach(() => {
    dir = tempDir();
    store = openStore(dir.path);
  });
  afterEach(() => {
    store.close();
    dir.remove();
  });

  const eurusd = { file: `${SHARED_DATA}EURUSD.csv`, source: 'csv', symbol: 'EURUSD', interval: '1h', market: 'fx', tz: 'UTC' } as const;

  it('imports EURUSD 1h; importing it again changes nothing', async () => {
    const first = await importCsv(store, eurusd);
    expect(first).toEqual({ format: 'ohlcv', rowsRead: 5000, inserted: 5000, updated: 0, duplicates: 0, rejected: [] });
    const chunks = store.db.prepare('SELECT chunk_start, payload FROM bar_chunks ORDER BY chunk_start').all();
    const second = await importCsv(store, eurusd);
    expect(second).toEqual({ format: 'ohlcv', rowsRead: 5000, inserted: 0, updated: 0, duplicates: 5000, rejected: [] });
    expect(store.db.prepare('SELECT chunk_start, payload FROM bar_chunks ORDER BY chunk_start').all()).toEqual(chunks);
    const bars = barsFromColumns(store.bars.range({ source: 'csv', symbol: 'EURUSD', interval: '1h' }, 0, Date.UTC(2100, 0, 1)));
    expect(bars[0]).toEqual({ time: Date.UTC(2017, 3, 19, 9), open: 1.0716, high: 1.0722, low: 1.07083, close: 1.07219, volume: 1413, trades: 0, final: true });
  });

  it('imports GOOG daily in New York time: each bar opens at the 09:30 session open', async () => {
    const r = await importCsv(store, { file: `${SHARED_DATA}GOOG.csv`, source: 'csv', symbol: 'GOOG', interval: '1d', market: 'us-equity', tz: 'America/New_York' });
    expect(r).toMatchObject({ rowsRead: 2148, inserted: 2148, rejected: [] });
    const first = barsFromColumns(store.bars.range({ source: 'csv', symbol: 'GOOG', interval: '1d' }, 0, Date.UTC(2100, 0, 1)))[0];
    expect(new Date(first!.time).toISOString()).toBe('2004-08-19T13:30:00.000Z');
  });

  it('rejects malformed rows with their line numbers and keeps the rest', async () => {
    const file = join(dir.path, 'bad.csv');
    writeFileSync(
      file,
      [
        ',Open,High,Low,Close,Volume',
        '2024-01-01 00:00:00,1,2,0.5,1.5,10',
        '2024-01-01 01:00:00,1,2,0.5,abc,10',
        '2024-01-01 02:00:00,1,0.9,0.5,0.7,10',
        '2024-01-01 03:30:00,1,2,0.5,1.5,10',
        'yesterday,1,2,0.5,1.5,10',
        '2024-01-01 04:00:00,1,2,0.5',
        '',
        '2024-01-01 05:00:00,1,2,0.5,1.5,-1',
        '2024-01-01 06:00:00,1,2,0.5,1.5,10',
        '2024-01-01 06:00:00,1,2,0.5,1.5,10',
      ].join('\n'),
    );
    const r = await importCsv(store, { ...eurusd, file, symbol: 'TEST' });
    expect(r.rejected).toEqual([
      { line: 3, reason: 'close is not a decimal number' },
      { line: 4, reason: 'high/low do not bracket open and close' },
      { line: 5, reason: 'time 2024-01-01T03:30:00.000Z is not on a 1h boundary' },
      { line: 6, reason: 'time "yesterday" is not YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS]' },
      { line: 7, reason: 'expected 6 columns, found 4' },
      { line: 9, reason: 'volume must be zero or more' },
    ]);
    expect(r).toMatchObject({ rowsRead: 9, inserted: 2, duplicates: 1 });
  });

  it('reads Binance kline rows in milliseconds and microseconds to the same bars', async () => {
    const row = (open: string) => `${open},42000.10,42010.00,41990.50,42005.25,12.5,0,525000.1,321,6.1,256000.2,0`;
    const ms = join(dir.path, 'ms.csv');
    const us = join(dir.path, 'us.csv');
    writeFileSync(ms, `${row('1704067200000')}\n${row('1704067260000')}\n`);
    writeFileSync(us, `${row('1704067200000000')}\n${row('1704067260000000')}\n`);
    const opts = { ...eurusd, interval: '1m', market: 'crypto', symbol: 'BTCUSDT' } as const;
    expect(await importCsv(store, { ...opts, file: ms, source: 'a' })).toMatchObject({ format: 'binance', inserted: 2 });
    expect(await importCsv(store, { ...opts, file: us, source: 'b' })).toMatchObject({ format: 'binance', inserted: 2 });
    const read = (source: string) => barsFromColumns(store.bars.range({ source, symbol: 'BTCUSDT', interval: '1m' }, 0, Date.UTC(2100, 0, 1)));
    expect(read('a')).toEqual(read('b'));
    expect(read('a')[0]).toEqual({ time: 1704067200000, open: 42000.1, high: 42010, low: 41990.5, close: 42005.25, volume: 12.5, trades: 321, final: true });
  });

  it('refuses impossible dates and New York stamps that do not exist, and places the repeated autumn hour', async () => {
    const file = join(dir.path, 'ny.csv');
    writeFileSync(
      file,
      [
        ',Open,High,Low,Close,Volume',
        '2024-02-30 10:00:00,1,2,0.5,1.5,10',
        '2024-03-10 02:30:00,1,2,0.5,1.5,10',
        '2024-11-03 01:30:00,1,2,0.5,1.5,10',
        '2024-11-03 01:30:00,1,2,0.5,1.5,20',
      ].join('\n'),
    );
    const r = await importCsv(store, { file, source: 'csv', symbol: 'NYX', interval: '1m', market: 'us-equity', tz: 'America/New_York' });
    expect(r.rejected).toEqual([
      { line: 2, reason: 'time "2024-02-30 10:00:00" is not a valid date' },
      { line: 3, reason: 'time "2024-03-10 02:30:00" does not exist in New York (the spring-forward hour)' },
    ]);
    const bars = barsFromColumns(store.bars.range({ source: 'csv', symbol: 'NYX', interval: '1m' }, 0, Date.UTC(2100, 0, 1)));
    expect(bars.map((b) => [new Date(b.time).toISOString(), b.volume])).toEqual([
      ['2024-11-03T05:30:00.000Z', 10], // 01:30 EDT
      ['2024-11-03T06:30:00.000Z', 20], // 01:30 EST, an hour later
    ]);
  });

  it('takes New York hourly bars on the 09:30 session grid', async () => {
    const file = join(dir.path, 'hourly.csv');
    writeFileSync(file, [',Open,High,Low,Close,Volume', '2024-03-11 09:30:00,1,2,0.5,1.5,10', '2024-03-11 10:00:00,1,2,0.5,1.5,10'].join('\n'));
    const r = await importCsv(store, { file, source: 'csv', symbol: 'NYH', interval: '1h', market: 'us-equity', tz: 'America/New_York' });
    expect(r.rejected).toEqual([{ line: 3, reason: 'New York hourly bars must start on the 09:30 session grid (09:30, 10:30, ...)' }]);
    expect(r.inserted).toBe(1);
  });

  it('rejects rows outside the store\'s range, numbers past sane bounds and over-long lines, and stores the rest', async () => {
    const file = join(dir.path, 'bounds.csv');
    writeFileSync(
      file,
      [
        ',Open,High,Low,Close,Volume',
        '9999-12-31 00:00:00,1,2,0.5,1.5,10',
        '1900-01-01 00:00:00,1,2,0.5,1.5,10',
        '2024-01-01 00:00:00,1e308,1e308,1e308,1e308,10',
        '2024-01-01 01:00:00,1,2,0.5,1.5,1e308',
        `2024-01-01 02:00:00,1,2,0.5,1.5,${'1'.repeat(200_000)}`,
        '2024-01-01 03:00:00,1,2,0.5,1.5,10',
      ].join('\n'),
    );
    const r = await importCsv(store, { ...eurusd, file, symbol: 'BOUNDS' });
    expect(r.rejected).toEqual([
      { line: 2, reason: 'time "9999-12-31 00:00:00" is outside the supported range 1970-01-01..2100-01-01 (UTC)' },
      { line: 3, reason: 'time "1900-01-01 00:00:00" is outside the supported range 1970-01-01..2100-01-01 (UTC)' },
      { line: 4, reason: 'open must be at most 1e12' },
      { line: 5, reason: 'volume must be at most 1e15' },
      { line: 6, reason: 'line too long (200,032 characters; at most 4,096)' },
    ]);
    expect(r).toMatchObject({ rowsRead: 6, inserted: 1 });
    expect(barsFromColumns(store.bars.range({ source: 'csv', symbol: 'BOUNDS', interval: '1h' }, 0, Date.UTC(2100, 0, 1))).map((b) => b.time)).toEqual([Date.UTC(2024, 0, 1, 3)]);
  });

  it('an import stopped between transactions leaves its span incomplete in the coverage, until an import completes it', async () => {
    const rows = 2 * IMPORT_BATCH + 500;
    const t0 = Date.UTC(2024, 0, 1);
    const file = join(dir.path, 'long.csv');
    const stamp = (i: number) => new Date(t0 + i * 60_000).toISOString().slice(0, 16).replace('T', ' ');
    writeFileSync(file, [',Open,High,Low,Close,Volume', ...Array.from({ length: rows }, (_, i) => `${stamp(i)},1,2,0.5,1.5,${String(i)}`)].join('\n'));
    const stop = new AbortController();
    const opts = { file, source: 'csv', symbol: 'LONG', interval: '1m', market: 'crypto', tz: 'UTC' } as const;
    // Stopped after the first transaction committed, as a Ctrl-C then would.
    const stopped = importCsv(store, { ...opts, signal: stop.signal, onProgress: (p) => p.phase === 'store' && stop.abort('SIGINT') });
    await expect(stopped).rejects.toEqual(new ImportInterrupted(IMPORT_BATCH + 1));

    const core = createCore({ dataDir: dir.path, mode: 'cli', feeds: () => [], log: { error: () => undefined, warn: () => undefined } });
    try {
      const query = { source: 'csv', symbol: 'LONG', interval: '1m', from: t0, to: t0 + rows * 60_000, limit: 50_000 };
      const read = async () => {
        const outcome = await core.dispatcher.call('bars.get', query);
        if (!outcome.ok) throw new Error(outcome.error.message);
        return (outcome.result as BarsResult).coverage;
      };
      const partial = await read();
      // The first batch and the file's last bar are stored; everything between is incomplete, not "after the end".
      expect(partial.missing).toEqual([{ from: t0 + IMPORT_BATCH * 60_000, to: t0 + (rows - 1) * 60_000, reason: 'incomplete', bars: rows - IMPORT_BATCH - 1 }]);

      const done = await importCsv(store, opts);
      expect(done).toMatchObject({ inserted: rows - IMPORT_BATCH - 1, duplicates: IMPORT_BATCH + 1, rejected: [] });
      expect((await read()).missing).toEqual([]);
      expect(store.voids.list({ source: 'csv', symbol: 'LONG', interval: '1m' }, 0, Date.UTC(2100, 0, 1))).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('refuses to mix a second market into a stored series', async () => {
    await importCsv(store, eurusd);
    await expect(importCsv(store, { ...eurusd, market: 'crypto' })).rejects.toThrow(
      'csv:EURUSD 1h is already stored as fx; import it with --market fx (and the same --tz), or under another --source',
    );
  });
});
