import type { EventName, EventParamsIn, EventPayload, MethodName, ParamsIn, Result } from '../../../shared/contract';
import { bar, type Bar } from '../../../shared/domain/bar';
import type { TapedeckClient } from '../../../src-renderer/api/tapedeck-client';
import type { FrameScheduler } from '../../../src-renderer/app/frame-flush';

/** A bar with open time `minute` minutes after the epoch and the given close. */
export function minuteBar(minute: number, close: number, final = true, volume = 10): Bar {
  const open = close - 1;
  return bar(minute * 60_000, open, Math.max(open, close) + 1, Math.min(open, close) - 1, close, volume, 1, final);
}

export interface FakeSubscription {
  readonly event: EventName;
  readonly params: unknown;
  active: boolean;
  deliver(payload: unknown): void;
}

export interface FakeClient extends TapedeckClient {
  readonly subscriptions: FakeSubscription[];
  readonly calls: { readonly method: MethodName; readonly params: unknown }[];
  /** Answers calls: return a result, or throw (a CallError) to reject. */
  answer(handler: (method: MethodName, params: unknown) => unknown): void;
  active(): FakeSubscription[];
}

/** A client whose subscriptions are fed by hand and whose calls are answered by a handler. */
export function fakeClient(): FakeClient {
  const subscriptions: FakeSubscription[] = [];
  const calls: { method: MethodName; params: unknown }[] = [];
  let handler: (method: MethodName, params: unknown) => unknown = () => ({});
  return {
    transport: 'websocket',
    connectionState: () => 'open',
    onConnectionState: () => () => undefined,
    subscriptions,
    calls,
    answer(next) {
      handler = next;
    },
    active: () => subscriptions.filter((s) => s.active),
    call<M extends MethodName>(method: M, params: ParamsIn<M>): Promise<Result<M>> {
      calls.push({ method, params });
      try {
        return Promise.resolve(handler(method, params) as Result<M>);
      } catch (reason: unknown) {
        return Promise.reject(reason instanceof Error ? reason : new Error(String(reason)));
      }
    },
    subscribe<E extends EventName>(event: E, params: EventParamsIn<E>, onPayload: (payload: EventPayload<E>, seq: number) => void) {
      let seq = 0;
      const sub: FakeSubscription = {
        event,
        params,
        active: true,
        deliver(payload) {
          if (sub.active) onPayload(payload as EventPayload<E>, ++seq);
        },
      };
      subscriptions.push(sub);
      return () => {
        sub.active = false;
      };
    },
  };
}

export interface ManualFrames extends FrameScheduler {
  /** Runs the callbacks waiting for a frame; returns how many ran. */
  run(): number;
  pending(): number;
}

export function manualFrames(): ManualFrames {
  let next = 1;
  const waiting = new Map<number, () => void>();
  return {
    request(callback) {
      const handle = next++;
      waiting.set(handle, callback);
      return handle;
    },
    cancel(handle) {
      waiting.delete(handle);
    },
    run() {
      const due = [...waiting.values()];
      waiting.clear();
      for (const callback of due) callback();
      return due.length;
    },
    pending: () => waiting.size,
  };
}
