/** A consumer of one stream: a window, a socket, the strategy runner. */
export interface StreamSink<U> {
  deliver(update: U): void;
  /** True while the consumer cannot take more right now (e.g. a socket's buffer is full). */
  isBusy?(): boolean;
}

/** Opens the upstream of a key; returns the function that closes it. */
export type Upstream<U> = (push: (update: U) => void) => () => void;

interface Subscriber<U> {
  readonly sink: StreamSink<U>;
  /** Updates held back while the sink is busy: the latest per coalescing key. */
  readonly pending: Map<string | number, U>;
}

interface Stream<U> {
  readonly subscribers: Set<Subscriber<U>>;
  close: () => void;
}

/**
 * Reference-counted fan-out. The first subscriber to a key opens its upstream,
 * the last one to leave closes it. Delivery never blocks on a slow consumer:
 * while a sink is busy its updates are coalesced by key (latest wins), so its
 * backlog is bounded by the number of distinct keys (bars) changed, never by
 * the update rate; the backlog is flushed when the sink frees up.
 */
export class StreamHub<U> {
  private readonly streams = new Map<string, Stream<U>>();
  private flushTimer: (() => void) | null = null;

  constructor(
    private readonly open: (key: string) => Upstream<U>,
    private readonly coalesceKey: (update: U) => string | number,
    /** Calls `fn` every `ms` until stopped (only while some sink has a backlog). */
    private readonly every: (fn: () => void, ms: number) => () => void,
  ) {}

  /** Subscribes; returns the function that unsubscribes (safe to call twice). */
  subscribe(key: string, sink: StreamSink<U>): () => void {
    let stream = this.streams.get(key);
    const subscriber: Subscriber<U> = { sink, pending: new Map() };
    if (stream === undefined) {
      const created: Stream<U> = { subscribers: new Set([subscriber]), close: () => undefined };
      this.streams.set(key, created);
      try {
        created.close = this.open(key)((u) => this.fanOut(created, u));
      } catch (err) {
        // No upstream, no stream: leave nothing behind that a later subscriber would join.
        this.streams.delete(key);
        throw err;
      }
      stream = created;
    } else {
      stream.subscribers.add(subscriber);
    }
    const owner = stream;
    return () => {
      if (!owner.subscribers.delete(subscriber)) return;
      if (owner.subscribers.size === 0 && this.streams.get(key) === owner) {
        this.streams.delete(key);
        owner.close();
      }
    };
  }

  refCount(key: string): number {
    return this.streams.get(key)?.subscribers.size ?? 0;
  }

  get openStreams(): number {
    return this.streams.size;
  }

  private fanOut(stream: Stream<U>, update: U): void {
    for (const s of stream.subscribers) {
      if (s.pending.size === 0 && s.sink.isBusy?.() !== true) {
        s.sink.deliver(update);
      } else {
        s.pending.set(this.coalesceKey(update), update);
        this.flushTimer ??= this.every(() => this.flush(), 50);
      }
    }
  }

  private flush(): void {
    let backlog = false;
    for (const stream of this.streams.values()) {
      for (const s of stream.subscribers) {
        if (s.pending.size === 0) continue;
        if (s.sink.isBusy?.() === true) {
          backlog = true;
          continue;
        }
        const held = [...s.pending.values()];
        s.pending.clear();
        for (const u of held) s.sink.deliver(u);
      }
    }
    if (!backlog && this.flushTimer !== null) {
      this.flushTimer();
      this.flushTimer = null;
    }
  }
}
