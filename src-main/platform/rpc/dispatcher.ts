import {
  ContractFailure,
  events,
  isEventName,
  isMethodName,
  methods,
  parseAt,
  type ContractError,
  type EventName,
  type MethodName,
} from '../../../shared/contract';
import type { CallContext, EventSources, MethodHandlers, SubscriberContext } from './handlers';

const NEVER_BUSY: SubscriberContext = { isBusy: () => false, isClosed: () => false };
/** For calls from no client in particular (the CLI): never aborted. */
const NO_CLIENT: CallContext = { signal: new AbortController().signal, session: new AbortController().signal };

export type CallOutcome = { ok: true; result: unknown } | { ok: false; error: ContractError };
export type SubscribeOutcome = { ok: true; stop: () => void } | { ok: false; error: ContractError };

export interface Logger {
  error(message: string, err?: unknown): void;
  warn(message: string): void;
}

/**
 * Runs contract calls against the handlers, whatever the transport: checks the
 * name, parses params (a bad field is refused before the handler runs, so it
 * has no effect), runs the handler and checks its result against the contract.
 * Never throws: every failure becomes a structured error.
 */
export class Dispatcher {
  /** Event payloads already checked, by identity. */
  private readonly checked = new WeakMap<object, unknown>();

  constructor(
    private readonly handlers: MethodHandlers,
    private readonly sources: EventSources,
    private readonly log: Logger,
  ) {}

  async call(method: string, rawParams: unknown, ctx: CallContext = NO_CLIENT): Promise<CallOutcome> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `unknown method "${method}"`, path: 'method' } };
    }
    const params = parseAt(methods[method].params, rawParams, 'params');
    if (!params.ok) return params;
    try {
      const result: unknown = await this.invoke(method, params.value, ctx);
      const checked = parseAt(methods[method].result, result, 'result');
      if (!checked.ok) {
        this.log.error(`handler ${method} returned a result that breaks the contract: ${checked.error.message}`);
        return { ok: false, error: { code: 'INTERNAL', message: `${method} produced an invalid result`, path: '' } };
      }
      return { ok: true, result: checked.value };
    } catch (err) {
      return { ok: false, error: this.failure(method, err) };
    }
  }

  subscribe(event: string, rawParams: unknown, sink: (payload: unknown) => void, subscriber: SubscriberContext = NEVER_BUSY): SubscribeOutcome {
    if (!isEventName(event)) {
      return { ok: false, error: { code: 'UNKNOWN_EVENT', message: `unknown event "${event}"`, path: 'event' } };
    }
    const params = parseAt(events[event].params, rawParams, 'params');
    if (!params.ok) return params;
    try {
      const stop = this.start(event, params.value, (payload) => {
        // Nothing is checked or sent for a subscriber that has gone.
        if (subscriber.isClosed()) return;
        // One payload object sent to many subscribers (a shared snapshot) is checked once, and they all get the same checked object.
        const known = typeof payload === 'object' && payload !== null ? this.checked.get(payload) : undefined;
        if (known !== undefined) {
          sink(known);
          return;
        }
        const checked = events[event].payload.safeParse(payload);
        if (checked.success && typeof payload === 'object' && payload !== null) this.checked.set(payload, checked.data);
        if (checked.success) sink(checked.data);
        else this.log.error(`event ${event} emitted a payload that breaks the contract`, checked.error);
      }, subscriber);
      return { ok: true, stop };
    } catch (err) {
      return { ok: false, error: this.failure(event, err) };
    }
  }

  // The casts below join a name to its own handler: TypeScript cannot follow
  // the correlation between a generic key and an indexed mapped type.
  private invoke(method: MethodName, params: unknown, ctx: CallContext): unknown {
    const handler = this.handlers[method] as (p: unknown, c: CallContext) => unknown;
    return handler(params, ctx);
  }

  private start(event: EventName, params: unknown, emit: (payload: unknown) => void, subscriber: SubscriberContext): () => void {
    const source = this.sources[event] as (p: unknown, e: (payload: unknown) => void, s: SubscriberContext) => () => void;
    return source(params, emit, subscriber);
  }

  private failure(name: string, err: unknown): ContractError {
    if (err instanceof ContractFailure) return err.error;
    this.log.error(`${name} failed`, err);
    const message = err instanceof Error ? err.message : String(err);
    return { code: 'INTERNAL', message: `${name} failed: ${message}`, path: '' };
  }
}
