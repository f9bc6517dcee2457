import type { Ticker } from '../platform/app/clock';
import { SimMarket } from '../market-data/feeds/sim/sim-market';
import type { Logger } from '../platform/rpc';
import type { TradedInstruments } from '../trading/instruments/traded-instruments';
import type { InstrumentQuoteSource } from '../trading/quotes/instrument-quote-source';
import { ChainProviders } from './chain/chain-providers';
import type { OptionChainProvider } from './chain/option-chain-provider';
import { ExpirySettler, type ExpirySettlerDeps } from './expiry/expiry-settler';
import { ChainUpdates } from './service/chain-updates';
import { OptionsService } from './service/options-service';
import { SimChainProvider } from './sim/sim-chain-provider';
import { OptionQuoteSource } from './trading/option-quote-source';
import { OptionTradedInstruments } from './trading/option-instruments';

/** Generated bars the chain's own copy of the sim keeps (today's session and a few closes before it). */
const SIM_CACHE_BARS = 20_000;

export interface OptionsDeps {
  /** The sim's seed: the simulated chain is on the same market as the sim feed. */
  readonly simSeed: number;
  /** The market clock of a source (the wall clock live; a test's clock). */
  readonly nowFor: (source: string) => number;
  readonly ticker: Ticker;
  readonly log: Logger;
  /** Chains besides the sim's (Alpaca's, when its provider lands). */
  readonly providers?: readonly OptionChainProvider[];
}

export interface Options {
  readonly providers: ChainProviders;
  readonly service: OptionsService;
  readonly updates: ChainUpdates;
  /** For createTrading: contracts as instruments... */
  readonly instruments: TradedInstruments;
  /** ...and their quotes, from their chain. */
  readonly quoteSource: InstrumentQuoteSource;
  /** Starts closing paper positions in expired contracts (the brokers and their position changes come from trading, wired after this). */
  settleExpiries(trading: Pick<ExpirySettlerDeps, 'brokers' | 'onPositions'>): void;
  close(): void;
}

/** Options, wired: the chains (the sim's), the contract's service, chain updates, the trading seams and the expiry settler. */
export function createOptions(deps: OptionsDeps): Options {
  const sim = new SimChainProvider({ seed: deps.simSeed, market: new SimMarket(deps.simSeed, undefined, SIM_CACHE_BARS), now: () => deps.nowFor('sim'), ticker: deps.ticker });
  const providers = new ChainProviders([sim, ...(deps.providers ?? [])]);
  const service = new OptionsService(providers, deps.nowFor);
  const updates = new ChainUpdates(providers, service, deps.ticker, () => deps.nowFor('sim'), deps.log);
  let settler: ExpirySettler | null = null;
  return {
    providers,
    service,
    updates,
    instruments: new OptionTradedInstruments(providers),
    quoteSource: new OptionQuoteSource(providers, deps.ticker, deps.log),
    settleExpiries(trading) {
      settler ??= new ExpirySettler({ ...trading, providers, now: deps.nowFor, ticker: deps.ticker, log: deps.log });
      settler.start();
    },
    close() {
      settler?.close();
      providers.close();
    },
  };
}
