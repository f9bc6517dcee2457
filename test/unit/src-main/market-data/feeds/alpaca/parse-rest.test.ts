import { describe, expect, it } from 'vitest';
import { AlpacaParseError } from '../../../../../../src-main/market-data/feeds/alpaca/alpaca-errors';
import { parseBarsPage, parseErrorBody } from '../../../../../../src-main/market-data/feeds/alpaca/parse-rest';
import { parseRfc3339, toRfc3339 } from '../../../../../../src-main/market-data/feeds/alpaca/parse-time';
import { snapPrice } from '../../../../../../src-main/market-data/feeds/alpaca/price-grid';

const PAGE = {
  bars: [
    { t: '2022-01-03T09:00:00Z', o: 178.26, h: 178.26, l: 178.21, c: 178.21, v: 1118, n: 65, vw: 178.235733 },
    { t: '2022-01-03T09:01:00Z', o: 178.2, h: 178.2, l: 178.14, c: 178.19, v: 1079, n: 33, vw: 178.170765 },
  ],
  symbol: 'AAPL',
  next_page_token: 'QUFQTHxNfDIwMjItMDEtMDNUMDk6MDE6MDAuMDAwMDAwMDAwWg==',
};

describe('parseBarsPage', () => {
  it('reads the documented page: bars, final once closed before the cut, and the next token', () => {
    const page = parseBarsPage(PAGE, Date.UTC(2022, 0, 3, 9, 2));
    expect(page.next).toBe(PAGE.next_page_token);
    expect(page.bars).toEqual([
      { time: Date.UTC(2022, 0, 3, 9, 0), open: 178.26, high: 178.26, low: 178.21, close: 178.21, volume: 1118, trades: 65, final: true },
      { time: Date.UTC(2022, 0, 3, 9, 1), open: 178.2, high: 178.2, low: 178.14, close: 178.19, volume: 1079, trades: 33, final: true },
    ]);
    expect(parseBarsPage(PAGE, Date.UTC(2022, 0, 3, 9, 1, 59)).bars.map((b) => b.final)).toEqual([true, false]);
  });

  it('takes "bars": null and a missing token as an empty last page', () => {
    expect(parseBarsPage({ bars: null, symbol: 'ZZZ', next_page_token: null }, 0)).toEqual({ bars: [], next: null });
    expect(parseBarsPage({}, 0)).toEqual({ bars: [], next: null });
  });

  it('refuses a bad bar naming its index and field', () => {
    const bad = (patch: Record<string, unknown>): unknown => ({ bars: [PAGE.bars[0], { ...PAGE.bars[1], ...patch }] });
    const failure = (data: unknown): AlpacaParseError => {
      try {
        parseBarsPage(data, 0);
      } catch (err) {
        if (err instanceof AlpacaParseError) return err;
      }
      throw new Error('expected an AlpacaParseError');
    };
    expect(failure(bad({ o: '178.2' })).message).toBe('bar 1, field o: Invalid input: expected number, received string');
    expect(failure(bad({ h: 1 })).message).toBe('bar 1, field h: high is below open, low or close');
    expect(failure(bad({ t: '2022-01-03T09:01:30Z' })).message).toBe('bar 1, field t: 2022-01-03T09:01:30Z is not a whole UTC minute');
    expect(failure(bad({ v: -1 })).field).toBe('v');
    expect(failure({ bars: 'x' }).message).toBe('bars response, bars: Invalid input: expected array, received string');
  });

  it('reads Alpaca\'s error body, with or without a code', () => {
    expect(parseErrorBody({ code: 40010001, message: 'invalid symbol: ZZZZ' })).toEqual({ code: 40010001, message: 'invalid symbol: ZZZZ' });
    expect(parseErrorBody({ message: 'forbidden' })).toEqual({ code: null, message: 'forbidden' });
    expect(parseErrorBody('<html>')).toBeUndefined();
  });
});

describe('RFC 3339 and the price grid', () => {
  it('parses Alpaca\'s timestamps to the millisecond, offsets included, and refuses the rest', () => {
    expect(parseRfc3339('2024-01-03T14:30:00Z')).toBe(Date.UTC(2024, 0, 3, 14, 30));
    expect(parseRfc3339('2024-01-03T14:30:00.123456789Z')).toBe(Date.UTC(2024, 0, 3, 14, 30, 0, 123));
    expect(parseRfc3339('2024-01-03T09:30:00.5-05:00')).toBe(Date.UTC(2024, 0, 3, 14, 30, 0, 500));
    for (const bad of ['2024-01-03', '2024-02-30T00:00:00Z', '2024-01-03T14:30:00', '2024-01-03 14:30:00Z', '2024-01-03T25:00:00Z']) expect(parseRfc3339(bad), bad).toBeNull();
    expect(toRfc3339(Date.UTC(2024, 0, 3, 14, 30) - 1)).toBe('2024-01-03T14:29:59.999Z');
  });

  it('snaps to ten-thousandths, giving the double of the decimal', () => {
    expect(snapPrice(187.23000000000002)).toBe(187.23);
    expect(snapPrice(0.1 + 0.2)).toBe(0.3);
    expect(snapPrice(0.51234)).toBe(0.5123);
  });
});
