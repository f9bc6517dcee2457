import { afterEach, describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../../shared/market/civil-date';
import { contractFromOcc } from '../../../../shared/options/option-contract';
import { SimMarket } from '../../../../src-main/market-data/feeds/sim/sim-market';
import { SimChainProvider } from '../../../../src-main/options/sim/sim-chain-provider';
import { simOptionChain } from '../../../../src-main/options/sim/sim-underlying';
import { manualTicker } from '../../../helpers/core-fixture';

const SEED = 20_240_101;
/** Tuesday 2026-03-10 11:00 New York. */
const T0 = Date.UTC(2026, 2, 10, 15, 0, 0);
const MARCH_20 = daysFromCivil(2026, 3, 20);

function provider(now: { t: number }): { p: SimChainProvider; ticks: ReturnType<typeof manualTicker> } {
  const ticks = manualTicker();
  return { p: new SimChainProvider({ seed: SEED, market: new SimMarket(SEED), now: () => now.t, ticker: ticks.ticker }), ticks };
}

describe('the simulated chain provider', () => {
  let close = (): void => undefined;
  afterEach(() => close());

  it('rows are the sim chain’s quotes at the underlying’s live price (the book’s mid now), field by field', async () => {
    const { p } = provider({ t: T0 });
    close = () => p.close();
    const q = new SimMarket(SEED).quote('SPY', T0);
    if (q === null) throw new Error('SPY is shut at T0');
    const spot = (q.bid + q.ask) / 2;
    expect(spot).toBe(667.085);
    const answer = await p.chain({ underlying: 'SPY', expiryFrom: MARCH_20, expiryTo: MARCH_20 });
    if (!answer.ok) throw new Error(answer.error.message);
    const snap = answer.value;
    expect([snap.source, snap.underlying, snap.underlyingPrice, snap.time, snap.rate, snap.dividendYield, snap.multiplier]).toEqual(['sim', 'SPY', 667.085, T0, 0.05, 0.013, 100]);
    expect(snap.expirations.map((e) => [e.expiry, e.kind, e.days, e.thirtyDay, e.expiresAt])).toEqual([['2026-03-20', 'monthly', 10, false, Date.UTC(2026, 2, 20, 20, 0, 0)]]);
    const expected = simOptionChain(SEED, 'SPY')?.quoteAt(spot, T0, MARCH_20).expirations[0]?.quotes ?? [];
    const rows = snap.expirations[0]?.rows ?? [];
    expect(rows).toHaveLength(expected.length);
    expect(rows.length).toBe(120);
    rows.forEach((r, i) => {
      const e = expected[i];
      if (e === undefined) throw new Error('missing');
      expect([r.symbol, r.type, r.strike, r.bid, r.ask, r.mark, r.iv, r.delta, r.gamma, r.thetaPerDay, r.vegaPerPoint, r.volume, r.openInterest]).toEqual([
        e.contract.symbol,
        e.contract.type,
        e.contract.strike,
        e.bid,
        e.ask,
        e.mid,
        e.iv,
        e.greeks?.delta,
        e.greeks?.gamma,
        e.greeks?.thetaPerDay,
        e.greeks?.vegaPerPoint,
        e.volume,
        e.openInterest,
      ]);
      expect(r.last).toBeNull();
      expect(r.breakEven).toBeCloseTo(e.contract.type === 'call' ? e.contract.strike + e.ask : e.contract.strike - e.ask, 9);
      expect(r.inTheMoney).toBe(e.contract.type === 'call' ? e.contract.strike < spot : e.contract.strike > spot);
    });
    // The at-the-money pair, pinned: premiums on the $0.05 grid above $3, break-even = strike ± the ask.
    const atm = rows.filter((r) => r.strike === 665).map((r) => [r.symbol, r.bid, r.ask, r.mark, r.breakEven, r.inTheMoney]);
    expect(atm).toEqual([
      ['SPY260320C00665000', 8.7, 8.95, 8.825, 673.95, true],
      ['SPY260320P00665000', 5.95, 6.15, 6.05, 658.85, false],
    ]);
  });

  it('filters by type and strike window, expiration range', async () => {
    const { p } = provider({ t: T0 });
    close = () => p.close();
    const answer = await p.chain({ underlying: 'SPY', expiryFrom: daysFromCivil(2026, 3, 11), expiryTo: daysFromCivil(2026, 3, 13), type: 'put', strikeMin: 660, strikeMax: 662 });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.expirations.map((e) => [e.expiry, e.rows.map((r) => r.symbol)])).toEqual([
      ['2026-03-11', ['SPY260311P00660000', 'SPY260311P00661000', 'SPY260311P00662000']],
      ['2026-03-12', ['SPY260312P00660000', 'SPY260312P00661000', 'SPY260312P00662000']],
      ['2026-03-13', ['SPY260313P00660000', 'SPY260313P00661000', 'SPY260313P00662000']],
    ]);
  });

  it('lists expirations with days and the one nearest 30 days marked', async () => {
    const { p } = provider({ t: T0 });
    close = () => p.close();
    const answer = await p.expirations('SPY');
    if (!answer.ok) throw new Error(answer.error.message);
    const list = answer.value;
    expect(list[0]).toEqual({ expiry: '2026-03-10', kind: 'daily', expiresAt: Date.UTC(2026, 2, 10, 20, 0, 0), days: 0, thirtyDay: false });
    expect(list.filter((e) => e.thirtyDay).map((e) => [e.expiry, e.days])).toEqual([['2026-04-09', 30]]);
  });

  it('checks a symbol without a round trip: listed, a strike on the grid from an earlier day, or the part that is wrong', () => {
    const { p } = provider({ t: T0 });
    close = () => p.close();
    expect(p.check('SPY260320C00665000')).toMatchObject({ ok: true, value: { strike: 665, underlying: 'SPY', multiplier: 100 } });
    // 400 is far below today's grid (centred on yesterday's close) but on SPY's $1 strike step: an earlier listing's contract.
    expect(p.check('SPY260320C00400000')).toMatchObject({ ok: true, value: { strike: 400 } });
    expect(p.check('SPY260320C00665500')).toMatchObject({ ok: false, error: { field: 'strike' } });
    expect(p.check('SPY260309C00665000')).toEqual({ ok: false, error: { field: 'expiry', message: 'SPY260309C00665000 expired on 2026-03-09 at 16:00 New York' } });
    expect(p.check('AAPL260311C00250000')).toMatchObject({ ok: false, error: { field: 'expiry', message: 'no AAPL expiration on 2026-03-11' } });
    expect(p.check('XYZ260320C00100000')).toMatchObject({ ok: false, error: { field: 'root' } });
    expect(p.checkQuery({ underlying: 'SPY', expiryFrom: daysFromCivil(2026, 3, 21), expiryTo: daysFromCivil(2026, 3, 21) })).toEqual({
      ok: false,
      error: { field: 'expiry', message: 'no SPY expiration on 2026-03-21 (the next is 2026-03-23)' },
    });
  });

  it('quotes held contracts at once, and settles at the underlying’s close at the expiry instant', async () => {
    const now = { t: T0 };
    const { p } = provider(now);
    close = () => p.close();
    const quotes = await p.quotes(['SPY260310C00667000', 'SPY260310P00667000', 'SPY260309C00667000']);
    expect([...quotes.entries()].map(([s, q]) => [s, q.ok ? [q.value.bid, q.value.ask, q.value.status] : q.error.field])).toEqual([
      ['SPY260310C00667000', [1.06, 1.11, 'live']],
      ['SPY260310P00667000', [0.97, 1.01, 'live']],
      ['SPY260309C00667000', 'expiry'],
    ]);
    const expiry = contractFromOcc('SPY260310C00667000');
    if (!expiry.ok) throw new Error('bad symbol');
    const close16 = await p.settlementPrice('SPY', expiry.value.expiryTime);
    const bars = new SimMarket(SEED).columns('SPY', Date.UTC(2026, 2, 10, 13, 30), Date.UTC(2026, 2, 10, 20, 0));
    expect(close16).toBe(bars.close[bars.length - 1]);
    expect(close16).toBe(659.45);
  });

  it('tells listeners when the underlying moves, polling it four times a second while anyone listens', () => {
    const now = { t: T0 };
    const { p, ticks } = provider(now);
    close = () => p.close();
    const seen: number[] = [];
    const stop = p.onUnderlying('SPY', (price) => seen.push(price));
    expect(ticks.running()).toBe(1);
    ticks.tick();
    expect(seen).toEqual([]);
    now.t += 60_000;
    ticks.tick();
    now.t += 250;
    ticks.tick();
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen[0]).toBe(p.latest('SPY260320C00665000')?.underlyingPrice);
    stop();
    expect(ticks.running()).toBe(0);
  });
});
