import type { z } from 'zod';
import type { ContractError } from './contract-error';

/** Renders a zod path as `params.watchlist[2]`. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${String(key)}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/**
 * Parses `input` with `schema`. On failure the error names the first bad field
 * (under `root`, e.g. "params") and says what was wrong with it.
 */
export function parseAt<S extends z.ZodType>(schema: S, input: unknown, root: string): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const path = formatPath(root, issue?.path ?? []);
  const message = issue === undefined ? 'invalid input' : `${path === '' ? 'input' : path}: ${issue.message}`;
  return { ok: false, error: { code: 'BAD_REQUEST', message, path } };
}
