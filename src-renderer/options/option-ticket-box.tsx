import type { ReactElement } from 'react';
import { formatAmount } from '../../shared/trading/format-amount';
import { money } from '../trading/money-format';
import type { ChainRow } from '../../shared/options/wire/chain-row';
import { ivText, premiumText } from './option-format';
import type { OptionTicketFigures } from './option-ticket-figures';

export interface OptionTicketBoxProps {
  readonly figures: OptionTicketFigures | null;
  /** The contract's chain row: its greeks per share (shown per contract) and IV. */
  readonly row: Pick<ChainRow, 'delta' | 'gamma' | 'thetaPerDay' | 'vegaPerPoint' | 'iv'>;
  readonly multiplier: number;
}

/** Before sending an option order: cost, break-even, max loss, reward at the take-profit, R:R, the model's touch probability, IV and the greeks per contract. */
export function OptionTicketBox({ figures, row, multiplier }: OptionTicketBoxProps): ReactElement {
  const cell = (label: string, value: string, testId: string, title: string, tone = ''): ReactElement => (
    <div className="preview-cell" title={title}>
      <span className="preview-label">{label}</span>
      <span className={`preview-value num ${tone}`} data-testid={testId}>
        {value}
      </span>
    </div>
  );
  const f = figures;
  return (
    <div className="ticket-preview option-preview" data-testid="option-ticket-figures" aria-label="Option order figures">
      {cell('Cost', f === null ? '—' : money(f.premiumTotal), 'option-ticket-cost', 'premium × 100 × contracts')}
      {cell('Break-even', f === null ? '—' : premiumText(f.breakEven), 'option-ticket-breakeven', 'the underlying at expiry: strike + premium (call), strike − premium (put), before fees')}
      {cell('Max loss', f?.maxLoss == null ? '—' : `-${money(f.maxLoss)}`, 'option-ticket-maxloss', 'premium × 100 × contracts + the fees: what a long option loses expiring worthless', f?.maxLoss == null ? '' : 'tone-bad')}
      {cell('Reward @TP', f?.rewardAtTakeProfit == null ? '—' : money(f.rewardAtTakeProfit), 'option-ticket-reward', 'closed at the take-profit, fees of both fills taken off', f?.rewardAtTakeProfit == null ? '' : f.rewardAtTakeProfit > 0 ? 'tone-good' : 'tone-bad')}
      {cell('R:R', f?.rewardToRisk == null ? '—' : `${formatAmount(f.rewardToRisk, 2)} : 1`, 'option-ticket-rr', 'reward at the take-profit / max loss')}
      {cell(
        'P(touch TP)',
        f?.touchProbability == null ? '—' : `${(f.touchProbability * 100).toFixed(0)}%`,
        'option-ticket-touch',
        'the model (Black-Scholes at the IV): the chance the underlying reaches the level where the contract is worth the take-profit before expiry — an upper bound, since time decay is left out',
      )}
      {cell('IV', ivText(row.iv), 'option-ticket-iv', 'implied volatility of the contract')}
      {cell('Δ / contract', row.delta === null ? '—' : formatAmount(row.delta * multiplier, 1), 'option-ticket-delta', 'dollars per $1 move of the underlying, per contract')}
      {cell('Γ / contract', row.gamma === null ? '—' : formatAmount(row.gamma * multiplier, 2), 'option-ticket-gamma', 'change of the contract’s delta per $1 move of the underlying')}
      {cell('Θ / day', row.thetaPerDay === null ? '—' : money(row.thetaPerDay * multiplier), 'option-ticket-theta', 'dollars per calendar day, per contract')}
      {cell('Vega / pt', row.vegaPerPoint === null ? '—' : money(row.vegaPerPoint * multiplier), 'option-ticket-vega', 'dollars per volatility point (0.20 → 0.21), per contract')}
      <span className="preview-currency muted">USD, per {String(multiplier)} shares a contract</span>
    </div>
  );
}
