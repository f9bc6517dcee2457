import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { Account } from '../../shared/trading/account';
import type { Position } from '../../shared/trading/position';
import type { Quote } from '../../shared/trading/quote';
import { useAppStores } from '../app/app-context';
import { accountMoney, type AccountMoney } from './account-equity';
import { activeAccount } from './accounts-store';
import { positionsOf } from './positions-store';
import { instrumentKey } from './quote-key';
import type { TradingStores } from './trading-stores';

export function useTrading(): TradingStores {
  return useAppStores().trading;
}

export function useActiveAccount(): Account | null {
  const { accounts } = useTrading();
  return useStore(accounts, activeAccount);
}

export function useActivePositions(): readonly Position[] {
  const { accounts, positions } = useTrading();
  const activeId = useStore(accounts, (s) => s.activeId);
  return useStore(positions, (s) => positionsOf(s.byAccount, activeId));
}

/** The active account's cash, P&L and equity, marked by the live quotes. */
export function useAccountMoney(): AccountMoney | null {
  const account = useActiveAccount();
  const positions = useActivePositions();
  const quotes = useStore(useTrading().quotes, (s) => s.quotes);
  return account === null ? null : accountMoney(account.cash, positions, quotes);
}

/** Follows an instrument's quote while mounted (null: none); its latest quote, or null. */
export function useQuote(source: string | null, symbol: string | null): Quote | null {
  const { quotes } = useTrading();
  useEffect(() => {
    if (source === null || symbol === null) return undefined;
    return quotes.getState().watch(source, symbol);
  }, [quotes, source, symbol]);
  return useStore(quotes, (s) => (source === null || symbol === null ? null : (s.quotes[instrumentKey(source, symbol)] ?? null)));
}
