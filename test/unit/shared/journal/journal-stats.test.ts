import { describe, expect, it } from 'vitest';
import { equityCurve } from '../../../../shared/journal/equity-curve';
import { statsByHoldingTime, statsByHour, statsByKey, statsByWeekday } from '../../../../shared/journal/group-stats';
import { journalStats } from '../../../../shared/journal/journal-stats';
import type { RoundTrip } from '../../../../shared/journal/round-trips';
import { tradeStats } from '../../../../shared/journal/trade-stats';
import { closedTrip } from './journal-fixtures';

const H = 3_600_000;
const DAY0 = Date.UTC(2024, 0, 2, 15);

/**
 * Ten closed trips, nets in close order: +100 +50 −40 +200 +30 0 +120 −60 −20 −80
 * (W W L W W B W L L L), each with a fee of 2, R on eight of them, plus one
 * open trip that statistics must ignore. Given out of order.
 */
const NETS: readonly [number, number | null][] = [
  [100, 1],
  [50, 0.5],
  [-40, -0.4],
  [200, 2],
  [30, null],
  [0, 0],
  [120, 1.2],
  [-60, -0.6],
  [-20, -0.2],
  [-80, null],
];
const TRIPS: RoundTrip[] = NETS.map(([net, r], i) => closedTrip({ id: `t${String(i).padStart(2, '0')}`, net, r, fees: 2, openedAt: DAY0 + i * 24 * H, closedAt: DAY0 + i * 24 * H + (i + 1) * 60_000 }));
const OPEN: RoundTrip = { ...closedTrip({ id: 'open', net: -5, openedAt: DAY0, closedAt: DAY0 }), open: true, closedAt: null, durationMs: null };
const SHUFFLED = [TRIPS[7]!, TRIPS[2]!, OPEN, TRIPS[9]!, TRIPS[0]!, TRIPS[5]!, TRIPS[3]!, TRIPS[8]!, TRIPS[1]!, TRIPS[6]!, TRIPS[4]!];

describe('tradeStats', () => {
  it('is exact on a fixed set of ten trips (hand-computed)', () => {
    expect(tradeStats(SHUFFLED)).toEqual({
      trades: 10,
      wins: 5,
      losses: 4,
      breakeven: 1,
      winRatePct: 50,
      avgWin: 100,
      avgLoss: -50,
      expectancy: 30,
      profitFactor: 2.5,
      rTrades: 8,
      avgR: 0.4375,
      expectancyR: 0.4375,
      totalNet: 300,
      totalGross: 320,
      totalFees: 20,
      grossProfit: 500,
      grossLoss: -200,
      largestWin: 200,
      largestLoss: -80,
      maxConsecutiveWins: 2,
      maxConsecutiveLosses: 3,
      avgDurationMs: 330_000,
    });
  });

  it('profit factor: Infinity without losers, null with nothing won or lost; empty is all null', () => {
    expect(tradeStats([TRIPS[0]!, TRIPS[5]!]).profitFactor).toBe(Number.POSITIVE_INFINITY);
    expect(tradeStats([TRIPS[5]!]).profitFactor).toBeNull();
    expect(tradeStats([TRIPS[2]!]).profitFactor).toBe(0);
    const none = tradeStats([OPEN]);
    expect([none.trades, none.winRatePct, none.expectancy, none.avgR, none.largestWin, none.maxConsecutiveLosses]).toEqual([0, null, null, null, null, 0]);
  });

  it('repeating decimals are cleaned to 12 significant digits', () => {
    const s = tradeStats([TRIPS[0]!, TRIPS[1]!, TRIPS[2]!]);
    expect([s.expectancy, s.winRatePct, s.profitFactor]).toEqual([36.6666666667, 66.6666666667, 3.75]);
  });
});

