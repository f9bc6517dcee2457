import type { ReactElement, ReactNode } from 'react';

export interface PanelProps {
  readonly title: string;
  /** Small controls or facts shown at the right of the header. */
  readonly aside?: ReactNode;
  readonly className?: string;
  readonly testId?: string;
  readonly children: ReactNode;
}

/** A titled, bordered region of the workstation. */
export function Panel({ title, aside, className, testId, children }: PanelProps): ReactElement {
  return (
    <section className={className === undefined ? 'panel' : `panel ${className}`} aria-label={title} data-testid={testId}>
      <header className="panel-header">
        <h2 className="panel-title">{title}</h2>
        {aside !== undefined && <div className="panel-aside">{aside}</div>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
