import { describe, expect, it } from 'vitest';
import type { BarColumns } from '../../../../../shared/domain/bar-columns';
import { INTERVAL_MS, MINUTE_MS } from '../../../../../shared/domain/interval';
import { aggregate } from '../../../../../shared/market/aggregate';
import { nyLocal } from '../../../../../shared/market/new-york-time';
import { orbStrategy } from '../../../../../shared/strategy/strategies/orb';
import { timeWindowStrategy } from '../../../../../shared/strategy/strategies/time-window';
import { DEFAULT_SIM_SEED } from '../../../../../src-main/platform/app/core';
import { runBacktest, type BacktestOutput } from '../../../../../src-main/research/backtest';
import { SimMarket } from '../../../../../src-main/market-data/feeds/sim/sim-market';

const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2025, 0, 1);
const FIVE = INTERVAL_MS['5m'];

/** The simulated SPY of 2024 (the app's default seed), as 5m bars. */
function spy2024(): BarColumns {
  const minutes = new SimMarket(DEFAULT_SIM_SEED).columns('SPY', FROM, TO);
  return aggregate('us-equity', '5m', minutes, { baseMs: MINUTE_MS, asOf: TO });
}

function run(strategy: ReturnType<typeof orbStrategy.create>, bars: BarColumns, allowShort: boolean): BacktestOutput {
  const outcome = runBacktest(strategy, bars, { market: 'us-equity', intervalMs: FIVE, allowShort });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.output;
}

const dayOf = (t: number): number => nyLocal(t).days;

describe("the traders' models on the simulated SPY of 2024 (5m bars)", () => {
  const bars = spy2024();
  const sessions = new Set(Array.from(bars.time, dayOf));

  it('ORB with its defaults trades on most sessions, at most once a day, never both directions on one day', () => {
    expect(sessions.size).toBe(252);
    const out = run(orbStrategy.create({}, { market: 'us-equity', intervalMs: FIVE }), bars, true);
    const days = out.trades.map((t) => dayOf(t.entryTime));
    expect(new Set(days).size).toBe(days.length);
    expect(days.length).toBeGreaterThan(126);
    for (const t of out.trades) expect(dayOf(t.exitTime)).toBe(dayOf(t.entryTime));
  });

  it('ORB long-only reports the down days as signals without position and never buys after them', () => {
    const out = run(orbStrategy.create({ longOnly: true }, { market: 'us-equity', intervalMs: FIVE }), bars, true);
    expect(out.trades.every((t) => t.setup === 'orb-up')).toBe(true);
    expect(out.unfilledSignals.map((u) => [u.setup, u.side])).toEqual([['orb-down', 'short']]);
    const downDays = new Set(out.shadowSignals.map((s) => dayOf(s.signalTime)));
    for (const t of out.trades) expect(downDays.has(dayOf(t.entryTime))).toBe(false);
    // Every session decided one way or the other is either a trade or a signal without position.
    expect(out.trades.length + downDays.size).toBe(run(orbStrategy.create({}, { market: 'us-equity', intervalMs: FIVE }), bars, true).trades.length);
  });

  it('time-window with its defaults (ny-10m blocks): each setup at most once a block, flat every night', () => {
    const out = run(timeWindowStrategy.create({}, { market: 'us-equity', intervalMs: FIVE }), bars, true);
    expect(out.trades.length).toBeGreaterThan(0);
    expect(out.setups.map((s) => s.setup)).toEqual(['retest-high', 'retest-low', 'sweep-high', 'sweep-low']);
    const seen = new Set<string>();
    for (const t of out.trades) {
      expect(dayOf(t.exitTime)).toBe(dayOf(t.entryTime));
      // A market entry fills at the open of the bar after the signal: the signal's 10-minute block.
      const block = Math.floor((t.entryTime - FIVE) / (10 * MINUTE_MS));
      const key = `${t.setup} ${String(block)}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });
});
