import type { ReactElement, ReactNode } from 'react';

export interface ReplayFieldProps {
  readonly label: string;
  readonly className?: string;
  readonly children: ReactNode;
}

/** A labelled input of the replay form. */
export function ReplayField({ label, className, children }: ReplayFieldProps): ReactElement {
  return (
    <label className={className === undefined ? 'replay-field' : `replay-field ${className}`}>
      <span className="field-label">{label}</span>
      {children}
    </label>
  );
}
