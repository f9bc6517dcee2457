import { z } from 'zod';

/**
 * Every failure that crosses the contract is one of these codes, with a
 * human-readable message and the dotted path of the offending field
 * ("" when no single field is to blame).
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNKNOWN_METHOD',
  'UNKNOWN_EVENT',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'UNAVAILABLE',
  /** No reply within the caller's time-out. */
  'TIMEOUT',
  /** A frame or a reply over a size limit. */
  'TOO_LARGE',
  /** A per-client limit (calls in flight, subscriptions, bytes queued); the path names the limit. */
  'LIMIT',
  /** The risk manager or the broker said no (the message says why; the path names the field to change, "" for none). */
  'REJECTED',
  /** The request contradicts what is stored (a client order id reused with other contents). */
  'CONFLICT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const contractErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  path: z.string(),
});
export type ContractError = z.infer<typeof contractErrorSchema>;

/** Thrown by a handler to fail with a specific code; anything else becomes INTERNAL. */
export class ContractFailure extends Error {
  readonly error: ContractError;
  constructor(code: ErrorCode, message: string, path = '') {
    super(message);
    this.name = 'ContractFailure';
    this.error = { code, message, path };
  }
}
