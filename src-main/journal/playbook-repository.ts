import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ContractFailure, type JournalPlaybook } from '../../shared/contract';
import { journalPlaybookSchema } from '../../shared/contract/journal-wire';
import type { Db } from '../platform/store/database';

interface Row {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly rules: string;
  readonly archived: number;
  readonly created_at: number;
  readonly updated_at: number;
}

const rulesSchema = z.array(z.object({ id: z.string().min(1), text: z.string() }));

export interface PlaybookInput {
  readonly id?: string | undefined;
  readonly name: string;
  readonly description: string;
  readonly rules: readonly { readonly id?: string | undefined; readonly text: string }[];
}

const newId = (prefix: string): string => `${prefix}${randomBytes(5).toString('hex')}`;

/**
 * Playbooks: a setup's name, description and rules. Rules keep their ids
 * across edits (a checklist refers to them); a playbook is archived, never
 * deleted, so the trips linked to it keep their meaning.
 */
export class PlaybookRepository {
  private readonly stmts;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {
    this.stmts = {
      all: db.prepare('SELECT id, name, description, rules, archived, created_at, updated_at FROM journal_playbooks ORDER BY archived, name'),
      one: db.prepare('SELECT id, name, description, rules, archived, created_at, updated_at FROM journal_playbooks WHERE id = ?'),
      byName: db.prepare('SELECT id FROM journal_playbooks WHERE name = ?'),
      insert: db.prepare('INSERT INTO journal_playbooks (id, name, description, rules, archived, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)'),
      update: db.prepare('UPDATE journal_playbooks SET name = ?, description = ?, rules = ?, updated_at = ? WHERE id = ?'),
      archive: db.prepare('UPDATE journal_playbooks SET archived = ?, updated_at = ? WHERE id = ?'),
    };
  }

  private fromRow(r: Row): JournalPlaybook {
    return journalPlaybookSchema.parse({
      id: r.id,
      name: r.name,
      description: r.description,
      rules: rulesSchema.parse(JSON.parse(r.rules)),
      archived: r.archived === 1,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    });
  }

  list(): JournalPlaybook[] {
    return (this.stmts.all.all() as Row[]).map((r) => this.fromRow(r));
  }

  get(id: string): JournalPlaybook | undefined {
    const row = this.stmts.one.get(id) as Row | undefined;
    return row === undefined ? undefined : this.fromRow(row);
  }

  /** The playbook, or NOT_FOUND naming `path`. */
  require(id: string, path: string): JournalPlaybook {
    const p = this.get(id);
    if (p === undefined) throw new ContractFailure('NOT_FOUND', `no playbook ${id}`, path);
    return p;
  }

  /** Creates a playbook or changes one; a rule without an id gets a new one. */
  save(input: PlaybookInput): JournalPlaybook {
    return this.db
      .transaction((): JournalPlaybook => {
        const existing = input.id === undefined ? undefined : this.require(input.id, 'params.id');
        const clash = this.stmts.byName.get(input.name) as { id: string } | undefined;
        if (clash !== undefined && clash.id !== existing?.id) throw new ContractFailure('CONFLICT', `a playbook named "${input.name}" exists already`, 'params.name');
        const used = new Set<string>();
        const rules = input.rules.map((r) => {
          let id = r.id ?? newId('r');
          while (used.has(id)) id = newId('r');
          used.add(id);
          return { id, text: r.text };
        });
        const at = this.now();
        const id = existing?.id ?? newId('pb');
        if (existing === undefined) this.stmts.insert.run(id, input.name, input.description, JSON.stringify(rules), at, at);
        else this.stmts.update.run(input.name, input.description, JSON.stringify(rules), Math.max(at, existing.updatedAt), id);
        return this.require(id, 'params.id');
      })
      .immediate();
  }

  setArchived(id: string, archived: boolean): JournalPlaybook {
    const p = this.require(id, 'params.id');
    this.stmts.archive.run(archived ? 1 : 0, Math.max(this.now(), p.updatedAt), id);
    return this.require(id, 'params.id');
  }
}
