export type ControlMethod = 'SUBSCRIBE' | 'UNSUBSCRIBE';

export interface ControlRequest {
  readonly method: ControlMethod;
  readonly params: readonly string[];
}

/**
 * What one connection should be subscribed to versus what the server has
 * acknowledged. The next request is derived from the difference, so a stream
 * added and removed before anything was sent costs nothing, and a lost or
 * refused request is simply derived again later.
 */
export class SubscriptionLedger {
  private readonly wanted = new Set<string>();
  /** Acknowledged on the current socket. */
  private readonly live = new Set<string>();
  private readonly inflight = new Map<number, ControlRequest>();
  private readonly pending = new Set<string>();
  /** Refused: not asked for again until `release()`. */
  private readonly held = new Set<string>();

  /** Streams this connection carries or may still carry on the server (for the per-connection cap). */
  get load(): number {
    let extra = 0;
    for (const s of this.live) if (!this.wanted.has(s)) extra += 1;
    for (const s of this.pending) if (!this.wanted.has(s) && !this.live.has(s)) extra += 1;
    return this.wanted.size + extra;
  }

  get liveCount(): number {
    return this.live.size;
  }

  wants(stream: string): boolean {
    return this.wanted.has(stream);
  }

  add(stream: string): void {
    this.wanted.add(stream);
  }

  remove(stream: string): void {
    this.wanted.delete(stream);
  }

  /** The next request that brings the server closer to `wanted` (unsubscribes first), if any. */
  next(maxParams: number): ControlRequest | undefined {
    const unsubscribe = this.pick(this.live, (s) => !this.wanted.has(s), maxParams);
    if (unsubscribe.length > 0) return { method: 'UNSUBSCRIBE', params: unsubscribe };
    const subscribe = this.pick(this.wanted, (s) => !this.live.has(s), maxParams);
    if (subscribe.length > 0) return { method: 'SUBSCRIBE', params: subscribe };
    return undefined;
  }

  sent(id: number, request: ControlRequest): void {
    this.inflight.set(id, request);
    for (const s of request.params) this.pending.add(s);
  }

  /** Applies the ack for `id`; undefined if `id` is not in flight (late or foreign). */
  acked(id: number): ControlRequest | undefined {
    const request = this.settle(id);
    if (request === undefined) return undefined;
    for (const s of request.params) {
      if (request.method === 'SUBSCRIBE') this.live.add(s);
      else this.live.delete(s);
    }
    return request;
  }

  /** Records a refusal (or no reply) for `id`: its streams wait for `release()`. */
  failed(id: number): ControlRequest | undefined {
    const request = this.settle(id);
    if (request !== undefined) for (const s of request.params) this.held.add(s);
    return request;
  }

  release(): void {
    this.held.clear();
  }

  /** The socket is gone: nothing is live or in flight any more. Returns what was live. */
  reset(): string[] {
    const live = [...this.live];
    this.live.clear();
    this.inflight.clear();
    this.pending.clear();
    this.held.clear();
    return live;
  }

  private settle(id: number): ControlRequest | undefined {
    const request = this.inflight.get(id);
    if (request === undefined) return undefined;
    this.inflight.delete(id);
    for (const s of request.params) this.pending.delete(s);
    return request;
  }

  private pick(from: ReadonlySet<string>, needed: (s: string) => boolean, max: number): string[] {
    const out: string[] = [];
    for (const s of from) {
      if (out.length >= max) break;
      if (needed(s) && !this.pending.has(s) && !this.held.has(s)) out.push(s);
    }
    return out;
  }
}
