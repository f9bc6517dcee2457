import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../../../src-main/platform/cli/cli-io';
import { runCli } from '../../../../../../src-main/platform/cli/run-cli';

async function options(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { out: (l) => stdout.push(l), err: (l) => stderr.push(l), env: {}, stop: new AbortController().signal };
  const code = await runCli(['options', ...args], io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

const HULL = ['--spot', '42', '--strike', '40', '--rate', '0.1', '--years', '0.5'];
const AT = ['--at', '2024-03-11T15:00Z'];

describe('tapedeck options (in process)', () => {
  it('price: Hull Ex. 15.6 with greeks and their units', async () => {
    const r = await options('price', '--type', 'call', ...HULL, '--vol', '0.2');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      'price        4.759422  per unit of the underlying',
      'd1          0.7692626',
      'd2          0.6278413',
      'delta       0.7791313  per $1 of the underlying',
      'gamma      0.04996267  delta per $1 of the underlying',
      'vega         8.813415  per 1.00 of volatility (0.08813415 per vol point)',
      'theta       -4.559092  per year (-0.01249066 per calendar day)',
      'rho          13.98205  per 1.00 of rate (0.1398205 per point)',
    ]);
    const json = JSON.parse((await options('price', '--type', 'put', ...HULL, '--vol', '0.2', '--div', '0', '--json')).out) as { price: number; greeks: { thetaPerDay: number } };
    expect(json.price.toFixed(4)).toBe('0.8086');
    expect(json.greeks.thetaPerDay).toBeCloseTo(-0.7541744965897705 / 365, 14);
  });

  it('iv: inverts the price, or says why it cannot', async () => {
    const r = await options('iv', '--type', 'put', '--price', '0.80859937290009365', ...HULL, '--json');
    expect(r.code).toBe(0);
    const iv = JSON.parse(r.out) as { vol: number; iterations: number };
    expect(Math.abs(iv.vol - 0.2)).toBeLessThan(1e-14);
    expect(await options('iv', '--type', 'put', '--price', '0.8086', ...HULL)).toMatchObject({ code: 0, out: expect.stringMatching(/^implied volatility 0\.2000000711\d* \(20\.0000%\), \d iterations$/) as unknown });
    expect(await options('iv', '--type', 'call', '--price', '3', ...HULL)).toEqual({
      code: 2,
      out: '',
      err: "tapedeck: --price: 3 is below the option's lower bound 3.950823 (its discounted intrinsic value): no volatility gives it",
    });
    expect((await options('iv', '--type', 'call', '--price', '45', ...HULL)).err).toBe("tapedeck: --price: 45 is at or above the option's upper bound 42: no volatility gives it");
  });

  it('refuses bad input with exit 2 and one line naming the flag', async () => {
    const cases: [string[], string][] = [
      [['price', '--type', 'call', '--spot=-42', '--strike', '40', '--rate', '0.1', '--vol', '0.2', '--years', '0.5'], 'tapedeck: --spot: must be a positive number, got -42'],
      [['price', '--type', 'call', ...HULL, '--vol', '0'], 'tapedeck: --vol: must be a positive number, got 0'],
      [['price', '--type', 'call', '--spot', '42', '--strike', '0', '--rate', '0.1', '--vol', '0.2', '--years', '0.5'], 'tapedeck: --strike: must be a positive number, got 0'],
      [['price', '--type', 'call', '--spot', '42', '--strike', '40', '--rate', '0.1', '--vol', '0.2', '--years', '0'], 'tapedeck: --years: must be a positive number, got 0'],
      [['price', '--type', 'straddle', ...HULL, '--vol', '0.2'], 'tapedeck: --type: must be call or put'],
      [['price', '--type', 'call', ...HULL, '--vol', 'high'], 'tapedeck: --vol: must be a number, e.g. 0.25'],
      [['price', '--type', 'call', ...HULL, '--vol', '0.2', '--div', '2'], 'tapedeck: --div: must be a decimal rate per year between -1 and 1 (0.05 = 5%), got 2'],
      [['iv', '--type', 'call', ...HULL], 'tapedeck: --price: Invalid input: expected string, received undefined'],
      [['chain', '--source', 'binance', '--underlying', 'SPY'], 'tapedeck: --source: only the sim has an option chain, not "binance"'],
      [['chain', '--source', 'sim', '--underlying', 'BTCUSDT', ...AT], 'tapedeck: --underlying: the sim lists options on SPY, QQQ, AAPL, NVDA, not "BTCUSDT"'],
      [['chain', '--source', 'sim', ...AT], 'tapedeck: --underlying: give --underlying or --contract (one of them)'],
      [['chain', '--source', 'sim', '--underlying', 'SPY', '--expiry', '2024-03-16', ...AT], 'tapedeck: --expiry: no SPY expiration on 2024-03-16 (the next is 2024-03-18)'],
      [['chain', '--source', 'sim', '--underlying', 'SPY', '--expiry', '2024-03-08', ...AT], 'tapedeck: --expiry: 2024-03-08 has expired (at 16:00 New York that day)'],
      [['chain', '--source', 'sim', '--underlying', 'SPY', '--expiry', '2024-02-30', ...AT], 'tapedeck: --expiry: 2024-02-30 is not a real calendar date'],
      [['chain', '--source', 'sim', '--contract', 'SPY241345C00500000', ...AT], 'tapedeck: --contract: expiry: "241345" is not a real calendar date (YYMMDD)'],
      [['chain', '--source', 'sim', '--contract', 'SPY240315C0050000X', ...AT], 'tapedeck: --contract: strike: "0050000X" is not an 8-digit strike (dollars × 1000)'],
      [['chain', '--source', 'sim', '--contract', 'SPY240315C00700000', ...AT], 'tapedeck: --contract: strike: no 700 strike listed for SPY 2024-03-15'],
      [['chain', '--source', 'sim', '--contract', 'SPY240308C00500000', ...AT], 'tapedeck: --contract: expiry: SPY240308C00500000 expired on 2024-03-08 at 16:00 New York'],
      [['chain', '--source', 'sim', '--underlying', 'SPY', '--at', '2024-13-01'], 'tapedeck: --at: 2024-13-01 is not a real calendar date'],
      [['straddle'], 'tapedeck: options: unknown subcommand "straddle" (known: price, iv, chain)'],
    ];
    for (const [args, err] of cases) expect(await options(...args), args.join(' ')).toEqual({ code: 2, out: '', err });
  });

  it('chain: the expirations, a strike ladder, one contract, JSON', async () => {
    const summary = await options('chain', '--source', 'sim', '--underlying', 'SPY', ...AT);
    expect(summary.code).toBe(0);
    const lines = summary.out.split('\n');
    expect(lines[0]).toMatch(/^SPY \d+\.\d\d at 2024-03-11T15:00:00\.000Z \(sim, seed 20240101\); rate 5\.0%, dividend yield 1\.3%$/);
    expect(lines[1]).toMatch(/^EXPIRY +KIND +DAYS +CONTRACTS +ATM IV$/);
    expect(lines[2]).toMatch(/^2024-03-11 +daily +0 +\d+ +\d+\.\d%$/);
    expect(lines).toHaveLength(2 + 46);
    const ladder = await options('chain', '--source', 'sim', '--underlying', 'AAPL', '--expiry', '2024-03-15', ...AT);
    expect(ladder.out.split('\n')[1]).toMatch(/^C BID +C ASK +C IV +C DELTA +C VOL +C OI +STRIKE +P BID/);
    const one = await options('chain', '--source', 'sim', '--contract', 'SPY240315C00530000', ...AT, '--json');
    expect(JSON.parse(one.out)).toMatchObject({ source: 'sim', seed: 20240101, status: 'live', contract: { symbol: 'SPY240315C00530000', multiplier: 100, expiryTime: Date.parse('2024-03-15T20:00:00Z') } });
    const json = JSON.parse((await options('chain', '--source', 'sim', '--underlying', 'NVDA', '--expiry', '2024-03-22', ...AT, '--json')).out) as { expirations: { kind: string; quotes: unknown[] }[] };
    expect(json.expirations).toHaveLength(1);
    expect(json.expirations[0]?.kind).toBe('weekly');
  });

  it('help for options and each subcommand', async () => {
    expect((await options('--help')).out).toMatch(/^Usage: tapedeck options <price\|iv\|chain>/);
    for (const sub of ['price', 'iv', 'chain']) expect((await options(sub, '--help')).out).toMatch(new RegExp(`^Usage: tapedeck options ${sub} `));
  });
});
