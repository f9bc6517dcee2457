import type { Bar } from '../../../../shared/domain/bar';
import { allocColumns, concatColumns, copyRow, EMPTY_COLUMNS, lowerBound, sliceColumns, type BarColumns } from '../../../../shared/domain/bar-columns';
import { DAY_MS, MINUTE_MS } from '../../../../shared/domain/interval';
import type { Trade } from '../../../../shared/domain/trade';
import { sessionAt, sessionsBetween, type Session } from '../../../../shared/market/sessions';
import { DailyAnchors } from './daily-anchors';
import { buildDayPath, type DayPath } from './day-path';
import { MAX_PRINTS_PER_MINUTE, MinuteTape } from './minute-tape';
import { seed32 } from '../../../../shared/random/seeded-random';
import { ceilMinute, floorMinute, inSimRange, SIM_END_DATE, SIM_EPOCH_MS, SIM_FIRST_DATE, sessionOnDate } from './sim-calendar';
import { SessionColumnsCache } from './session-columns-cache';
import { SIM_INSTRUMENTS, type SimInstrument } from './sim-symbols';

export interface Quote {
  readonly bid: number;
  readonly ask: number;
}

interface SymbolState {
  readonly spec: SimInstrument;
  readonly anchors: DailyAnchors;
  readonly tape: MinuteTape;
  /** Recently built day paths by session date, least recently used first. */
  readonly days: Map<number, DayPath>;
}

/** Day paths kept per symbol (a live minute and a few charts' worth of recent days). */
const DAY_CACHE_SIZE = 8;
/** Instants outside these bounds hold no sessions of the simulated market. */
const RANGE_START = (SIM_FIRST_DATE - 2) * DAY_MS;
const RANGE_END = (SIM_END_DATE + 1) * DAY_MS;

/** Rows of session `s` (minute indexes from its open) with open time in [lo, hi). */
function rowsOf(s: Session, lo: number, hi: number): { first: number; count: number } {
  const n = Math.round((s.close - s.open) / MINUTE_MS);
  const first = Math.min(n, Math.max(0, Math.ceil((lo - s.open) / MINUTE_MS)));
  const end = Math.min(n, Math.max(0, Math.ceil((hi - s.open) / MINUTE_MS)));
  return { first, count: Math.max(0, end - first) };
}

/**
 * A deterministic market with random access to its whole history. Three
 * layers, each from its own seeded stream: a daily anchor path per symbol
 * (daily-anchors.ts), a minute path per session bridged to the anchors
 * (day-path.ts), and the prints of each minute (minute-tape.ts). A 1m bar is
 * by definition the aggregate of its minute's prints, so history and a live
 * chart built from trades agree exactly, and any range is the same bars
 * however it is cut. Pure: no clock, no I/O; the seed decides everything.
 */
export class SimMarket {
  private readonly root: number;
  private readonly states = new Map<string, SymbolState>();
  private readonly sessionCache: SessionColumnsCache;

  constructor(
    seed: number,
    private readonly specs: readonly SimInstrument[] = SIM_INSTRUMENTS,
    /** Generated bars kept (SESSION_CACHE_BARS by default; the event loop's copy keeps fewer: large reads run in workers). */
    cacheBars?: number,
  ) {
    this.root = seed32(seed);
    this.sessionCache = new SessionColumnsCache(cacheBars);
  }

  instruments(): readonly SimInstrument[] {
    return this.specs;
  }

  /** Every final 1m bar of `symbol` with open time in [from, to), oldest first (only minutes its market is open). */
  bars(symbol: string, from: number, to: number): Bar[] {
    const st = this.state(symbol);
    const out: Bar[] = [];
    const lo = Math.max(from, RANGE_START);
    const hi = Math.min(to, RANGE_END);
    if (!(hi > lo)) return out;
    for (const s of sessionsBetween(st.spec.market, lo, hi)) {
      if (!inSimRange(s)) continue;
      const first = Math.max(s.open, ceilMinute(lo));
      const end = Math.min(s.close, hi);
      if (first >= end) continue;
      const day = this.day(st, s);
      for (let t = first; t < end; t += MINUTE_MS) {
        st.tape.generate(day, (t - s.open) / MINUTE_MS);
        out.push(st.tape.toBar());
      }
    }
    return out;
  }

  /**
   * The same bars as `bars`, as columns: each session is generated whole once
   * and kept in a bounded cache, and [from, to) is cut from it. Sessions after
   * the caller's clock are never asked for (the feed cuts at its forming minute).
   */
  columns(symbol: string, from: number, to: number): BarColumns {
    const st = this.state(symbol);
    const lo = Math.max(from, RANGE_START);
    const hi = Math.min(to, RANGE_END);
    if (!(hi > lo)) return EMPTY_COLUMNS;
    const sessions = sessionsBetween(st.spec.market, lo, hi).filter((s) => inSimRange(s));
    const total = sessions.reduce((n, s) => n + rowsOf(s, lo, hi).count, 0);
    if (total > this.sessionCache.capacity) return this.generateInto(st, sessions, lo, hi, total);
    const parts: BarColumns[] = [];
    for (const s of sessions) {
      const whole = this.sessionColumns(st, s);
      parts.push(sliceColumns(whole, lowerBound(whole, lo), lowerBound(whole, hi)));
    }
    return parts.length === 1 ? (parts[0] ?? EMPTY_COLUMNS) : concatColumns(parts);
  }

