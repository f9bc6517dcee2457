import { ContractFailure } from '../../../shared/contract';
import type { OptionChainProvider } from './option-chain-provider';

/** The option chains of this run, by source (`sim`; `alpaca` when its provider is plugged in). */
export class ChainProviders {
  private readonly bySource: ReadonlyMap<string, OptionChainProvider>;

  constructor(providers: readonly OptionChainProvider[]) {
    this.bySource = new Map(providers.map((p) => [p.source, p]));
  }

  get(source: string): OptionChainProvider | undefined {
    return this.bySource.get(source);
  }

  /** The chain of a source, or NOT_FOUND naming params.source. */
  require(source: string): OptionChainProvider {
    const p = this.bySource.get(source);
    if (p === undefined) throw new ContractFailure('NOT_FOUND', `no option chain on "${source}" (chains: ${[...this.bySource.keys()].join(', ')})`, 'params.source');
    return p;
  }

  all(): readonly OptionChainProvider[] {
    return [...this.bySource.values()];
  }

  close(): void {
    for (const p of this.bySource.values()) p.close();
  }
}
