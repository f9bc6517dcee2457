import type { BacktestProgress, ContractError } from '../../shared/contract';

/** Request fields the form shows at the top level. */
const TOP_FIELDS = new Set(['source', 'symbol', 'interval', 'from', 'to', 'strategy', 'label']);
const COST_FIELDS = new Set(['cash', 'commissionRate', 'commissionFixed', 'slippageBps', 'spread', 'allowShort', 'fractional']);

function asField(candidate: string, paramNames: readonly string[]): string | null {
  if (TOP_FIELDS.has(candidate)) return candidate;
  const [head, ...rest] = candidate.split('.');
  const tail = rest.join('.');
  if (head === 'costs' && COST_FIELDS.has(tail)) return candidate;
  if (head === 'params' && paramNames.includes(tail)) return candidate;
  if (paramNames.includes(candidate)) return `params.${candidate}`;
  return null;
}

/**
 * The form field an error names: a contract path (`params.costs.cash`,
 * `params.params.fast`, `params.from`) or a run's failure field (`fast`,
 * `costs.cash`, `from`). Null when no field of the form matches (the error is
 * then shown for the whole form).
 */
export function fieldOfPath(path: string, paramNames: readonly string[]): string | null {
  if (path === '') return null;
  const stripped = path.startsWith('params.') ? path.slice('params.'.length) : null;
  return (stripped === null ? null : asField(stripped, paramNames)) ?? asField(path, paramNames);
}

/** A failed run's reason as a contract error (a named field is a request the core refused; none, a failure while running). */
export function progressError(progress: BacktestProgress): ContractError {
  const error = progress.error ?? { field: '', message: 'the backtest failed' };
  return { code: error.field === '' ? 'INTERNAL' : 'BAD_REQUEST', message: error.message, path: error.field };
}
