import { afterAll, describe, expect, it } from 'vitest';
import { backtestResultSchema } from '../../../../../../shared/contract';
import { orbStrategy } from '../../../../../../shared/strategy/strategies/orb';
import { timeWindowStrategy } from '../../../../../../shared/strategy/strategies/time-window';
import { createCore } from '../../../../../../src-main/platform/app/core';
import type { CliIo } from '../../../../../../src-main/platform/cli/cli-io';
import { parseParamFlags } from '../../../../../../src-main/platform/cli/commands/param-flags';
import { setupTables } from '../../../../../../src-main/platform/cli/commands/setup-table';
import { runCli } from '../../../../../../src-main/platform/cli/run-cli';
import { tempDir } from '../../../../../helpers/temp-dir';

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), env: {}, stop: new AbortController().signal };
}

describe('--param: read by each parameter\u2019s type', () => {
  it('numbers, flags and text; a number for a text parameter stays text', () => {
    expect(parseParamFlags(['waitMinutes=15', 'longOnly=true', 'stop=opposite'], orbStrategy.params)).toEqual({ waitMinutes: 15, longOnly: true, stop: 'opposite' });
    expect(parseParamFlags(['schedule=2024'], timeWindowStrategy.params)).toEqual({ schedule: '2024' });
    expect(parseParamFlags(['other=x', 'n=3'], [])).toEqual({ other: 'x', n: 3 });
    expect(() => parseParamFlags(['longOnly=yes'], orbStrategy.params)).toThrow('--param longOnly: "yes" is not true or false');
    expect(() => parseParamFlags(['waitMinutes=soon'], orbStrategy.params)).toThrow('--param waitMinutes: "soon" is not a number');
    expect(() => parseParamFlags(['stop'], orbStrategy.params)).toThrow('--param: "stop" is not name=value');
  });
});

describe('setupTables', () => {
  it('aligns the trades by setup and the signals without position', () => {
    expect(
      setupTables(
        [
          { setup: 'orb-down', trades: 3, winRatePct: 100 / 3, avgReturnPct: -0.25, profitFactor: null, totalPnl: -12.5 },
          { setup: 'orb-up', trades: 12, winRatePct: 50, avgReturnPct: 0.1, profitFactor: 1.5, totalPnl: 40 },
        ],
        [{ setup: 'orb-down', side: 'short', count: 4, avgUnderlyingReturnPct: -0.5, favourablePct: 75 }],
      ),
    ).toEqual([
      '',
      'trades by setup:',
      '  setup     trades  winRatePct  avgReturnPct  profitFactor  totalPnl',
      '  orb-down       3     33.3333       -0.2500             —  -12.5000',
      '  orb-up        12          50        0.1000        1.5000        40',
      '',
      'signals without position:',
      '  setup     side   count  avgUnderlyingReturnPct  favourablePct',
      '  orb-down  short      4                 -0.5000             75',
    ]);
    expect(setupTables([], [])).toEqual(['', 'trades by setup:', '  (no trades)']);
  });
});

describe('tapedeck backtest on the simulated SPY (in process)', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());
  const spy = ['backtest', '--source', 'sim', '--symbol', 'SPY', '--interval', '5m', '--from', '2024-03-04', '--to', '2024-03-16', '--data-dir', dir.path];

  it('ORB: both directions by default, --no-short turns down days into signals without position, both flags are refused', async () => {
    const json = io();
    expect(await runCli([...spy, '--strategy', 'orb', '--json'], json)).toBe(0);
    const result = backtestResultSchema.parse(JSON.parse(json.stdout.join('\n')));
    expect(result.stats.bars).toBe(780);
    expect(result.stats.trades).toBeGreaterThanOrEqual(6);
    const downDays = result.setups.find((s) => s.setup === 'orb-down')?.trades ?? 0;

    const text = io();
    expect(await runCli([...spy, '--strategy', 'orb', '--no-short', '--param', 'stop=opposite'], text)).toBe(0);
    const out = text.stdout.join('\n');
    expect(out).toMatch(/^orb \{.*"stop":"opposite".*\} on sim:SPY 5m \(780 bars, us-equity\)$/m);
    expect(out).toMatch(/^riskOfRuinPct +(\d+(\.\d+)?|—)$/m);
    expect(out).toMatch(/^trades by setup:\n {2}setup +trades +winRatePct +avgReturnPct +profitFactor +totalPnl\n {2}orb-up /m);
    if (downDays > 0) expect(out).toMatch(new RegExp(`^signals without position:\\n {2}setup +side +count .*\\n {2}orb-down +short +${String(downDays)} `, 'm'));

    const both = io();
    expect(await runCli([...spy, '--strategy', 'orb', '--no-short', '--allow-short'], both)).toBe(2);
    expect(both.stderr).toEqual(['tapedeck: --no-short: give --allow-short or --no-short, not both']);
  });

  it('time-window reads a marker schedule from the data directory\u2019s settings', async () => {
    const core = createCore({ dataDir: dir.path, mode: 'cli', connectFeeds: [] });
    try {
      await core.dispatcher.call('settings.set', { markerSchedules: [{ name: 'half hours', kind: 'times', times: ['09:30', '10:00', '10:30'] }] });
    } finally {
      core.close();
    }
    const t = io();
    expect(await runCli([...spy, '--strategy', 'time-window', '--param', 'schedule=half hours', '--json'], t)).toBe(0);
    expect(backtestResultSchema.parse(JSON.parse(t.stdout.join('\n'))).stats.bars).toBe(780);
    const unknown = io();
    expect(await runCli([...spy, '--strategy', 'time-window', '--param', 'schedule=quarters'], unknown)).toBe(2);
    expect(unknown.stderr.find((l) => l.startsWith('tapedeck:'))).toMatch(/^tapedeck: --strategy time-window: schedule: unknown marker schedule "quarters" \(known: auto, ny-10m, every-2-sessions, every-15-sessions, half hours\)$/);
  });
});
