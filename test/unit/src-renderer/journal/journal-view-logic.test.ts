import { describe, expect, it } from 'vitest';
import type { TradeDetail } from '../../../../shared/contract';
import { stepMonth } from '../../../../src-renderer/journal/calendar-view';
import { toTripFilter } from '../../../../src-renderer/journal/journal-filter';
import { isCaptureKey } from '../../../../src-renderer/journal/journal-hotkey';
import { draftFromDetail, formatWallTime, manualParams, newDraft, parseWallTime, type ManualDraft } from '../../../../src-renderer/journal/manual-trade-draft';
import { hourLabel } from '../../../../src-renderer/journal/stats-view';
import { replayRange } from '../../../../src-renderer/journal/trade-replay';
import { tilesPerRow, visibleRows } from '../../../../src-renderer/journal/virtual-window';

const NY = 'America/New_York';

const draft = (over: Partial<ManualDraft> = {}): ManualDraft => ({
  tripId: null,
  accountId: 'paper',
  source: 'manual',
  symbol: ' aapl ',
  multiplier: '1',
  zone: NY,
  fills: [
    { side: 'buy', qty: '10', price: '190', fee: '1', time: '2024-03-11 10:00' },
    { side: 'sell', qty: '10', price: '192.5', fee: '', time: '2024-03-11 10:30:15' },
  ],
  ...over,
});

describe('manual trade draft', () => {
  it('reads wall times in the zone: New York summer time (EDT, −4 h) and winter (EST, −5 h); a time skipped by the clocks is null', () => {
    expect(parseWallTime('2024-03-11 10:00', NY)).toBe(Date.UTC(2024, 2, 11, 14, 0));
    expect(parseWallTime('2024-01-02T09:30:05', NY)).toBe(Date.UTC(2024, 0, 2, 14, 30, 5));
    expect(parseWallTime('2024-03-10 02:30', NY)).toBeNull();
    expect(parseWallTime('2024-02-30 10:00', NY)).toBeNull();
    expect(parseWallTime('2024-03-11 24:00', 'UTC')).toBeNull();
    expect(parseWallTime('11/03/2024 10:00', 'UTC')).toBeNull();
    expect(formatWallTime(Date.UTC(2024, 2, 11, 14, 0, 7), NY)).toBe('2024-03-11 10:00:07');
    expect(formatWallTime(Date.UTC(2024, 0, 2, 14, 30), 'UTC')).toBe('2024-01-02 14:30:00');
  });

  it('turns a filled-in draft into journal.saveTrade params (symbol upper-cased, empty fee 0, times in the zone)', () => {
    expect(manualParams(draft())).toEqual({
      ok: true,
      value: {
        accountId: 'paper',
        source: 'manual',
        symbol: 'AAPL',
        multiplier: 1,
        underlying: null,
        fills: [
          { side: 'buy', qty: 10, price: 190, fee: 1, time: Date.UTC(2024, 2, 11, 14, 0) },
          { side: 'sell', qty: 10, price: 192.5, fee: 0, time: Date.UTC(2024, 2, 11, 14, 30, 15) },
        ],
      },
    });
    const edited = manualParams(draft({ tripId: 'trip-1' }));
    expect(edited.ok && edited.value.tripId).toBe('trip-1');
  });

  it('names the first bad field', () => {
    const fill = { side: 'sell' as const, qty: '10', price: '1', fee: '0', time: '2024-03-11 10:00' };
    expect(manualParams(draft({ accountId: '' }))).toEqual({ ok: false, error: 'account: choose one' });
    expect(manualParams(draft({ symbol: '  ' }))).toEqual({ ok: false, error: 'symbol: required' });
    expect(manualParams(draft({ multiplier: '0' }))).toEqual({ ok: false, error: 'multiplier: a positive number' });
    expect(manualParams(draft({ fills: [] }))).toEqual({ ok: false, error: 'fills: at least one' });
    expect(manualParams(draft({ fills: [fill, { ...fill, qty: '-1' }] }))).toEqual({ ok: false, error: 'fill 2: quantity must be a positive number' });
    expect(manualParams(draft({ fills: [{ ...fill, price: '' }] }))).toEqual({ ok: false, error: 'fill 1: price must be a positive number' });
    expect(manualParams(draft({ fills: [{ ...fill, fee: '-0.5' }] }))).toEqual({ ok: false, error: 'fill 1: fee must be zero or more' });
    expect(manualParams(draft({ fills: [{ ...fill, time: '2024-03-10 02:30' }] }))).toEqual({ ok: false, error: 'fill 1: time must be YYYY-MM-DD HH:MM[:SS] (America/New_York)' });
  });

  it('starts a new trade with a buy and a sell at this minute, and reads a manual trade back into the form', () => {
    const d = newDraft('paper', NY, Date.UTC(2024, 2, 11, 14, 7, 42, 500));
    expect(d.fills.map((f) => [f.side, f.time])).toEqual([
      ['buy', '2024-03-11 10:07:00'],
      ['sell', '2024-03-11 10:07:00'],
    ]);
    const detail = {
      trade: { id: 't1', accountId: 'paper', source: 'manual', symbol: 'AAPL', multiplier: 1 },
      zone: NY,
      executions: [{ side: 'buy', qty: 10, price: 190, fee: 1, time: Date.UTC(2024, 2, 11, 14, 0) }],
    } as unknown as TradeDetail;
    expect(draftFromDetail(detail)).toEqual({
      tripId: 't1',
      accountId: 'paper',
      source: 'manual',
      symbol: 'AAPL',
      multiplier: '1',
      zone: NY,
      fills: [{ side: 'buy', qty: '10', price: '190', fee: '1', time: '2024-03-11 10:00:00' }],
    });
  });
});

