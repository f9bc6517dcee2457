import type { Logger } from '../../../platform/rpc';
import type { ControlId } from './parse-ws';
import { BlindWindow } from './stream-blind-window';
import type { StreamGap, StreamSettings, StreamTimers } from './stream-options';
import { SubscriptionLedger, type ControlRequest } from './stream-subscriptions';
import { OneShotTimer } from './stream-timer';

export interface ControlChannelConfig {
  readonly now: () => number;
  readonly log: Logger;
  readonly timers: StreamTimers;
  readonly settings: StreamSettings;
}

export interface ControlChannelHooks {
  resumed(gap: StreamGap): void;
  controlSent(): void;
}

/**
 * SUBSCRIBE/UNSUBSCRIBE for one connection: derives requests from the ledger,
 * sends them evenly paced (so a burst of subscribes becomes one batched
 * message), matches replies by id and retries refusals later.
 */
export class ControlChannel {
  private readonly ledger = new SubscriptionLedger();
  private readonly blind = new BlindWindow();
  private send: ((text: string) => void) | undefined;
  private nextId = 1;
  private nextSendAt = 0;
  private readonly flushTimer: OneShotTimer;
  private readonly retryTimer: OneShotTimer;
  private readonly ackTimers = new Map<number, OneShotTimer>();

  constructor(
    private readonly cfg: ControlChannelConfig,
    private readonly hooks: ControlChannelHooks,
  ) {
    this.flushTimer = new OneShotTimer(cfg.timers);
    this.retryTimer = new OneShotTimer(cfg.timers);
  }

  get load(): number {
    return this.ledger.load;
  }

  get liveCount(): number {
    return this.ledger.liveCount;
  }

  wants(stream: string): boolean {
    return this.ledger.wants(stream);
  }

  add(stream: string): void {
    this.ledger.add(stream);
    this.scheduleFlush();
  }

  remove(stream: string): void {
    this.ledger.remove(stream);
    this.blind.forget(stream);
    this.scheduleFlush();
  }

  /** A socket opened: (re-)subscribe everything wanted, paced from now. */
  attach(send: (text: string) => void): void {
    this.send = send;
    this.nextSendAt = this.cfg.now();
    this.scheduleFlush();
  }

  /** The socket is gone; if it had been open, its live streams are blind since `lastMessageAt`. */
  detach(lastMessageAt: number | undefined): void {
    this.send = undefined;
    this.stop();
    const live = this.ledger.reset();
    if (lastMessageAt !== undefined) this.blind.dropped(lastMessageAt, live);
  }

  stop(): void {
    this.flushTimer.cancel();
    this.retryTimer.cancel();
    for (const t of this.ackTimers.values()) t.cancel();
    this.ackTimers.clear();
  }

  acked(id: ControlId): void {
    if (typeof id !== 'number') return;
    this.settleTimer(id);
    const request = this.ledger.acked(id);
    if (request === undefined) return;
    if (request.method === 'SUBSCRIBE') {
      const gap = this.blind.resumed(request.params, this.cfg.now());
      if (gap !== undefined) this.hooks.resumed(gap);
    }
    this.scheduleFlush();
  }

  refused(id: ControlId | null, why: string): void {
    if (typeof id !== 'number') {
      this.cfg.log.warn(`binance ws: error reply without a request id: ${why}`);
      return;
    }
    this.settleTimer(id);
    const request = this.ledger.failed(id);
    if (request === undefined) return;
    const retryMs = this.cfg.settings.retryFailedMs;
    this.cfg.log.warn(`binance ws: ${describeRequest(request)} refused (${why}); retrying in ${String(retryMs)} ms`);
    if (this.retryTimer.pending) return;
    this.retryTimer.arm(retryMs, () => {
      this.ledger.release();
      this.scheduleFlush();
    });
  }

  private settleTimer(id: number): void {
    this.ackTimers.get(id)?.cancel();
    this.ackTimers.delete(id);
  }

  private scheduleFlush(): void {
    if (this.send === undefined || this.flushTimer.pending) return;
    this.flushTimer.arm(this.nextSendAt - this.cfg.now(), () => {
      this.flush();
    });
  }

  /** Sends at most one message, then comes back no sooner than the pacing allows. */
  private flush(): void {
    const send = this.send;
    if (send === undefined) return;
    const now = this.cfg.now();
    if (now < this.nextSendAt) {
      this.scheduleFlush();
      return;
    }
    const request = this.ledger.next(this.cfg.settings.maxParamsPerMessage);
    if (request === undefined) return;
    const id = this.nextId++;
    this.ledger.sent(id, request);
    const ackTimer = new OneShotTimer(this.cfg.timers);
    ackTimer.arm(this.cfg.settings.ackTimeoutMs, () => {
      this.refused(id, 'no reply');
    });
    this.ackTimers.set(id, ackTimer);
    this.nextSendAt = now + this.cfg.settings.controlIntervalMs;
    this.hooks.controlSent();
    send(JSON.stringify({ method: request.method, params: request.params, id }));
    this.scheduleFlush();
  }
}

function describeRequest(request: ControlRequest): string {
  const names = request.params.slice(0, 3).join(', ');
  const more = request.params.length > 3 ? ` +${String(request.params.length - 3)}` : '';
  return `${request.method} [${names}${more}]`;
}
