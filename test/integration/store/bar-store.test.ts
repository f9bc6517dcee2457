import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { barsFromColumns, columnsFromBars } from '../../../shared/domain/bar-columns';
import { bar } from '../../../shared/domain/bar';
import { DAY_MS, MINUTE_MS } from '../../../shared/domain/interval';
import { decodeChunk, encodeChunk } from '../../../src-main/platform/store/bar-chunk-codec';
import { BarStore, migrate, MIGRATIONS, openDatabase, type Db } from '../../../src-main/platform/store';
import { tempDir } from '../../helpers/temp-dir';

const key = { source: 'test', symbol: 'BTCUSDT', interval: '1m' } as const;
const T0 = Date.UTC(2024, 0, 1);
const minute = (i: number, close = 100 + i, final = true) => bar(T0 + i * MINUTE_MS, 100, Math.max(100, close), Math.min(100, close), close, 1, 1, final);
const minutes = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => minute(from + i));

describe('BarStore on a real SQLite file', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let store: BarStore;
  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(join(dir.path, 'bars.sqlite'));
    migrate(db, MIGRATIONS, () => 0);
    store = new BarStore(db);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('round-trips a chunk through its BLOB encoding', () => {
    const c = columnsFromBars([minute(0), minute(1, 99.5, false)]);
    expect(barsFromColumns(decodeChunk(encodeChunk(c)))).toEqual(barsFromColumns(c));
    expect(() => decodeChunk(Buffer.from([1, 2, 3]))).toThrow(/truncated/);
  });

  it('upserts across day chunks in one transaction and reads any range back', () => {
    const all = minutes(0, 3 * 1440 + 17);
    expect(store.upsert(key, 'crypto', columnsFromBars(all), 'fill')).toEqual({ inserted: all.length, updated: 0, unchanged: 0 });
    expect(barsFromColumns(store.range(key, T0, T0 + 10 * DAY_MS))).toEqual(all);
    expect(barsFromColumns(store.range(key, T0 + 1439 * MINUTE_MS, T0 + 1442 * MINUTE_MS))).toEqual(all.slice(1439, 1442));
    expect(barsFromColumns(store.latest(key, T0 + 2000 * MINUTE_MS, 3))).toEqual(all.slice(1997, 2000));
    expect(store.listSeries()).toEqual([{ source: 'test', symbol: 'BTCUSDT', interval: '1m', market: 'crypto', bars: all.length, first: T0, last: all[all.length - 1]!.time }]);
  });

  it('is idempotent: the same batch twice changes nothing', () => {
    const batch = columnsFromBars(minutes(0, 500));
    store.upsert(key, 'crypto', batch, 'fill');
    const before = db.prepare('SELECT chunk_start, payload FROM bar_chunks').all();
    expect(store.upsert(key, 'crypto', batch, 'fill')).toEqual({ inserted: 0, updated: 0, unchanged: 500 });
    expect(store.upsert(key, 'crypto', batch, 'replace')).toEqual({ inserted: 0, updated: 0, unchanged: 500 });
    expect(db.prepare('SELECT chunk_start, payload FROM bar_chunks').all()).toEqual(before);
  });

  it('fill never changes a final bar but upgrades a forming one; replace never lets a forming bar replace a final one', () => {
    store.upsert(key, 'crypto', columnsFromBars([minute(0), minute(1, 50, false)]), 'fill');
    expect(store.upsert(key, 'crypto', columnsFromBars([minute(0, 7), minute(1, 60)]), 'fill')).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    expect(barsFromColumns(store.range(key, T0, T0 + 2 * MINUTE_MS)).map((b) => [b.close, b.final])).toEqual([[100, true], [60, true]]);
    expect(store.upsert(key, 'crypto', columnsFromBars([minute(0, 8, false), minute(1, 61)]), 'replace')).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    expect(barsFromColumns(store.range(key, T0, T0 + 2 * MINUTE_MS)).map((b) => b.close)).toEqual([100, 61]);
  });

  it('refuses an unsorted batch whole', () => {
    expect(() => store.upsert(key, 'crypto', columnsFromBars([minute(2), minute(1)]), 'fill')).toThrow(/increasing time order \(row 1\)/);
    expect(store.range(key, T0, T0 + DAY_MS).length).toBe(0);
  });

  it('refuses bars opening outside the contract\'s range (a 1900 bar would be a negative time), storing nothing', () => {
    const at = (t: number) => bar(t, 100, 101, 99, 100, 1, 1, true);
    expect(() => store.upsert(key, 'crypto', columnsFromBars([at(Date.UTC(1900, 0, 1)), minute(0)]), 'fill')).toThrow(/bars must open in the supported range 1970-01-01\.\.2100-01-01/);
    expect(() => store.upsert(key, 'crypto', columnsFromBars([minute(0), at(Date.UTC(2100, 0, 1))]), 'fill')).toThrow(RangeError);
    expect(store.listSeries()).toEqual([]);
  });

  it('keeps series apart by source, symbol and interval', () => {
    store.upsert(key, 'crypto', columnsFromBars(minutes(0, 3)), 'fill');
    store.upsert({ ...key, source: 'other' }, 'crypto', columnsFromBars(minutes(0, 1)), 'fill');
    expect(store.range(key, T0, T0 + DAY_MS).length).toBe(3);
    expect(store.range({ ...key, source: 'other' }, T0, T0 + DAY_MS).length).toBe(1);
    expect(store.range({ ...key, interval: '1h' }, T0, T0 + DAY_MS).length).toBe(0);
    expect(store.market({ ...key, source: 'nope' })).toBeNull();
  });
});
