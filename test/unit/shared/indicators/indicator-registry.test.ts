import { describe, expect, it } from 'vitest';
import { allocColumns } from '../../../../shared/domain/bar-columns';
import { computeIndicator, INDICATOR_KINDS, macd, parseIndicatorSpec, sma, stochastic, vwap, type IndicatorSpec } from '../../../../shared/indicators';
import { randomBars } from './random-bars';
import { exactMismatch } from './series-match';

function spec(text: string): IndicatorSpec {
  const r = parseIndicatorSpec(text);
  if (!r.ok) throw new Error(r.message);
  return r.spec;
}

function message(text: string): string {
  const r = parseIndicatorSpec(text);
  return r.ok ? 'parsed' : r.message;
}

const bars = randomBars(600, 42);
const columns = { ...allocColumns(bars.length), high: bars.high, low: bars.low, close: bars.close, volume: bars.volume };

describe('parseIndicatorSpec', () => {
  it('parses every kind, fills defaults and gives a canonical name', () => {
    expect(spec('sma:20')).toEqual({ kind: 'sma', params: [20], output: null, name: 'sma:20' });
    expect(spec(' RSI ')).toEqual({ kind: 'rsi', params: [14], output: null, name: 'rsi:14' });
    expect(spec('macd:12,26,9')).toEqual({ kind: 'macd', params: [12, 26, 9], output: null, name: 'macd:12,26,9' });
    expect(spec('macd:5')).toMatchObject({ params: [5, 26, 9], name: 'macd:5,26,9' });
    expect(spec('bb:20,2.5')).toMatchObject({ kind: 'bb', params: [20, 2.5], output: null, name: 'bb:20,2.5' });
    expect(spec('bb:20, 2.0')).toMatchObject({ params: [20, 2], name: 'bb:20,2' });
    expect(spec('stoch:14,3,3')).toMatchObject({ kind: 'stoch', params: [14, 3, 3] });
    expect(spec('obv')).toEqual({ kind: 'obv', params: [], output: null, name: 'obv' });
    expect(spec('vwap').name).toBe('vwap');
    for (const kind of INDICATOR_KINDS) expect(spec(kind).kind).toBe(kind);
    expect([...INDICATOR_KINDS].sort()).toEqual(['adx', 'atr', 'bb', 'cmf', 'ema', 'macd', 'obv', 'rsi', 'sma', 'stoch', 'vwap', 'wma']);
  });

  it('takes an output selector on multi-output indicators', () => {
    expect(spec('macd:12,26,9.signal')).toMatchObject({ output: 'signal', name: 'macd:12,26,9' });
    expect(spec('bb:20,2.Upper')).toMatchObject({ params: [20, 2], output: 'upper' });
    expect(spec('stoch.d')).toMatchObject({ params: [14, 3, 3], output: 'd' });
  });

  it('names the bad part in its message', () => {
    expect(message('')).toBe('empty indicator spec (expected e.g. sma:20)');
    expect(message('foo:3')).toBe("'foo:3': unknown indicator 'foo' (expected one of sma, ema, wma, rsi, atr, adx, cmf, obv, vwap, macd, bb, stoch)");
    expect(message('sma:0')).toBe("'sma:0': period must be an integer from 1 to 100000, got '0'");
    expect(message('sma:2.5')).toBe("'sma:2.5': period must be an integer from 1 to 100000, got '2.5'");
    expect(message('sma:abc')).toBe("'sma:abc': period must be an integer from 1 to 100000, got 'abc'");
    expect(message('sma:100001')).toBe("'sma:100001': period must be an integer from 1 to 100000, got '100001'");
    expect(message('rsi:1')).toBe("'rsi:1': period must be an integer from 2 to 100000, got '1'");
    expect(message('sma:20,3')).toBe("'sma:20,3': sma takes at most 1 parameter (period), got 2");
    expect(message('macd:12,,9')).toBe("'macd:12,,9': slow is empty (macd:fast,slow,signal)");
    expect(message('sma:')).toBe("'sma:': period is empty (sma:period)");
    expect(message('bb:20,-1')).toBe("'bb:20,-1': k must be a number >= 0, got '-1'");
    expect(message('obv:3')).toBe("'obv:3': obv takes no parameters");
    expect(message('sma:20.upper')).toBe("'sma:20.upper': sma has a single output, no '.upper'");
    expect(message('macd.hist')).toBe("'macd.hist': unknown output 'hist' (macd has macd, signal, histogram)");
  });
});

describe('computeIndicator', () => {
  it('computes single-output specs under their canonical name', () => {
    const [s] = computeIndicator(spec('sma:20'), columns);
    expect(s!.name).toBe('sma:20');
    expect(exactMismatch(s!.values, sma(bars.close, 20))).toBeNull();
    expect(computeIndicator('RSI', columns).map((x) => x.name)).toEqual(['rsi:14']);
  });

  it('gives one series per output of a multi-output spec, or the selected one', () => {
    const all = computeIndicator('macd:12,26,9', columns);
    expect(all.map((x) => x.name)).toEqual(['macd:12,26,9.macd', 'macd:12,26,9.signal', 'macd:12,26,9.histogram']);
    expect(exactMismatch(all[1]!.values, macd(bars.close).signal)).toBeNull();
    const [d] = computeIndicator('stoch:5,3,3.d', columns);
    expect(d!.name).toBe('stoch:5,3,3.d');
    expect(exactMismatch(d!.values, stochastic(bars.high, bars.low, bars.close, 5, 3, 3).d)).toBeNull();
    expect(computeIndicator('bb', columns).map((x) => x.name)).toEqual(['bb:20,2.upper', 'bb:20,2.middle', 'bb:20,2.lower']);
  });

  it('anchors VWAP on the session keys, or on the first bar without them', () => {
    const [keyed] = computeIndicator('vwap', columns, bars.session);
    expect(exactMismatch(keyed!.values, vwap(bars.high, bars.low, bars.close, bars.volume, bars.session))).toBeNull();
    const [anchored] = computeIndicator('vwap', columns);
    expect(exactMismatch(anchored!.values, vwap(bars.high, bars.low, bars.close, bars.volume, new Float64Array(bars.length)))).toBeNull();
  });

  it('computes every kind, each series as long as the bars', () => {
    for (const kind of INDICATOR_KINDS) {
      for (const s of computeIndicator(kind, columns, bars.session)) expect(s.values).toHaveLength(bars.length);
    }
  });

  it('throws a RangeError for a bad spec string or session keys of another length', () => {
    expect(() => computeIndicator('sma:0', columns)).toThrow(RangeError);
    expect(() => computeIndicator('sma:0', columns)).toThrow("'sma:0': period must be an integer");
    expect(() => computeIndicator('vwap', columns, new Float64Array(3))).toThrow('vwap: sessionKey has 3 values but high has 600');
  });
});
