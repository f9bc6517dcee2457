import { AlpacaApiError, AlpacaAuthError, AlpacaNoKeysError, AlpacaRateLimitedError } from '../../../market-data/feeds/alpaca/alpaca-errors';
import { AUTH_FAILED } from '../../../market-data/feeds/alpaca/auth-latch';
import type { Logger } from '../../../platform/rpc';
import { AlpacaUncertainError, type AlpacaTradingRest, type NewOrderBody } from './trading-rest';
import type { AlpacaOrder } from './trading-wire';

/**
 * What became of an order request:
 * - placed: Alpaca has it (`lookedUp`: found by its client order id after an
 *   answer that was lost, not from the POST's own reply);
 * - rejected: Alpaca refused it (its reason), or it cannot have been placed
 *   (no keys, refused keys, rate limited throughout);
 * - unknown: Alpaca could not be reached to tell either way; a later
 *   reconciliation looks the client order id up again.
 */
export type SubmitOutcome =
  | { readonly kind: 'placed'; readonly order: AlpacaOrder; readonly lookedUp: boolean }
  | { readonly kind: 'rejected'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string };

export interface SubmitPolicy {
  /** POSTs at most (default 3). */
  readonly attempts?: number;
  /** Look-ups after an uncertain answer before giving up on telling (default 4). */
  readonly lookups?: number;
  readonly backoff?: { readonly baseMs?: number; readonly capMs?: number };
  readonly sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Alpaca's refusal of a second order with a client order id it has (a submit that landed after all). */
const DUPLICATE_ID = /client_order_id must be unique/i;

/**
 * POSTs an order so that no retry can double it. After an answer that may
 * have been lost (a time-out, a dropped connection, a 5xx) the client order
 * id is looked up before anything is sent again: found, it is that order;
 * not found, the same body goes again (and should the first one land late
 * after all, Alpaca refuses the second for its duplicate client order id,
 * which is then looked up and adopted). A 429 is the REST client's to wait
 * out (Alpaca did not process it).
 */
export async function submitOnce(rest: AlpacaTradingRest, body: NewOrderBody, log: Logger, policy: SubmitPolicy = {}): Promise<SubmitOutcome> {
  const clientOrderId = body.clientOrderId ?? '';
  const sleep = policy.sleep ?? realSleep;
  const wait = (n: number): Promise<void> => sleep(Math.min(policy.backoff?.capMs ?? 8_000, (policy.backoff?.baseMs ?? 250) * 2 ** Math.max(0, n - 1)));
  let lastWhy = 'no answer';
  for (let attempt = 1; attempt <= (policy.attempts ?? 3); attempt++) {
    try {
      return { kind: 'placed', order: await rest.submit(body), lookedUp: false };
    } catch (err) {
      if (err instanceof AlpacaApiError && DUPLICATE_ID.test(err.alpacaMessage)) {
        const found = await lookUp(rest, clientOrderId, policy.lookups ?? 4, wait);
        if (found.kind === 'found') return { kind: 'placed', order: found.order, lookedUp: true };
        return { kind: 'unknown', reason: `Alpaca says ${clientOrderId} exists but could not show it` };
      }
      const refusal = rejection(err);
      if (refusal !== null) return { kind: 'rejected', reason: refusal };
      if (!(err instanceof AlpacaUncertainError)) throw err;
      lastWhy = err.message;
      log.warn(`alpaca: order ${clientOrderId} not confirmed (${err.message}); looking it up before sending it again`);
      const found = await lookUp(rest, clientOrderId, policy.lookups ?? 4, wait);
      if (found.kind === 'found') return { kind: 'placed', order: found.order, lookedUp: true };
      if (found.kind === 'unreachable') return { kind: 'unknown', reason: found.why };
      await wait(attempt);
    }
  }
  return { kind: 'unknown', reason: lastWhy };
}

/** Why a submit cannot have placed anything, or null when it may have. */
function rejection(err: unknown): string | null {
  if (err instanceof AlpacaApiError) return err.alpacaMessage;
  if (err instanceof AlpacaAuthError) return AUTH_FAILED;
  if (err instanceof AlpacaNoKeysError) return err.message;
  if (err instanceof AlpacaRateLimitedError) return err.message;
  return null;
}

type LookUp = { readonly kind: 'found'; readonly order: AlpacaOrder } | { readonly kind: 'absent' } | { readonly kind: 'unreachable'; readonly why: string };

/** GET /v2/orders:by_client_order_id until it answers (found or 404), at most `tries` times. */
async function lookUp(rest: AlpacaTradingRest, clientOrderId: string, tries: number, wait: (n: number) => Promise<void>): Promise<LookUp> {
  let why = 'no answer';
  for (let n = 1; n <= tries; n++) {
    try {
      const order = await rest.orderByClientId(clientOrderId);
      return order === null ? { kind: 'absent' } : { kind: 'found', order };
    } catch (err) {
      if (err instanceof AlpacaAuthError || err instanceof AlpacaNoKeysError) return { kind: 'unreachable', why: err.message };
      why = err instanceof Error ? err.message : String(err);
      await wait(n);
    }
  }
  return { kind: 'unreachable', why };
}
