import { useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { ErrorNote } from '../app/error-note';
import { parseNumber } from '../ticket/ticket-math';
import { money } from './money-format';
import { RiskLimitsForm } from './risk-limits-form';
import { AlpacaKeysForm } from './alpaca-keys-form';
import { useTrading } from './use-trading';

export interface AccountMenuProps {
  readonly onClose: () => void;
}

/** Switch the active paper account, create one (name, starting cash, $1,000 unless changed) or reset the active one. */
export function AccountMenu({ onClose }: AccountMenuProps): ReactElement {
  const { accounts: store } = useTrading();
  const accounts = useStore(store, (s) => s.accounts);
  const activeId = useStore(store, (s) => s.activeId);
  const busy = useStore(store, (s) => s.busy);
  const error = useStore(store, (s) => s.error);
  const [name, setName] = useState('');
  const [cash, setCash] = useState('1000');
  const [confirmReset, setConfirmReset] = useState(false);
  const active = accounts.find((a) => a.id === activeId) ?? null;
  const startingCash = parseNumber(cash);
  const canCreate = name.trim() !== '' && startingCash !== null && startingCash > 0 && !busy;

  return (
    <div
      className="account-menu"
      role="dialog"
      aria-label="Paper accounts"
      data-testid="account-menu"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
      }}
    >
      <ul className="account-list" role="listbox" aria-label="Accounts">
        {accounts.map((a) => (
          <li key={a.id} role="option" aria-selected={a.id === activeId}>
            <button
              type="button"
              className={a.id === activeId ? 'account-item is-active' : 'account-item'}
              data-testid={`account-item-${a.name}`}
              disabled={busy}
              onClick={() => {
                void store
                  .getState()
                  .select(a.id)
                  .then((e) => {
                    if (e === null) onClose();
                  });
              }}
            >
              <span>{a.name}</span>
              <span className="num muted">
                {money(a.cash)} {a.currency}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <form
        className="account-create"
        onSubmit={(e) => {
          e.preventDefault();
          if (!canCreate) return;
          void store
            .getState()
            .create(name.trim(), startingCash)
            .then((err) => {
              if (err === null) onClose();
            });
        }}
      >
        <span className="account-menu-title">New paper account</span>
        <input className="input" aria-label="Account name" placeholder="Name" maxLength={64} value={name} data-testid="account-new-name" onChange={(e) => setName(e.target.value)} />
        <input className="input num" aria-label="Starting cash" inputMode="decimal" value={cash} data-testid="account-new-cash" onChange={(e) => setCash(e.target.value)} />
        <button type="submit" className="button" disabled={!canCreate} data-testid="account-create">
          Create
        </button>
      </form>
      {active !== null && (
        <div className="account-reset">
          {confirmReset ? (
            <>
              <span className="account-reset-note">
                Cancel {active.name}&apos;s orders and start again from {money(active.startingCash)} {active.currency}?
              </span>
              <button
                type="button"
                className="button button-danger"
                data-testid="account-reset-confirm"
                disabled={busy}
                onClick={() => {
                  void store
                    .getState()
                    .reset(active.id)
                    .then((err) => {
                      if (err === null) onClose();
                    });
                }}
              >
                Reset
              </button>
              <button type="button" className="button" onClick={() => setConfirmReset(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="button" data-testid="account-reset" disabled={busy} onClick={() => setConfirmReset(true)}>
              Reset {active.name}…
            </button>
          )}
        </div>
      )}
      {active !== null && (
        <details className="account-risk" data-testid="account-risk">
          <summary>Risk limits</summary>
          <RiskLimitsForm key={active.id} account={active} busy={busy} onSave={(patch) => store.getState().setRisk(active.id, patch)} />
        </details>
      )}
      <AlpacaKeysForm />
      {error !== null && <ErrorNote error={error} onDismiss={() => store.getState().clearError()} testId="account-error" />}
    </div>
  );
}
