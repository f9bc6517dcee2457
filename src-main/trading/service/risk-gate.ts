import type { FeedRegistry } from '../../market-data/feed-registry';
import type { TradedInstrument } from '../../../shared/trading/traded-instrument';
import type { Broker } from '../brokers/broker';
import { markOf, unrealizedPnl } from '../positions/position-marks';
import type { QuoteService } from '../quotes/quote-service';
import { checkRisk, type RiskDecision, type RiskOrder } from '../risk';
import type { StoredAccount } from '../store/accounts-repository';
import type { QuoteWarmer } from './quote-warmer';
import type { SessionPnl } from './session-pnl';

const MINUTE_MS = 60_000;
/** The largest maxOrdersPerMinute (shared/trading/account.ts) and one more. */
const MAX_KEPT = 10_001;

/** A decision; a pass holds its order as accepted (counted by later checks) until `release` — call it once the broker has answered. */
export type GateDecision = RiskDecision & { readonly release: () => void };

const NOTHING_HELD = (): void => undefined;

export interface RiskGateDeps {
  readonly feeds: FeedRegistry;
  readonly quotes: QuoteService;
  readonly warmer: QuoteWarmer;
  readonly session: SessionPnl;
  readonly nowFor: (source: string) => number;
  readonly killSwitchEngaged: () => boolean;
}

/**
 * Puts together what the risk rules decide on (risk-manager.ts, pure): the
 * account's positions and live orders from its broker, the session's P&L,
 * the orders it sent in the last minute, the symbol's feed health and quote
 * (waited for once when nobody followed it yet), the kill switch.
 */
export class RiskGate {
  private readonly sentTimes = new Map<string, number[]>();
  /** Per account: orders passed whose place the broker has not answered yet (a turn's places are committed together). */
  private readonly accepted = new Map<string, Set<RiskOrder>>();

  constructor(private readonly deps: RiskGateDeps) {}

  /**
   * Decides on `order`. A pass is counted at once as a send (orders per
   * minute) and as an accepted order of its symbol until released, so places
   * checked in the same turn, before the broker commits any of them, cannot
   * each pass a limit they break together.
   */
  async check(account: StoredAccount, broker: Broker, order: RiskOrder, instrument: TradedInstrument): Promise<GateDecision> {
    const { deps } = this;
    const quote = await deps.warmer.ensure(order.source, order.symbol);
    const now = deps.nowFor(order.source);
    const positions = broker.positions();
    let unrealized = 0;
    for (const p of positions) {
      if (p.qty === 0) continue;
      const q = p.source === order.source && p.symbol === order.symbol ? quote : deps.quotes.latest(p.source, p.symbol);
      if (q !== null) unrealized += unrealizedPnl(p, markOf(q));
    }
    let held = this.accepted.get(account.id);
    const decision = checkRisk({
      order,
      instrument,
      settings: account.risk,
      currency: account.currency,
      now,
      positions,
      workingOrders: broker.liveOrders(),
      acceptedOrders: held === undefined ? [] : [...held],
      session: { realizedPnl: deps.session.realized(account.id, account.epoch, positions, now), unrealizedPnl: unrealized },
      recentOrderTimes: this.recent(account.id, now),
      market: { feedStatus: deps.feeds.get(order.source)?.health().status ?? null, quote },
      killSwitchEngaged: deps.killSwitchEngaged(),
    });
    if (!decision.ok) return { ...decision, release: NOTHING_HELD };
    this.sent(account.id, order.source);
    if (held === undefined) {
      held = new Set();
      this.accepted.set(account.id, held);
    }
    const set = held;
    set.add(order);
    return { ...decision, release: () => set.delete(order) };
  }

  /** An order of the account on `source` was sent now (it counts towards orders per minute). */
  private sent(accountId: string, source: string): void {
    const time = this.deps.nowFor(source);
    const list = this.recent(accountId, time);
    list.push(time);
    // The rule counts at most 10,000 a minute: older entries beyond that can never matter.
    if (list.length > MAX_KEPT) list.splice(0, list.length - MAX_KEPT);
  }

  /**
   * The account's send times, the ones older than a minute dropped from the
   * front (sends come in time order, so this is amortised O(1) per order
   * rather than a pass over the minute's sends; the rule counts the window
   * itself, so an out-of-order time left behind by a replay clock is harmless).
   */
  private recent(accountId: string, now: number): number[] {
    let list = this.sentTimes.get(accountId);
    if (list === undefined) {
      list = [];
      this.sentTimes.set(accountId, list);
    }
    let drop = 0;
    while (drop < list.length && (list[drop] ?? 0) <= now - MINUTE_MS) drop++;
    if (drop > 0) list.splice(0, drop);
    return list;
  }
}

