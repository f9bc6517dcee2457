import { ContractFailure } from '../../shared/contract';

/** The accounts as the journal needs them (trading's AccountDesk behind it). */
export interface JournalAccounts {
  list(): readonly { readonly id: string; readonly name: string; readonly currency: string }[];
  activeId(): string | null;
  /** A new paper account named `name` (keeping `id` when given). */
  create(name: string, id?: string): { readonly id: string; readonly name: string };
}

/**
 * The account an import or a manual trade names: by id, else by name; a
 * name nobody has becomes a new (paper) account, so "import into Schwab"
 * works the first time. Returns the id and whether it was created.
 */
export function resolveAccount(accounts: JournalAccounts, named: string | undefined, path: string): { id: string; created: boolean } {
  const list = accounts.list();
  if (named === undefined) {
    const active = accounts.activeId();
    if (active === null) throw new ContractFailure('NOT_FOUND', 'there is no account: name one', path);
    return { id: active, created: false };
  }
  const found = list.find((a) => a.id === named) ?? list.find((a) => a.name === named);
  if (found !== undefined) return { id: found.id, created: false };
  return { id: accounts.create(named).id, created: true };
}

/** Makes sure an account with this id exists (a Tapedeck export names its accounts by id); true when it was created. */
export function ensureAccountId(accounts: JournalAccounts, id: string): boolean {
  const list = accounts.list();
  if (list.some((a) => a.id === id)) return false;
  let name = `Imported ${id}`;
  for (let n = 2; list.some((a) => a.name === name); n++) name = `Imported ${id} (${String(n)})`;
  accounts.create(name, id);
  return true;
}
