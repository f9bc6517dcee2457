import { describe, expect, it } from 'vitest';
import {
  adxDetail,
  atr,
  bollinger,
  cmf,
  CmfStream,
  ema,
  macd,
  obv,
  rsi,
  sma,
  SmaStream,
  stochastic,
  vwap,
  VwapStream,
  wma,
} from '../../../../shared/indicators';

const NaN_ = Number.NaN;
const list = (a: Float64Array): number[] => Array.from(a);

describe('indicators on small hand-computed series (exact values)', () => {
  it('SMA(3) of 1..5 is [NaN, NaN, 2, 3, 4]; period 1 is the input', () => {
    expect(list(sma([1, 2, 3, 4, 5], 3))).toEqual([NaN_, NaN_, 2, 3, 4]);
    expect(list(sma([1, 2, 3], 1))).toEqual([1, 2, 3]);
    expect(list(sma([1, 2], 3))).toEqual([NaN_, NaN_]);
    expect(list(sma([], 3))).toEqual([]);
  });

  it('SmaStream gives the same, and `value` is the latest', () => {
    const s = new SmaStream(3);
    expect([1, 2, 3, 4, 5].map((x) => s.update(x))).toEqual([NaN_, NaN_, 2, 3, 4]);
    expect(s.value).toBe(4);
  });

  it('EMA(3) is seeded with the SMA of the first 3 values, then k = 0.5', () => {
    // seed (1+2+3)/3 = 2 at bar 2; then (4−2)·0.5+2 = 3, (5−3)·0.5+3 = 4, (10−4)·0.5+4 = 7
    expect(list(ema([1, 2, 3, 4, 5, 10], 3))).toEqual([NaN_, NaN_, 2, 3, 4, 7]);
  });

  it('WMA(3) weights 1, 2, 3 over 6', () => {
    expect(list(wma([1, 2, 3, 4], 3))).toEqual([NaN_, NaN_, 14 / 6, 20 / 6]);
  });

  it("RSI(2): Wilder's averages of gains and losses; a flat series is 0", () => {
    // changes +1 +1 −1 −1 +2: gain/loss 1/0 → 100; 0.5/0.5 → 50; 0.25/0.75 → 25; 1.125/0.375 → 75
    expect(list(rsi([1, 2, 3, 2, 1, 3], 2))).toEqual([NaN_, NaN_, 100, 50, 25, 75]);
    expect(list(rsi([5, 5, 5, 5], 2))).toEqual([NaN_, NaN_, 0, 0]);
  });

  it('ATR(2): no TR at bar 0, seed = mean of TR[1..2], then Wilder', () => {
    const high = [10, 11, 12, 11];
    const low = [8, 9, 10, 8];
    const close = [9, 10, 11, 9];
    // TR: bar1 max(2, |9−11|, |9−9|) = 2; bar2 2; bar3 max(3, 0, |11−8|) = 3 → ATR 2, (2·1+3)/2 = 2.5
    expect(list(atr(high, low, close, 2))).toEqual([NaN_, NaN_, 2, 2.5]);
  });

  it('MACD aligns the fast EMA with the slow one: fast seeded on closes [slow−fast, slow−1]', () => {
    const close = [10, 0, 0, 0];
    const m = macd(close, 2, 3, 1);
    // slow EMA(3) seed at bar 2 = 10/3; fast EMA(2) seed at bar 2 = mean(0, 0) = 0 (a standalone
    // EMA(2) would be 5 at bar 1 and 5/3 at bar 2); lookback (3−1)+(1−1) = 2
    expect(m.macd[1]).toBeNaN();
    expect(m.macd[2]).toBe(0 - 10 / 3);
    expect(m.signal[2]).toBe(0 - 10 / 3);
    expect(m.histogram[2]).toBe(0);
    // bar 3: slow (0 − 10/3)·0.5 + 10/3, fast 0
    expect(m.macd[3]).toBe(0 - ((0 - 10 / 3) * 0.5 + 10 / 3));
  });

  it('MACD(12,26,9) starts all three outputs at bar 33', () => {
    const close = Array.from({ length: 40 }, (_, i) => 100 + i);
    const m = macd(close);
    for (const s of [m.macd, m.signal, m.histogram]) {
      expect(s[32]).toBeNaN();
      expect(s[33]).not.toBeNaN();
    }
  });

  it('Bollinger(5, 2) of 1..5: middle 3, population σ = √2', () => {
    const b = bollinger([1, 2, 3, 4, 5], 5, 2);
    expect(b.middle[4]).toBe(3);
    expect(b.upper[4]).toBe(3 + Math.sqrt(2) * 2);
    expect(b.lower[4]).toBe(3 - Math.sqrt(2) * 2);
    expect(b.upper[3]).toBeNaN();
  });

  it('Stochastic(3,1,2): %K over the 3-bar range, %D its 2-bar mean; a flat range gives 0', () => {
    const s = stochastic([60, 80, 100, 90], [50, 50, 50, 60], [55, 75, 75, 70], 3, 1, 2);
    // bar 2: (75−50)/((100−50)/100) = 50; bar 3: (70−50)/0.5 = 40; lookback 2+0+1 = 3
    expect(list(s.k)).toEqual([NaN_, NaN_, NaN_, 40]);
    expect(list(s.d)).toEqual([NaN_, NaN_, NaN_, 45]);
    const flat = stochastic([5, 5, 5], [5, 5, 5], [5, 5, 5], 2, 1, 1);
    expect(list(flat.k)).toEqual([NaN_, 0, 0]);
  });

  it('ADX(2) of a steady climb: +DI 50, −DI 0, ADX 100 from bar 3', () => {
    const high = [2, 3, 4, 5, 6];
    const low = [0, 1, 2, 3, 4];
    const close = [1, 2, 3, 4, 5];
    // +DM 1, TR 2 each bar: sums (1, 2) at bar 1, then (1 − 0.5 + 1, 2 − 1 + 2) = (1.5, 3): +DI 50
    const a = adxDetail(high, low, close, 2);
    expect(list(a.adx)).toEqual([NaN_, NaN_, NaN_, 100, 100]);
    expect(list(a.plusDi)).toEqual([NaN_, NaN_, 50, 50, 50]);
    expect(list(a.minusDi)).toEqual([NaN_, NaN_, 0, 0, 0]);
  });

  it('ADX of a flat series is 0 (no true range: no DX, TA-Lib divides the empty sum by n)', () => {
    const flat = [7, 7, 7, 7, 7, 7];
    const a = adxDetail(flat, flat, flat, 2);
    expect(list(a.adx)).toEqual([NaN_, NaN_, NaN_, 0, 0, 0]);
    expect(list(a.plusDi)).toEqual([NaN_, NaN_, 0, 0, 0, 0]);
  });

  it('OBV starts at the first volume (TA-Lib), then adds on up closes and subtracts on down closes', () => {
    expect(list(obv([10, 11, 11, 9], [100, 200, 300, 400]))).toEqual([100, 300, 300, -100]);
  });

  it('VWAP restarts when the session key changes; NaN until the session has volume', () => {
    const high = [12, 15, 21, 3, 6];
    const low = [9, 12, 18, 3, 3];
    const close = [9, 12, 21, 3, 3];
    const volume = [100, 300, 50, 0, 10];
    const session = [1, 1, 2, 3, 3];
    // tp 10, 13 → 10, (1000 + 3900)/400 = 12.25; session 2: tp 20; session 3: no volume yet, then tp 4
    expect(list(vwap(high, low, close, volume, session))).toEqual([10, 12.25, 20, NaN_, 4]);
    const s = new VwapStream();
    expect(high.map((_, i) => s.update(high[i]!, low[i]!, close[i]!, volume[i]!, session[i]!))).toEqual([10, 12.25, 20, NaN_, 4]);
    expect(s.value).toBe(4);
  });

  it('CMF(2): a zero-range bar adds no money flow but its volume; an all-zero-volume window is 0', () => {
    const high = [10, 9, 12, 11, 11];
    const low = [8, 9, 10, 10, 10];
    const close = [9.5, 9, 10, 11, 11];
    const volume = [100, 300, 200, 0, 0];
    // MFV: ((1.5)−(0.5))/2·100 = 50; 0 (high = low); ((0)−(2))/2·200 = −200; 0; 0
    // CMF: (50+0)/400, (0−200)/500, (−200+0)/200, 0 (no volume in the window)
    expect(list(cmf(high, low, close, volume, 2))).toEqual([NaN_, 0.125, -0.4, -1, 0]);
    const s = new CmfStream(2);
    expect(high.map((_, i) => s.update(high[i]!, low[i]!, close[i]!, volume[i]!))).toEqual([NaN_, 0.125, -0.4, -1, 0]);
  });
});
