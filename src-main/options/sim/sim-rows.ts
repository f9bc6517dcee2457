import { asEpochMs } from '../../../shared/domain/epoch';
import type { SymbolId } from '../../../shared/domain/symbol';
import { intrinsicValue } from '../../../shared/options/option-contract';
import type { OptionQuote } from '../../../shared/options/sim-chain/sim-option-chain';
import { SIM_OPTION_RATE } from '../../../shared/options/sim-chain/sim-option-params';
import { breakEven } from '../../../shared/options/ticket-math';
import type { ChainRow } from '../../../shared/options/wire/chain-row';
import type { ContractQuote } from '../../../shared/options/wire/contract-quote';
import { expiryText } from '../../../shared/options/wire/expiry-date';

/** Strikes and premiums are in thousandths of a dollar at most: a sum of them is cleaned to that. */
function thousandths(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * A simulated contract's quote as a chain row: the sim has no prints (last
 * is null); the mark is the quote's mid; greeks in the row's units (theta
 * per calendar day, vega per vol point); the break-even at the ask.
 */
export function simChainRow(q: OptionQuote): ChainRow {
  const c = q.contract;
  const g = q.greeks;
  return {
    symbol: c.symbol as SymbolId,
    type: c.type,
    strike: c.strike,
    expiry: expiryText(c.expiryDate),
    bid: q.bid,
    ask: q.ask,
    mark: q.mid,
    last: null,
    iv: q.iv,
    delta: g?.delta ?? null,
    gamma: g?.gamma ?? null,
    thetaPerDay: g?.thetaPerDay ?? null,
    vegaPerPoint: g?.vegaPerPoint ?? null,
    volume: q.volume,
    openInterest: q.openInterest,
    breakEven: q.ask > 0 ? thousandths(breakEven(c.type, c.strike, q.ask)) : null,
    inTheMoney: intrinsicValue(c.type, c.strike, q.underlyingPrice) > 0,
  };
}

/** One simulated contract in full (contract-quote.ts). */
export function simContractQuote(q: OptionQuote, dividendYield: number): ContractQuote {
  const c = q.contract;
  return {
    ...simChainRow(q),
    source: 'sim',
    underlying: c.underlying as SymbolId,
    root: c.root,
    expiresAt: asEpochMs(c.expiryTime),
    multiplier: c.multiplier,
    status: q.status,
    underlyingPrice: q.underlyingPrice,
    time: asEpochMs(q.time),
    rate: SIM_OPTION_RATE,
    dividendYield,
    rhoPerPoint: q.greeks?.rhoPerPoint ?? null,
    theo: q.theo,
  };
}
