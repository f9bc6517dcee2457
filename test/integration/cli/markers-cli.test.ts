import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backtestResultSchema } from '../../../shared/contract';
import { BIN, NO_REAL_EXCHANGE } from '../../helpers/serve-process';
import { tempDir } from '../../helpers/temp-dir';

/** The built `tapedeck` executable, run as a user runs it (needs `npm run build`). */
function tapedeck(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...NO_REAL_EXCHANGE, TAPEDECK_DATA_DIR: '' }, maxBuffer: 64 * 1024 * 1024 });
}

/** Every half hour 09:30–15:30 New York, on the sessions of 2024-03-04 … 2024-03-08, as a CSV of timestamps. */
function halfHoursCsv(): string {
  const lines = ['timestamp'];
  for (let day = 4; day <= 8; day++) {
    for (let m = 9 * 60 + 30; m <= 15 * 60 + 30; m += 30) {
      lines.push(`2024-03-0${String(day)} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('tapedeck markers', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());
  const data = ['--data-dir', join(dir.path, 'data')];
  const spy = ['--source', 'sim', '--symbol', 'SPY', '--interval', '5m', '--from', '2024-03-04', '--to', '2024-03-09', '--strategy', 'time-window', ...data];

  it('imports a CSV of timestamps, lists it, runs a time-window backtest on it, deletes it', () => {
    const csv = join(dir.path, 'half-hours.csv');
    writeFileSync(csv, halfHoursCsv());
    const imported = tapedeck('markers', 'import', '--csv', csv, '--name', 'week halves', ...data);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toBe('imported "week halves": 65 dates, 2024-03-04 09:30 … 2024-03-08 15:30\n');

    const listed = tapedeck('markers', 'list', '--json', ...data);
    expect(listed.status).toBe(0);
    const list = JSON.parse(listed.stdout) as { name: string; builtin: boolean; kind: string; next: string[]; schedule: { dates?: string[] } }[];
    expect(list.map((s) => [s.name, s.builtin, s.kind])).toEqual([
      ['ny-10m', true, 'times'],
      ['every-2-sessions', true, 'sessions'],
      ['every-15-sessions', true, 'sessions'],
      ['week halves', false, 'dates'],
    ]);
    expect(list[3]!.schedule.dates?.slice(0, 2)).toEqual(['2024-03-04T09:30', '2024-03-04T10:00']);
    // All in the past: nothing ahead.
    expect(list[3]!.next).toEqual([]);
    for (const iso of list[0]!.next) expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);

    const run = tapedeck('backtest', ...spy, '--param', 'schedule=week halves', '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(backtestResultSchema.parse(JSON.parse(run.stdout)).stats.trades).toBeGreaterThan(0);

    const deleted = tapedeck('markers', 'delete', '--name', 'week halves', ...data);
    expect(deleted.status).toBe(0);
    expect(deleted.stdout).toBe('deleted "week halves"\n');
    const gone = tapedeck('backtest', ...spy, '--param', 'schedule=week halves');
    expect(gone.status).toBe(2);
    // (A coverage note about the data may come first.)
    expect(gone.stderr).toMatch(/^tapedeck: --strategy time-window: schedule: unknown marker schedule "week halves"/m);
  });

  it('refuses a bad CSV naming its line, with exit 2 and nothing saved', () => {
    const csv = join(dir.path, 'bad.csv');
    writeFileSync(csv, 'when\n2024-03-04 09:30\n2024-03-04 10:00\n2024-03-04 10:3O\n');
    const r = tapedeck('markers', 'import', '--csv', csv, '--name', 'bad', ...data);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('tapedeck: --csv: line 4: "2024-03-04 10:3O" is not a date YYYY-MM-DD or a date-time YYYY-MM-DD HH:MM\n');
    const listed = tapedeck('markers', 'list', ...data);
    expect(listed.stdout).not.toMatch(/^bad /m);
  });

  it('help for markers and each subcommand', () => {
    expect(tapedeck('--help').stdout).toMatch(/^ {2}markers +list, import \(from a CSV of timestamps\) or delete marker schedules/m);
    for (const sub of ['list', 'import', 'delete']) {
      const r = tapedeck('markers', sub, '--help');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: tapedeck markers ${sub} `));
    }
  });
});