  /**
   * A read larger than the session cache: the cache could not keep it, and
   * filling it would only evict every session a chart re-reads. Sessions
   * already held are copied, the others generated straight into the result,
   * so the read allocates its columns once instead of one set per session.
   */
  private generateInto(st: SymbolState, sessions: readonly Session[], lo: number, hi: number, total: number): BarColumns {
    const out = allocColumns(total);
    let k = 0;
    for (const s of sessions) {
      const { first, count } = rowsOf(s, lo, hi);
      const cached = this.sessionCache.get(this.sessionKey(st, s));
      if (cached !== undefined) {
        for (let m = first; m < first + count; m++) copyRow(out, k++, cached, m);
        continue;
      }
      const day = this.day(st, s);
      for (let m = first; m < first + count; m++) {
        st.tape.generate(day, m);
        st.tape.writeBar(out, k++);
      }
    }
    return out;
  }

  /**
   * Generates (into the cache) the sessions of [from, to) not yet held, one
   * per call of `yieldTurn`, so a read that follows finds them all and no
   * single task generates more than one session.
   */
  async warm(symbol: string, from: number, to: number, yieldTurn: () => Promise<void>): Promise<void> {
    const st = this.state(symbol);
    const lo = Math.max(from, RANGE_START);
    const hi = Math.min(to, RANGE_END);
    if (!(hi > lo)) return;
    for (const s of sessionsBetween(st.spec.market, lo, hi)) {
      if (!inSimRange(s) || this.sessionCache.get(this.sessionKey(st, s)) !== undefined) continue;
      await yieldTurn();
      this.sessionColumns(st, s);
    }
  }

  /** The open time of the first bar `symbol` can have (its first session). */
  firstBarTime(symbol: string): number {
    const market = this.state(symbol).spec.market;
    for (let date = SIM_FIRST_DATE; date < SIM_END_DATE; date++) {
      const s = sessionOnDate(market, date);
      if (s !== null) return s.open;
    }
    return RANGE_START;
  }

  /** The prints of the minute containing `minuteStart` (none while the market is shut), in time order. */
  tradesForMinute(symbol: string, minuteStart: number): Trade[] {
    const st = this.state(symbol);
    const t = floorMinute(minuteStart);
    if (!this.openMinute(st, t)) return [];
    const firstId = ((t - SIM_EPOCH_MS) / MINUTE_MS) * (MAX_PRINTS_PER_MINUTE + 1);
    return st.tape.toTrades(firstId);
  }

  /** The bid and ask in force at `t`, or null while the market is shut. */
  quote(symbol: string, t: number): Quote | null {
    const st = this.state(symbol);
    return this.openMinute(st, floorMinute(t)) ? st.tape.quoteAt(t) : null;
  }

  /** The first minute at or after `from` in which `symbol` trades, if one starts by `until`. */
  nextOpenMinute(symbol: string, from: number, until: number): number | null {
    const st = this.state(symbol);
    const lo = Math.max(from, RANGE_START);
    const hi = Math.min(until, RANGE_END);
    if (hi < lo) return null;
    for (const s of sessionsBetween(st.spec.market, lo, hi + MINUTE_MS)) {
      if (!inSimRange(s)) continue;
      const first = Math.max(s.open, ceilMinute(lo));
      if (first < s.close) return first <= hi ? first : null;
    }
    return null;
  }

  /** Generates minute `t` into the symbol's tape; false when the market is shut then. */
  private openMinute(st: SymbolState, t: number): boolean {
    const s = t >= RANGE_START && t < RANGE_END ? sessionAt(st.spec.market, t) : null;
    if (s === null || !inSimRange(s)) return false;
    st.tape.generate(this.day(st, s), (t - s.open) / MINUTE_MS);
    return true;
  }

  private sessionKey(st: SymbolState, s: Session): string {
    return `${st.spec.symbol}\u0000${String(s.date)}`;
  }

  private sessionColumns(st: SymbolState, s: Session): BarColumns {
    const key = this.sessionKey(st, s);
    const cached = this.sessionCache.get(key);
    if (cached !== undefined) return cached;
    const day = this.day(st, s);
    const n = Math.round((s.close - s.open) / MINUTE_MS);
    const out = allocColumns(n);
    for (let m = 0; m < n; m++) {
      st.tape.generate(day, m);
      st.tape.writeBar(out, m);
    }
    this.sessionCache.set(key, out);
    return out;
  }

  private day(st: SymbolState, s: Session): DayPath {
    const cached = st.days.get(s.date);
    if (cached !== undefined) {
      st.days.delete(s.date);
      st.days.set(s.date, cached);
      return cached;
    }
    const built = buildDayPath(st.spec, s, st.anchors, this.root);
    st.days.set(s.date, built);
    if (st.days.size > DAY_CACHE_SIZE) {
      const oldest = st.days.keys().next();
      if (oldest.done !== true) st.days.delete(oldest.value);
    }
    return built;
  }

  private state(symbol: string): SymbolState {
    const known = this.states.get(symbol);
    if (known !== undefined) return known;
    const spec = this.specs.find((i) => i.symbol === symbol);
    if (spec === undefined) throw new Error(`the simulated market has no symbol "${symbol}"`);
    const st: SymbolState = { spec, anchors: new DailyAnchors(spec, this.root), tape: new MinuteTape(spec), days: new Map() };
    this.states.set(symbol, st);
    return st;
  }
}
