import { useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { AccountMenu } from './account-menu';
import { money, pnlTone } from './money-format';
import { useAccountMoney, useActiveAccount, useTrading } from './use-trading';

/** The active paper account, always visible: its name, cash and equity; a click opens the account menu. */
export function AccountChip(): ReactElement {
  const account = useActiveAccount();
  const cash = useAccountMoney();
  const count = useStore(useTrading().accounts, (s) => s.accounts.length);
  const [open, setOpen] = useState(false);
  const equityTone = cash === null || account === null ? 'tone-muted' : pnlTone(cash.equity - account.startingCash);
  return (
    <span className="account-chip-wrap">
      <button
        type="button"
        className="account-chip"
        data-testid="account-chip"
        data-account={account?.id ?? ''}
        aria-haspopup="dialog"
        aria-expanded={open}
        title={account === null ? 'No paper account yet' : `${account.name}: ${String(count)} account(s); click to switch, create or reset`}
        onClick={() => {
          setOpen(!open);
        }}
      >
        <span className="tag tag-paper">{account?.broker === 'alpaca' ? 'ALPACA PAPER' : 'PAPER'}</span>
        {account?.connection !== undefined && account.connection.state !== 'LIVE' && (
          <span className={`tag ${account.connection.state === 'OFFLINE' ? 'tone-bad' : 'tone-warn'}`} data-testid="account-connection" title={account.connection.reason ?? ''}>
            {account.connection.state}
          </span>
        )}
        <span className="account-name" data-testid="account-name">
          {account?.name ?? '—'}
        </span>
        <span className="account-figure">
          <span className="account-label">Cash</span>
          <span className="num" data-testid="account-cash">
            {cash === null ? '—' : money(cash.cash)}
          </span>
        </span>
        <span className="account-figure">
          <span className="account-label">Equity</span>
          <span className={`num ${equityTone}`} data-testid="account-equity">
            {cash === null ? '—' : money(cash.equity)}
          </span>
        </span>
      </button>
      {open && (
        <AccountMenu
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </span>
  );
}
