import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { useTrading } from './use-trading';

/** The order waiting for confirmation (settings.ticket.confirm), from any origin: Send or Cancel (Enter / Esc). */
export function ConfirmOrderDialog(): ReactElement | null {
  const { ticket, entry } = useTrading();
  const pending = useStore(ticket, (s) => s.pending);
  if (pending === null) return null;
  const buy = pending.request.side === 'buy';
  return (
    <div className="modal-backdrop" onClick={() => entry.cancelPending()}>
      <div
        className="confirm-order"
        role="dialog"
        aria-label="Confirm order"
        data-testid="confirm-order"
        onClick={(e) => {
          e.stopPropagation();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            entry.cancelPending();
          }
        }}
      >
        <h2 className="panel-title">Send this paper order?</h2>
        <p className="confirm-order-text num" data-testid="confirm-order-text">
          {pending.summary}
        </p>
        <div className="confirm-order-buttons">
          <button type="button" className={buy ? 'button side-buy is-on' : 'button side-sell is-on'} data-testid="confirm-order-send" autoFocus onClick={() => entry.confirmPending()}>
            Send
          </button>
          <button type="button" className="button" data-testid="confirm-order-cancel" onClick={() => entry.cancelPending()}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
