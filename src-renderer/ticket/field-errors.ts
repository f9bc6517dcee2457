import type { ContractError } from '../../shared/contract';
import type { FieldError } from '../../shared/trading/field-error';

/** The ticket's fields a refusal can name (`params.<field>`). */
export const TICKET_FIELDS = ['symbol', 'side', 'qty', 'type', 'limitPrice', 'stopPrice', 'tif', 'takeProfit', 'stopLoss', 'overrideDataGate'] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];

/** The ticket field a refusal names (params.qty → qty; params.takeProfit.price → takeProfit), or null for none of them. */
export function fieldOf(error: Pick<ContractError, 'path'> | null): TicketField | null {
  if (error === null) return null;
  const m = /^params\.([A-Za-z]+)/.exec(error.path);
  const name = m?.[1];
  return TICKET_FIELDS.find((f) => f === name) ?? null;
}

/** What to show beside `field`: the core's refusal naming it, else the preview's own problem with it. */
export function noteFor(field: TicketField, error: ContractError | null, problem: FieldError | null): { readonly text: string; readonly refused: boolean } | null {
  if (error !== null && fieldOf(error) === field) return { text: error.message, refused: true };
  if (problem !== null && problem.field === field) return { text: problem.message, refused: false };
  return null;
}
