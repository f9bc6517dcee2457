import type { ReactElement } from 'react';
import type { JournalPlaybook } from '../../shared/contract';
import type { Checklist } from '../../shared/journal/playbook';

export interface PlaybookChecklistProps {
  readonly playbooks: readonly JournalPlaybook[];
  readonly playbookId: string | null;
  readonly checklist: Checklist;
  readonly onChange: (playbookId: string | null, checklist: Checklist) => void;
}

/** The playbook the trade followed and, rule by rule, whether it was met. */
export function PlaybookChecklist({ playbooks, playbookId, checklist, onChange }: PlaybookChecklistProps): ReactElement {
  const playbook = playbooks.find((p) => p.id === playbookId) ?? null;
  const choices = playbooks.filter((p) => !p.archived || p.id === playbookId);
  const met = new Set(checklist.filter((c) => c.met).map((c) => c.ruleId));
  const metCount = playbook === null ? 0 : playbook.rules.filter((r) => met.has(r.id)).length;
  return (
    <section className="playbook-checklist" data-testid="journal-checklist">
      <label className="field">
        <span className="field-label">Playbook</span>
        <select className="input" value={playbookId ?? ''} data-testid="journal-playbook" onChange={(e) => onChange(e.target.value === '' ? null : e.target.value, [])}>
          <option value="">— none —</option>
          {choices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.archived ? ' (archived)' : ''}
            </option>
          ))}
        </select>
      </label>
      {playbook !== null && (
        <>
          <p className="muted">
            {metCount} of {playbook.rules.length} rules met
          </p>
          <ul className="checklist">
            {playbook.rules.map((r) => (
              <li key={r.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={met.has(r.id)}
                    data-testid="journal-rule"
                    onChange={(e) => onChange(playbook.id, [...playbook.rules.map((x) => ({ ruleId: x.id, met: x.id === r.id ? e.target.checked : met.has(x.id) }))])}
                  />{' '}
                  {r.text}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
