import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, NO_REAL_EXCHANGE } from '../../helpers/serve-process';
import { tempDir } from '../../helpers/temp-dir';

function tapedeck(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { encoding: 'utf8', env: { ...process.env, ...NO_REAL_EXCHANGE, TAPEDECK_DATA_DIR: '' }, maxBuffer: 64 * 1024 * 1024 });
}

const YEAR = ['--source', 'sim', '--symbol', 'SPY', '--interval', '5m', '--from', '2024-01-01', '--to', '2024-12-31'];
const BACKTEST = ['backtest', ...YEAR, '--strategy', 'sma-cross', '--json'];

describe('the same command gives the same bars whatever was queried before (issue 9)', () => {
  const dirs = [tempDir(), tempDir(), tempDir()];
  afterAll(() => dirs.forEach((d) => d.remove()));

  it('runs the year on every regular-session bar of 2024, fresh or after other queries', () => {
    const [fresh, afterMay, afterJan] = dirs.map((d) => d.path) as [string, string, string];
    const a = tapedeck(fresh, ...BACKTEST);
    expect(a.status).toBe(0);
    // 252 sessions: 249 of 78 five-minute bars and three early closes (13:00) of 42; --to 2024-12-31 includes the 31st.
    expect(a.stderr).toContain('coverage: 19,548 of 19,548 5m bars expected in 2024-01-01T00:00Z..2025-01-01T00:00Z, none missing');
    const stats = (JSON.parse(a.stdout) as { stats: { bars: number; trades: number } }).stats;
    expect(stats.bars).toBe(19_548);
    expect(stats.trades).toBeGreaterThan(0);

    expect(tapedeck(afterMay, 'candles', '--source', 'sim', '--symbol', 'SPY', '--interval', '5m', '--from', '2024-05-01', '--to', '2024-05-03').status).toBe(0);
    const b = tapedeck(afterMay, ...BACKTEST);
    expect(tapedeck(afterJan, 'candles', '--source', 'sim', '--symbol', 'SPY', '--interval', '5m', '--from', '2024-01-01', '--to', '2024-01-31').status).toBe(0);
    expect(tapedeck(afterJan, 'candles', '--source', 'sim', '--symbol', 'SPY', '--interval', '1d', '--limit', '30').status).toBe(0);
    const c = tapedeck(afterJan, ...BACKTEST);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
  });

  it('prints the missing span before the simulated market begins, and --strict refuses to run over it', () => {
    const dir = dirs[0]?.path ?? '';
    const args = ['--source', 'sim', '--symbol', 'BTCUSDT', '--interval', '1d', '--from', '2014-12-25', '--to', '2015-01-05'];
    const loose = tapedeck(dir, 'candles', ...args);
    expect(loose.status).toBe(0);
    expect(loose.stderr).toContain('coverage: 5 of 12 1d bars expected');
    expect(loose.stderr).toContain('missing 2014-12-25T00:00Z..2015-01-01T00:00Z (10,080 bars): before-start');
    const strict = tapedeck(dir, 'candles', ...args, '--strict');
    expect(strict.status).toBe(2);
    expect(strict.stderr).toMatch(/--strict: 10,080 bars are missing in the range, first 2014-12-25T00:00Z\.\.2015-01-01T00:00Z \(before-start\)/);
    const backtest = tapedeck(dir, 'backtest', ...args, '--strategy', 'sma-cross', '--param', 'fast=2', '--param', 'slow=3', '--strict');
    expect(backtest.status).toBe(2);
  });

  it('refuses a date that is not on the calendar instead of rolling it over', () => {
    const r = tapedeck(dirs[1]?.path ?? '', 'candles', '--source', 'sim', '--symbol', 'SPY', '--interval', '5m', '--from', '2024-02-30', '--to', '2024-03-02');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('2024-02-30 is not a real calendar date');
  });
});
