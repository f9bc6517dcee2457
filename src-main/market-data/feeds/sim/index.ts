export { SimFeed, SIM_TICK_MS, type SimFeedOptions } from './sim-feed';
export { SimMarket, type Quote } from './sim-market';
export { SIM_INSTRUMENTS, type SimInstrument, type SimParams } from './sim-symbols';
