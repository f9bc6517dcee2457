import type { ClientFrame, ContractError, ServerFrame } from '../../shared/contract';
import type { Dispatcher } from './dispatcher';

interface OpenSubscription {
  readonly stop: () => void;
  seq: number;
}

/**
 * One connected client (a window over IPC, a browser over WebSocket): runs its
 * frames through the dispatcher and sends replies and event frames down one
 * ordered channel. A subscription's reply always precedes its first event;
 * events are numbered per subscription from 1. When the client goes away,
 * `dispose` stops every subscription it held.
 */
export class ClientSession {
  private readonly subscriptions = new Map<number, OpenSubscription>();
  private nextSubscription = 1;
  private closed = false;

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly send: (frame: ServerFrame) => void,
    /** True while the transport cannot take more (a socket's buffer is full). */
    private readonly isBusy: () => boolean = () => false,
  ) {}

  get subscriptionCount(): number {
    return this.subscriptions.size;
  }

  async handle(frame: ClientFrame): Promise<void> {
    if (this.closed) return;
    switch (frame.t) {
      case 'call': {
        const outcome = await this.dispatcher.call(frame.method, frame.params);
        if (this.closed) return;
        if (outcome.ok) this.send({ t: 'reply', id: frame.id, ok: true, result: outcome.result });
        else this.fail(frame.id, outcome.error);
        return;
      }
      case 'sub':
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

  /** Stops every subscription; later frames are ignored. Safe to call twice. */
  dispose(): void {
    this.closed = true;
    for (const sub of this.subscriptions.values()) sub.stop();
    this.subscriptions.clear();
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
      { isBusy: this.isBusy },
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
