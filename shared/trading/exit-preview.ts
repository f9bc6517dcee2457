import { feeScheduleSchema, type FeeSchedule } from './account';
import { cleanAmount, roundHalfAway } from './decimal-steps';
import { resolveExitPrice } from './exit-resolution';
import { feeOf, roundMoney } from './fees';
import { refuse, type Checked } from './field-error';
import type { OrderRequest } from './order';
import type { TradedInstrument } from './traded-instrument';

/** What the ticket needs of a request to preview its exits. */
export type ExitPreviewRequest = Pick<OrderRequest, 'side' | 'qty' | 'type' | 'limitPrice' | 'stopPrice' | 'takeProfit' | 'stopLoss'>;

/** The exits of a request as they would be if the entry filled at `entryPrice`, in the instrument's currency. */
export interface ExitPreview {
  /** The limit (the worst fill of a limit or stop-limit), else the stop, else the reference price (a market order). */
  readonly entryPrice: number;
  readonly takeProfit: number | null;
  readonly stopLoss: number | null;
  /** Estimated fee of the entry's fill (the account's schedule). */
  readonly entryFee: number;
  /** Loss when the stop fills at its price: distance × qty × multiplier plus the entry's and the exit's fees. Null without a stop. */
  readonly maxLoss: number | null;
  /** Gain when the take-profit fills: distance × qty × multiplier less both fees. Null without a take-profit. */
  readonly maxReward: number | null;
  /** maxReward ÷ maxLoss to 2 places (2.5 means 2.5 : 1); null unless both exits are set. */
  readonly riskReward: number | null;
}

const DEFAULT_FEES: FeeSchedule = feeScheduleSchema.parse({});

/**
 * The ticket's preview before sending: each exit resolved as it would be on a
 * fill at the entry price (exit-resolution.ts rules, measured from the "entry
 * price"), with the money at stake. `refPrice` is the price a market order is
 * expected at (the ask for a buy, the bid for a sell); null when none is known.
 */
export function previewExits(request: ExitPreviewRequest, refPrice: number | null, instrument: TradedInstrument, fees: FeeSchedule = DEFAULT_FEES): Checked<ExitPreview> {
  const entryPrice = request.limitPrice ?? request.stopPrice ?? refPrice;
  if (entryPrice === null || entryPrice === undefined) return refuse('', 'no price to preview the exits from: no quote yet for a market order');
  const { currency, multiplier } = instrument;
  const entryFee = feeOf(instrument, request.qty, entryPrice, fees);
  const money = (exitPrice: number): number => cleanAmount(Math.abs(exitPrice - entryPrice) * request.qty * multiplier);
  let takeProfit: number | null = null;
  let stopLoss: number | null = null;
  if (request.takeProfit !== undefined) {
    const r = resolveExitPrice(request.takeProfit, 'takeProfit', request.side, entryPrice, instrument, { basis: 'entry price' });
    if (!r.ok) return r;
    takeProfit = r.value.price;
  }
  if (request.stopLoss !== undefined) {
    const r = resolveExitPrice(request.stopLoss, 'stopLoss', request.side, entryPrice, instrument, { basis: 'entry price' });
    if (!r.ok) return r;
    stopLoss = r.value.price;
  }
  const maxLoss = stopLoss === null ? null : roundMoney(money(stopLoss) + entryFee + feeOf(instrument, request.qty, stopLoss, fees), currency);
  const maxReward = takeProfit === null ? null : roundMoney(money(takeProfit) - entryFee - feeOf(instrument, request.qty, takeProfit, fees), currency);
  const riskReward = maxLoss === null || maxReward === null || maxLoss <= 0 ? null : roundHalfAway(maxReward / maxLoss, 2);
  return { ok: true, value: { entryPrice, takeProfit, stopLoss, entryFee, maxLoss, maxReward, riskReward } };
}
