import type { ReactElement } from 'react';

export interface PlaceholderViewProps {
  readonly title: string;
  readonly children: string;
}

/** A tab whose feature is still to come: says what will live here. */
export function PlaceholderView({ title, children }: PlaceholderViewProps): ReactElement {
  return (
    <div className="placeholder-view">
      <span className="placeholder-title">{title}</span>
      <p className="placeholder-note">{children}</p>
    </div>
  );
}
