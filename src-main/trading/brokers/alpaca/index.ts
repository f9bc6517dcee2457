/** Alpaca's paper broker behind the Broker interface: endpoints (paper only), the broker, and the seams tests and the app wire. Alpaca's trading formats stay inside this folder. */
export { AlpacaBroker, type AlpacaBrokerDeps, type AlpacaBrokerTuning } from './alpaca-broker';
export { ALPACA_PAPER_STREAM_URL, ALPACA_PAPER_TRADING_URL, ALPACA_TRADING_DEFAULTS, assertPaperEndpoint, LiveTradingRefusedError, paperEndpoints, type AlpacaTradingEndpoints } from './trading-endpoints';
export { AlpacaContractInstruments } from './contract-instruments';
