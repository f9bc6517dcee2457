import { touchProbability } from '../../shared/options/touch-probability';
import { breakEven } from '../../shared/options/ticket-math';
import type { OptionType } from '../../shared/options/option-type';
import { roundMoney } from '../../shared/trading/fees';
import type { Side } from '../../shared/trading/order';

/** What the option ticket's figures are computed from (prices per share, as quoted). */
export interface OptionTicketInput {
  readonly side: Side;
  readonly type: OptionType;
  readonly strike: number;
  /** The limit price: the premium per share paid (a buy) or received (a sell). */
  readonly premium: number;
  /** Contracts. */
  readonly qty: number;
  readonly multiplier: number;
  /** The account's fee per contract, in dollars. */
  readonly feePerContract: number;
  /** The take-profit premium per share, or null without one. */
  readonly takeProfit: number | null;
  /** The model's inputs for the touch probability (null when the chain gives no IV). */
  readonly model: { readonly spot: number; readonly rate: number; readonly dividendYield: number; readonly years: number; readonly iv: number } | null;
}

export interface OptionTicketFigures {
  /** premium × multiplier × qty: what the contracts cost (or bring in, a sell). */
  readonly premiumTotal: number;
  /** The entry's fees: per contract × qty. */
  readonly entryFees: number;
  /** The underlying's price at expiry at which a buy breaks even before fees: strike + premium (call), strike − premium (put). */
  readonly breakEven: number;
  /** A long option's worst case, expiring worthless (settled without a fee): premium × multiplier × qty + the entry's fees; null for a sell. */
  readonly maxLoss: number | null;
  /** Closing at the take-profit: (take-profit − premium) × multiplier × qty less both fills' fees; null without one or for a sell. */
  readonly rewardAtTakeProfit: number | null;
  readonly rewardToRisk: number | null;
  /** The model's probability that the underlying reaches the level where the contract is worth the take-profit before expiry (an upper bound on the premium's touch: see shared/options/touch-probability.ts). */
  readonly touchProbability: number | null;
}

/** The ticket's money for an option order, every amount rounded to the cent. */
export function optionTicketFigures(t: OptionTicketInput): OptionTicketFigures {
  const units = t.multiplier * t.qty;
  const premiumTotal = roundMoney(t.premium * units, 'USD');
  const entryFees = roundMoney(t.feePerContract * t.qty, 'USD');
  const buy = t.side === 'buy';
  const maxLoss = buy ? roundMoney(premiumTotal + entryFees, 'USD') : null;
  const reward = buy && t.takeProfit !== null ? roundMoney((t.takeProfit - t.premium) * units - 2 * entryFees, 'USD') : null;
  let touch: number | null = null;
  if (buy && t.takeProfit !== null && t.model !== null && t.model.years > 0) {
    touch = touchProbability({ type: t.type, spot: t.model.spot, strike: t.strike, rate: t.model.rate, dividendYield: t.model.dividendYield, years: t.model.years, vol: t.model.iv }, t.takeProfit).probability;
  }
  return {
    premiumTotal,
    entryFees,
    breakEven: Math.round(breakEven(t.type, t.strike, t.premium) * 1000) / 1000,
    maxLoss,
    rewardAtTakeProfit: reward,
    rewardToRisk: reward === null || maxLoss === null || maxLoss <= 0 ? null : reward / maxLoss,
    touchProbability: touch,
  };
}
