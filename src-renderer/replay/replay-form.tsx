import { useState, type ReactElement, type SubmitEvent } from 'react';
import type { ContractError, ParamsIn } from '../../shared/contract';
import { UtcTimeInput } from '../app/utc-time-input';
import { formatUtcDateTimeLocal, parseUtcDateTimeLocal } from '../format/utc-datetime-local';
import { REPLAY_SPEEDS } from './replay-abilities';
import { ReplayField } from './replay-field';

export interface ReplayFormProps {
  /** The chart's symbol, used until the user types another. */
  readonly defaultSymbol: string;
  readonly canStart: boolean;
  readonly speed: number;
  readonly onSpeed: (speed: number) => void;
  readonly onStart: (params: ParamsIn<'replay.start'>) => void;
  readonly onInvalid: (error: ContractError) => void;
}

const DAY_MS = 86_400_000;

function defaultRange(): { readonly from: string; readonly to: string } {
  const to = Math.floor(Date.now() / 60_000) * 60_000;
  return { from: formatUtcDateTimeLocal(to - DAY_MS), to: formatUtcDateTimeLocal(to) };
}

const badTime = (field: 'from' | 'to'): ContractError => ({
  code: 'BAD_REQUEST',
  message: `${field}: enter a date and time as YYYY-MM-DD HH:MM (UTC, 24-hour)`,
  path: `params.${field}`,
});

/** What to replay: source, symbol, a UTC range and a speed; Start sends `replay.start`. */
export function ReplayForm({ defaultSymbol, canStart, speed, onSpeed, onStart, onInvalid }: ReplayFormProps): ReactElement {
  const [source, setSource] = useState('sim');
  const [symbol, setSymbol] = useState<string | null>(null);
  const [range, setRange] = useState(defaultRange);

  const submit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const from = parseUtcDateTimeLocal(range.from);
    const to = parseUtcDateTimeLocal(range.to);
    if (from === null) onInvalid(badTime('from'));
    else if (to === null) onInvalid(badTime('to'));
    else onStart({ source: source.trim(), symbol: (symbol ?? defaultSymbol).trim(), from, to, speed });
  };

  const speeds = REPLAY_SPEEDS.some((s) => s === speed) ? REPLAY_SPEEDS : [...REPLAY_SPEEDS, speed];

  return (
    <form className="replay-form" onSubmit={submit} data-testid="replay-form">
      <ReplayField label="Source">
        <input
          className="input replay-source"
          value={source}
          onChange={(e) => {
            setSource(e.target.value);
          }}
          spellCheck={false}
          data-testid="replay-source"
        />
      </ReplayField>
      <ReplayField label="Symbol">
        <input
          className="input replay-symbol"
          value={symbol ?? defaultSymbol}
          onChange={(e) => {
            setSymbol(e.target.value);
          }}
          spellCheck={false}
          data-testid="replay-symbol"
        />
      </ReplayField>
      <ReplayField label="From (UTC)">
        <UtcTimeInput
          value={range.from}
          onChange={(from) => {
            setRange({ ...range, from });
          }}
          testId="replay-from"
        />
      </ReplayField>
      <ReplayField label="To (UTC)">
        <UtcTimeInput
          value={range.to}
          onChange={(to) => {
            setRange({ ...range, to });
          }}
          testId="replay-to"
        />
      </ReplayField>
      <ReplayField label="Speed">
        <select
          className="input"
          value={speed}
          onChange={(e) => {
            onSpeed(Number(e.target.value));
          }}
          data-testid="replay-speed-select"
        >
          {speeds.map((s) => (
            <option key={s} value={s}>{`${String(s)}×`}</option>
          ))}
        </select>
      </ReplayField>
      <button type="submit" className="button button-primary" disabled={!canStart} data-testid="replay-start">
        Start
      </button>
    </form>
  );
}
