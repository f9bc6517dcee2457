import { useEffect, type ReactElement } from 'react';
import { useAppStores } from '../app/app-context';
import { isE2ePage } from '../app/e2e-hook';
import { AccountChip } from './account-chip';
import { ConfirmOrderDialog } from './confirm-order-dialog';
import { KillSwitchButton } from './kill-switch-button';
import { installTradingE2eHook } from './trading-e2e';

/** Trading in the top bar: the active account and the kill switch, always on screen; the order confirmation when one waits. */
export function TradingBar(): ReactElement {
  const { panes } = useAppStores();
  useEffect(() => {
    if (isE2ePage(window.location)) installTradingE2eHook(window, panes);
  }, [panes]);
  return (
    <div className="trading-bar" data-testid="trading-bar">
      <AccountChip />
      <KillSwitchButton />
      <ConfirmOrderDialog />
    </div>
  );
}
