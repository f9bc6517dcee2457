import type { Account } from '../../shared/trading/account';

/**
 * Where the option ticket's order goes. An Alpaca contract is traded on the
 * Alpaca paper account (its order goes to Alpaca); a sim contract on a local
 * paper account (the Alpaca account trades Alpaca's symbols only). When the
 * active account does not fit the chain's source the ticket says so, names
 * the account that fits (null: there is none) and sends nothing.
 */
export type OptionRouting =
  | { readonly ok: true; readonly account: Account }
  | { readonly ok: false; readonly reason: string; readonly switchTo: Account | null };

export function optionRouting(source: string, active: Account | null, accounts: readonly Account[]): OptionRouting {
  if (active === null) return { ok: false, reason: 'No account yet.', switchTo: null };
  const alpacaChain = source === 'alpaca';
  const fits = (a: Account): boolean => (a.broker === 'alpaca') === alpacaChain;
  if (fits(active)) return { ok: true, account: active };
  const switchTo = accounts.find(fits) ?? null;
  if (alpacaChain) {
    const reason = `An Alpaca contract is traded on the Alpaca paper account, not on ${active.name} (the local paper account).`;
    return { ok: false, reason: switchTo === null ? `${reason} There is none: add Alpaca keys to get it.` : reason, switchTo };
  }
  const reason = `A ${source.toUpperCase()} contract is traded on a local paper account: ${active.name} trades Alpaca's stocks and options only.`;
  return { ok: false, reason, switchTo };
}
