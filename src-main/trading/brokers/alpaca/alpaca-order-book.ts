import type { Order } from '../../../../shared/trading/order';
import { isFinalStatus } from '../../orders';
import { snapshotRank } from './order-mirror';
import type { AlpacaOrder } from './trading-wire';

/**
 * Tapedeck's orders of one Alpaca account, found by what Alpaca's messages
 * carry: Alpaca's order id (an entry's, a bracket leg's, the successor of a
 * replaced order), or our client order id. It also remembers the newest
 * snapshot applied per Alpaca id, so an older one (a REST answer overtaken
 * by a stream event) is recognised and skipped. Live orders are listed;
 * final ones stay findable for late messages.
 */
export class AlpacaOrderBook {
  private readonly byId = new Map<string, Order>();
  private readonly byBroker = new Map<string, string>();
  private readonly byClient = new Map<string, string>();
  private readonly seen = new Map<string, { readonly time: number; readonly rank: number }>();

  constructor(orders: readonly Order[]) {
    for (const o of orders) this.put(o);
  }

  get(id: string): Order | undefined {
    return this.byId.get(id);
  }

  /** Orders not final (working, and exits held or armed but not yet sent). */
  live(): Order[] {
    return [...this.byId.values()].filter((o) => !isFinalStatus(o.status));
  }

  all(): Order[] {
    return [...this.byId.values()];
  }

  /** Keeps an order's newest state and indexes it. */
  put(o: Order): void {
    this.byId.set(o.id, o);
    this.byClient.set(o.clientOrderId, o.id);
    if (o.brokerOrderId !== null) this.byBroker.set(o.brokerOrderId, o.id);
  }

  /** An Alpaca id (a replaced order's successor, a leg) that stands for our order `id`. */
  alias(alpacaId: string, id: string): void {
    this.byBroker.set(alpacaId, id);
  }

  /** Our order for an Alpaca order: by its id, the order it replaces, or our client order id. */
  find(theirs: Pick<AlpacaOrder, 'id' | 'clientOrderId' | 'replaces'>): Order | undefined {
    const id = this.byBroker.get(theirs.id) ?? (theirs.replaces === null ? undefined : this.byBroker.get(theirs.replaces)) ?? this.byClient.get(theirs.clientOrderId);
    return id === undefined ? undefined : this.byId.get(id);
  }

  byClientOrderId(clientOrderId: string): Order | undefined {
    const id = this.byClient.get(clientOrderId);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** Whether a snapshot is not older than the newest applied for its Alpaca id; records it when so. */
  fresh(theirs: Pick<AlpacaOrder, 'id' | 'updatedAt' | 'status' | 'filledQty'>): boolean {
    const rank = snapshotRank(theirs);
    const last = this.seen.get(theirs.id);
    if (last !== undefined && (theirs.updatedAt < last.time || (theirs.updatedAt === last.time && rank < last.rank))) return false;
    this.seen.set(theirs.id, { time: theirs.updatedAt, rank });
    return true;
  }

  /** The orders of one group: an entry with its exits, or the legs of an OCO pair. */
  group(o: Order): Order[] {
    const root = o.parentId ?? o.id;
    return this.all().filter((x) => x.id === root || x.parentId === root || (o.ocoGroup !== null && x.ocoGroup === o.ocoGroup));
  }
}
