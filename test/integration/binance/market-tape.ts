import type { FakeKline } from './fake/rest-truth';
import { prng } from '../../helpers/prng';

/** One trade as Binance sends it: decimal strings, ms times. */
export interface TapeTrade {
  readonly id: number;
  readonly time: number;
  readonly price: string;
  readonly qty: string;
}

/** Integer hundredths / hundred-thousandths → Binance decimal strings, so the truth is exact. */
const price = (cents: number): string => `${String(Math.floor(cents / 100))}.${String(cents % 100).padStart(2, '0')}`;
const qty = (units: number): string => `${String(Math.floor(units / 100_000))}.${String(units % 100_000).padStart(5, '0')}`;

/**
 * A scripted market: `minutes` minutes of BTCUSDT trades from `start`, and the
 * venue's own 1m klines for them (what REST and the kline stream report),
 * computed exactly in integers.
 */
export function scriptTape(start: number, minutes: number, seed: number): { trades: TapeTrade[]; kline: (openTime: number, upTo: number) => FakeKline | undefined } {
  const r = prng(seed);
  const trades: TapeTrade[] = [];
  const perMinute = new Map<number, { cents: number; units: number; time: number }[]>();
  let cents = 4_200_000;
  let id = 1_000;
  for (let m = 0; m < minutes; m++) {
    const open = start + m * 60_000;
    const n = 2 + Math.floor(r() * 7);
    const times = Array.from({ length: n }, () => open + Math.floor(r() * 59_900)).sort((a, b) => a - b);
    const rows: { cents: number; units: number; time: number }[] = [];
    for (const time of times) {
      cents += Math.round((r() - 0.5) * 400);
      const units = 100 + Math.floor(r() * 9_900);
      rows.push({ cents, units, time });
      trades.push({ id: id++, time, price: price(cents), qty: qty(units) });
    }
    perMinute.set(open, rows);
  }
  return {
    trades,
    /** The venue's kline for `openTime` as known at `upTo` (the forming one holds the trades so far). */
    kline: (openTime, upTo) => {
      const rows = (perMinute.get(openTime) ?? []).filter((x) => x.time <= upTo);
      const first = rows[0];
      const last = rows[rows.length - 1];
      if (first === undefined || last === undefined) return undefined;
      return {
        open: price(first.cents),
        high: price(Math.max(...rows.map((x) => x.cents))),
        low: price(Math.min(...rows.map((x) => x.cents))),
        close: price(last.cents),
        volume: qty(rows.reduce((s, x) => s + x.units, 0)),
        trades: rows.length,
      };
    },
  };
}
