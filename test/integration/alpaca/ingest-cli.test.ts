import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsFromBars, barsFromColumns } from '../../../shared/domain/bar-columns';
import { MINUTE_MS } from '../../../shared/domain/interval';
import { aggregate } from '../../../shared/market/aggregate';
import { isOpenAt } from '../../../shared/market/sessions';
import { BIN, NO_REAL_EXCHANGE } from '../../helpers/serve-process';
import { tempDir } from '../../helpers/temp-dir';
import { asBar } from './alpaca-fixture';
import { startFakeAlpaca, type FakeAlpaca } from './fake/fake-alpaca';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The built `tapedeck` (needs `npm run build`), run as a user runs it, with
 * Alpaca pointed at the fake. Asynchronous: the fake answers on this
 * process's event loop, so spawnSync would deadlock.
 */
function tapedeck(env: Readonly<Record<string, string>>, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...NO_REAL_EXCHANGE, TAPEDECK_DATA_DIR: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('tapedeck ingest alpaca / candles --source alpaca, against the fake Alpaca', () => {
  let fake: FakeAlpaca;
  const dir = tempDir();
  let env: Record<string, string>;

  beforeAll(async () => {
    fake = await startFakeAlpaca();
    env = {
      TAPEDECK_ALPACA_DATA_URL: fake.dataUrl,
      TAPEDECK_ALPACA_DATA_STREAM_URL: fake.streamUrl,
      APCA_API_KEY_ID: fake.keys.keyId,
      APCA_API_SECRET_KEY: fake.keys.secret,
    };
  });
  afterAll(async () => {
    await fake.close();
    dir.remove();
  });

  const JANUARY = ['--from', '2024-01-02', '--to', '2024-01-31'];
  const sessionBars = (symbol: string, from: number, to: number) => fake.market.bars(symbol, from, to).filter((b) => isOpenAt('us-equity', b.time));

  it('ingests a month of 1m bars with progress on stderr, and re-running asks for nothing new', async () => {
    const first = await tapedeck(env, 'ingest', 'alpaca', '--symbol', 'aapl', ...JANUARY, '--data-dir', dir.path);
    expect(first.stderr).not.toContain('Error');
    expect(first.status).toBe(0);
    const month = sessionBars('AAPL', Date.UTC(2024, 0, 2), Date.UTC(2024, 1, 1));
    // January 2024: 21 sessions (New Year's Day and Martin Luther King Day closed).
    expect(month).toHaveLength(21 * 390);
    expect(first.stdout).toBe('alpaca:AAPL 1m (us-equity) 2024-01-02T00:00:00.000Z..2024-02-01T00:00:00.000Z: 8,190 bars stored, 8,190 new\n');
    expect(first.stderr).toMatch(/^loading alpaca:AAPL history 2024-01-02T00:00Z\.\.2024-02-01T00:00Z: 0% \(0 bars\)$/m);
    expect(first.stderr).toMatch(/: 100% \(8,190 bars\), done$/m);
    expect(first.stderr).toContain('coverage: 21 of 21 1d bars expected in 2024-01-02T00:00Z..2024-02-01T00:00Z, none missing');

    const requests = fake.http.requests.length;
    const again = await tapedeck(env, 'ingest', 'alpaca', '--symbol', 'AAPL', ...JANUARY, '--data-dir', dir.path);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('8,190 bars stored, 0 new');
    // Only the connection probe.
    expect(fake.http.requests.length - requests).toBe(1);
  });

  it('candles --source alpaca prints the stored truth aggregated, without asking Alpaca again', async () => {
    const requests = fake.http.requests.length;
    const r = await tapedeck(env, 'candles', '--source', 'alpaca', '--symbol', 'AAPL', '--interval', '1h', '--from', '2024-01-02', '--to', '2024-01-05', '--data-dir', dir.path);
    expect(r.status).toBe(0);
    // --to 2024-01-05 includes the 5th.
    const from = Date.UTC(2024, 0, 2);
    const to = Date.UTC(2024, 0, 6);
    const want = barsFromColumns(aggregate('us-equity', '1h', columnsFromBars(sessionBars('AAPL', from, to).map((b) => asBar(b))), { baseMs: MINUTE_MS, asOf: to }));
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe('time\topen\thigh\tlow\tclose\tvolume\ttrades\tstate');
    expect(rows.slice(1)).toEqual(want.map((b) => [new Date(b.time).toISOString(), b.open, b.high, b.low, b.close, b.volume, b.trades, b.final ? 'final' : 'forming'].join('\t')));
    expect(r.stderr).toContain('coverage: 28 of 28 1h bars expected');
    expect(fake.http.requests.length - requests).toBe(1);
  });

  it('an unknown symbol exits 1 with Alpaca\'s message', async () => {
    const r = await tapedeck(env, 'ingest', 'alpaca', '--symbol', 'ZZZZ', '--from', '2024-01-02', '--to', '2024-01-03', '--data-dir', dir.path);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Alpaca: invalid symbol: ZZZZ (HTTP 400, code 40010001)');
  });

  it('a wrong key exits 1 with "authentication failed" after one request, the secret nowhere in the output', async () => {
    const requests = fake.http.requests.length;
    const secret = 'this-secret-is-wrong-and-must-not-print';
    const r = await tapedeck({ ...env, APCA_API_SECRET_KEY: secret }, 'ingest', 'alpaca', '--symbol', 'AAPL', ...JANUARY, '--data-dir', dir.path);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('tapedeck: Alpaca: authentication failed');
    expect(fake.http.requests.length - requests).toBe(1);
    expect(`${r.stdout}${r.stderr}`).not.toContain(secret);
    expect(`${r.stdout}${r.stderr}`).not.toContain(fake.keys.keyId);
  });

  it('without keys: exit 2, saying which variables to set; nothing is sent', async () => {
    const requests = fake.http.requests.length;
    const r = await tapedeck({ ...env, APCA_API_KEY_ID: '', APCA_API_SECRET_KEY: '' }, 'ingest', 'alpaca', '--symbol', 'AAPL', ...JANUARY, '--data-dir', dir.path);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('tapedeck: no Alpaca keys: set APCA_API_KEY_ID and APCA_API_SECRET_KEY\n');
    expect(fake.http.requests.length).toBe(requests);
  });
});
