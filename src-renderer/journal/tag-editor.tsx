import { useState, type SubmitEvent, type ReactElement } from 'react';
import { TAG_KINDS, type TagKind, type TripTag } from '../../shared/journal/trip-notes';

export interface TagEditorProps {
  readonly tags: readonly TripTag[];
  readonly onChange: (tags: TripTag[]) => void;
}

/** The trade's tags by kind (setup, mistake, emotion, other): add with the field, remove with ×. */
export function TagEditor({ tags, onChange }: TagEditorProps): ReactElement {
  const [kind, setKind] = useState<TagKind>('setup');
  const [text, setText] = useState('');
  const add = (e: SubmitEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const tag = text.trim();
    if (tag === '' || tags.some((t) => t.kind === kind && t.tag === tag)) return;
    onChange([...tags, { kind, tag }]);
    setText('');
  };
  return (
    <div className="tag-editor" data-testid="journal-tags">
      <div className="tag-list">
        {tags.map((t) => (
          <span key={`${t.kind}:${t.tag}`} className={`journal-tag kind-${t.kind}`} data-testid="journal-tag">
            <span className="muted">{t.kind}:</span> {t.tag}
            <button type="button" className="icon-button" aria-label={`Remove ${t.kind} tag ${t.tag}`} onClick={() => onChange(tags.filter((x) => x !== t))}>
              ×
            </button>
          </span>
        ))}
      </div>
      <form className="tag-add" onSubmit={add}>
        <select className="input" value={kind} onChange={(e) => setKind(e.target.value as TagKind)} aria-label="Tag kind" data-testid="journal-tag-kind">
          {TAG_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <input className="input" value={text} maxLength={40} placeholder="add a tag" aria-label="New tag" data-testid="journal-tag-input" onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button" data-testid="journal-tag-add">
          Add
        </button>
      </form>
    </div>
  );
}
