/**
 * The journal's pure core over 10,000 executions (issue 14): round trips
 * (shared/journal/round-trips.ts) and every statistic the journal shows
 * (journalStats: overall, by setup, tag and strategy, by hour and weekday in
 * each instrument's zone, by holding time, the equity curve, the daily P&L)
 * plus the Sunday-first month grid of every month covered. Target <= 50 ms.
 *
 * Data: seeded, 3 accounts × 5 instruments (AAPL, MSFT, SPY, an SPY option
 * with multiplier 100, BTCUSDT with fractional sizes in UTC), each a walk of
 * fills 1-90 minutes apart (and every eighth or so 1-3 days later) from 2024-01-02: opens, scale-ins, partial exits,
 * full exits and flips through zero, with fees.
 *
 * Peer: none. No npm package turns executions into round trips and journal
 * statistics (searched the registry list for trade journal, round trip, P&L,
 * FIFO and Tradervue/TradeNote); the open-source journals (TradeNote) keep
 * that logic inside their apps.
 */
import { buildRoundTrips } from '../shared/journal/round-trips';
import { journalStats } from '../shared/journal/journal-stats';
import { monthCalendar } from '../shared/journal/pnl-calendar';
import type { RoundTrip } from '../shared/journal/round-trips';
import { executionSchema, type Execution } from '../shared/trading/execution';
import { prng } from './support/prng';
import { progress, report } from './support/result';
import { fmt, median, msSince, timeRuns } from './support/stats';

const EXECUTIONS = 10_000;
const TARGET_MS = 50;
const SEED = 14;
const START = Date.UTC(2024, 0, 2, 14, 30);

interface Instrument {
  readonly symbol: string;
  readonly multiplier: number;
  readonly underlying: string | null;
  readonly price: number;
  /** Size of one lot and the places it is written with. */
  readonly lot: number;
  readonly places: number;
}

const INSTRUMENTS: readonly Instrument[] = [
  { symbol: 'AAPL', multiplier: 1, underlying: null, price: 185, lot: 100, places: 0 },
  { symbol: 'MSFT', multiplier: 1, underlying: null, price: 375, lot: 50, places: 0 },
  { symbol: 'SPY', multiplier: 1, underlying: null, price: 470, lot: 100, places: 0 },
  { symbol: 'SPY240621C00480000', multiplier: 100, underlying: 'SPY', price: 12, lot: 5, places: 0 },
  { symbol: 'BTCUSDT', multiplier: 1, underlying: null, price: 43000, lot: 0.5, places: 3 },
];
const ACCOUNTS = ['paper-main', 'paper-options', 'imported'];

function generate(): Execution[] {
  const rnd = prng(SEED);
  const round = (x: number, places: number): number => Number(x.toFixed(places));
  const streams = ACCOUNTS.flatMap((accountId) => INSTRUMENTS.map((instrument) => ({ accountId, instrument, time: START, price: instrument.price, position: 0 })));
  const out: Execution[] = [];
  for (let n = 0; n < EXECUTIONS; n++) {
    const s = streams[Math.floor(rnd() * streams.length)];
    if (s === undefined) throw new Error('no stream');
    const { instrument } = s;
    // Minutes apart within a day, and now and then the next day or a few later.
    s.time += rnd() < 0.12 ? Math.floor(1 + rnd() * 3) * 86_400_000 : Math.floor(1 + rnd() * 90) * 60_000 + Math.floor(rnd() * 60) * 1000;
    s.price = Math.max(instrument.price * 0.2, round(s.price * (1 + (rnd() - 0.5) * 0.01), 2));
    const size = round(instrument.lot * (1 + Math.floor(rnd() * 4)) * (instrument.places > 0 ? rnd() + 0.1 : 1), instrument.places) || instrument.lot;
    const held = Math.abs(s.position);
    const dir = Math.sign(s.position);
    const action = rnd();
    let signed: number;
    if (held === 0) signed = rnd() < 0.6 ? size : -size;
    else if (action < 0.3) signed = dir * size; // scale in
    else if (action < 0.65) signed = -dir * Math.min(held, round(held / 2, instrument.places) || held); // partial exit
    else if (action < 0.9) signed = -dir * held; // close
    else signed = -dir * round(held + size, instrument.places); // flip through zero
    s.position = round(s.position + signed, instrument.places);
    const qty = Math.abs(signed);
    out.push(
      executionSchema.parse({
        id: `ex-${String(n).padStart(5, '0')}`,
        orderId: `ord-${String(n).padStart(5, '0')}`,
        accountId: s.accountId,
        source: 'sim',
        symbol: instrument.symbol,
        side: signed > 0 ? 'buy' : 'sell',
        qty,
        price: s.price,
        fee: instrument.multiplier === 100 ? round(0.65 * qty, 2) : round(Math.max(1, 0.005 * qty), 2),
        multiplier: instrument.multiplier,
        underlying: instrument.underlying,
        underlyingPrice: null,
        time: s.time,
        origin: 'paper',
      }),
    );
  }
  return out;
}

