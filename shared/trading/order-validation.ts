import { isOnStep } from './decimal-steps';
import { resolveExitPrice, type ExitLeg } from './exit-resolution';
import type { ExitSpec } from './exit-spec';
import type { FieldError } from './field-error';
import { formatPrice, formatQty } from './format-amount';
import type { OcoRequest } from './oco-request';
import type { Order, OrderRequest } from './order';
import type { TradedInstrument } from './traded-instrument';

/**
 * Bad input, refused before anything is placed: every problem of a request,
 * each naming its field (the ticket marks them all). Checked here, on top of
 * the zod schema, so that callers inside the core (a strategy) get the same
 * refusals as the ticket.
 */

function unknownSymbol(request: { source: string; symbol: string }): FieldError {
  return { field: 'symbol', message: `unknown symbol ${request.symbol} on ${request.source}` };
}

function wrongInstrument(request: { source: string; symbol: string }, instrument: TradedInstrument): FieldError {
  return { field: 'symbol', message: `the instrument given is ${instrument.symbol} on ${instrument.source}, not ${request.symbol} on ${request.source}` };
}

/** A quantity's problem: not a positive finite number, not whole contracts for an option, or off the lot. */
export function checkQty(qty: number, instrument: TradedInstrument): FieldError | null {
  if (!Number.isFinite(qty) || qty <= 0) return { field: 'qty', message: `qty must be a positive number (got ${String(qty)})` };
  if (instrument.assetClass === 'option' && !Number.isInteger(qty)) return { field: 'qty', message: `an option order is for whole contracts (got ${formatQty(qty)})` };
  if (!isOnStep(qty, instrument.lotSize)) return { field: 'qty', message: `qty ${formatQty(qty)} is not a multiple of the lot size ${formatQty(instrument.lotSize)}` };
  return null;
}

/** A price's problem: not a positive finite number, or off the tick. */
export function checkPrice(field: string, price: number, instrument: TradedInstrument): FieldError | null {
  if (!Number.isFinite(price) || price <= 0) return { field, message: `${field} must be a positive number (got ${String(price)})` };
  if (!isOnStep(price, instrument.tickSize)) return { field, message: `${field} ${formatPrice(price, instrument.tickSize)} is off the tick ${formatQty(instrument.tickSize)}` };
  return null;
}

type PriceField = 'limitPrice' | 'stopPrice';

function checkTypedPrice(request: OrderRequest, field: PriceField, needed: boolean, instrument: TradedInstrument): FieldError | null {
  const price = request[field];
  if (needed && price === undefined) return { field, message: `a ${request.type} order needs ${field}` };
  if (!needed && price !== undefined) return { field, message: `a ${request.type} order has no ${field}` };
  return price === undefined ? null : checkPrice(field, price, instrument);
}

/**
 * Every problem of an order request against its instrument (null: the symbol
 * is unknown). `refPrice` is what a market order is expected to fill at (the
 * ask for a buy, the bid for a sell), or null; exits given as prices are
 * checked against the limit, else the stop, else `refPrice` ("a take-profit
 * on the wrong side"), and distances that would put an exit at or below zero
 * are refused. The account is the caller's to check (it knows them).
 */
export function validateOrderRequest(request: OrderRequest, instrument: TradedInstrument | null, refPrice: number | null): FieldError[] {
  if (instrument === null) return [unknownSymbol(request)];
  if (instrument.symbol !== request.symbol || instrument.source !== request.source) return [wrongInstrument(request, instrument)];
  const errors: FieldError[] = [];
  const push = (e: FieldError | null): void => {
    if (e !== null) errors.push(e);
  };
  push(checkQty(request.qty, instrument));
  push(checkTypedPrice(request, 'limitPrice', request.type === 'limit' || request.type === 'stop_limit', instrument));
  push(checkTypedPrice(request, 'stopPrice', request.type === 'stop' || request.type === 'stop_limit', instrument));
  if (instrument.assetClass === 'option' && request.tif !== 'day') push({ field: 'tif', message: `an option order is a day order (tif day), not ${request.tif}` });
  const hasExits = request.takeProfit !== undefined || request.stopLoss !== undefined;
  if (hasExits && request.tif === 'ioc') push({ field: 'tif', message: 'an order with a take-profit or stop needs time in force day or gtc, not ioc' });
  if (errors.some((e) => e.field === 'limitPrice' || e.field === 'stopPrice')) return errors;
  const basis = request.limitPrice ?? request.stopPrice ?? refPrice;
  const legs: [ExitLeg, ExitSpec | undefined][] = [
    ['takeProfit', request.takeProfit],
    ['stopLoss', request.stopLoss],
  ];
  for (const [leg, spec] of legs) {
    if (spec === undefined) continue;
    if (spec.kind === 'price') {
      const bad = checkPrice(leg, spec.price, instrument);
      if (bad !== null) {
        errors.push(bad);
        continue;
      }
    }
    if (basis === null) continue;
    const r = resolveExitPrice(spec, leg, request.side, basis, instrument, { basis: 'entry price' });
    if (!r.ok) errors.push({ field: r.field, message: r.message });
  }
  return errors;
}

