import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../../../../shared/domain/bar';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../../../../shared/domain/interval';
import { sessionsBetween } from '../../../../../../shared/market/sessions';
import { SimMarket } from '../../../../../../src-main/market-data/feeds/sim/sim-market';
import { SIM_INSTRUMENTS } from '../../../../../../src-main/market-data/feeds/sim/sim-symbols';

const YEAR_FROM = Date.UTC(2023, 0, 1);
const YEAR_TO = Date.UTC(2024, 0, 1);
const m = new SimMarket(42);

function annualisedVol(closes: readonly number[], perYear: number): number {
  const r = closes.slice(1).map((c, i) => Math.log(c / (closes[i] ?? c)));
  const mean = r.reduce((s, x) => s + x, 0) / r.length;
  const variance = r.reduce((s, x) => s + (x - mean) ** 2, 0) / (r.length - 1);
  return Math.sqrt(variance * perYear);
}

const meanVolume = (bars: readonly Bar[]): number => bars.reduce((s, b) => s + b.volume, 0) / bars.length;

describe('sim realism over a simulated year', () => {
  it('gives BTCUSDT daily log returns an annualised volatility near its spec', () => {
    const bars = m.bars('BTCUSDT', YEAR_FROM, YEAR_TO);
    expect(bars).toHaveLength(365 * 1440);
    const closes = new Map<number, number>();
    for (const b of bars) closes.set(Math.floor(b.time / DAY_MS), b.close);
    const vol = annualisedVol([...closes.values()], 365);
    const spec = SIM_INSTRUMENTS.find((i) => i.symbol === 'BTCUSDT')!.annualVol;
    expect(vol).toBeGreaterThan(0.5 * spec);
    expect(vol).toBeLessThan(2 * spec);
  });

  it('keeps every symbol near its reference price level and its volatility band over two years', () => {
    for (const spec of SIM_INSTRUMENTS) {
      // Random access: only the last minute of each session is generated.
      const closes = sessionsBetween(spec.market, YEAR_FROM, YEAR_TO + 365 * DAY_MS).map((s) => m.bars(spec.symbol, s.close - MINUTE_MS, s.close)[0]?.close ?? 0);
      const perYear = spec.market === 'crypto' ? 365 : spec.market === 'us-equity' ? 252 : 260;
      const vol = annualisedVol(closes, perYear);
      expect(vol, spec.symbol).toBeGreaterThan(0.5 * spec.annualVol);
      expect(vol, spec.symbol).toBeLessThan(2 * spec.annualVol);
      expect(Math.min(...closes), spec.symbol).toBeGreaterThan(spec.refPrice / 10);
      expect(Math.max(...closes), spec.symbol).toBeLessThan(spec.refPrice * 10);
    }
  });

  it('shapes intraday volume: a U over the US session, London and New York hours heavier for FX', () => {
    const spy = m.bars('SPY', Date.UTC(2023, 2, 1), Date.UTC(2023, 5, 1));
    const nyMinute = (t: number): number => Math.floor((t - 4 * HOUR_MS) / 60_000) % 1440; // EDT in March-May after the 12th
    const edt = spy.filter((b) => b.time >= Date.UTC(2023, 2, 13));
    const firstHalfHour = meanVolume(edt.filter((b) => nyMinute(b.time) < 10 * 60));
    const midday = meanVolume(edt.filter((b) => nyMinute(b.time) >= 12 * 60 && nyMinute(b.time) < 13 * 60));
    const lastHalfHour = meanVolume(edt.filter((b) => nyMinute(b.time) >= 15 * 60 + 30));
    expect(firstHalfHour).toBeGreaterThan(1.5 * midday);
    expect(lastHalfHour).toBeGreaterThan(1.3 * midday);

    const eur = m.bars('EURUSD', Date.UTC(2023, 2, 1), Date.UTC(2023, 5, 1));
    const utcHour = (t: number): number => Math.floor((t % DAY_MS) / HOUR_MS);
    const overlap = meanVolume(eur.filter((b) => utcHour(b.time) >= 13 && utcHour(b.time) < 15));
    const asia = meanVolume(eur.filter((b) => utcHour(b.time) >= 1 && utcHour(b.time) < 5));
    expect(overlap).toBeGreaterThan(2.5 * asia);
  });
});