const SETUPS = ['orb', 'vwap-reclaim', 'pullback', 'breakout', 'fade'];
const TAGS = ['a+', 'fomo', 'early', 'late', 'sized-up', 'news', 'revenge'];
const hash = (id: string): number => {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return h >>> 0;
};
const zoneOf = (t: RoundTrip): string => (t.symbol === 'BTCUSDT' ? 'UTC' : 'America/New_York');
const groups = {
  setup: (t: RoundTrip) => [SETUPS[hash(t.id) % SETUPS.length] ?? 'none'],
  tag: (t: RoundTrip) => [TAGS[hash(t.id) % TAGS.length] ?? 'none', TAGS[(hash(t.id) >>> 3) % TAGS.length] ?? 'none'],
  strategy: (t: RoundTrip) => [t.accountId === 'paper-main' ? 'orb-15' : 'manual'],
};

function months(trips: readonly RoundTrip[]): [number, number][] {
  const first = new Date(trips[0]?.openedAt ?? START);
  const last = new Date(Math.max(...trips.map((t) => t.closedAt ?? t.openedAt)));
  const out: [number, number][] = [];
  for (let y = first.getUTCFullYear(), m = first.getUTCMonth() + 1; y < last.getUTCFullYear() || (y === last.getUTCFullYear() && m <= last.getUTCMonth() + 1); m === 12 ? ((m = 1), y++) : m++) {
    out.push([y, m]);
  }
  return out;
}

const executions = generate();
let sink = 0;
let tripCount = 0;
let monthCount = 0;

function all(): void {
  const trips = buildRoundTrips(executions, { riskOf: (k) => (hash(k.tripId) % 3 === 0 ? undefined : { riskAmount: 100 + (hash(k.tripId) % 400) }) });
  const stats = journalStats(trips, { zoneOf, calendarZone: 'America/New_York', groups });
  const grids = months(trips).map(([y, m]) => monthCalendar(stats.daily, y, m));
  tripCount = trips.length;
  monthCount = grids.length;
  sink += stats.overall.totalNet + grids.length + (stats.equity.at(-1)?.equity ?? 0);
}

// The first call in a fresh process: the zone clocks' hour caches are empty.
const coldStart = process.hrtime.bigint();
all();
const cold = msSince(coldStart);

let tripsOnly = 0;
const tripRuns = timeRuns(10, 21, () => {
  tripsOnly += buildRoundTrips(executions).length;
});
const runs = timeRuns(10, 21, all);
const ms = median(runs);
const trips = buildRoundTrips(executions);
const flips = trips.filter((t, i) => i > 0 && t.executionIds[0] === trips[i - 1]?.executionIds.at(-1)).length;
const scaled = trips.filter((t) => t.entryQty > t.maxQty || t.executionIds.length > 2).length;
progress(`${String(tripCount)} trips (${String(trips.filter((t) => t.open).length)} open, ≥${String(flips)} from flips, ${String(scaled)} with scale-ins or partial exits), ${String(monthCount)} month grids`);
progress(`all: ${runs.map((x) => fmt(x, 1)).join(' ')} ms; round trips alone: ${fmt(median(tripRuns), 1)} ms; cold first call ${fmt(cold, 1)} ms`);

report({
  name: 'journal-stats',
  what:
    `Round trips from ${String(EXECUTIONS)} seeded executions (3 accounts × AAPL, MSFT, SPY, an SPY option, BTCUSDT; scale-ins, partial exits, flips) ` +
    'plus full journal statistics (overall, by setup/tag/strategy, hour and weekday in each instrument’s zone, holding time, equity curve, daily P&L) and every month grid',
  measured: `${fmt(ms, 1)} ms`,
  target: `<= ${String(TARGET_MS)} ms`,
  pass: ms <= TARGET_MS,
  notes:
    `median of ${String(runs.length)} runs after 10 warm-up (${fmt(Math.min(...runs), 1)}–${fmt(Math.max(...runs), 1)} ms); ${String(tripCount)} trips, ${String(monthCount)} months; ` +
    `round trips alone ${fmt(median(tripRuns), 1)} ms; first call in a fresh process (empty time-zone caches) ${fmt(cold, 1)} ms; ` +
    'no npm peer exists (no package derives round trips and journal statistics from executions)' +
    (sink === 0 && tripsOnly === 0 ? '' : ''),
});
