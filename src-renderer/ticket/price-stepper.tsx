import type { KeyboardEvent, ReactElement } from 'react';
import { stepPrice } from './price-step';

export interface PriceStepperProps {
  readonly label: string;
  readonly value: string;
  readonly tickSize: number | null;
  /** Where an empty field starts stepping from (the quote). */
  readonly start: number | null;
  readonly testId: string;
  readonly onChange: (text: string) => void;
}

/** A price field with − / + buttons (and ↓ / ↑ keys) that move it by whole ticks, snapping a typed price onto the tick. */
export function PriceStepper({ label, value, tickSize, start, testId, onChange }: PriceStepperProps): ReactElement {
  const step = (ticks: number): void => {
    if (tickSize === null) return;
    const next = stepPrice(value, tickSize, ticks, start);
    if (next !== null) onChange(next);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    step((e.key === 'ArrowUp' ? 1 : -1) * (e.shiftKey ? 10 : 1));
  };
  return (
    <span className="stepper">
      <button type="button" className="stepper-button" aria-label={`${label} down one tick`} tabIndex={-1} disabled={tickSize === null} onClick={() => step(-1)} data-testid={`${testId}-down`}>
        −
      </button>
      <input className="input num" aria-label={label} inputMode="decimal" value={value} placeholder="—" data-testid={testId} onKeyDown={onKeyDown} onChange={(e) => onChange(e.target.value)} />
      <button type="button" className="stepper-button" aria-label={`${label} up one tick`} tabIndex={-1} disabled={tickSize === null} onClick={() => step(1)} data-testid={`${testId}-up`}>
        +
      </button>
    </span>
  );
}
