import { memo, useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { parseNumber } from '../ticket/ticket-math';
import type { PickRule } from './options-store';

export interface PickButtonsProps {
  readonly disabled: boolean;
}

/** The rule a trader typed, or null when it is not one (whole days ≥ 0, a |delta| strictly between 0 and 1). */
export function pickRuleOf(days: string, delta: string): PickRule | null {
  const minDays = parseNumber(days);
  const target = parseNumber(delta);
  return minDays === null || !Number.isInteger(minDays) || minDays < 0 || target === null || target <= 0 || target >= 1 ? null : { minDays, delta: target };
}

/** Direction to a contract: "Calls" / "Puts" (or Alt+C / Alt+P) pick the nearest expiration at least N days out and the strike nearest the |delta| target, and fill the ticket. */
export const PickButtons = memo(function PickButtons({ disabled }: PickButtonsProps): ReactElement {
  const { options } = useAppStores();
  const saved = useStore(options, (s) => s.pickRule);
  const [days, setDays] = useState(String(saved.minDays));
  const [delta, setDelta] = useState(saved.delta.toFixed(2));
  const rule = pickRuleOf(days, delta);
  const edit = (nextDays: string, nextDelta: string): void => {
    setDays(nextDays);
    setDelta(nextDelta);
    const next = pickRuleOf(nextDays, nextDelta);
    if (next !== null) options.getState().setPickRule(next);
  };
  return (
    <div className="pick-buttons" data-testid="pick-buttons">
      <label className="chain-filter" title="the nearest expiration at least this many days out">
        <span className="field-label">≥ days</span>
        <input className="input num" inputMode="numeric" value={days} aria-invalid={rule === null} data-testid="pick-min-days" onChange={(e) => edit(e.target.value, delta)} />
      </label>
      <label className="chain-filter" title="the strike whose |delta| is nearest this">
        <span className="field-label">Δ</span>
        <input className="input num" inputMode="decimal" value={delta} aria-invalid={rule === null} data-testid="pick-delta" onChange={(e) => edit(days, e.target.value)} />
      </label>
      <button type="button" className="button side-buy" title="Alt+C" disabled={disabled || rule === null} data-testid="pick-calls" onClick={() => rule !== null && void options.getState().pick('calls', rule)}>
        Calls
      </button>
      <button type="button" className="button side-sell" title="Alt+P" disabled={disabled || rule === null} data-testid="pick-puts" onClick={() => rule !== null && void options.getState().pick('puts', rule)}>
        Puts
      </button>
    </div>
  );
});
