import { bar, type Bar } from '../../../shared/domain/bar';
import type { Trade } from '../../../shared/domain/trade';
import { TradeIdSet } from './trade-id-set';

export type CandleEventKind = 'update' | 'correction';

export interface CandleBuilderOptions {
  readonly intervalMs?: number;
  /** Closed bars kept for late trades (older late trades are counted and dropped). */
  readonly retain?: number;
}

interface Slot {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  trades: number;
  final: boolean;
  /** (time, id) of the trades that set open and close, so order inside the minute is by time. */
  firstT: number;
  firstId: number;
  lastT: number;
  lastId: number;
  ids: TradeIdSet;
}

/**
 * Trades → 1m bars, pure and synchronous. Each trade updates its minute's bar
 * and emits it; a trade for a later minute first closes (emits final) the
 * forming bar. A duplicate trade id is ignored. A late trade for a closed
 * minute still retained amends that bar and emits it as a `correction`
 * (final, same open time), never as a new bar.
 */
export class CandleBuilder {
  private readonly intervalMs: number;
  private readonly retain: number;
  /** Retained bars, oldest first; the last may be forming. */
  private readonly slots: Slot[] = [];
  private droppedLate = 0;
  private duplicates = 0;

  constructor(
    private readonly emit: (bar: Bar, kind: CandleEventKind) => void,
    options: CandleBuilderOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 60_000;
    this.retain = options.retain ?? 60;
  }

  get stats(): { duplicates: number; droppedLate: number } {
    return { duplicates: this.duplicates, droppedLate: this.droppedLate };
  }

  apply(trade: Trade): void {
    const time = trade.time - (trade.time % this.intervalMs);
    const last = this.slots[this.slots.length - 1];
    if (last === undefined || time > last.time) {
      if (last !== undefined && !last.final) this.close(last);
      this.open(time, trade);
      return;
    }
    const slot = time === last.time ? last : this.find(time);
    if (slot === undefined) {
      this.droppedLate++;
      return;
    }
    if (slot.ids.has(trade.id)) {
      this.duplicates++;
      return;
    }
    this.add(slot, trade);
    this.emit(this.toBar(slot), slot.final ? 'correction' : 'update');
  }

  /** Closes the forming bar once `now` is past its end (called by a clock at the edge). */
  closeThrough(now: number): void {
    const last = this.slots[this.slots.length - 1];
    if (last !== undefined && !last.final && last.time + this.intervalMs <= now) this.close(last);
  }

  /** The forming bar, if any. */
  forming(): Bar | null {
    const last = this.slots[this.slots.length - 1];
    return last === undefined || last.final ? null : this.toBar(last);
  }

  private open(time: number, trade: Trade): void {
    const slot: Slot = {
      time,
      open: trade.price,
      high: trade.price,
      low: trade.price,
      close: trade.price,
      volume: trade.size,
      trades: 1,
      final: false,
      firstT: trade.time,
      firstId: trade.id,
      lastT: trade.time,
      lastId: trade.id,
      ids: new TradeIdSet(),
    };
    slot.ids.add(trade.id);
    this.slots.push(slot);
    if (this.slots.length > this.retain + 1) this.slots.shift();
    this.emit(this.toBar(slot), 'update');
  }

  private close(slot: Slot): void {
    slot.final = true;
    this.emit(this.toBar(slot), 'update');
  }

  private add(slot: Slot, trade: Trade): void {
    slot.ids.add(trade.id);
    if (trade.price > slot.high) slot.high = trade.price;
    if (trade.price < slot.low) slot.low = trade.price;
    slot.volume += trade.size;
    slot.trades += 1;
    if (trade.time < slot.firstT || (trade.time === slot.firstT && trade.id < slot.firstId)) {
      slot.open = trade.price;
      slot.firstT = trade.time;
      slot.firstId = trade.id;
    }
    if (trade.time > slot.lastT || (trade.time === slot.lastT && trade.id > slot.lastId)) {
      slot.close = trade.price;
      slot.lastT = trade.time;
      slot.lastId = trade.id;
    }
  }

  private find(time: number): Slot | undefined {
    for (let i = this.slots.length - 1; i >= 0; i--) {
      const s = this.slots[i];
      if (s === undefined || s.time < time) return undefined;
      if (s.time === time) return s;
    }
    return undefined;
  }

  private toBar(s: Slot): Bar {
    return bar(s.time, s.open, s.high, s.low, s.close, s.volume, s.trades, s.final);
  }
}
