import { formatAmount } from '../../shared/trading/format-amount';

/** Money as the panels show it: grouped, two places (1,000.00). */
export function money(x: number): string {
  return formatAmount(x, 2);
}

/** A P&L with its sign (+12.50, -3.10, 0.00). */
export function signedMoney(x: number): string {
  const text = formatAmount(x, 2);
  return x > 0 && text !== '0.00' ? `+${text}` : text;
}

/** The tone class of a P&L. */
export function pnlTone(x: number): string {
  if (x > 0) return 'tone-good';
  if (x < 0) return 'tone-bad';
  return 'tone-muted';
}
