import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../../../src-main/platform/cli/cli-io';
import { readCsvFlag } from '../../../../../src-main/platform/cli/csv-flag';

describe('readCsvFlag', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tapedeck-csv-flag-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the file --csv names, and refuses a missing file or a directory naming --csv', () => {
    const file = join(dir, 'fills.csv');
    writeFileSync(file, 'Date,Time\n');
    expect(readCsvFlag(file)).toBe('Date,Time\n');
    expect(() => readCsvFlag(join(dir, 'none.csv'))).toThrow(new UsageError(`--csv: no such file "${join(dir, 'none.csv')}"`));
    expect(() => readCsvFlag(dir)).toThrow(new UsageError(`--csv: "${dir}" is a directory, not a file`));
  });
});
