import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirError, ensureDataDir, resolveDataDir } from '../../../../../src-main/platform/config/data-dir';
import { tempDir } from '../../../../helpers/temp-dir';

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

describe('ensureDataDir: checked before use, created level by level', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('creates the missing levels, private to the user, and takes an existing directory as it is', () => {
    const deep = join(dir.path, 'a', 'b', 'c');
    expect(ensureDataDir(deep)).toBe(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(statSync(join(dir.path, 'a')).mode & 0o777).toBe(0o700);
    expect(ensureDataDir(deep)).toBe(deep);
  });

  it('refuses a file, or a path through a file, naming it', () => {
    const file = join(dir.path, 'f');
    writeFileSync(file, 'x');
    expect(() => ensureDataDir(file)).toThrow(new DataDirError(`"${file}" is not a directory`));
    expect(() => ensureDataDir(join(file, 'sub'))).toThrow(new DataDirError(`"${join(file, 'sub')}" cannot be created: "${file}" is not a directory`));
  });

  it.skipIf(!existsSync('/proc/1'))('fails at once under /proc instead of looping in a recursive mkdir', () => {
    const started = Date.now();
    expect(() => ensureDataDir('/proc/1/nope/deeper')).toThrow(/^"\/proc\/1\/nope\/deeper" cannot be created: /);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a directory it cannot write to, creating nothing', () => {
    const locked = join(dir.path, 'locked');
    ensureDataDir(locked);
    chmodSync(locked, 0o500);
    try {
      expect(() => ensureDataDir(join(locked, 'data'))).toThrow(new DataDirError(`"${join(locked, 'data')}" cannot be created: "${locked}" is not writable`));
      expect(() => ensureDataDir(locked)).toThrow(new DataDirError(`"${locked}" is not writable`));
    } finally {
      chmodSync(locked, 0o700);
    }
  });
});