/** Every problem of a stand-alone OCO pair: quantity, prices on the tick, and the limit and stop on their sides (a sell: limit above the stop). */
export function validateOcoRequest(request: OcoRequest, instrument: TradedInstrument | null): FieldError[] {
  if (instrument === null) return [unknownSymbol(request)];
  if (instrument.symbol !== request.symbol || instrument.source !== request.source) return [wrongInstrument(request, instrument)];
  const errors = [checkQty(request.qty, instrument), checkPrice('limitPrice', request.limitPrice, instrument), checkPrice('stopPrice', request.stopPrice, instrument)].filter(
    (e): e is FieldError => e !== null,
  );
  if (errors.length > 0) return errors;
  const tick = instrument.tickSize;
  const sell = request.side === 'sell';
  if (sell ? request.stopPrice >= request.limitPrice : request.stopPrice <= request.limitPrice) {
    errors.push({
      field: 'stopPrice',
      message: `a ${request.side} OCO's stop ${formatPrice(request.stopPrice, tick)} must be ${sell ? 'below' : 'above'} its limit ${formatPrice(request.limitPrice, tick)}`,
    });
  }
  return errors;
}

function sameSpec(a: ExitSpec | null, b: ExitSpec | undefined): boolean {
  if (a === null || b === undefined) return a === null && b === undefined;
  return JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());
}

function show(v: string | number | ExitSpec | null | undefined): string {
  if (v === null || v === undefined) return 'none';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * A retry with the same client order id is the same order when its contents
 * match the order placed first (then the first is returned, nothing new is
 * placed); with other contents it is refused, naming clientOrderId and the
 * first field that differs. Null: the same contents.
 */
export function clientOrderIdConflict(existing: Order, request: OrderRequest): FieldError | null {
  const pairs: [string, string | number | ExitSpec | null | undefined, string | number | ExitSpec | null | undefined, boolean][] = [
    ['accountId', existing.accountId, request.accountId, existing.accountId === request.accountId],
    ['source', existing.source, request.source, existing.source === request.source],
    ['symbol', existing.symbol, request.symbol, existing.symbol === request.symbol],
    ['side', existing.side, request.side, existing.side === request.side],
    ['qty', existing.qty, request.qty, existing.qty === request.qty],
    ['type', existing.type, request.type, existing.type === request.type],
    ['limitPrice', existing.limitPrice, request.limitPrice, existing.limitPrice === (request.limitPrice ?? null)],
    ['stopPrice', existing.stopPrice, request.stopPrice, existing.stopPrice === (request.stopPrice ?? null)],
    ['tif', existing.tif, request.tif, existing.tif === request.tif],
    ['takeProfit', existing.takeProfit, request.takeProfit, sameSpec(existing.takeProfit, request.takeProfit)],
    ['stopLoss', existing.stopLoss, request.stopLoss, sameSpec(existing.stopLoss, request.stopLoss)],
    ['setup', existing.setup, request.setup, existing.setup === (request.setup ?? null)],
  ];
  const diff = pairs.find((p) => !p[3]);
  if (diff === undefined) return null;
  const [name, was, now] = diff;
  return {
    field: 'clientOrderId',
    message: `clientOrderId ${existing.clientOrderId} was already used for a different order (${name} ${show(was)} there, ${show(now)} here)`,
  };
}
