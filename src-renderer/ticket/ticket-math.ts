import type { FeeSchedule } from '../../shared/trading/account';
import { roundToStep } from '../../shared/trading/decimal-steps';
import type { ExitLeg } from '../../shared/trading/exit-resolution';
import { previewExits, type ExitPreview } from '../../shared/trading/exit-preview';
import type { ExitSpec } from '../../shared/trading/exit-spec';
import { notionalOf } from '../../shared/trading/fees';
import { accept, refuse, type Checked, type FieldError } from '../../shared/trading/field-error';
import { formatAmount, formatQty } from '../../shared/trading/format-amount';
import type { OrderRequest } from '../../shared/trading/order';
import type { Quote } from '../../shared/trading/quote';
import type { TradedInstrument } from '../../shared/trading/traded-instrument';
import type { ExitDraft, TicketDraft } from './ticket-draft';

/** What turns a ticket into an order besides the ticket itself. */
export interface TicketContext {
  readonly accountId: string;
  readonly instrument: TradedInstrument;
  /** The instrument's quote now; null before the first one. */
  readonly quote: Pick<Quote, 'bid' | 'ask'> | null;
  readonly fees: FeeSchedule;
  /** The account's equity (cash + unrealised P&L), for a size in percent; null when unknown. */
  readonly buyingPower: number | null;
  /** The quantity of an empty size field (settings.ticket.defaultQty of the asset class). */
  readonly defaultQty: number;
}

