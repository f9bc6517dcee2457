import type { Execution } from '../../../shared/trading/execution';
import type { Order } from '../../../shared/trading/order';
import type { Position } from '../../../shared/trading/position';

/** What trading tells its followers (the renderer, the journal), each after it is committed to the store (audit entries have their own: AuditLog.onEntry). */
export interface TradingEventMap {
  order: Order;
  fill: Execution;
  positions: { readonly accountId: string; readonly positions: readonly Position[] };
  accounts: null;
}

type Listener<K extends keyof TradingEventMap> = (payload: TradingEventMap[K]) => void;

/**
 * The trading event bus. A listener that throws is not allowed to stop the
 * others (or the trading path): its error is reported to `onListenerError`.
 */
export class TradingEvents {
  private readonly listeners: { [K in keyof TradingEventMap]: Set<Listener<K>> } = {
    order: new Set(),
    fill: new Set(),
    positions: new Set(),
    accounts: new Set(),
  };

  constructor(private readonly onListenerError: (err: unknown) => void = () => undefined) {}

  on<K extends keyof TradingEventMap>(kind: K, listener: Listener<K>): () => void {
    const set = this.listeners[kind] as Set<Listener<K>>;
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof TradingEventMap>(kind: K, payload: TradingEventMap[K]): void {
    for (const listener of this.listeners[kind] as Set<Listener<K>>) {
      try {
        listener(payload);
      } catch (err) {
        this.onListenerError(err);
      }
    }
  }
}
