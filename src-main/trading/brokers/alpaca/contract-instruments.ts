import { contractFromOcc } from '../../../../shared/options/option-contract';
import type { TradedInstrument } from '../../../../shared/trading/traded-instrument';
import type { TradedInstruments } from '../../instruments/traded-instruments';

/** Alpaca's option price increment for an order: a cent (Alpaca takes $0.01 on every contract it lists for paper). */
const OPTION_TICK = 0.01;

/**
 * Any OCC option symbol on source `alpaca` as a traded contract (its
 * underlying and multiplier from the symbol): a contract an Alpaca account
 * holds or is offered stays tradable whether or not a chain was loaded.
 * Stocks come from the feed's list; this answers only option symbols.
 */
export class AlpacaContractInstruments implements TradedInstruments {
  resolve(source: string, symbol: string): TradedInstrument | null {
    if (source !== 'alpaca') return null;
    const c = contractFromOcc(symbol);
    if (!c.ok) return null;
    const sym = (s: string): TradedInstrument['symbol'] => s as TradedInstrument['symbol'];
    return { source: 'alpaca', symbol: sym(c.value.symbol), assetClass: 'option', tickSize: OPTION_TICK, lotSize: 1, multiplier: c.value.multiplier, currency: 'USD', underlying: sym(c.value.underlying) };
  }
}
