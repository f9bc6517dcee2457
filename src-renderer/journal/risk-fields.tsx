import { useState, type SubmitEvent, type ReactElement } from 'react';
import type { TripNotesPatch } from '../../shared/journal/trip-notes';

export interface RiskFieldsProps {
  readonly plannedStop: number | null;
  readonly riskAmount: number | null;
  readonly onSave: (patch: TripNotesPatch) => Promise<boolean>;
}

const read = (text: string): number | null | 'bad' => {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n : 'bad';
};

/** The planned stop (a price) or the money at risk: what makes the trade's R. */
export function RiskFields({ plannedStop, riskAmount, onSave }: RiskFieldsProps): ReactElement {
  const [stop, setStop] = useState(plannedStop === null ? '' : String(plannedStop));
  const [risk, setRisk] = useState(riskAmount === null ? '' : String(riskAmount));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: SubmitEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const s = read(stop);
    const r = read(risk);
    if (s === 'bad' || r === 'bad') {
      setProblem('a positive number, or empty');
      return;
    }
    if (s !== null && r !== null) {
      setProblem('a planned stop or a risk amount, not both');
      return;
    }
    setProblem(null);
    void onSave({ plannedStop: s, riskAmount: r });
  };
  return (
    <form className="risk-fields" onSubmit={submit} data-testid="journal-risk">
      <label className="field">
        <span className="field-label">Planned stop</span>
        <input className="input num" inputMode="decimal" value={stop} onChange={(e) => setStop(e.target.value)} data-testid="journal-stop" />
      </label>
      <label className="field">
        <span className="field-label">or risk amount</span>
        <input className="input num" inputMode="decimal" value={risk} onChange={(e) => setRisk(e.target.value)} data-testid="journal-risk-amount" />
      </label>
      <button type="submit" className="button">
        Set R
      </button>
      {problem !== null && <span className="tone-bad">{problem}</span>}
    </form>
  );
}
