import type { ReactElement } from 'react';
import type { SymbolMatch } from './symbol-matches';

export interface SymbolOptionProps {
  readonly id: string;
  readonly match: SymbolMatch;
  readonly active: boolean;
  readonly onChoose: (match: SymbolMatch) => void;
  readonly onHover: () => void;
}

/** One search result: symbol, description, market and a tag per feed listing it (SIM ones badged). */
export function SymbolOption({ id, match, active, onChoose, onHover }: SymbolOptionProps): ReactElement {
  return (
    <li
      id={id}
      className={active ? 'symbol-option is-active' : 'symbol-option'}
      role="option"
      aria-selected={active}
      data-testid="symbol-search-option"
      data-symbol={match.symbol}
      // Keep the focus in the input, so the click lands before the list closes on blur.
      onMouseDown={(e) => {
        e.preventDefault();
      }}
      onMouseMove={onHover}
      onClick={() => {
        onChoose(match);
      }}
    >
      <span className="symbol-option-symbol">{match.symbol}</span>
      <span className="symbol-option-sources">
        {match.watched && <span className="symbol-option-watched">watched</span>}
        {match.sources.map((s) => (
          <span key={s.id} className={s.simulated ? 'tag tag-sim' : 'tag tag-source'} data-source={s.id}>
            {s.id.toUpperCase()}
          </span>
        ))}
      </span>
      <span className="symbol-option-description" title={match.description}>
        {match.description}
      </span>
      <span className="symbol-option-market">{match.market}</span>
    </li>
  );
}
