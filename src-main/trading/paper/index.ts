export { DEFAULT_FILL_CONFIG, fillModelConfigSchema, type FillModelConfig } from './fill-config';
export { planFills, type FillCandidate, type FillPlan, type PlannedFill } from './fill-model';
export { atPrice, onBar, type OrderTerms, type RuleOutcome } from './fill-rules';
export { barPath, type PathLeg } from './bar-path';
export { dayOrderExpiry, marketOf } from './day-expiry';
export { eventTime, type BarEvent, type MarketEvent, type QuoteEvent, type TradeEvent } from './market-event';
export type { PaperEffect } from './paper-effect';
export {
  advanceClock,
  cancelOrder,
  flatten,
  killSwitch,
  onMarketEvent,
  placeOco,
  placeOrder,
  replaceOrder,
  settleExpired,
  stepPaper,
  type FlattenResult,
  type PaperInput,
  type PaperOutcome,
  type PaperRefused,
  type PaperStep,
  type PlaceCommand,
  type PlaceOcoCommand,
  type ReplaceCommand,
  type SettleCommand,
} from './paper-engine';
export type { ReplaceChange } from './paper-replace';
export { createPaperState, restorePaperState, type LiveOrder, type PaperAccount, type PaperInit, type PaperRestore, type PaperState, type StandingQuote } from './paper-state';
