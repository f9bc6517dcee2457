import type { ContractError } from '../../shared/contract';
import { CallError } from '../api/tapedeck-client';

/** Any rejection from a client call as a contract error the UI can show. */
export function toContractError(reason: unknown): ContractError {
  if (reason instanceof CallError) return reason.error;
  const message = reason instanceof Error ? reason.message : String(reason);
  return { code: 'INTERNAL', message, path: '' };
}
