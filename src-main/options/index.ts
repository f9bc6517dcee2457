/** Options in the main process: the chain interface and the sim's chain, the contract's service, and the seams trading plugs in. */
export { createOptions, type Options, type OptionsDeps } from './options';
export type { ChainQuery, OptionChainProvider } from './chain/option-chain-provider';
export { ChainProviders } from './chain/chain-providers';
export { SimChainProvider, type SimChainDeps } from './sim/sim-chain-provider';
export { ExpirySettler, settlementNote } from './expiry/expiry-settler';
export { OptionQuoteSource, quoteOfContract } from './trading/option-quote-source';
export { OptionTradedInstruments } from './trading/option-instruments';
export { OptionsService } from './service/options-service';
export { ChainUpdates } from './service/chain-updates';
