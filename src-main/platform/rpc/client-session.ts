import type { ClientFrame, ContractError, ServerFrame } from '../../../shared/contract';
import { CLIENT_LIMITS, limitError, type ClientLimits } from './client-limits';
import type { Dispatcher } from './dispatcher';

/** Subscriptions a leaving client has stopped per turn of the event loop. */
const STOPS_PER_TURN = 32;

interface OpenSubscription {
  readonly stop: () => void;
  seq: number;
}

/**
 * One connected client (a window over IPC, a browser over WebSocket): runs its
 * frames through the dispatcher and sends replies and event frames down one
 * ordered channel. A subscription's reply always precedes its first event;
 * events are numbered per subscription from 1. A client is bounded
 * (client-limits.ts): calls in flight, subscriptions and bytes queued; past a
 * limit a request is refused with LIMIT naming it. When the client goes away,
 * `dispose` stops every subscription it held and aborts the work still going
 * for its calls.
 */
export class ClientSession {
  private readonly subscriptions = new Map<number, OpenSubscription>();
  private nextSubscription = 1;
  private closed = false;
  private readonly inFlight = new Set<AbortController>();
  /** Aborted when the session ends: background work this client started (a backtest) stops with it. */
  private readonly lifetime = new AbortController();

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly send: (frame: ServerFrame) => void,
    /** True while the transport cannot take more (a socket's buffer is full). */
    private readonly isBusy: () => boolean = () => false,
    /** Bytes sent and not yet read by the client (a socket's buffered amount). */
    private readonly queuedBytes: () => number = () => 0,
    private readonly limits: ClientLimits = CLIENT_LIMITS,
  ) {}

  get subscriptionCount(): number {
    return this.subscriptions.size;
  }

  async handle(frame: ClientFrame): Promise<void> {
    if (this.closed) return;
    switch (frame.t) {
      case 'call': {
        if (this.queuedBytes() > this.limits.queuedBytes) {
          this.fail(frame.id, limitError('queuedBytes', this.limits));
          return;
        }
        if (this.inFlight.size >= this.limits.callsInFlight) {
          this.fail(frame.id, limitError('callsInFlight', this.limits));
          return;
        }
        const call = new AbortController();
        this.inFlight.add(call);
        try {
          const outcome = await this.dispatcher.call(frame.method, frame.params, { signal: call.signal, session: this.lifetime.signal });
          if (this.closed) return;
          if (outcome.ok) this.send({ t: 'reply', id: frame.id, ok: true, result: outcome.result });
          else this.fail(frame.id, outcome.error);
        } finally {
          this.inFlight.delete(call);
        }
        return;
      }
      case 'sub':
        if (this.queuedBytes() > this.limits.queuedBytes) {
          this.fail(frame.id, limitError('queuedBytes', this.limits));
          return;
        }
        if (this.subscriptions.size >= this.limits.subscriptions) {
          this.fail(frame.id, limitError('subscriptions', this.limits));
          return;
        }
        this.subscribe(frame.id, frame.event, frame.params);
        return;
      case 'unsub': {
        const sub = this.subscriptions.get(frame.subscription);
        if (sub === undefined) {
          this.fail(frame.id, { code: 'NOT_FOUND', message: `no subscription ${String(frame.subscription)}`, path: 'subscription' });
          return;
        }
        this.subscriptions.delete(frame.subscription);
        sub.stop();
        this.send({ t: 'reply', id: frame.id, ok: true, result: { subscription: frame.subscription } });
        return;
      }
    }
  }

  /** Reports a frame that could not be parsed, against its id when it had one. */
  reject(id: number | null, error: ContractError): void {
    if (this.closed) return;
    if (id === null) this.send({ t: 'error', error });
    else this.fail(id, error);
  }

  /** Stops every subscription and aborts the work of calls in flight; later frames are ignored. Safe to call twice. */
  dispose(): void {
    this.closed = true;
    for (const call of this.inFlight) call.abort();
    this.inFlight.clear();
    this.lifetime.abort();
    // Hundreds of subscriptions are stopped a batch per turn, so one client leaving cannot hold the loop.
    const stops = [...this.subscriptions.values()].map((s) => s.stop);
    this.subscriptions.clear();
    const batch = (): void => {
      for (const stop of stops.splice(0, STOPS_PER_TURN)) stop();
      if (stops.length > 0) setImmediate(batch);
    };
    batch();
  }

  private fail(id: number, error: ContractError): void {
    this.send({ t: 'reply', id, ok: false, error });
  }

  private subscribe(id: number, event: string, params: unknown): void {
    const subscription = this.nextSubscription++;
    // A source emits its snapshot while starting, before the reply is out:
    // hold those payloads and send them right after the reply.
    const early: unknown[] = [];
    let replied = false;
    const deliver = (payload: unknown): void => {
      const sub = this.subscriptions.get(subscription);
      if (sub === undefined || this.closed) return;
      sub.seq += 1;
      this.send({ t: 'event', subscription, event, seq: sub.seq, payload });
    };
    const outcome = this.dispatcher.subscribe(
      event,
      params,
      (payload) => {
        if (replied) deliver(payload);
        else early.push(payload);
      },
      { isBusy: this.isBusy, isClosed: () => this.closed },
    );
    if (!outcome.ok) {
      this.fail(id, outcome.error);
      return;
    }
    this.subscriptions.set(subscription, { stop: outcome.stop, seq: 0 });
    this.send({ t: 'reply', id, ok: true, result: { subscription } });
    replied = true;
    for (const payload of early) deliver(payload);
  }
}
