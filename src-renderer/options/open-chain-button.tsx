import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { findInstrument } from '../feeds/feed-lookup';
import { chainSourceOf } from './chain-source';

export interface OpenChainButtonProps {
  readonly symbol: string;
  /** Where the symbol is quoted; null until resolved. */
  readonly source: string | null;
}

/** Opens the options chain of `symbol` in the Options tab; shown for US stocks and ETFs only (the ones with listed options). */
export function OpenChainButton({ symbol, source }: OpenChainButtonProps): ReactElement | null {
  const { options, feeds } = useAppStores();
  const instrument = useStore(feeds, (s) => findInstrument(s.feeds, source ?? '', symbol));
  if (instrument?.market !== 'us-equity') return null;
  return (
    <button
      type="button"
      className="icon-button open-chain"
      title={`Options chain of ${symbol}`}
      aria-label={`Options chain of ${symbol}`}
      data-testid={`open-chain-${symbol}`}
      onClick={(e) => {
        e.stopPropagation();
        // Alpaca's chain for a symbol quoted from Alpaca, else the sim's.
        options.getState().open(symbol, true, chainSourceOf(source, instrument));
      }}
    >
      {/* Text, not a pictograph: fonts without U+26D3 (Debian's Chromium, many Linux desktops) drew an empty box. */}
      Opt
    </button>
  );
}
