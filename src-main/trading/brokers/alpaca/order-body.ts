import { isOnStep } from '../../../../shared/trading/decimal-steps';
import type { FieldError } from '../../../../shared/trading/field-error';
import type { OcoRequest } from '../../../../shared/trading/oco-request';
import type { Order, OrderRequest } from '../../../../shared/trading/order';
import type { TradedInstrument } from '../../../../shared/trading/traded-instrument';
import type { NewOrderBody } from './trading-rest';

/**
 * Tapedeck's orders as Alpaca's POST /v2/orders bodies, and the rules
 * Alpaca holds them to that Tapedeck checks before sending (PROTOCOLS.md
 * "Alpaca", order rules):
 * - US stocks: market, limit, stop, stop-limit; whole shares; exits given as
 *   prices go to Alpaca as its own order classes (both: bracket, one: OTO),
 *   whose legs Alpaca holds until the entry is completely filled; a bracket
 *   or OTO is day or gtc, and a buy bracket needs take-profit > stop-loss,
 *   each at least $0.01 beyond the entry's price;
 * - options: simple orders only, market or limit, day, whole contracts; no
 *   OCO, bracket or OTO at Alpaca, so a take-profit is Tapedeck's own,
 *   placed when the entry fills (its stop-loss cannot be held beside it and
 *   is refused);
 * - exits given as distances (ticks, %, per unit) are Tapedeck's too,
 *   resolved from the entry's fill and placed then (an OCO pair at Alpaca
 *   when both are given).
 */

/** ≥ $0.01 beyond the base price: Alpaca's minimum distance for a bracket leg. */
const MIN_LEG_DISTANCE = 0.01;

/** Who holds an entry's exits: Alpaca (its bracket/OTO legs) or Tapedeck (placed on the entry's fill). */
export type ExitHolder = 'alpaca' | 'tapedeck';

export function isOption(instrument: Pick<TradedInstrument, 'assetClass'>): boolean {
  return instrument.assetClass === 'option';
}

/** Price exits on a stock go to Alpaca as legs; anything else is held by Tapedeck until the fill. */
export function exitHolder(entry: Pick<Order, 'takeProfit' | 'stopLoss'>, instrument: Pick<TradedInstrument, 'assetClass'>): ExitHolder {
  if (isOption(instrument)) return 'tapedeck';
  const specs = [entry.takeProfit, entry.stopLoss].filter((s) => s !== null);
  return specs.every((s) => s.kind === 'price') ? 'alpaca' : 'tapedeck';
}

const refuse = (field: string, message: string): FieldError => ({ field, message });

/** What Alpaca would refuse of an order request (checked before anything is stored or sent). */
export function alpacaOrderRules(request: OrderRequest, instrument: TradedInstrument): FieldError[] {
  const errors: FieldError[] = [];
  if (request.source !== 'alpaca') {
    errors.push(refuse('source', `an Alpaca account trades Alpaca's US stocks and options (source alpaca), not ${request.source}`));
    return errors;
  }
  if (instrument.assetClass !== 'equity' && instrument.assetClass !== 'option') {
    errors.push(refuse('symbol', `Alpaca paper trading here covers US stocks and options, not ${instrument.assetClass}`));
    return errors;
  }
  if (!Number.isInteger(request.qty)) errors.push(refuse('qty', isOption(instrument) ? 'Alpaca takes whole option contracts' : 'Tapedeck sends whole shares to Alpaca'));
  for (const field of ['limitPrice', 'stopPrice'] as const) {
    const p = request[field];
    if (p !== undefined && !isOnStep(p, instrument.tickSize)) errors.push(refuse(field, `${String(p)} is not on the ${String(instrument.tickSize)} tick`));
  }
  if (isOption(instrument)) {
    if (request.type !== 'market' && request.type !== 'limit') errors.push(refuse('type', 'Alpaca takes market and limit orders on options'));
    if (request.tif !== 'day') errors.push(refuse('tif', 'Alpaca takes options orders as day orders'));
    if (request.stopLoss !== undefined) {
      errors.push(refuse('stopLoss', 'Alpaca holds no OCO, bracket or stop beside a take-profit on an option: give a take-profit (placed by Tapedeck when the entry fills) or no exit'));
    }
    return errors;
  }
  const legs = exitHolder({ takeProfit: request.takeProfit ?? null, stopLoss: request.stopLoss ?? null }, instrument) === 'alpaca' && (request.takeProfit !== undefined || request.stopLoss !== undefined);
  if (!legs) return errors;
  if (request.tif !== 'day' && request.tif !== 'gtc') errors.push(refuse('tif', 'a bracket or OTO at Alpaca is a day or gtc order'));
  const tp = request.takeProfit?.kind === 'price' ? request.takeProfit.price : undefined;
  const sl = request.stopLoss?.kind === 'price' ? request.stopLoss.price : undefined;
  const up = request.side === 'buy';
  if (tp !== undefined && sl !== undefined && (up ? tp <= sl : tp >= sl)) {
    errors.push(refuse('takeProfit', `a ${request.side} bracket needs the take-profit ${up ? 'above' : 'below'} the stop-loss`));
  }
  const base = request.type === 'limit' || request.type === 'stop_limit' ? request.limitPrice : request.type === 'stop' ? request.stopPrice : undefined;
  if (base !== undefined) {
    const beyond = (price: number, dir: 1 | -1): boolean => (dir > 0 ? price >= base + MIN_LEG_DISTANCE - 1e-9 : price <= base - MIN_LEG_DISTANCE + 1e-9);
    if (tp !== undefined && !beyond(tp, up ? 1 : -1)) errors.push(refuse('takeProfit', `the take-profit must be at least $0.01 ${up ? 'above' : 'below'} the entry's ${String(base)}`));
    if (sl !== undefined && !beyond(sl, up ? -1 : 1)) errors.push(refuse('stopLoss', `the stop-loss must be at least $0.01 ${up ? 'below' : 'above'} the entry's ${String(base)}`));
  }
  return errors;
}

