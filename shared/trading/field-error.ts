/**
 * A refusal of bad input that names the field to blame ("qty", "limitPrice",
 * "takeProfit", …; "" when no single field is) and says why in a line a
 * trader reads on the ticket. The contract turns it into BAD_REQUEST with
 * `path = field`.
 */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** A value, or the field error that stopped it. */
export type Checked<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & FieldError);

export function refuse(field: string, message: string): { readonly ok: false } & FieldError {
  return { ok: false, field, message };
}

export function accept<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}
