import type { OptionType } from './option-type';

/**
 * The figures an order ticket shows for buying options (long calls or puts),
 * in dollars. Premiums are per unit of the underlying, as quoted; a contract
 * is `multiplier` units (100).
 */
export interface LongOptionTicket {
  readonly type: OptionType;
  readonly strike: number;
  /** Premium paid per unit (the fill or limit price). */
  readonly premium: number;
  /** Contracts. */
  readonly quantity: number;
  readonly multiplier: number;
  /** All fees and commissions for the round trip, in dollars. */
  readonly fees: number;
}

export interface TicketFigures {
  /** The underlying's price at expiry at which the position breaks even before fees: strike + premium (call), strike − premium (put). */
  readonly breakEven: number;
  /** Cost of the position = the most a long option can lose: premium × multiplier × quantity + fees. */
  readonly maxLoss: number;
  /** Profit if closed at the take-profit premium (after fees), when one is given. */
  readonly rewardAtTakeProfit: number | null;
  /** rewardAtTakeProfit / maxLoss. */
  readonly rewardToRisk: number | null;
}

export function breakEven(type: OptionType, strike: number, premium: number): number {
  return type === 'call' ? strike + premium : strike - premium;
}

export function ticketFigures(t: LongOptionTicket, takeProfitPremium?: number): TicketFigures {
  const units = t.multiplier * t.quantity;
  const maxLoss = t.premium * units + t.fees;
  const reward = takeProfitPremium === undefined ? null : (takeProfitPremium - t.premium) * units - t.fees;
  return {
    breakEven: breakEven(t.type, t.strike, t.premium),
    maxLoss,
    rewardAtTakeProfit: reward,
    rewardToRisk: reward === null || maxLoss <= 0 ? null : reward / maxLoss,
  };
}
