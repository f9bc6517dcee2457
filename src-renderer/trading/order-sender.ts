import type { ContractError } from '../../shared/contract';
import type { Order, OrderRequest } from '../../shared/trading/order';
import type { TapedeckClient } from '../api/tapedeck-client';
import { toContractError } from '../app/to-contract-error';

export type SendResult = { readonly ok: true; readonly order: Order } | { readonly ok: false; readonly error: ContractError };

/** Errors after which the order may or may not have reached the core: the same client order id is sent again. */
const UNSURE: ReadonlySet<string> = new Set(['TIMEOUT', 'UNAVAILABLE']);

/**
 * Sends an order with its client order id, made before the first try: when
 * the answer is lost (a time-out, a dropped connection) it is sent once more
 * with the same id, and the core answers with the order the first try made,
 * if it made one — never a second order.
 */
export async function sendOrder(client: Pick<TapedeckClient, 'call'>, request: OrderRequest, clientOrderId: string, retries = 1): Promise<SendResult> {
  const params = { ...request, clientOrderId };
  for (let attempt = 0; ; attempt++) {
    try {
      return { ok: true, order: await client.call('orders.place', params) };
    } catch (reason: unknown) {
      const error = toContractError(reason);
      if (!UNSURE.has(error.code) || attempt >= retries) return { ok: false, error };
    }
  }
}
