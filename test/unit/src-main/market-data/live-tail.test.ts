import { describe, expect, it } from 'vitest';
import { barsFromColumns, lowerBound, sliceColumns } from '../../../../shared/domain/bar-columns';
import { INTERVALS, MINUTE_MS, type Interval } from '../../../../shared/domain/interval';
import { aggregate } from '../../../../shared/market/aggregate';
import { SimMarket } from '../../../../src-main/market-data/feeds/sim/sim-market';
import { joinLive, liveJoin, withLiveBars } from '../../../../src-main/market-data/live-tail';
import type { SeriesRef } from '../../../../src-main/market-data/window-read';
import { prng } from '../../../helpers/prng';

const market = new SimMarket(20_240_101);
const FROM = Date.UTC(2024, 2, 4);
const TO = Date.UTC(2024, 2, 19);

describe('live bars joined at a cut equal the bars aggregated from every minute', () => {
  for (const [symbol, kind] of [['BTCUSDT', 'crypto'], ['SPY', 'us-equity'], ['EURUSD', 'fx']] as const) {
    it(`${symbol}: every interval, at random cuts`, () => {
      const ref: SeriesRef = { source: 'sim', symbol, base: '1m', market: kind };
      const minutes = market.columns(symbol, FROM, TO);
      const random = prng(11);
      for (let k = 0; k < 40; k++) {
        const interval: Interval = INTERVALS[Math.floor(random() * INTERVALS.length)] ?? '5m';
        const cut = FROM + Math.floor((random() * (TO - FROM)) / MINUTE_MS) * MINUTE_MS;
        const asOf = TO;
        // As a read does: buckets that start inside the window.
        const inWindow = (c: typeof minutes): typeof minutes => sliceColumns(c, lowerBound(c, FROM), lowerBound(c, TO));
        const all = inWindow(aggregate(kind, interval, minutes, { baseMs: MINUTE_MS, asOf }));
        const truth = inWindow(aggregate(kind, interval, sliceColumns(minutes, 0, lowerBound(minutes, cut)), { baseMs: MINUTE_MS, asOf: cut }));
        const live = sliceColumns(minutes, lowerBound(minutes, cut), minutes.length);
        const join = liveJoin(ref, interval, truth, cut);
        const joined = withLiveBars(ref, interval, truth, join, live, FROM, TO, asOf);
        expect(barsFromColumns(joined)).toEqual(barsFromColumns(all));
        // An update of the join's bucket from the prefix and the live minutes only.
        if (interval !== '1m' && live.length > 0 && join.bucketStart >= FROM) {
          const bucket = joinLive(ref, interval, join, sliceColumns(live, 0, lowerBound(live, all.time[lowerBound(all, join.bucketStart) + 1] ?? TO)), asOf);
          expect(barsFromColumns(bucket)[0]).toEqual(barsFromColumns(all)[lowerBound(all, join.bucketStart)]);
        }
      }
    });
  }
});
