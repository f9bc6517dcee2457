import { memo, type ReactElement } from 'react';
import type { ExpirationInfo } from '../../shared/options/wire/chain-snapshot';
import { expiryLabel } from './option-format';

export interface ExpirationTabsProps {
  readonly expirations: readonly ExpirationInfo[];
  readonly selected: string | null;
  readonly onSelect: (expiry: string) => void;
}

const KIND_MARK = { daily: 'D', weekly: 'W', monthly: 'M' } as const;

/** The listed expirations as tabs, nearest first: date, days to go, the kind, the ~30-day one marked. */
export const ExpirationTabs = memo(function ExpirationTabs({ expirations, selected, onSelect }: ExpirationTabsProps): ReactElement {
  return (
    <div className="expiry-tabs" role="tablist" aria-label="Expirations" data-testid="expiry-tabs">
      {expirations.map((e) => (
        <button
          key={e.expiry}
          type="button"
          role="tab"
          aria-selected={e.expiry === selected}
          className={e.thirtyDay ? 'expiry-tab is-thirty' : 'expiry-tab'}
          title={`${e.expiry}: ${e.kind ?? ''} expiration, ${String(e.days)} days${e.thirtyDay ? ' (the one nearest 30 days)' : ''}`}
          data-testid={`expiry-${e.expiry}`}
          onClick={() => onSelect(e.expiry)}
        >
          <span className="expiry-date">{expiryLabel(e.expiry)}</span>
          <span className="expiry-days num">{e.days === 0 ? '0DTE' : `${String(e.days)}d`}</span>
          {e.kind !== null && <span className="expiry-kind">{KIND_MARK[e.kind]}</span>}
          {e.thirtyDay && <span className="expiry-thirty" aria-label="about 30 days">★</span>}
        </button>
      ))}
    </div>
  );
});
