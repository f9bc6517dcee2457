import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../../../shared/market/civil-date';
import { optionTick, quoteSpread } from '../../../../../shared/options/sim-chain/quote-spread';
import { SimOptionChain, type ChainSnapshot, type OptionQuote, type SimUnderlying } from '../../../../../shared/options/sim-chain/sim-option-chain';
import { simOptionParams } from '../../../../../shared/options/sim-chain/sim-option-params';

const SPY = simOptionParams('SPY');
if (SPY === undefined) throw new Error('missing params');

function underlying(vol: number): SimUnderlying {
  return { symbol: 'SPY', longRunVol: 0.16, volOn: () => vol, referencePrice: () => 500 };
}

const T = Date.parse('2024-03-11T15:00:00Z'); // Monday 11:00 New York

function calls(e: ChainSnapshot['expirations'][number]): OptionQuote[] {
  return e.quotes.filter((q) => q.contract.type === 'call');
}

describe('simulated option chain', () => {
  const chain = new SimOptionChain(20240101, underlying(0.15), SPY);
  const snap = chain.quoteAt(501.3, T);

  it('is deterministic per seed; the seed only moves volume and open interest', () => {
    const again = new SimOptionChain(20240101, underlying(0.15), SPY).quoteAt(501.3, T);
    expect(again).toEqual(snap);
    const other = new SimOptionChain(7, underlying(0.15), SPY).quoteAt(501.3, T);
    const strip = (s: ChainSnapshot) => s.expirations.flatMap((e) => e.quotes.map((q) => [q.bid, q.ask, q.theo]));
    expect(strip(other)).toEqual(strip(snap));
    expect(other.expirations[0]?.quotes.map((q) => q.openInterest)).not.toEqual(snap.expirations[0]?.quotes.map((q) => q.openInterest));
  });

  it('has no static arbitrage: calls fall and are convex in the strike, puts rise and are convex, parity holds', () => {
    expect(snap.expirations).toHaveLength(46);
    for (const e of snap.expirations) {
      const cs = calls(e);
      const ps = e.quotes.filter((q) => q.contract.type === 'put');
      for (const side of [cs, ps]) {
        for (let i = 1; i + 1 < side.length; i++) {
          const [a, b, c] = [side[i - 1]!, side[i]!, side[i + 1]!];
          const w = (c.contract.strike - b.contract.strike) / (c.contract.strike - a.contract.strike);
          expect(b.theo, `convex at ${b.contract.symbol}`).toBeLessThanOrEqual(w * a.theo + (1 - w) * c.theo + 1e-9);
        }
      }
      for (let i = 1; i < cs.length; i++) expect(cs[i]!.theo).toBeLessThanOrEqual(cs[i - 1]!.theo);
      for (let i = 1; i < ps.length; i++) expect(ps[i]!.theo).toBeGreaterThanOrEqual(ps[i - 1]!.theo);
    }
  });

  it('quotes on the penny-pilot grid with bid < ask around the model value', () => {
    for (const q of snap.expirations.flatMap((e) => e.quotes)) {
      expect(q.ask).toBeGreaterThan(q.bid);
      expect(q.bid).toBeGreaterThanOrEqual(0);
      expect(q.bid).toBeLessThanOrEqual(q.theo + 1e-9);
      expect(q.ask).toBeGreaterThanOrEqual(q.theo - 1e-9);
      for (const price of [q.bid, q.ask]) {
        const ticks = price / optionTick(price);
        expect(Math.abs(ticks - Math.round(ticks)), `${q.contract.symbol} ${String(price)}`).toBeLessThan(1e-6);
      }
    }
  });

  it('spreads widen away from the money and towards expiry; puts are richer than calls (skew)', () => {
    const relative = (mid: number, z: number, days: number) => {
      const q = quoteSpread(mid, z, days);
      return (q.ask - q.bid) / mid;
    };
    expect(relative(1.2, 2, 10)).toBeGreaterThan(relative(1.2, 0, 10));
    expect(relative(1.2, 0, 0.2)).toBeGreaterThan(relative(1.2, 0, 10));
    expect(quoteSpread(0.004, 5, 1)).toEqual({ bid: 0, ask: 0.01 });
    expect(quoteSpread(3.2, 0, 30)).toEqual({ bid: 3.15, ask: 3.25 });
    const back = snap.expirations.find((e) => e.date === daysFromCivil(2024, 4, 19))!;
    const at = (type: 'call' | 'put', strike: number) => back.quotes.find((q) => q.contract.type === type && q.contract.strike === strike)!;
    expect(at('put', 480).iv!).toBeGreaterThan(at('call', 520).iv!);
    expect(at('put', 470).iv!).toBeGreaterThan(at('put', 490).iv!);
  });

  it('moves with the underlying and with its recent volatility', () => {
    const up = chain.quoteAt(503.3, T + 60_000);
    const c0 = snap.expirations[4]!.quotes.find((q) => q.contract.symbol === 'SPY240315C00505000')!;
    const c1 = up.expirations[4]!.quotes.find((q) => q.contract.symbol === 'SPY240315C00505000')!;
    expect(c1.theo).toBeGreaterThan(c0.theo);
    expect(c1.greeks!.delta).toBeGreaterThan(c0.greeks!.delta);
    const calm = new SimOptionChain(20240101, underlying(0.08), SPY).quoteAt(501.3, T);
    const wild = new SimOptionChain(20240101, underlying(0.3), SPY).quoteAt(501.3, T);
    const atm = (s: ChainSnapshot) => s.expirations[4]!.quotes.find((q) => q.contract.symbol === 'SPY240315C00501000')!.iv!;
    expect(atm(calm)).toBeLessThan(atm(snap));
    expect(atm(wild)).toBeGreaterThan(atm(snap));
  });

  it('volume grows through the session; open interest stays', () => {
    const early = chain.quoteAt(501.3, Date.parse('2024-03-11T14:00:00Z')).expirations[4]!.quotes[50]!;
    const late = chain.quoteAt(501.3, Date.parse('2024-03-11T19:00:00Z')).expirations[4]!.quotes[50]!;
    expect(late.volume).toBeGreaterThan(early.volume);
    expect(late.openInterest).toBe(early.openInterest);
  });

  it('settles at intrinsic at the expiry instant', () => {
    const found = chain.find('SPY240311C00495000', T);
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    const live = chain.quote(found.value, 501.3, Date.parse('2024-03-11T19:59:00Z'));
    expect(live.status).toBe('live');
    expect(live.theo).toBeGreaterThan(6.3);
    const settled = chain.quote(found.value, 501.3, Date.parse('2024-03-11T20:00:00Z'));
    expect(settled).toMatchObject({ status: 'settled', bid: 501.3 - 495, ask: 501.3 - 495, theo: 501.3 - 495, iv: null, greeks: null });
    // Listed no more once expired.
    expect(chain.expirations(Date.parse('2024-03-11T20:00:00Z'))[0]?.date).toBe(daysFromCivil(2024, 3, 12));
  });

  it('refuses a contract that is not listed or has expired, naming the field', () => {
    expect(chain.find('SPY240315C00501500', T)).toEqual({ ok: false, error: { field: 'strike', message: 'no 501.5 strike listed for SPY 2024-03-15' } });
    expect(chain.find('SPY240316C00501000', T)).toEqual({ ok: false, error: { field: 'expiry', message: 'no SPY expiration on 2024-03-16' } });
    expect(chain.find('SPY240308C00501000', T)).toEqual({ ok: false, error: { field: 'expiry', message: 'SPY240308C00501000 expired on 2024-03-08 at 16:00 New York' } });
    expect(chain.find('QQQ240315C00501000', T)).toMatchObject({ ok: false, error: { field: 'root' } });
    expect(chain.find('SPY240315C0050100', T)).toMatchObject({ ok: false, error: { field: 'expiry' } });
  });
});
