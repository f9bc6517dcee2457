import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BarVoids, migrate, MIGRATIONS, openDatabase, type Db } from '../../../src-main/platform/store';
import { tempDir } from '../../helpers/temp-dir';

const key = { source: 'csv', symbol: 'X', interval: '1m' } as const;

describe('BarVoids.cut: an import that completes its span lifts only that span', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let voids: BarVoids;
  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(join(dir.path, 'voids.sqlite'));
    migrate(db, MIGRATIONS, () => 0);
    voids = new BarVoids(db);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('keeps the parts outside the cut, and spans of other reasons', () => {
    voids.add(key, 100, 1000, 'incomplete', 1);
    voids.add(key, 0, 100, 'before-start', 1);
    voids.cut(key, 300, 600, 'incomplete', 2);
    expect(voids.list(key, 0, 2000)).toEqual([
      { from: 0, to: 100, reason: 'before-start' },
      { from: 100, to: 300, reason: 'incomplete' },
      { from: 600, to: 1000, reason: 'incomplete' },
    ]);
    voids.cut(key, 0, 2000, 'incomplete', 3);
    expect(voids.list(key, 0, 2000)).toEqual([{ from: 0, to: 100, reason: 'before-start' }]);
  });

  it('a cut of exactly the marked span leaves nothing', () => {
    voids.add(key, 100, 1000, 'incomplete', 1);
    voids.cut(key, 100, 1000, 'incomplete', 2);
    expect(voids.list(key, 0, 2000)).toEqual([]);
  });
});
