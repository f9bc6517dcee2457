import { describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from '../../../../../../shared/domain/interval';
import { SimMarket } from '../../../../../../src-main/market-data/feeds/sim/sim-market';

const nyClock = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hourCycle: 'h23', weekday: 'short', hour: '2-digit', minute: '2-digit' });
const ny = (t: number): string => nyClock.format(t);
const m = new SimMarket(42);

describe('sim sessions: US equities', () => {
  it('opens at 09:30 New York on a winter (EST) and a summer (EDT) day, with 390 one-minute bars', () => {
    for (const symbol of ['SPY', 'AAPL', 'QQQ', 'NVDA']) {
      const winter = m.bars(symbol, Date.UTC(2024, 0, 10), Date.UTC(2024, 0, 11));
      expect(winter[0]!.time).toBe(Date.UTC(2024, 0, 10, 14, 30));
      expect(winter.at(-1)!.time).toBe(Date.UTC(2024, 0, 10, 20, 59));
      expect(winter).toHaveLength(390);
      const summer = m.bars(symbol, Date.UTC(2024, 6, 10), Date.UTC(2024, 6, 11));
      expect(summer[0]!.time).toBe(Date.UTC(2024, 6, 10, 13, 30));
      expect(summer.at(-1)!.time).toBe(Date.UTC(2024, 6, 10, 19, 59));
      expect(summer).toHaveLength(390);
      expect(ny(summer[0]!.time)).toBe('Wed 09:30');
    }
  });

  it('trades only inside the regular session over a whole year', () => {
    const bars = m.bars('SPY', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1));
    const outside = bars.filter((b) => {
      const [wd = '', hm = ''] = ny(b.time).split(' ');
      return wd === 'Sat' || wd === 'Sun' || hm < '09:30' || hm >= '16:00';
    });
    expect(outside).toEqual([]);
    // 2024: 252 sessions, three of them 13:00 early closes (July 3, November 29, December 24).
    expect(bars).toHaveLength(249 * 390 + 3 * 210);
  });

  it('is shut on NYSE holidays and weekends', () => {
    expect(m.bars('AAPL', Date.UTC(2024, 6, 4), Date.UTC(2024, 6, 5))).toEqual([]); // Independence Day
    expect(m.bars('AAPL', Date.UTC(2024, 2, 29), Date.UTC(2024, 2, 30))).toEqual([]); // Good Friday
    expect(m.bars('AAPL', Date.UTC(2024, 6, 6), Date.UTC(2024, 6, 8))).toEqual([]); // Saturday and Sunday
    expect(m.tradesForMinute('AAPL', Date.UTC(2024, 6, 4, 15))).toEqual([]);
  });

  it('closes at 13:00 New York on an early-close day', () => {
    const bars = m.bars('QQQ', Date.UTC(2024, 6, 3), Date.UTC(2024, 6, 4));
    expect(bars).toHaveLength(210);
    expect(ny(bars.at(-1)!.time)).toBe('Wed 12:59');
  });
});

describe('sim sessions: crypto and FX', () => {
  it('trades crypto in all 1440 minutes of a day, weekends included', () => {
    for (const symbol of ['BTCUSDT', 'ETHUSDT', 'SOLUSDT']) {
      const sunday = Date.UTC(2024, 6, 7);
      const bars = m.bars(symbol, sunday, sunday + DAY_MS);
      expect(bars.map((b) => b.time)).toEqual(Array.from({ length: 1440 }, (_, i) => sunday + i * MINUTE_MS));
    }
  });

  it('trades EURUSD from Sunday 17:00 to Friday 17:00 New York and never on Saturday', () => {
    expect(m.bars('EURUSD', Date.UTC(2024, 6, 6), Date.UTC(2024, 6, 7))).toEqual([]);
    const week = m.bars('EURUSD', Date.UTC(2024, 6, 5), Date.UTC(2024, 6, 9));
    // Friday 17:00 EDT = 21:00 UTC; Sunday 17:00 EDT = 21:00 UTC.
    const fridayLast = week.filter((b) => b.time < Date.UTC(2024, 6, 6)).at(-1)!;
    expect(fridayLast.time).toBe(Date.UTC(2024, 6, 5, 20, 59));
    const sundayFirst = week.find((b) => b.time > Date.UTC(2024, 6, 6))!;
    expect(sundayFirst.time).toBe(Date.UTC(2024, 6, 7, 21));
    expect(week).toHaveLength(21 * 60 + 27 * 60);
    // In winter the roll is at 22:00 UTC.
    const winter = m.bars('EURUSD', Date.UTC(2024, 0, 12, 20), Date.UTC(2024, 0, 14, 23));
    expect(winter[0]!.time).toBe(Date.UTC(2024, 0, 12, 20));
    expect(winter.at(-1)!.time).toBe(Date.UTC(2024, 0, 14, 22, 59));
    expect(winter).toHaveLength(120 + 60);
    expect(m.bars('EURUSD', Date.UTC(2024, 0, 12, 22), Date.UTC(2024, 0, 14, 22))).toEqual([]);
  });
});
