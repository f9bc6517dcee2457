import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../../shared/market/civil-date';
import { bsm } from '../../../../shared/options/black-scholes';
import { pickContract, type PickCandidate } from '../../../../shared/options/contract-picker';
import { optionContract, yearsToExpiry } from '../../../../shared/options/option-contract';

const NOW = Date.parse('2024-03-11T15:00:00Z'); // Monday 11:00 New York
const SPOT = 500.4;

function candidates(): PickCandidate[] {
  const out: PickCandidate[] = [];
  for (const [y, m, d] of [[2024, 3, 11], [2024, 3, 13], [2024, 3, 15], [2024, 3, 22], [2024, 4, 19]] as const) {
    for (let strike = 490; strike <= 510; strike++) {
      for (const type of ['call', 'put'] as const) {
        const c = optionContract({ underlying: 'SPY', type, strike, expiryDate: daysFromCivil(y, m, d) });
        if (!c.ok) throw new Error('bad fixture');
        const g = bsm({ type, spot: SPOT, strike, rate: 0.05, dividendYield: 0, vol: 0.15, years: yearsToExpiry(c.value, NOW) }).greeks;
        out.push({ contract: c.value, delta: g.delta });
      }
    }
  }
  return out;
}

describe('direction to contract', () => {
  const all = candidates();

  it('expiry: the nearest at least N days out (0 = today, 0DTE)', () => {
    const pick = (minDays: number) => pickContract(all, SPOT, NOW, { side: 'calls', minDays, strike: { kind: 'atm-offset', steps: 0 } });
    expect(pick(0)).toMatchObject({ ok: true, value: { contract: { symbol: 'SPY240311C00500000' } } });
    expect(pick(1)).toMatchObject({ ok: true, value: { contract: { symbol: 'SPY240313C00500000' } } });
    expect(pick(3)).toMatchObject({ ok: true, value: { contract: { symbol: 'SPY240315C00500000' } } });
    expect(pick(5)).toMatchObject({ ok: true, value: { contract: { symbol: 'SPY240322C00500000' } } });
    expect(pick(60)).toEqual({ ok: false, error: { field: 'expiry', message: 'no calls expire 60 or more days from today' } });
    // After today's close the 0DTE series is gone.
    expect(pickContract(all, SPOT, Date.parse('2024-03-11T20:00:00Z'), { side: 'calls', minDays: 0, strike: { kind: 'atm-offset', steps: 0 } })).toMatchObject({
      ok: true,
      value: { contract: { expiryDate: daysFromCivil(2024, 3, 13) } },
    });
  });

  it('strike: ATM ± k steps out of the money (calls up, puts down)', () => {
    const rule = (side: 'calls' | 'puts', steps: number) => pickContract(all, SPOT, NOW, { side, minDays: 3, strike: { kind: 'atm-offset', steps } });
    expect(rule('calls', 2)).toMatchObject({ ok: true, value: { contract: { symbol: 'SPY240315C00502000' } } });
    expect(rule('puts', 2)).toMatchObject({ ok: true, value: { contract: { symbol: 'SPY240315P00498000' } } });
    expect(rule('calls', -1)).toMatchObject({ ok: true, value: { contract: { symbol: 'SPY240315C00499000' } } });
    expect(rule('calls', 11)).toMatchObject({ ok: false, error: { field: 'strike' } });
  });

  it('strike: nearest |delta| to the target', () => {
    const call = pickContract(all, SPOT, NOW, { side: 'calls', minDays: 3, strike: { kind: 'delta', target: 0.3 } });
    const put = pickContract(all, SPOT, NOW, { side: 'puts', minDays: 3, strike: { kind: 'delta', target: 0.3 } });
    expect(call.ok && put.ok).toBe(true);
    if (!call.ok || !put.ok) return;
    const gap = (c: PickCandidate): number => Math.abs(Math.abs(c.delta) - 0.3);
    const series = all.filter((c) => c.contract.expiryDate === daysFromCivil(2024, 3, 15));
    for (const c of series.filter((s) => s.contract.type === 'call')) expect(gap(call.value)).toBeLessThanOrEqual(gap(c));
    for (const c of series.filter((s) => s.contract.type === 'put')) expect(gap(put.value)).toBeLessThanOrEqual(gap(c));
    expect(call.value.contract.strike).toBeGreaterThan(SPOT);
    expect(put.value.contract.strike).toBeLessThan(SPOT);
  });

  it('refuses a bad rule, naming the field', () => {
    expect(pickContract(all, SPOT, NOW, { side: 'calls', minDays: -1, strike: { kind: 'delta', target: 0.3 } })).toMatchObject({ ok: false, error: { field: 'minDays' } });
    expect(pickContract(all, SPOT, NOW, { side: 'calls', minDays: 0, strike: { kind: 'delta', target: 1.3 } })).toMatchObject({ ok: false, error: { field: 'delta' } });
    expect(pickContract(all, SPOT, NOW, { side: 'calls', minDays: 0, strike: { kind: 'atm-offset', steps: 0.5 } })).toMatchObject({ ok: false, error: { field: 'steps' } });
  });
});
