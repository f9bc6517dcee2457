import type { ReactElement } from 'react';
import { parseUtcDateTimeLocal } from '../format/utc-datetime-local';

export interface UtcTimeInputProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly testId: string;
  readonly className?: string;
  readonly label?: string;
}

/**
 * A date and time typed as "YYYY-MM-DD HH:MM" (UTC, 24-hour). A text field,
 * not `datetime-local`, whose display follows the browser's locale (a
 * 12-hour clock in en-US); marked invalid while it does not parse.
 */
export function UtcTimeInput({ value, onChange, testId, className, label }: UtcTimeInputProps): ReactElement {
  const invalid = value !== '' && parseUtcDateTimeLocal(value) === null;
  return (
    <input
      className={className === undefined ? 'input utc-time' : `input utc-time ${className}`}
      type="text"
      inputMode="numeric"
      placeholder="YYYY-MM-DD HH:MM"
      spellCheck={false}
      autoComplete="off"
      maxLength={19}
      aria-label={label}
      aria-invalid={invalid}
      title="UTC, 24-hour clock: YYYY-MM-DD HH:MM"
      value={value}
      onChange={(e) => {
        onChange(e.target.value);
      }}
      data-testid={testId}
    />
  );
}