/** What Alpaca refuses of a stand-alone OCO pair: stocks only, whole shares. */
export function alpacaOcoRules(request: OcoRequest, instrument: TradedInstrument): FieldError[] {
  if (request.source !== 'alpaca') return [refuse('source', `an Alpaca account trades Alpaca's US stocks and options (source alpaca), not ${request.source}`)];
  if (instrument.assetClass !== 'equity') return [refuse('symbol', 'Alpaca holds OCO pairs on US stocks only (none on options)')];
  return Number.isInteger(request.qty) ? [] : [refuse('qty', 'Tapedeck sends whole shares to Alpaca')];
}

const text = (n: number): string => String(n);

/** The fields every body has: symbol, quantity, side, type, prices, time in force, our client order id. */
function simpleBody(o: Order): NewOrderBody {
  return {
    symbol: o.symbol,
    qty: text(o.qty),
    side: o.side,
    type: o.type,
    timeInForce: o.tif,
    clientOrderId: o.clientOrderId,
    ...(o.limitPrice === null ? {} : { limitPrice: text(o.limitPrice) }),
    ...(o.stopPrice === null ? {} : { stopPrice: text(o.stopPrice) }),
  };
}

/**
 * An entry's body: simple, or with Alpaca's legs when it holds the exits
 * (both: bracket; one: OTO) at the prices the trader gave.
 */
export function entryBody(entry: Order, holder: ExitHolder): NewOrderBody {
  const body = simpleBody(entry);
  if (holder !== 'alpaca') return { ...body, orderClass: 'simple' };
  const tp = entry.takeProfit?.kind === 'price' ? entry.takeProfit.price : null;
  const sl = entry.stopLoss?.kind === 'price' ? entry.stopLoss.price : null;
  if (tp === null && sl === null) return { ...body, orderClass: 'simple' };
  return {
    ...body,
    orderClass: tp !== null && sl !== null ? 'bracket' : 'oto',
    ...(tp === null ? {} : { takeProfit: { limitPrice: text(tp) } }),
    ...(sl === null ? {} : { stopLoss: { stopPrice: text(sl) } }),
  };
}

/**
 * Exits Tapedeck armed on a fill: one as a simple order; a take-profit and a
 * stop together as Alpaca's OCO (the limit is the order, the stop its leg),
 * so Alpaca cancels one when the other fills. The body's client order id is
 * the first order's (the take-profit's in a pair).
 */
export function exitsBody(exits: readonly Order[]): NewOrderBody {
  const limit = exits.find((o) => o.type === 'limit');
  const stop = exits.find((o) => o.type === 'stop' || o.type === 'stop_limit');
  if (exits.length === 2 && limit !== undefined && stop !== undefined && stop.stopPrice !== null) {
    return {
      ...simpleBody(limit),
      orderClass: 'oco',
      takeProfit: { limitPrice: text(limit.limitPrice ?? 0) },
      stopLoss: { stopPrice: text(stop.stopPrice), ...(stop.limitPrice === null ? {} : { limitPrice: text(stop.limitPrice) }) },
    };
  }
  const only = exits[0];
  if (only === undefined || exits.length !== 1) throw new RangeError(`exitsBody needs one exit or a limit and a stop, got ${String(exits.length)}`);
  return { ...simpleBody(only), orderClass: 'simple' };
}
