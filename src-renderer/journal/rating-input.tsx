import type { ReactElement } from 'react';

export interface RatingInputProps {
  readonly value: number | null;
  readonly onChange: (value: number | null) => void;
}

/** 1–5 stars; clicking the current rating clears it. */
export function RatingInput({ value, onChange }: RatingInputProps): ReactElement {
  return (
    <div className="rating" role="radiogroup" aria-label="Rating" data-testid="journal-rating">
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={value === n}
          aria-label={`${String(n)} star${n === 1 ? '' : 's'}`}
          className={`rating-star${value !== null && n <= value ? ' is-on' : ''}`}
          onClick={() => onChange(value === n ? null : n)}
        >
          ★
        </button>
      ))}
    </div>
  );
}
