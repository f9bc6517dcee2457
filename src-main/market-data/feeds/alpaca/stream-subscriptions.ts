import { STREAM_CHANNELS, type StreamChannel } from './parse-ws';

/** Symbols per channel, as a subscribe/unsubscribe message carries them. */
export type ChannelLists = Partial<Record<StreamChannel, string[]>>;

type Sets = Record<StreamChannel, Set<string>>;

const emptySets = (): Sets => ({ trades: new Set(), quotes: new Set(), bars: new Set(), updatedBars: new Set() });

/**
 * The stream's subscriptions, reference-counted per (channel, symbol): the
 * first consumer makes a symbol wanted, the last one to leave unwants it.
 * What the server holds is taken from its "subscription" replies (each lists
 * the whole current set); the next request is derived from the difference
 * between wanted and what the requests already sent will leave, so changes
 * made while a request is in flight are batched into the next one.
 */
export class SubscriptionBook<H> {
  private readonly wanted = new Map<StreamChannel, Map<string, Set<H>>>(STREAM_CHANNELS.map((c) => [c, new Map()]));
  /** The server's set, from its last reply on this socket. */
  private acked: Sets = emptySets();
  /** What the server will hold once every request sent has been answered. */
  private requested: Sets = emptySets();
  private outstanding = 0;
  /** Refused for the symbol limit (error 405): not asked for again on this socket. */
  private held: Sets = emptySets();
  private last: ChannelLists | null = null;

  /** Adds a consumer; true when it made (channel, symbol) wanted. */
  add(channel: StreamChannel, symbol: string, handler: H): boolean {
    const bySymbol = this.channel(channel);
    let handlers = bySymbol.get(symbol);
    const first = handlers === undefined;
    if (handlers === undefined) {
      handlers = new Set();
      bySymbol.set(symbol, handlers);
    }
    handlers.add(handler);
    return first;
  }

  /** Removes a consumer; true when it was the last of (channel, symbol). */
  remove(channel: StreamChannel, symbol: string, handler: H): boolean {
    const bySymbol = this.channel(channel);
    const handlers = bySymbol.get(symbol);
    if (handlers === undefined || !handlers.delete(handler) || handlers.size > 0) return false;
    bySymbol.delete(symbol);
    this.held[channel].delete(symbol);
    return true;
  }

  handlers(channel: StreamChannel, symbol: string): ReadonlySet<H> | undefined {
    return this.channel(channel).get(symbol);
  }

  get empty(): boolean {
    return STREAM_CHANNELS.every((c) => this.channel(c).size === 0);
  }

  /** What to subscribe and unsubscribe now to reach `wanted` (null when nothing). */
  diff(): { subscribe: ChannelLists | null; unsubscribe: ChannelLists | null } {
    const subscribe: ChannelLists = {};
    const unsubscribe: ChannelLists = {};
    for (const c of STREAM_CHANNELS) {
      const want = this.channel(c);
      const add = [...want.keys()].filter((s) => !this.requested[c].has(s) && !this.held[c].has(s));
      const drop = [...this.requested[c]].filter((s) => !want.has(s));
      if (add.length > 0) subscribe[c] = add;
      if (drop.length > 0) unsubscribe[c] = drop;
    }
    return { subscribe: nonEmpty(subscribe), unsubscribe: nonEmpty(unsubscribe) };
  }

  /** A request went out. */
  sent(action: 'subscribe' | 'unsubscribe', lists: ChannelLists): void {
    this.outstanding++;
    if (action === 'subscribe') this.last = lists;
    for (const c of STREAM_CHANNELS) {
      for (const s of lists[c] ?? []) {
        if (action === 'subscribe') this.requested[c].add(s);
        else this.requested[c].delete(s);
      }
    }
  }

  /** The server's reply: the whole current set. Returns the symbols that became live in each channel. */
  acknowledged(channels: Readonly<Record<StreamChannel, readonly string[]>>): Sets {
    const added = emptySets();
    const next = emptySets();
    for (const c of STREAM_CHANNELS) {
      for (const s of channels[c]) {
        next[c].add(s);
        if (!this.acked[c].has(s)) added[c].add(s);
      }
    }
    this.acked = next;
    this.answered();
    return added;
  }

  /** The server refused the last subscribe (error 405): its symbols that did not get through are held. */
  refused(): void {
    for (const c of STREAM_CHANNELS) for (const s of this.last?.[c] ?? []) if (!this.acked[c].has(s)) this.held[c].add(s);
    this.answered();
  }

  /** Whether requests are waiting for their reply. */
  get waiting(): boolean {
    return this.outstanding > 0;
  }

  /** Symbols the server streams in any of `channels`. */
  live(channels: readonly StreamChannel[]): string[] {
    const out = new Set<string>();
    for (const c of channels) for (const s of this.acked[c]) out.add(s);
    return [...out];
  }

  /** The socket is gone: the server holds nothing any more. */
  reset(): void {
    this.acked = emptySets();
    this.requested = emptySets();
    this.held = emptySets();
    this.outstanding = 0;
    this.last = null;
  }

  private answered(): void {
    this.outstanding = Math.max(0, this.outstanding - 1);
    if (this.outstanding === 0) this.requested = copySets(this.acked);
  }

  private channel(c: StreamChannel): Map<string, Set<H>> {
    const m = this.wanted.get(c);
    if (m === undefined) throw new Error(`unknown channel ${c}`);
    return m;
  }
}

function nonEmpty(lists: ChannelLists): ChannelLists | null {
  return Object.keys(lists).length === 0 ? null : lists;
}

function copySets(s: Sets): Sets {
  return { trades: new Set(s.trades), quotes: new Set(s.quotes), bars: new Set(s.bars), updatedBars: new Set(s.updatedBars) };
}