describe('breakdowns', () => {
  it('by key: a trip with several tags counts in each; keys sorted; untagged trips in none', () => {
    const tags: Record<string, string[]> = { t00: ['orb', 'a+'], t01: ['orb'], t02: ['orb', 'orb'], t03: ['a+'] };
    const groups = statsByKey(TRIPS, (t) => tags[t.id] ?? []);
    expect(groups.map((g) => [g.key, g.stats.trades, g.stats.totalNet, g.stats.winRatePct])).toEqual([
      ['a+', 2, 300, 100],
      ['orb', 3, 110, 66.6666666667],
    ]);
  });

  it('by hour and weekday of entry in each instrument’s zone, across the March DST change', () => {
    // 10:00 New York on Fri 2024-03-08 (EST, 15:00Z) and Mon 2024-03-11 (EDT, 14:00Z); BTCUSDT at 15:00Z Monday (UTC);
    // 23:30 New York Sat 2024-03-09 is 04:30Z on Sunday.
    const trips = [
      closedTrip({ id: 'ny-fri', net: 10, openedAt: Date.UTC(2024, 2, 8, 15), closedAt: Date.UTC(2024, 2, 8, 15, 5) }),
      closedTrip({ id: 'ny-mon', net: -4, openedAt: Date.UTC(2024, 2, 11, 14), closedAt: Date.UTC(2024, 2, 11, 14, 5) }),
      closedTrip({ id: 'btc', net: 7, symbol: 'BTCUSDT', openedAt: Date.UTC(2024, 2, 11, 15), closedAt: Date.UTC(2024, 2, 11, 15, 5) }),
      closedTrip({ id: 'ny-sat', net: 1, openedAt: Date.UTC(2024, 2, 10, 4, 30), closedAt: Date.UTC(2024, 2, 10, 4, 31) }),
    ];
    const zoneOf = (t: RoundTrip): string => (t.symbol === 'BTCUSDT' ? 'UTC' : 'America/New_York');
    const hours = statsByHour(trips, zoneOf);
    expect(hours).toHaveLength(24);
    expect(hours.filter((h) => h.stats.trades > 0).map((h) => [h.key, h.stats.trades, h.stats.totalNet])).toEqual([
      [10, 2, 6],
      [15, 1, 7],
      [23, 1, 1],
    ]);
    const days = statsByWeekday(trips, zoneOf);
    expect(days.map((d) => d.stats.trades)).toEqual([0, 2, 0, 0, 0, 1, 1]);
  });

  it('by hour across the November change too (01:30 New York twice)', () => {
    const trips = [
      closedTrip({ id: 'edt', net: 1, openedAt: Date.UTC(2024, 10, 3, 5, 30), closedAt: Date.UTC(2024, 10, 3, 5, 31) }),
      closedTrip({ id: 'est', net: 1, openedAt: Date.UTC(2024, 10, 3, 6, 30), closedAt: Date.UTC(2024, 10, 3, 6, 31) }),
      closedTrip({ id: 'after', net: 1, openedAt: Date.UTC(2024, 10, 3, 7, 30), closedAt: Date.UTC(2024, 10, 3, 7, 31) }),
    ];
    const hours = statsByHour(trips, () => 'America/New_York');
    expect(hours.filter((h) => h.stats.trades > 0).map((h) => [h.key, h.stats.trades])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });

  it('by holding time: bucket bounds, and a trip held overnight is multi-day', () => {
    const at = Date.UTC(2024, 2, 11, 14);
    const held = [30_000, 60_000, 4 * 60_000, 5 * 60_000, 15 * 60_000, 59 * 60_000, 60 * 60_000, 4 * H, 5 * H];
    const trips = held.map((ms, i) => closedTrip({ id: `h${String(i)}`, net: 1, openedAt: at, closedAt: at + ms }));
    // 15:50 New York Monday to 09:35 Tuesday: 17 h 45 min, but across a New York date.
    trips.push(closedTrip({ id: 'overnight', net: -3, openedAt: Date.UTC(2024, 2, 11, 19, 50), closedAt: Date.UTC(2024, 2, 12, 13, 35) }));
    // 21:00 to 23:00 New York: 01:00Z and 03:00Z of the next UTC date, same New York date.
    trips.push(closedTrip({ id: 'evening', net: 2, openedAt: Date.UTC(2024, 2, 12, 1), closedAt: Date.UTC(2024, 2, 12, 3) }));
    const buckets = statsByHoldingTime(trips, () => 'America/New_York');
    expect(buckets.map((b) => [b.key, b.stats.trades, b.stats.totalNet])).toEqual([
      ['<1m', 1, 1],
      ['1-5m', 2, 2],
      ['5-15m', 1, 1],
      ['15-60m', 2, 2],
      ['1-4h', 2, 3],
      ['>4h', 2, 2],
      ['multi-day', 1, -3],
    ]);
  });
});

describe('equity curve and journalStats', () => {
  it('cumulative net by close time', () => {
    expect(equityCurve(SHUFFLED).map((p) => [p.tripId, p.equity])).toEqual([
      ['t00', 100],
      ['t01', 150],
      ['t02', 110],
      ['t03', 310],
      ['t04', 340],
      ['t05', 340],
      ['t06', 460],
      ['t07', 400],
      ['t08', 380],
      ['t09', 300],
    ]);
  });

  it('journalStats puts the pieces together', () => {
    const s = journalStats(SHUFFLED, { zoneOf: () => 'America/New_York', calendarZone: 'America/New_York', groups: { setup: (t) => [t.netPnl > 0 ? 'winner-setup' : 'other'] } });
    expect(s.overall.totalNet).toBe(300);
    expect(s.byGroup['setup']?.map((g) => [g.key, g.stats.trades])).toEqual([
      ['other', 5],
      ['winner-setup', 5],
    ]);
    expect(s.byHour.map((h) => h.stats.trades).reduce((a, b) => a + b)).toBe(10);
    expect(s.byHour[10]?.stats.trades).toBe(10);
    expect(s.byWeekday.map((d) => d.stats.trades)).toEqual([1, 1, 2, 2, 2, 1, 1]); // 2024-01-02 is a Tuesday
    expect(s.equity.at(-1)?.equity).toBe(300);
    expect(s.daily.map((d) => d.date)).toEqual(['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06', '2024-01-07', '2024-01-08', '2024-01-09', '2024-01-10', '2024-01-11']);
  });
});
