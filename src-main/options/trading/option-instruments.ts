import type { SymbolId } from '../../../shared/domain/symbol';
import { contractFromOcc } from '../../../shared/options/option-contract';
import { optionTick } from '../../../shared/options/sim-chain/quote-spread';
import type { TradedInstrument } from '../../../shared/trading/traded-instrument';
import type { TradedInstruments } from '../../trading/instruments/traded-instruments';
import type { ChainProviders } from '../chain/chain-providers';

/**
 * Option contracts as traded instruments: (chain source, OCC symbol) →
 * asset class option, multiplier 100 (the contract's), whole contracts (lot
 * 1), USD, the underlying named. The tick follows the US penny rule for
 * premiums: $0.01 below $3, $0.05 from $3 — read at the contract's bid now,
 * so every price between its bid and ask is on the grid (a book straddling
 * $3 keeps the penny tick). Any well-formed contract on an underlying the
 * chain covers resolves, listed or expired (a position or a stored order
 * needs its instrument whatever today's listing): whether a contract can be
 * traded now is the chain's to say when its quotes are opened.
 */
export class OptionTradedInstruments implements TradedInstruments {
  constructor(private readonly providers: ChainProviders) {}

  resolve(source: string, symbol: string): TradedInstrument | null {
    const provider = this.providers.get(source);
    if (provider === undefined) return null;
    const contract = contractFromOcc(symbol);
    if (!contract.ok || !provider.covers(contract.value.root)) return null;
    const bid = provider.latest(symbol)?.bid ?? 0;
    return {
      source,
      symbol: symbol as SymbolId,
      assetClass: 'option',
      tickSize: optionTick(bid),
      lotSize: 1,
      multiplier: contract.value.multiplier,
      currency: 'USD',
      underlying: contract.value.underlying as SymbolId,
    };
  }
}
