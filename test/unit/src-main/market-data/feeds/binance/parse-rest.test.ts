import { describe, expect, it } from 'vitest';
import { bar } from '../../../../../../shared/domain/bar';
import { BinanceParseError } from '../../../../../../src-main/market-data/feeds/binance/binance-errors';
import { parseErrorBody, parseExchangeInfo, parseKlines } from '../../../../../../src-main/market-data/feeds/binance/parse-rest';

/** The example row of Binance's klines documentation. */
const DOC_ROW = [1499040000000, '0.01634790', '0.80000000', '0.01575800', '0.01577100', '148976.11427815', 1499644799999, '2434.19055334', 308, '1756.87402397', '28.46694368', '0'];
const T = 1_704_067_200_000; // 2024-01-01T00:00Z

function row(openTime: number, o: string, h: string, l: string, c: string, v = '1.00000000', trades = 3): unknown[] {
  return [openTime, o, h, l, c, v, openTime + 59_999, '0.00000000', trades, '0.00000000', '0.00000000', '0'];
}

function parseError(run: () => unknown): BinanceParseError {
  try {
    run();
  } catch (err) {
    if (err instanceof BinanceParseError) return err;
    throw err;
  }
  throw new Error('expected a BinanceParseError');
}

describe('parseKlines', () => {
  it('turns the documented row into a bar: open time, decimal strings as numbers, trades', () => {
    expect(parseKlines([DOC_ROW], 1499644800000)).toEqual([bar(1499040000000, 0.0163479, 0.8, 0.015758, 0.015771, 148976.11427815, 308, true)]);
  });

  it('converts decimal strings to the nearest double', () => {
    const [b] = parseKlines([row(T, '0.00001234', '42000.10000000', '0.00001234', '42000.10000000', '0.00000000')], T + 60_000);
    expect(b?.open).toBe(0.00001234);
    expect(b?.high).toBe(42000.1);
    expect(b?.close).toBe(42000.1);
    expect(b?.volume).toBe(0);
  });

  it('marks a bar final only once its close time is before now', () => {
    const rows = [row(T, '1.0', '2.0', '1.0', '2.0'), row(T + 60_000, '2.0', '2.0', '1.5', '1.5')];
    expect(parseKlines(rows, T + 119_999).map((b) => b.final)).toEqual([true, false]);
    expect(parseKlines(rows, T + 120_000).map((b) => b.final)).toEqual([true, true]);
  });

  it('tolerates trailing fields Binance may append', () => {
    expect(parseKlines([[...DOC_ROW, 'extra']], 0)).toHaveLength(1);
  });

  const good = (): unknown[] => row(T + 60_000, '100.5', '101.25', '99.75', '100.0');
  const cases: [string, number, unknown, string][] = [
    ['an exponent', 2, '1e5', 'high'],
    ['a sign', 1, '-1.0', 'open'],
    ['NaN', 4, 'NaN', 'close'],
    ['Infinity', 3, 'Infinity', 'low'],
    ['an empty string', 5, '', 'volume'],
    ['a leading space', 1, ' 100.5', 'open'],
    ['a bare trailing point', 1, '100.', 'open'],
    ['a bare leading point', 1, '.5', 'open'],
    ['hex', 4, '0x10', 'close'],
    ['a JSON number instead of a string', 2, 101.25, 'high'],
    ['a zero price', 1, '0.00000000', 'open'],
    ['fractional trades', 8, 1.5, 'trades'],
    ['negative trades', 8, -1, 'trades'],
    ['a string open time', 0, String(T + 60_000), 'openTime'],
    ['a negative quote volume', 7, '-0.1', 'quoteVolume'],
  ];
  it.each(cases)('rejects %s, naming the row index and field', (_what, position, value, field) => {
    const bad = good();
    bad[position] = value;
    const err = parseError(() => parseKlines([row(T, '100', '100', '100', '100'), bad], T));
    expect(err.index).toBe(1);
    expect(err.field).toBe(field);
    expect(err.message).toContain(`kline row 1, field ${field} (position ${String(position)})`);
  });

  it.each([
    ['high below close', row(T, '100', '100.5', '99', '101'), 'high'],
    ['low above open', row(T, '99', '101', '99.5', '100'), 'low'],
    ['close time before open time', [T, '1', '1', '1', '1', '1', T - 1, '1', 1, '1', '1', '0'], 'closeTime'],
  ])('rejects %s', (_what, bad, field) => {
    const err = parseError(() => parseKlines([bad], T));
    expect([err.index, err.field]).toEqual([0, field]);
  });

  it('rejects short rows, non-array rows and non-array bodies', () => {
    expect(parseError(() => parseKlines([DOC_ROW, DOC_ROW.slice(0, 11)], 0))).toMatchObject({ index: 1, message: 'kline row 1 has 11 fields, expected 12' });
    expect(parseError(() => parseKlines([{ t: 1 }], 0))).toMatchObject({ index: 0, message: 'kline row 0 is not an array' });
    expect(parseError(() => parseKlines({ code: -1121, msg: 'Invalid symbol.' }, 0)).message).toBe('klines response is not an array');
  });
});

