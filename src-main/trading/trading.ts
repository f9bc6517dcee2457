import { systemTimer, type Ticker, type Timer } from '../platform/app/clock';
import type { MarketData } from '../market-data/market-data';
import type { Logger } from '../platform/rpc';
import type { Db } from '../platform/store/database';
import { noCredentials, type AlpacaCredentialsSource } from '../market-data/feeds/alpaca/credentials';
import { AlpacaBroker, AlpacaContractInstruments, ALPACA_TRADING_DEFAULTS, type AlpacaBrokerTuning, type AlpacaTradingEndpoints } from './brokers/alpaca';
import type { Broker } from './brokers/broker';
import { LiveMarketEvents } from './brokers/market-events';
import { PaperBroker } from './brokers/paper-broker';
import { ChainedTradedInstruments, FeedTradedInstruments, type TradedInstruments } from './instruments/traded-instruments';
import type { FillModelConfig } from './paper';
import type { InstrumentQuoteSource } from './quotes/instrument-quote-source';
import { QuoteService } from './quotes/quote-service';
import { AccountDesk } from './service/account-desk';
import { QuoteWarmer } from './service/quote-warmer';
import { RiskGate } from './service/risk-gate';
import { SessionPnl } from './service/session-pnl';
import { TradingActivity } from './service/trading-activity';
import { TradingEvents } from './service/trading-events';
import { TradingLedger } from './service/trading-ledger';
import { TradingService } from './service/trading-service';
import { AccountsRepository, AuditLog, ExecutionsRepository, OrdersRepository, TradingStateRepository } from './store';
import type { StoredAccount } from './store/accounts-repository';

export interface TradingDeps {
  readonly db: Db;
  readonly market: MarketData;
  readonly now: () => number;
  readonly ticker: Ticker;
  readonly timer: Timer;
  readonly log: Logger;
  /** Catalogs besides the feeds' instruments (an options chain's contracts). */
  readonly instruments?: readonly TradedInstruments[];
  /** Quotes of instruments no feed lists (an options chain's contracts), asked before the feeds. */
  readonly quoteSources?: readonly InstrumentQuoteSource[];
  readonly fillModel?: Partial<FillModelConfig>;
  /** Half-spread of a synthetic quote (last ± this many ticks) where a feed has no book (settings.paper.halfSpreadTicks; default 1). */
  readonly halfSpreadTicks?: number;
  /** How long an order waits for the first quote of a symbol nobody followed yet (default 2 s). */
  readonly quoteWaitMs?: number;
  /** Alpaca's paper trading host and the keys; `paperAccount`: keys are given, so the "Alpaca paper" account exists. */
  readonly alpaca?: TradingAlpaca;
}

export interface TradingAlpaca {
  readonly endpoints: AlpacaTradingEndpoints;
  readonly credentials: AlpacaCredentialsSource;
  readonly paperAccount: boolean;
  readonly tuning?: AlpacaBrokerTuning;
}

export interface Trading {
  readonly service: TradingService;
  readonly events: TradingEvents;
  readonly quotes: QuoteService;
  readonly audit: AuditLog;
  readonly desk: AccountDesk;
  /** When the order path last worked: the journal's pictures wait for a quiet moment. */
  readonly activity: TradingActivity;
  close(): void;
}

/** Trading, wired: the store, quotes, the risk gate, the accounts and their paper brokers. */
export function createTrading(deps: TradingDeps): Trading {
  const { db, market, log } = deps;
  const nowFor = (source: string): number => market.service.nowFor(source);
  const events = new TradingEvents((err) => log.error('a trading event listener failed', err));
  const audit = new AuditLog(db, deps.now);
  const orders = new OrdersRepository(db);
  const executions = new ExecutionsRepository(db);
  const state = new TradingStateRepository(db);
  // Real time, not deps.timer (a market clock in tests): it is about what the machine is busy with.
  const activity = new TradingActivity(systemTimer, () => performance.now());
  const ledger = new TradingLedger(db, orders, executions, audit, events, activity);
  const quotes = new QuoteService(market.feeds, market.live, nowFor, deps.ticker, deps.halfSpreadTicks === undefined ? undefined : { halfSpreadTicks: deps.halfSpreadTicks }, deps.quoteSources);
  const instruments = new ChainedTradedInstruments([new FeedTradedInstruments(market.feeds), ...(deps.instruments ?? []), ...(deps.alpaca === undefined ? [] : [new AlpacaContractInstruments()])]);
  const marketEvents = new LiveMarketEvents(quotes, market.feeds);
  const stored = (accountId: string, epoch: number) => ({ orders: orders.everyWorking().filter((o) => o.accountId === accountId), executions: executions.ofEpoch(accountId, epoch) });
  const alpacaBroker = (account: StoredAccount): Broker =>
    new AlpacaBroker({
      account,
      ledger,
      events,
      instruments,
      orders,
      endpoints: deps.alpaca?.endpoints ?? ALPACA_TRADING_DEFAULTS,
      credentials: deps.alpaca?.credentials ?? noCredentials(),
      now: deps.now,
      timer: deps.timer,
      log,
      stored: stored(account.id, account.epoch),
      ...(deps.alpaca?.tuning === undefined ? {} : { tuning: deps.alpaca.tuning }),
    });
  const desk = new AccountDesk(
    db,
    new AccountsRepository(db),
    state,
    audit,
    (account) =>
      account.broker === 'alpaca' ? alpacaBroker(account) : new PaperBroker({
        account,
        ledger,
        events,
        market: marketEvents,
        instruments,
        nowFor,
        timer: deps.timer,
        ticker: deps.ticker,
        log,
        ...(deps.fillModel === undefined ? {} : { config: deps.fillModel }),
        stored: stored(account.id, account.epoch),
      }),
    deps.now,
  );
  if (deps.alpaca?.paperAccount === true) desk.ensureAlpaca();
  const warmer = new QuoteWarmer(quotes, deps.timer, deps.quoteWaitMs ?? 2_000);
  const gate = new RiskGate({ feeds: market.feeds, quotes, warmer, session: new SessionPnl(executions), nowFor, killSwitchEngaged: () => state.get().killSwitch.engaged });
  const service = new TradingService({ db, desk, gate, instruments, orders, executions, audit, state, events, now: deps.now, activity });
  return {
    service,
    events,
    quotes,
    audit,
    desk,
    activity,
    close() {
      activity.close();
      warmer.close();
      desk.close();
    },
  };
}
