/**
 * A refused input of the options library, naming the field it is about
 * (e.g. `{ field: 'strike', message: 'must be a positive number, got -5' }`),
 * so a CLI can name its flag and the UI its input box.
 */
export interface OptionsInputError {
  readonly field: string;
  readonly message: string;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: OptionsInputError };

export function refuse(field: string, message: string): { readonly ok: false; readonly error: OptionsInputError } {
  return { ok: false, error: { field, message } };
}
