/** The options library: pure pricing, implied volatility, OCC symbols, contracts, ticket math, the contract picker and the simulated chain. */
export { bsm, bsmPrice, europeanIntrinsic, europeanUpperBound, forwardOf, type BsmInputs, type BsmResult, type MarketInputs } from './black-scholes';
export { impliedVol, type ImpliedVolInputs, type ImpliedVolResult, type NoImpliedVolReason } from './implied-vol';
export { DAYS_PER_YEAR, type OptionGreeks } from './option-greeks';
export { optionSign, optionTypeSchema, type OptionType } from './option-type';
export { checkMarketInputs, checkPricingInputs } from './pricing-inputs';
export type { Checked, OptionsInputError } from './options-input-error';
export { formatOccSymbol, isAdjustedRoot, padOccSymbol, parseOccSymbol, type OccParts } from './occ-symbol';
export {
  contractFromOcc,
  describeContract,
  EXPIRY_MINUTE_NY,
  expiryInstant,
  intrinsicValue,
  isExpired,
  optionContract,
  STANDARD_MULTIPLIER,
  yearsToExpiry,
  type ContractSpec,
  type OptionContract,
} from './option-contract';
export { breakEven, ticketFigures, type LongOptionTicket, type TicketFigures } from './ticket-math';
export { touchProbability, underlyingForPremium, type TouchProbability } from './touch-probability';
export { pickContract, type PickCandidate, type PickRule, type StrikeRule } from './contract-picker';
export { listExpirations, type Expiration, type ExpirationKind } from './sim-chain/expirations';
export { SimOptionChain, type ChainExpiration, type ChainSnapshot, type OptionQuote, type SimUnderlying } from './sim-chain/sim-option-chain';
export { SIM_OPTION_PARAMS, SIM_OPTION_RATE, simOptionParams, type SimOptionParams } from './sim-chain/sim-option-params';
export { optionTick } from './sim-chain/quote-spread';