/** A number as typed ("1,250.5" → 1250.5); null when it is not one. */
export function parseNumber(text: string): number | null {
  const t = text.replaceAll(',', '').trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The exit a ticket field asks for: undefined when off, or the field's problem. */
export function exitSpecOf(leg: ExitLeg, draft: ExitDraft): Checked<ExitSpec | undefined> {
  if (draft.unit === 'off') return accept(undefined);
  const n = parseNumber(draft.value);
  if (n === null || n <= 0) return refuse(leg, `${leg === 'takeProfit' ? 'take-profit' : 'stop'}: enter a positive number`);
  switch (draft.unit) {
    case 'price':
      return accept({ kind: 'price', price: n });
    case 'ticks':
      return Number.isInteger(n) ? accept({ kind: 'ticks', ticks: n }) : refuse(leg, `${formatQty(n)} is not a whole number of ticks`);
    case 'percent':
      return accept({ kind: 'percent', percent: n });
    case 'amount':
      return accept({ kind: 'amount', amount: n });
  }
}

/** The price a market order is expected at: the ask for a buy, the bid for a sell. */
export function marketPrice(side: TicketDraft['side'], quote: TicketContext['quote']): number | null {
  if (quote === null) return null;
  return side === 'buy' ? quote.ask : quote.bid;
}

/** The price the order is valued at: its limit, else its stop, else the quote's side. */
export function valuationPrice(draft: TicketDraft, quote: TicketContext['quote']): number | null {
  if (draft.type === 'limit' || draft.type === 'stop_limit') return parseNumber(draft.limitPrice);
  if (draft.type === 'stop') return parseNumber(draft.stopPrice);
  return marketPrice(draft.side, quote);
}

/**
 * The ticket's quantity: typed, or from a notional or a percent of buying
 * power at the order's price, rounded down to the lot (never up: a size in
 * money is a most).
 */
export function quantityOf(draft: TicketDraft, ctx: TicketContext): Checked<number> {
  const { lotSize, multiplier } = ctx.instrument;
  if (draft.sizeMode === 'qty') {
    if (draft.size.trim() === '') return accept(ctx.defaultQty);
    const qty = parseNumber(draft.size);
    if (qty === null || qty <= 0) return refuse('qty', 'quantity: enter a positive number');
    return accept(qty);
  }
  const amount = parseNumber(draft.size);
  if (amount === null || amount <= 0) return refuse('qty', draft.sizeMode === 'notional' ? 'notional: enter a positive amount' : 'percent of buying power: enter a positive number');
  const price = valuationPrice(draft, ctx.quote);
  if (price === null || price <= 0) return refuse('qty', 'no price yet to size the order from');
  let money = amount;
  if (draft.sizeMode === 'percent') {
    if (ctx.buyingPower === null || ctx.buyingPower <= 0) return refuse('qty', 'no buying power to size the order from');
    money = (ctx.buyingPower * amount) / 100;
  }
  const qty = roundToStep(money / (price * multiplier), lotSize, 'down');
  if (!(qty > 0)) return refuse('qty', `${formatAmount(money)} buys less than one lot (${formatQty(lotSize)}) at ${formatAmount(price)}`);
  return accept(qty);
}

/** A typed price (its tick is the core's to check: the steppers keep prices on it, a typed one is named if off). */
function priceField(field: 'limitPrice' | 'stopPrice', text: string): Checked<number> {
  const n = parseNumber(text);
  if (n === null || n <= 0) return refuse(field, `${field === 'limitPrice' ? 'limit price' : 'stop price'}: enter a positive price`);
  return accept(n);
}

/** The order a ticket describes, for `orders.place` (a client order id is added when it is sent). */
export function ticketRequest(draft: TicketDraft, ctx: TicketContext): Checked<OrderRequest> {
  const qty = quantityOf(draft, ctx);
  if (!qty.ok) return qty;
  const { instrument } = ctx;
  const needsLimit = draft.type === 'limit' || draft.type === 'stop_limit';
  const needsStop = draft.type === 'stop' || draft.type === 'stop_limit';
  const limit = needsLimit ? priceField('limitPrice', draft.limitPrice) : null;
  if (limit !== null && !limit.ok) return limit;
  const stop = needsStop ? priceField('stopPrice', draft.stopPrice) : null;
  if (stop !== null && !stop.ok) return stop;
  const takeProfit = exitSpecOf('takeProfit', draft.takeProfit);
  if (!takeProfit.ok) return takeProfit;
  const stopLoss = exitSpecOf('stopLoss', draft.stopLoss);
  if (!stopLoss.ok) return stopLoss;
  return accept({
    accountId: ctx.accountId,
    source: instrument.source,
    symbol: instrument.symbol,
    side: draft.side,
    qty: qty.value,
    type: draft.type,
    ...(limit === null ? {} : { limitPrice: limit.value }),
    ...(stop === null ? {} : { stopPrice: stop.value }),
    tif: draft.tif,
    ...(takeProfit.value === undefined ? {} : { takeProfit: takeProfit.value }),
    ...(stopLoss.value === undefined ? {} : { stopLoss: stopLoss.value }),
    overrideDataGate: draft.overrideDataGate,
  });
}

/** What the ticket shows before sending: the order, its notional, and its exits' money (or why not). */
export interface TicketPreview {
  readonly request: OrderRequest | null;
  /** qty × price × multiplier at the valuation price; null without a price. */
  readonly notional: number | null;
  readonly exits: ExitPreview | null;
  /** The first problem: a field to fix, or why no preview can be made yet. */
  readonly problem: FieldError | null;
}

export function ticketPreview(draft: TicketDraft, ctx: TicketContext): TicketPreview {
  const built = ticketRequest(draft, ctx);
  if (!built.ok) return { request: null, notional: null, exits: null, problem: { field: built.field, message: built.message } };
  const request = built.value;
  const price = valuationPrice(draft, ctx.quote);
  const notional = price === null ? null : notionalOf(request.qty, price, ctx.instrument.multiplier);
  const exits = previewExits(request, marketPrice(draft.side, ctx.quote), ctx.instrument, ctx.fees);
  if (!exits.ok) return { request, notional, exits: null, problem: { field: exits.field, message: exits.message } };
  return { request, notional, exits: exits.value, problem: null };
}
