import {
  events,
  methods,
  subscribeResultSchema,
  type ContractError,
  type EventFrame,
  type EventName,
  type EventParamsIn,
  type EventPayload,
  type MethodName,
  type ParamsIn,
  type Result,
} from '../../shared/contract';
import type { Connection, ConnectionState } from './connection';

/** A contract call that failed; `error` is the structured reason from the core. */
export class CallError extends Error {
  readonly error: ContractError;
  constructor(error: ContractError) {
    super(error.message);
    this.name = 'CallError';
    this.error = error;
  }
}

/** Seconds a call waits for its reply before failing with TIMEOUT (a visible error, never a hang). */
export const CALL_TIMEOUT_MS = 30_000;
/**
 * Calls that may legitimately take longer: a read that completes a range
 * from a venue (paged under its rate limit, with bars.progress events).
 */
const SLOW_CALLS: Partial<Record<MethodName, number>> = { 'bars.get': 600_000 };

export interface TapedeckClient {
  readonly transport: Connection['kind'];
  /** Fails with a CallError: the core's own error, or TIMEOUT / UNAVAILABLE from the transport. */
  call<M extends MethodName>(method: M, params: ParamsIn<M>, options?: { timeoutMs?: number }): Promise<Result<M>>;
  /**
   * Streams an event: `onPayload` gets a snapshot first, then every update in
   * order. A sequence gap or a reconnect re-subscribes, which yields a fresh
   * snapshot. Returns the function that ends the subscription.
   */
  subscribe<E extends EventName>(
    event: E,
    params: EventParamsIn<E>,
    onPayload: (payload: EventPayload<E>, seq: number) => void,
  ): () => void;
  connectionState(): ConnectionState;
  onConnectionState(listener: (state: ConnectionState) => void): () => void;
}

interface LocalSubscription {
  readonly event: EventName;
  readonly params: unknown;
  readonly deliver: (payload: unknown, seq: number) => void;
  server: number | null;
  lastSeq: number;
  active: boolean;
  /** Bumped by every (re)open, so a reply to a superseded open is let go. */
  generation: number;
}

export function createTapedeckClient(connection: Connection): TapedeckClient {
  let nextId = 1;
  const subs = new Set<LocalSubscription>();
  const byServerId = new Map<number, LocalSubscription>();

  // The snapshot follows its subscribe reply at once, and can be read off the
  // wire before the awaiting code below has run: hold event frames for ids we
  // do not know yet while a subscribe is in flight, and replay them once known.
  const orphans = new Map<number, EventFrame[]>();
  let opening = 0;

  const open = async (sub: LocalSubscription): Promise<void> => {
    const generation = ++sub.generation;
    opening += 1;
    const reply = await connection.request({ t: 'sub', id: nextId++, event: sub.event, params: sub.params }, CALL_TIMEOUT_MS).finally(() => {
      opening -= 1;
    });
    const early = reply.ok ? takeOrphans(reply.result) : [];
    if (!sub.active || generation !== sub.generation) {
      if (reply.ok) {
        const parsed = subscribeResultSchema.safeParse(reply.result);
        if (parsed.success) void connection.request({ t: 'unsub', id: nextId++, subscription: parsed.data.subscription });
      }
      return;
    }
    if (!reply.ok) {
      console.warn(`tapedeck: subscribe ${sub.event} failed: ${reply.error.message}`);
      return;
    }
    const parsed = subscribeResultSchema.safeParse(reply.result);
    if (!parsed.success) return;
    sub.server = parsed.data.subscription;
    sub.lastSeq = 0;
    byServerId.set(sub.server, sub);
    for (const frame of early) onEvent(frame);
  };

  const takeOrphans = (result: unknown): EventFrame[] => {
    const parsed = subscribeResultSchema.safeParse(result);
    const frames = parsed.success ? (orphans.get(parsed.data.subscription) ?? []) : [];
    if (parsed.success) orphans.delete(parsed.data.subscription);
    if (opening === 0) orphans.clear();
    return frames;
  };

  const close = (sub: LocalSubscription): void => {
    if (sub.server === null) return;
    byServerId.delete(sub.server);
    void connection.request({ t: 'unsub', id: nextId++, subscription: sub.server });
    sub.server = null;
  };

  function onEvent(frame: EventFrame): void {
    const sub = byServerId.get(frame.subscription);
    if (sub === undefined) {
      if (opening > 0) holdOrphan(frame);
      return;
    }
    if (!sub.active) return;
    if (frame.seq !== sub.lastSeq + 1) {
      // A gap: drop this stream and ask again; the new subscription starts with a snapshot.
      close(sub);
      void open(sub);
      return;
    }
    sub.lastSeq = frame.seq;
    const parsed = events[sub.event].payload.safeParse(frame.payload);
    if (!parsed.success) {
      console.warn(`tapedeck: dropped a malformed ${sub.event} payload`, parsed.error.issues[0]);
      return;
    }
    sub.deliver(parsed.data, frame.seq);
  }
  connection.onEvent(onEvent);

  const MAX_ORPHANS = 256;
  function holdOrphan(frame: EventFrame): void {
    const held = orphans.get(frame.subscription) ?? [];
    if (held.length >= MAX_ORPHANS) return; // the sequence gap this leaves triggers a re-subscribe
    held.push(frame);
    orphans.set(frame.subscription, held);
  }

  let dropped = false;
  connection.onState((state) => {
    if (state !== 'open') {
      dropped = true;
      return;
    }
    if (!dropped) return;
    dropped = false;
    // The server forgot our subscriptions with the old socket: open them again.
    byServerId.clear();
    for (const sub of subs) {
      sub.server = null;
      void open(sub);
    }
  });

  return {
    transport: connection.kind,
    async call(method, params, options) {
      const timeoutMs = options?.timeoutMs ?? SLOW_CALLS[method] ?? CALL_TIMEOUT_MS;
      const reply = await connection.request({ t: 'call', id: nextId++, method, params }, timeoutMs);
      if (!reply.ok) throw new CallError(reply.error);
      const parsed = methods[method].result.safeParse(reply.result);
      if (!parsed.success) {
        throw new CallError({ code: 'INTERNAL', message: `malformed ${method} result from the core`, path: 'result' });
      }
      return parsed.data as Result<typeof method>;
    },
    subscribe(event, params, onPayload) {
      const sub: LocalSubscription = {
        event,
        params,
        deliver: onPayload as (payload: unknown, seq: number) => void,
        server: null,
        lastSeq: 0,
        active: true,
        generation: 0,
      };
      subs.add(sub);
      void open(sub);
      return () => {
        sub.active = false;
        subs.delete(sub);
        close(sub);
      };
    },
    connectionState: () => connection.state(),
    onConnectionState: (listener) => connection.onState(listener),
  };
}
