import { describe, expect, it } from 'vitest';
import { allocColumns, type BarColumns } from '../../../../../shared/domain/bar-columns';
import { orbStrategy } from '../../../../../shared/strategy/strategies/orb';
import { timeWindowStrategy } from '../../../../../shared/strategy/strategies/time-window';
import { OVERLAY_MAX_LEVELS, strategyOverlay } from '../../../../../src-main/research/backtest';

const MIN = 60_000;
const FIVE = 5 * MIN;
/** 2024-01-10 09:30 New York. */
const OPEN = Date.UTC(2024, 0, 10, 14, 30);
const CLOSE = Date.UTC(2024, 0, 10, 21, 0);

/** A session of 5m bars around 100, with `shape` changing some: [open, high, low, close]. */
function day(open: number, shape: (i: number) => readonly [number, number, number, number] | undefined, count = 78): BarColumns {
  const c = allocColumns(count);
  for (let i = 0; i < count; i++) {
    const [o, h, l, cl] = shape(i) ?? [100, 100.5, 99.5, 100];
    c.time[i] = open + i * FIVE;
    c.open[i] = o;
    c.high[i] = h;
    c.low[i] = l;
    c.close[i] = cl;
    c.volume[i] = 1000;
    c.final[i] = 1;
  }
  return c;
}

describe('strategyOverlay: what a chart draws, from the same run as the backtest', () => {
  const downDay = day(OPEN, (i) => (i === 0 ? [100, 101, 99, 100.5] : i === 3 ? [99.5, 99.75, 98.25, 98.5] : undefined));

  it('ORB long only: the range lines, the down break as a signal without position (at its close), no markers', () => {
    const out = strategyOverlay(orbStrategy.create({ longOnly: true, stop: 'opposite' }, { market: 'us-equity', intervalMs: FIVE }), downDay, { market: 'us-equity', intervalMs: FIVE, allowShort: true });
    expect(out).toEqual({
      ok: true,
      overlay: {
        levels: [
          { label: 'OR high', price: 101, kind: 'range-high', from: OPEN, to: CLOSE },
          { label: 'OR low', price: 99, kind: 'range-low', from: OPEN, to: CLOSE },
          { label: 'OR mid', price: 100, kind: 'range-mid', from: OPEN, to: CLOSE },
          { label: 'short stop (no position)', price: 101, kind: 'stop', from: OPEN + 20 * MIN, to: CLOSE },
        ],
        markers: { past: [], next: [] },
        signals: [{ time: OPEN + 15 * MIN, side: 'short', setup: 'orb-down', reason: 'opening range breakout down', price: 98.5, observed: true }],
      },
    });
  });

  it('the same day with shorts: a real signal', () => {
    const out = strategyOverlay(orbStrategy.create({}, { market: 'us-equity', intervalMs: FIVE }), downDay, { market: 'us-equity', intervalMs: FIVE, allowShort: true });
    expect(out.ok && out.overlay.signals.map((s) => [s.setup, s.observed])).toEqual([['orb-down', false]]);
  });

  it('time-window: the markers seen and the next ones, and the levels of the latest blocks only', () => {
    const bars = day(OPEN, () => undefined, 6);
    const out = strategyOverlay(timeWindowStrategy.create({}, { market: 'us-equity', intervalMs: FIVE }), bars, { market: 'us-equity', intervalMs: FIVE });
    expect(out.ok && out.overlay.markers).toEqual({ past: [OPEN, OPEN + 10 * MIN, OPEN + 20 * MIN], next: [30, 40, 50, 60, 70].map((m) => OPEN + m * MIN) });
    expect(out.ok && out.overlay.levels.length).toBe(4);
    expect(OVERLAY_MAX_LEVELS).toBe(2000);
  });

  it('a strategy error is the run\u2019s error', () => {
    const out = strategyOverlay({ onBar: () => ({ target: 'long', setup: '', reason: 'x' }) }, day(OPEN, () => undefined, 2), { market: 'us-equity', intervalMs: FIVE });
    expect(out).toMatchObject({ ok: false, error: { kind: 'strategy' } });
  });
});
