import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../../src-main/config/data-dir';

describe('resolveDataDir', () => {
  it('prefers --data-dir, then TAPEDECK_DATA_DIR, then ~/.tapedeck', () => {
    expect(resolveDataDir({ flag: '/a', env: '/b', home: '/home/t' })).toBe('/a');
    expect(resolveDataDir({ env: '/b', home: '/home/t' })).toBe('/b');
    expect(resolveDataDir({ home: '/home/t' })).toBe(join('/home/t', '.tapedeck'));
  });

  it('ignores empty values and resolves relative paths', () => {
    expect(resolveDataDir({ flag: '  ', env: '', home: '/h' })).toBe(join('/h', '.tapedeck'));
    expect(resolveDataDir({ flag: 'rel/dir', home: '/h' })).toBe(resolve('rel/dir'));
  });
});