describe('journal view logic', () => {
  it('the filter bar: `to` includes its whole day, lists split on commas, empty fields do not filter', () => {
    expect(toTripFilter({ from: '2024-03-01', to: '2024-03-31', account: 'acc', symbols: 'SPY, AAPL ,', tags: '', setups: 'ORB', strategies: '', outcome: 'win' })).toEqual({
      from: Date.UTC(2024, 2, 1),
      to: Date.UTC(2024, 3, 1),
      accounts: ['acc'],
      symbols: ['SPY', 'AAPL'],
      setups: ['ORB'],
      outcomes: ['win'],
    });
    expect(toTripFilter({ from: '2024-02-30', to: '', account: '', symbols: '', tags: '', setups: '', strategies: '', outcome: '' })).toEqual({});
  });

  it('the screenshot hotkey is Alt+S alone, once per press', () => {
    const key = { altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, code: 'KeyS', repeat: false };
    expect(isCaptureKey(key)).toBe(true);
    expect(isCaptureKey({ ...key, repeat: true })).toBe(false);
    expect(isCaptureKey({ ...key, shiftKey: true })).toBe(false);
    expect(isCaptureKey({ ...key, ctrlKey: true })).toBe(false);
    expect(isCaptureKey({ ...key, altKey: false })).toBe(false);
    expect(isCaptureKey({ ...key, code: 'KeyR' })).toBe(false);
  });

  it('the calendar steps across years; hours read as ranges', () => {
    expect(stepMonth(2024, 12, 1)).toEqual({ year: 2025, month: 1 });
    expect(stepMonth(2024, 1, -1)).toEqual({ year: 2023, month: 12 });
    expect(stepMonth(2024, 3, -14)).toEqual({ year: 2023, month: 1 });
    expect(hourLabel(9)).toBe('09:00-10:00');
    expect(hourLabel(23)).toBe('23:00-00:00');
  });

  it('a windowed list of 5,000 rows draws only the rows in view and 8 either side', () => {
    expect(visibleRows(22 * 1000, 220, 22, 5_000)).toEqual({ start: 992, end: 1019, offset: 992 * 22, total: 110_000 });
    expect(visibleRows(0, 220, 22, 5_000)).toEqual({ start: 0, end: 19, offset: 0, total: 110_000 });
    // Scrolled to the bottom (total − viewport).
    expect(visibleRows(109_780, 220, 22, 5_000)).toEqual({ start: 4_982, end: 5_000, offset: 4_982 * 22, total: 110_000 });
    expect(tilesPerRow(800, 196)).toBe(4);
    expect(tilesPerRow(100, 196)).toBe(1);
  });

  it('replays a trade from 30 bars of the pane interval before its entry to 20 after its exit', () => {
    const five = 300_000;
    const trade = { openedAt: Date.UTC(2024, 2, 11, 14, 7, 30), closedAt: Date.UTC(2024, 2, 11, 14, 31) };
    expect(replayRange({ trade } as unknown as TradeDetail, five)).toEqual({ from: Date.UTC(2024, 2, 11, 14, 5) - 30 * five, to: Date.UTC(2024, 2, 11, 14, 30) + 21 * five });
  });
});
