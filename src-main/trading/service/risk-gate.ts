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

  constructor(private readonly deps: RiskGateDeps) {}

  async check(account: StoredAccount, broker: Broker, order: RiskOrder, instrument: TradedInstrument): Promise<RiskDecision> {
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
    return checkRisk({
      order,
      instrument,
      settings: account.risk,
      currency: account.currency,
      now,
      positions,
      workingOrders: broker.liveOrders(),
      session: { realizedPnl: deps.session.realized(account.id, account.epoch, positions, now), unrealizedPnl: unrealized },
      recentOrderTimes: this.recent(account.id, now),
      market: { feedStatus: deps.feeds.get(order.source)?.health().status ?? null, quote },
      killSwitchEngaged: deps.killSwitchEngaged(),
    });
  }

  /** An order of the account on `source` was sent now (it counts towards orders per minute). */
  sent(accountId: string, source: string): void {
    const time = this.deps.nowFor(source);
    const list = this.recent(accountId, time);
    list.push(time);
    this.sentTimes.set(accountId, list);
  }

  private recent(accountId: string, now: number): number[] {
    const list = (this.sentTimes.get(accountId) ?? []).filter((t) => t > now - MINUTE_MS);
    this.sentTimes.set(accountId, list);
    return list;
  }
}