describe('parseErrorBody', () => {
  it('reads the documented error body and nothing else', () => {
    expect(parseErrorBody({ code: -1121, msg: 'Invalid symbol.' })).toEqual({ code: -1121, msg: 'Invalid symbol.' });
    expect(parseErrorBody('<html>403 Forbidden</html>')).toBeUndefined();
    expect(parseErrorBody({ code: '-1121', msg: 'Invalid symbol.' })).toBeUndefined();
  });
});

describe('parseExchangeInfo', () => {
  const symbol = (name: string, filters: unknown[]): unknown => ({ symbol: name, status: 'TRADING', baseAsset: name.slice(0, 3), quoteAsset: 'USDT', filters });
  const price = (tickSize: string): unknown => ({ filterType: 'PRICE_FILTER', minPrice: '0.01000000', maxPrice: '1000000.00000000', tickSize });
  const lot = (stepSize: string): unknown => ({ filterType: 'LOT_SIZE', minQty: '0.00001000', maxQty: '9000.00000000', stepSize });

  it('keeps tick and step as numbers and as the exact strings sent', () => {
    const body = {
      timezone: 'UTC',
      symbols: [
        symbol('BTCUSDT', [price('0.01000000'), { filterType: 'ICEBERG_PARTS', limit: 10 }, lot('0.00001000')]),
        symbol('SHBUSDT', [lot('1.00000000'), price('0.00000001')]),
      ],
    };
    expect(parseExchangeInfo(body)).toEqual({
      symbols: [
        { symbol: 'BTCUSDT', status: 'TRADING', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: 0.01, stepSize: 0.00001, tickSizeRaw: '0.01000000', stepSizeRaw: '0.00001000' },
        { symbol: 'SHBUSDT', status: 'TRADING', baseAsset: 'SHB', quoteAsset: 'USDT', tickSize: 1e-8, stepSize: 1, tickSizeRaw: '0.00000001', stepSizeRaw: '1.00000000' },
      ],
      skipped: [],
    });
  });

  it('skips a listing it cannot read, with the reason, and keeps the rest', () => {
    const { symbols, skipped } = parseExchangeInfo({
      symbols: [
        symbol('NOLOTUSDT', [price('0.01000000')]),
        symbol('BADTICKUSDT', [price('1e-2'), lot('0.1')]),
        symbol('ZEROUSDT', [price('0.00000000'), lot('0.1')]),
        { symbol: 'HALFUSDT' },
        symbol('OKUSDT', [price('0.1'), lot('0.1')]),
      ],
    });
    expect(symbols.map((s) => s.symbol)).toEqual(['OKUSDT']);
    expect(skipped.map((s) => s.symbol)).toEqual(['NOLOTUSDT', 'BADTICKUSDT', 'ZEROUSDT', 'HALFUSDT']);
    expect(skipped[0]?.reason).toMatch(/^LOT_SIZE /);
    expect(skipped[1]?.reason).toMatch(/^PRICE_FILTER tickSize: expected a decimal string/);
    expect(skipped[2]?.reason).toBe('tickSize and stepSize must be positive');
  });

  it('throws on a body without a symbols array', () => {
    expect(() => parseExchangeInfo({ code: -1000, msg: 'x' })).toThrow(BinanceParseError);
  });
});
