import { ContractFailure, type FeedHealth, type ReplayStart, type ReplayState } from '../../../../shared/contract';
import { barAt, barsFromColumns, EMPTY_COLUMNS, lowerBound, sliceColumns, type BarColumns } from '../../../../shared/domain/bar-columns';
import type { Bar } from '../../../../shared/domain/bar';
import { asEpochMs } from '../../../../shared/domain/epoch';
import type { Instrument } from '../../../../shared/domain/instrument';
import { MINUTE_MS } from '../../../../shared/domain/interval';
import type { Trade } from '../../../../shared/domain/trade';
import type { MarketKind } from '../../../../shared/market/market-kind';
import type { Clock, Ticker } from '../../../platform/app/clock';
import type { Feed, Unsubscribe } from '../feed';
import { intrabarPath } from './intrabar-path';

/** Where the replay reads its bars: stored 1m bars of a series, and that series' instrument when known. */
export interface ReplaySource {
  bars(source: string, symbol: string, from: number, to: number): BarColumns;
  /** The series' instrument when a feed has it. */
  instrument(source: string, symbol: string): Instrument | null;
  /** The market the series was stored with (imports have no feed instrument). */
  market(source: string, symbol: string): MarketKind | null;
}

const FRAME_MS = 50;

interface Session {
  readonly start: ReplayStart;
  readonly bars: BarColumns;
  readonly instrument: Instrument;
  /** Replay clock: every tick before it has been played. */
  cursor: number;
}

/**
 * The `replay` feed: plays stored 1m bars of one series as live trades (each
 * bar as its intrabar path), at 1x-1000x, with pause, step-one-bar and
 * jump-to-time. It feeds the same pipeline as a live feed; its past (what
 * history() returns) never reaches beyond the replay clock.
 */
export class ReplayFeed implements Feed {
  readonly id = 'replay' as const;
  readonly name = 'Replay';
  readonly persist = false;
  readonly backfillHorizonMs = 0;
  private session: Session | null = null;
  private status: ReplayState['status'] = 'idle';
  private speed = 1;
  private stopTicker: (() => void) | null = null;
  private readonly tradeListeners = new Set<(t: Trade) => void>();
  private readonly resetListeners = new Set<(symbol: string) => void>();
  private readonly stateListeners = new Set<(s: ReplayState) => void>();
  private lastEmit: number | null = null;
  private lastBarNotified = -1;

  constructor(
    private readonly source: ReplaySource,
    private readonly clock: Clock,
    private readonly ticker: Ticker,
  ) {}

  get simulated(): boolean {
    return this.session?.start.source === 'sim';
  }

  instruments(): readonly Instrument[] {
    return this.session === null ? [] : [this.session.instrument];
  }

  connect(): Promise<void> {
    return Promise.resolve();
  }

  close(): void {
    this.stopTicker?.();
    this.stopTicker = null;
    this.tradeListeners.clear();
  }

  /**
   * Live ticks from now on; a new subscriber first gets the ticks already
   * played of the bar in progress, so its candle builder starts that bar whole.
   */
  subscribeTrades(symbol: string, onTrade: (trade: Trade) => void): Unsubscribe {
    const s = this.session;
    if (s?.instrument.symbol !== symbol) throw new ContractFailure('NOT_FOUND', `nothing is replaying ${symbol}`, 'params.symbol');
    this.tradeListeners.add(onTrade);
    const current = Math.floor(s.cursor / MINUTE_MS) * MINUTE_MS;
    this.emitTicks(s, current, s.cursor, [onTrade]);
    return () => this.tradeListeners.delete(onTrade);
  }

  /** Bars wholly played (open time + 1m <= the replay clock) in [from, to). */
  historySync(symbol: string, from: number, to: number): BarColumns {
    const s = this.session;
    if (s?.instrument.symbol !== symbol) return EMPTY_COLUMNS;
    const end = Math.min(to, s.cursor - MINUTE_MS + 1);
    return sliceColumns(s.bars, lowerBound(s.bars, from), lowerBound(s.bars, Math.max(from, end)));
  }

  history(symbol: string, from: number, to: number): Promise<readonly Bar[]> {
    return Promise.resolve(barsFromColumns(this.historySync(symbol, from, to)));
  }

  health(): FeedHealth {
    const age = this.lastEmit === null ? null : Math.max(0, Math.round(this.clock.now() - this.lastEmit));
    return { id: 'replay', name: this.name, status: this.session === null ? 'OFFLINE' : 'REPLAY', simulated: this.simulated, lastMessageAgeMs: age, gapsDetected: 0 };
  }

  /** The replay clock: bars close by it, not by the wall clock. */
  now(): number {
    return this.session?.cursor ?? this.clock.now();
  }

