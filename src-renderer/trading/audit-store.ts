import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractError } from '../../shared/contract';
import type { AuditEntry } from '../../shared/trading/audit';
import type { TapedeckClient } from '../api/tapedeck-client';
import { toContractError } from '../app/to-contract-error';

/** Entries read when the Log opens, and the most kept as new ones arrive. */
export const AUDIT_READ = 5_000;
export const AUDIT_KEPT = 20_000;

export interface AuditState {
  /** Newest first. */
  readonly entries: readonly AuditEntry[];
  readonly loading: boolean;
  readonly error: ContractError | null;
  /** Reads the newest entries and follows `audit.updates` while the Log is open; returns the stop function. */
  readonly start: () => () => void;
}

export type AuditStore = StoreApi<AuditState>;

/** Merges entries into a newest-first list, once each (by seq), keeping AUDIT_KEPT. */
export function mergeAudit(list: readonly AuditEntry[], added: readonly AuditEntry[]): readonly AuditEntry[] {
  if (added.length === 0) return list;
  const seen = new Set(list.map((e) => e.seq));
  const fresh = added.filter((e) => !seen.has(e.seq));
  if (fresh.length === 0) return list;
  return [...fresh, ...list].sort((a, b) => b.seq - a.seq).slice(0, AUDIT_KEPT);
}

/** The audit log as the Log tab shows it: `audit.list`, then every `audit.updates` entry on top. */
export function createAuditStore(client: Pick<TapedeckClient, 'call' | 'subscribe'>): AuditStore {
  return createStore<AuditState>()((set, get) => ({
    entries: [],
    loading: false,
    error: null,
    start: () => {
      let live = true;
      const stop = client.subscribe('audit.updates', {}, (entry) => {
        set({ entries: mergeAudit(get().entries, [entry]) });
      });
      set({ loading: true, error: null });
      client.call('audit.list', { limit: AUDIT_READ }).then(
        (entries) => {
          if (live) set({ entries: mergeAudit(get().entries, entries), loading: false });
        },
        (reason: unknown) => {
          if (live) set({ loading: false, error: toContractError(reason) });
        },
      );
      return () => {
        live = false;
        stop();
      };
    },
  }));
}
