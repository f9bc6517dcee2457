import type { ReactElement } from 'react';
import { INTERVALS, type Interval } from '../../shared/domain/interval';

/** How an interval is written on its button: "5m", "1h", "1D", "1W". */
export function intervalLabel(interval: Interval): string {
  return interval === '1d' || interval === '1w' ? interval.toUpperCase() : interval;
}

export interface IntervalButtonsProps {
  readonly selected: Interval | null;
  readonly onSelect: (interval: Interval) => void;
}

/** One toggle button per chart interval; the selected one is pressed. */
export function IntervalButtons({ selected, onSelect }: IntervalButtonsProps): ReactElement {
  return (
    <div className="chart-intervals" role="group" aria-label="Interval">
      {INTERVALS.map((iv) => (
        <button
          key={iv}
          type="button"
          className="interval-button num"
          aria-pressed={iv === selected}
          data-testid={`chart-interval-${iv}`}
          onClick={() => {
            onSelect(iv);
          }}
        >
          {intervalLabel(iv)}
        </button>
      ))}
    </div>
  );
}
