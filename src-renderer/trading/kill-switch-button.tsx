import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { useTrading } from './use-trading';

/**
 * The kill switch, always on screen: one click cancels every working order,
 * flattens every position and refuses new entries; engaged it turns red with
 * what it did, and Re-arm allows entries again.
 */
export function KillSwitchButton(): ReactElement {
  const { accounts } = useTrading();
  const kill = useStore(accounts, (s) => s.killSwitch);
  const busy = useStore(accounts, (s) => s.busy);
  const engaged = kill?.engaged ?? false;
  const set = (engage: boolean): void => {
    void accounts.getState().setKillSwitch(engage);
  };
  if (!engaged) {
    return (
      <button
        type="button"
        className="kill-switch"
        data-testid="kill-switch"
        data-engaged="false"
        disabled={kill === null}
        title="Kill switch (Ctrl+Shift+K): cancel every working order, flatten every position, refuse new entries until re-armed"
        onClick={() => {
          set(true);
        }}
      >
        KILL
      </button>
    );
  }
  return (
    <span className="kill-switch is-engaged" role="status" data-testid="kill-switch" data-engaged="true">
      <span className="kill-switch-title">KILL SWITCH ON</span>
      <span className="kill-switch-counts num" data-testid="kill-switch-counts">
        {String(kill?.canceled ?? 0)} canceled · {String(kill?.flattened ?? 0)} flattened
      </span>
      <button
        type="button"
        className="button kill-switch-rearm"
        data-testid="kill-switch-rearm"
        disabled={busy}
        title="Allow new entries again"
        onClick={() => {
          set(false);
        }}
      >
        Re-arm
      </button>
    </span>
  );
}
