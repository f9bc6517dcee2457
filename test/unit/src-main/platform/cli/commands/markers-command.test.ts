import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../../../src-main/platform/cli/cli-io';
import { runCli } from '../../../../../../src-main/platform/cli/run-cli';
import { tempDir } from '../../../../../helpers/temp-dir';

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), env: {}, stop: new AbortController().signal };
}

async function markers(...args: string[]) {
  const t = io();
  const code = await runCli(['markers', ...args], t);
  return { code, out: t.stdout.join('\n'), err: t.stderr.join('\n') };
}

describe('tapedeck markers (in process)', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());
  const data = ['--data-dir', join(dir.path, 'data')];
  const csv = (name: string, text: string): string => {
    const file = join(dir.path, name);
    writeFileSync(file, text);
    return file;
  };

  it('list on a data dir without a store shows the built-ins and creates nothing', async () => {
    const r = await markers('list', ...data, '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { name: string; builtin: boolean; summary: string; next: string[] }[];
    expect(list.map((s) => [s.name, s.builtin, s.summary])).toEqual([
      ['ny-10m', true, '09:30, 09:40 … 15:50 (39 times)'],
      ['every-2-sessions', true, 'every 2 sessions from 2015-01-02'],
      ['every-15-sessions', true, 'every 15 sessions from 2015-01-02'],
    ]);
    expect(list[0]!.next).toHaveLength(3);
    expect(existsSync(join(dir.path, 'data'))).toBe(false);
  });

  it('imports, lists, refuses a taken name unless --replace, deletes', async () => {
    const file = csv('e.csv', 'date\n2024-01-02\n2024-01-03 10:30\n');
    expect(await markers('import', '--csv', file, '--name', 'earnings', ...data)).toEqual({ code: 0, out: 'imported "earnings": 2 dates, 2024-01-02 … 2024-01-03 10:30', err: '' });
    const listed = await markers('list', ...data);
    expect(listed.out.split('\n')[0]).toMatch(/^NAME +SOURCE +KIND +SCHEDULE +NEXT MARKER$/);
    expect(listed.out.split('\n').at(-1)).toMatch(/^earnings +user +dates +2 dates, 2024-01-02 … 2024-01-03 10:30 +none ahead$/);
    expect(await markers('import', '--csv', file, '--name', 'earnings', ...data)).toMatchObject({
      code: 2,
      err: 'tapedeck: --name: you already have a schedule "earnings" (add --replace to replace it)',
    });
    const other = csv('f.csv', '2024-02-01\n');
    expect(await markers('import', '--csv', other, '--name', 'earnings', '--replace', ...data)).toMatchObject({ code: 0, out: 'replaced "earnings": 1 date, 2024-02-01' });
    expect(await markers('delete', '--name', 'earnings', ...data)).toEqual({ code: 0, out: 'deleted "earnings"', err: '' });
    expect(await markers('delete', '--name', 'earnings', ...data)).toMatchObject({ code: 2, err: 'tapedeck: --name: you have no schedule "earnings" (you have none)' });
  });

  it('refuses bad input with exit 2 and one line naming the flag (or the CSV line)', async () => {
    const cases: [string[], string][] = [
      [[], 'tapedeck: markers: give a subcommand: list, import, delete (see tapedeck markers --help)'],
      [['rename'], 'tapedeck: markers: unknown subcommand "rename" (known: list, import, delete)'],
      [['import', '--csv', csv('bad.csv', 'time\n2024-01-02\n2024-01-02 09:00\n'), '--name', 'x', ...data], 'tapedeck: --csv: line 3: "2024-01-02T09:00" is outside the regular session 09:30–16:00 (New York)'],
      [['import', '--csv', csv('unsorted.csv', '2024-01-03\n2024-01-02\n'), '--name', 'x', ...data], 'tapedeck: --csv: line 2: "2024-01-02" is not after dates[0] "2024-01-03" (the list must be sorted, without duplicates)'],
      [['import', '--csv', join(dir.path, 'missing.csv'), '--name', 'x', ...data], `tapedeck: --csv: no such file "${join(dir.path, 'missing.csv')}"`],
      [['import', '--csv', csv('ok.csv', '2024-01-02\n'), '--name', 'ny-10m', ...data], 'tapedeck: --name: "ny-10m" is the name of a built-in schedule'],
      [['import', '--csv', csv('ok.csv', '2024-01-02\n'), '--name', 'auto', ...data], 'tapedeck: --name: "auto" is reserved (it picks a built-in schedule from the bar interval)'],
      [['delete', '--name', 'every-2-sessions', ...data], 'tapedeck: --name: "every-2-sessions" is a built-in schedule and cannot be deleted'],
      [['list', '--bogus'], "tapedeck: unknown option '--bogus' (see --help)"],
    ];
    for (const [args, message] of cases) {
      const r = await markers(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toBe(message);
    }
    const missing = await markers('import', '--name', 'x', ...data);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^tapedeck: --csv: /);
  });

  it('each subcommand has its own --help', async () => {
    expect((await markers('--help')).out).toMatch(/^Usage: tapedeck markers <list\|import\|delete>/);
    expect((await markers('list', '--help')).out).toMatch(/^Usage: tapedeck markers list \[--json\]/);
    expect((await markers('import', '--help')).out).toMatch(/^Usage: tapedeck markers import --csv FILE --name NAME/);
    expect((await markers('delete', '--help')).out).toMatch(/^Usage: tapedeck markers delete --name NAME/);
  });
});
