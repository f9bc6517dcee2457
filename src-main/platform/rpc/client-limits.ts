import type { ContractError } from '../../../shared/contract';

/** What one client may hold at once; past a limit a request is refused with LIMIT naming it. */
export interface ClientLimits {
  /** Calls sent and not yet answered. */
  readonly callsInFlight: number;
  /** Open subscriptions. */
  readonly subscriptions: number;
  /** Output waiting to be read by the client, in bytes: past it the client must read before asking more. */
  readonly queuedBytes: number;
}

export const CLIENT_LIMITS: ClientLimits = { callsInFlight: 32, subscriptions: 256, queuedBytes: 4 * 1024 * 1024 };

export function limitError(name: keyof ClientLimits, limits: ClientLimits): ContractError {
  const message: Record<keyof ClientLimits, string> = {
    callsInFlight: `at most ${String(limits.callsInFlight)} calls may wait for a reply at once: wait for some replies first`,
    subscriptions: `at most ${String(limits.subscriptions)} subscriptions per connection: unsubscribe from some first`,
    queuedBytes: `more than ${String(limits.queuedBytes / 1024 / 1024)} MiB of replies and events wait for this client to read them: read them first`,
  };
  return { code: 'LIMIT', message: message[name], path: `limits.${name}` };
}
