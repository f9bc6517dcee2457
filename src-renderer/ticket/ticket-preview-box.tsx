import type { ReactElement } from 'react';
import type { ExitPreview } from '../../shared/trading/exit-preview';
import { formatAmount } from '../../shared/trading/format-amount';
import { money } from '../trading/money-format';

export interface TicketPreviewBoxProps {
  readonly exits: ExitPreview | null;
  /** The order's value (qty × price); null without a price. */
  readonly notional: number | null;
  readonly currency: string;
}

/** Before sending: the order's value, its max loss (at the stop), reward (at the take-profit) and R:R, fees included. */
export function TicketPreviewBox({ exits, notional, currency }: TicketPreviewBoxProps): ReactElement {
  const cell = (label: string, value: string, testId: string, tone = ''): ReactElement => (
    <div className="preview-cell">
      <span className="preview-label">{label}</span>
      <span className={`preview-value num ${tone}`} data-testid={testId}>
        {value}
      </span>
    </div>
  );
  const loss = exits?.maxLoss ?? null;
  const reward = exits?.maxReward ?? null;
  const rr = exits?.riskReward ?? null;
  return (
    <div className="ticket-preview" data-testid="ticket-preview" aria-label="Order preview">
      {cell('Value', notional === null ? '—' : money(notional), 'ticket-notional')}
      {cell('Max loss', loss === null ? (exits === null ? '—' : 'no stop') : `-${money(loss)}`, 'ticket-max-loss', loss === null ? '' : 'tone-bad')}
      {cell('Reward', reward === null ? (exits === null ? '—' : 'no TP') : money(reward), 'ticket-reward', reward === null ? '' : reward > 0 ? 'tone-good' : 'tone-bad')}
      {cell('R:R', rr === null ? '—' : `${formatAmount(rr, 2)} : 1`, 'ticket-rr')}
      <span className="preview-currency muted">{currency}, fees in</span>
    </div>
  );
}