  onReset(listener: (symbol: string) => void): Unsubscribe {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  onState(listener: (s: ReplayState) => void): Unsubscribe {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  state(): ReplayState {
    const s = this.session;
    return {
      status: this.status,
      source: s?.start.source ?? null,
      symbol: s?.start.symbol ?? null,
      from: s === null ? null : asEpochMs(s.start.from),
      to: s === null ? null : asEpochMs(s.start.to),
      cursor: s === null ? null : asEpochMs(Math.round(s.cursor)),
      speed: this.speed,
    };
  }

  start(params: ReplayStart): ReplayState {
    const bars = this.source.bars(params.source, params.symbol, params.from, params.to);
    if (bars.length === 0) throw new ContractFailure('NOT_FOUND', `no stored 1m bars of ${params.source}:${params.symbol} in that range`, 'params.from');
    const known = this.source.instrument(params.source, params.symbol);
    const instrument: Instrument = {
      source: 'replay',
      symbol: params.symbol,
      market: known?.market ?? this.source.market(params.source, params.symbol) ?? 'crypto',
      description: `Replay of ${params.source}:${params.symbol}`,
      tickSize: known?.tickSize ?? 0.01,
      lotSize: known?.lotSize ?? 1,
      baseInterval: '1m',
    };
    const previous = this.session?.instrument.symbol;
    this.session = { start: params, bars, instrument, cursor: params.from };
    this.speed = params.speed;
    this.status = 'playing';
    this.lastBarNotified = -1;
    this.stopTicker ??= this.ticker(() => this.advance(FRAME_MS * this.speed), FRAME_MS);
    if (previous !== undefined) this.announceReset(previous);
    this.announceReset(params.symbol);
    return this.changed();
  }

  pause(): ReplayState {
    if (this.status === 'playing') this.status = 'paused';
    return this.changed();
  }

  resume(): ReplayState {
    if (this.session !== null && this.status === 'paused') this.status = 'playing';
    return this.changed();
  }

  /** Plays the rest of the current bar (or the next whole bar) and pauses. */
  step(): ReplayState {
    const s = this.requireSession();
    const barEnd = Math.floor(s.cursor / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
    this.status = 'paused';
    this.advanceTo(Math.min(barEnd, s.start.to));
    return this.changed();
  }

  seek(time: number): ReplayState {
    const s = this.requireSession();
    if (time < s.start.from || time > s.start.to) throw new ContractFailure('BAD_REQUEST', 'time is outside the replayed range', 'params.time');
    s.cursor = Math.floor(time / MINUTE_MS) * MINUTE_MS;
    if (this.status === 'finished') this.status = 'paused';
    this.announceReset(s.instrument.symbol);
    return this.changed();
  }

  setSpeed(speed: number): ReplayState {
    this.speed = speed;
    return this.changed();
  }

  stop(): ReplayState {
    const symbol = this.session?.instrument.symbol;
    this.session = null;
    this.status = 'idle';
    this.stopTicker?.();
    this.stopTicker = null;
    if (symbol !== undefined) this.announceReset(symbol);
    return this.changed();
  }

  private requireSession(): Session {
    if (this.session === null) throw new ContractFailure('UNAVAILABLE', 'no replay is running: call replay.start first', '');
    return this.session;
  }

  private advance(ms: number): void {
    if (this.status !== 'playing' || this.session === null) return;
    this.advanceTo(Math.min(this.session.cursor + ms, this.session.start.to));
  }

  /**
   * Emits to `listeners` every tick with time in [from, until). A tick's id
   * is derived from its bar's position and its place in the bar, so the same
   * tick always carries the same id.
   */
  private emitTicks(s: Session, from: number, until: number, listeners: Iterable<(t: Trade) => void>): void {
    for (let i = lowerBound(s.bars, from - MINUTE_MS + 1); i < s.bars.length; i++) {
      const b = barAt(s.bars, i);
      if (b.time >= until) break;
      intrabarPath(b, MINUTE_MS).forEach((tick, k) => {
        const t = b.time + tick.offset;
        if (t < from || t >= until) return;
        const trade: Trade = { id: i * 4 + k + 1, time: asEpochMs(t), price: tick.price, size: tick.size };
        for (const listener of listeners) listener(trade);
        this.lastEmit = this.clock.now();
      });
    }
  }

  /** Emits every tick in [cursor, until) and moves the replay clock there. */
  private advanceTo(until: number): void {
    const s = this.session;
    if (s === null) return;
    this.emitTicks(s, s.cursor, until, this.tradeListeners);
    s.cursor = until;
    if (until >= s.start.to) this.status = 'finished';
    const bar = Math.floor(until / MINUTE_MS);
    if (bar !== this.lastBarNotified || this.status === 'finished') {
      this.lastBarNotified = bar;
      this.changed();
    }
  }

  private announceReset(symbol: string): void {
    for (const listener of this.resetListeners) listener(symbol);
  }

  private changed(): ReplayState {
    const state = this.state();
    for (const listener of this.stateListeners) listener(state);
    return state;
  }
}
