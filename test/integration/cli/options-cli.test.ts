import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, NO_REAL_EXCHANGE } from '../../helpers/serve-process';

/** The built `tapedeck` executable, run as a user runs it (needs `npm run build`). */
function tapedeck(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...NO_REAL_EXCHANGE, TAPEDECK_DATA_DIR: '' }, maxBuffer: 64 * 1024 * 1024 });
}

describe('tapedeck options', () => {
  it('prices Hull Ex. 15.6 and inverts it', () => {
    const price = tapedeck('options', 'price', '--type', 'call', '--spot', '42', '--strike', '40', '--rate', '0.1', '--vol', '0.2', '--years', '0.5', '--json');
    expect(price.stderr).toBe('');
    expect(price.status).toBe(0);
    const p = JSON.parse(price.stdout) as { price: number; d1: number; greeks: Record<string, number> };
    expect(p.price.toFixed(4)).toBe('4.7594');
    expect(p.d1.toFixed(4)).toBe('0.7693');
    expect(Object.keys(p.greeks)).toEqual(['delta', 'gamma', 'vegaPerUnit', 'vegaPerPoint', 'thetaPerYear', 'thetaPerDay', 'rhoPerUnit', 'rhoPerPoint']);
    const iv = tapedeck('options', 'iv', '--type', 'call', '--price', String(p.price), '--spot', '42', '--strike', '40', '--rate', '0.1', '--years', '0.5');
    expect(iv.status).toBe(0);
    expect(iv.stdout).toMatch(/^implied volatility 0\.2 \(20\.0000%\), \d iterations\n$/);
  });

  it('lists the sim chain deterministically and quotes one contract', () => {
    const args = ['options', 'chain', '--source', 'sim', '--underlying', 'SPY', '--expiry', '2024-03-15', '--at', '2024-03-11T15:00Z', '--json'];
    const a = tapedeck(...args);
    expect(a.status, a.stderr).toBe(0);
    expect(tapedeck(...args).stdout).toBe(a.stdout);
    const chain = JSON.parse(a.stdout) as { underlying: string; expirations: { date: number; kind: string; quotes: { bid: number; ask: number; contract: { symbol: string } }[] }[] };
    expect(chain.underlying).toBe('SPY');
    expect(chain.expirations.map((e) => e.kind)).toEqual(['monthly']);
    const quotes = chain.expirations[0]?.quotes ?? [];
    expect(quotes.length).toBeGreaterThan(80);
    for (const q of quotes) expect(q.ask).toBeGreaterThan(q.bid);
    const one = tapedeck('options', 'chain', '--source', 'sim', '--contract', quotes[40]?.contract.symbol ?? '', '--at', '2024-03-11T15:00Z');
    expect(one.status).toBe(0);
    expect(one.stdout.split('\n')[0]).toMatch(/^SPY240315[CP]\d{8} {2}SPY 2024-03-15 \d+ (call|put), multiplier 100, expires 2024-03-15T20:00:00\.000Z$/);
  });

  it('refuses bad input with exit 2 and one line naming the field', () => {
    const bad = tapedeck('options', 'chain', '--source', 'sim', '--contract', 'SPY240230C00500000', '--at', '2024-03-11T15:00Z');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('tapedeck: --contract: expiry: "240230" is not a real calendar date (YYMMDD)\n');
    const iv = tapedeck('options', 'iv', '--type', 'put', '--price', '50', '--spot', '42', '--strike', '40', '--rate', '0.1', '--years', '0.5');
    expect(iv.status).toBe(2);
    expect(iv.stderr).toMatch(/^tapedeck: --price: 50 is at or above the option's upper bound 38\.04\d*: no volatility gives it\n$/);
    expect(tapedeck('--help').stdout).toMatch(/^ {2}options +option prices and greeks, implied volatility, and the simulated option chain$/m);
  });
});
