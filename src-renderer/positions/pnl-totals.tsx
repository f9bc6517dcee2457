import type { ReactElement } from 'react';
import type { AccountMoney } from '../trading/account-equity';
import { money, pnlTone, signedMoney } from '../trading/money-format';

/** The active account's totals: unrealised (marked now), realised since reset, fees. */
export function PnlTotals({ totals }: { readonly totals: AccountMoney }): ReactElement {
  return (
    <div className="pnl-totals" data-testid="pnl-totals">
      <span>
        <span className="muted">Unrealised </span>
        <span className={`num ${pnlTone(totals.unrealizedPnl)}`} data-testid="total-unrealized">
          {signedMoney(totals.unrealizedPnl)}
        </span>
      </span>
      <span>
        <span className="muted">Realised </span>
        <span className={`num ${pnlTone(totals.realizedPnl)}`} data-testid="total-realized">
          {signedMoney(totals.realizedPnl)}
        </span>
      </span>
      <span>
        <span className="muted">Fees </span>
        <span className="num" data-testid="total-fees">
          {money(totals.fees)}
        </span>
      </span>
    </div>
  );
}
