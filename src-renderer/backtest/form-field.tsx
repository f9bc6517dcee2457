import type { ReactElement, ReactNode } from 'react';

export interface FormFieldProps {
  readonly label: string;
  /** The field's problem (found here or named by the core), shown under it. */
  readonly error?: string | undefined;
  readonly className?: string;
  readonly title?: string;
  /** A data-testid for the error line (when shown). */
  readonly errorTestId?: string;
  readonly children: ReactNode;
}

/** A labelled input of the Backtest form with its error underneath. */
export function FormField({ label, error, className, title, errorTestId, children }: FormFieldProps): ReactElement {
  const classes = ['backtest-field', className, error === undefined ? undefined : 'has-error'].filter((c) => c !== undefined).join(' ');
  return (
    <label className={classes} title={title}>
      <span className="field-label">{label}</span>
      {children}
      {error !== undefined && (
        <span className="backtest-field-error" role="alert" data-testid={errorTestId}>
          {error}
        </span>
      )}
    </label>
  );
}

export interface CheckFieldProps {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly error?: string | undefined;
  readonly title?: string;
  readonly testId?: string;
}

/** A checkbox with its label at the right, and its error underneath. */
export function CheckField({ label, checked, onChange, error, title, testId }: CheckFieldProps): ReactElement {
  return (
    <label className={error === undefined ? 'backtest-check' : 'backtest-check has-error'} title={title}>
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => {
          onChange(e.target.checked);
        }}
        data-testid={testId}
      />
      <span>{label}</span>
      {error !== undefined && (
        <span className="backtest-field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
