import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { AuditEntry } from '../../shared/trading/audit';
import { visibleRows } from './virtual-rows';

export const AUDIT_ROW_PX = 22;

export interface AuditRowsProps {
  readonly entries: readonly AuditEntry[];
  readonly accountName: (id: string | null) => string;
}

function stamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** The log's rows, newest first, drawing only those in view (thousands of entries scroll smoothly). */
export function AuditRows({ entries, accountName }: AuditRowsProps): ReactElement {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 400 });
  useEffect(() => {
    const el = box.current;
    if (el === null) return undefined;
    const measure = (): void => {
      setView({ top: el.scrollTop, height: el.clientHeight });
    };
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);
  const { start, end } = visibleRows(view.top, view.height, AUDIT_ROW_PX, entries.length);
  return (
    <div
      ref={box}
      className="audit-rows"
      role="table"
      aria-label="Audit log"
      aria-rowcount={entries.length}
      data-testid="audit-rows"
      data-count={entries.length}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
    >
      <div className="audit-spacer" style={{ height: `${String(entries.length * AUDIT_ROW_PX)}px` }}>
        {entries.slice(start, end).map((e, i) => (
          <div
            key={e.seq}
            role="row"
            aria-rowindex={start + i + 1}
            className={`audit-row kind-${e.kind}`}
            data-testid="audit-row"
            data-kind={e.kind}
            data-seq={e.seq}
            style={{ top: `${String((start + i) * AUDIT_ROW_PX)}px`, height: `${String(AUDIT_ROW_PX)}px` }}
          >
            <span role="cell" className="audit-time num muted">
              {stamp(e.time)}
            </span>
            <span role="cell" className="audit-kind">
              {e.kind}
            </span>
            <span role="cell" className="audit-account muted">
              {accountName(e.accountId)}
            </span>
            <span role="cell" className="audit-symbol">
              {e.symbol ?? ''}
            </span>
            <span role="cell" className="audit-message" title={e.message}>
              {e.message}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
