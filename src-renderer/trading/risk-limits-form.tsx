import { useState, type ReactElement } from 'react';
import type { ContractError } from '../../shared/contract';
import type { Account, RiskSettings } from '../../shared/trading/account';
import { ErrorNote } from '../app/error-note';
import { riskPatchOf, RISK_NUMBER_FIELDS, riskTexts, type RiskTexts } from './risk-limits';

export interface RiskLimitsFormProps {
  readonly account: Account;
  readonly busy: boolean;
  readonly onSave: (patch: Partial<RiskSettings>) => Promise<ContractError | null>;
}

/** The active account's risk limits (0: no limit), saved all at once; a refusal names its field. */
export function RiskLimitsForm({ account, busy, onSave }: RiskLimitsFormProps): ReactElement {
  const [texts, setTexts] = useState<RiskTexts>(() => riskTexts(account.risk));
  const [error, setError] = useState<ContractError | null>(null);
  const [saved, setSaved] = useState(false);
  const edit = (patch: Partial<RiskTexts>): void => {
    setTexts({ ...texts, ...patch });
    setSaved(false);
  };
  const built = riskPatchOf(texts, account.risk);
  return (
    <form
      className="risk-limits"
      data-testid="risk-limits"
      onSubmit={(e) => {
        e.preventDefault();
        if (!built.ok) return;
        void onSave(built.patch).then((err) => {
          setError(err);
          setSaved(err === null);
        });
      }}
    >
      <span className="account-menu-title">Risk limits of {account.name} (0: none)</span>
      {RISK_NUMBER_FIELDS.map((f) => (
        <label key={f.field} className="risk-field">
          <span>{f.label}</span>
          <input className="input num" inputMode="decimal" value={texts[f.field]} aria-invalid={!built.ok && built.field === f.field} data-testid={`risk-${f.field}`} onChange={(e) => edit({ [f.field]: e.target.value })} />
        </label>
      ))}
      <label className="check-field">
        <input type="checkbox" checked={texts.usEquityHoursOnly} data-testid="risk-usEquityHoursOnly" onChange={(e) => edit({ usEquityHoursOnly: e.target.checked })} />
        US equities in their session only
      </label>
      <label className="check-field">
        <input type="checkbox" checked={texts.dataGate} data-testid="risk-dataGate" onChange={(e) => edit({ dataGate: e.target.checked })} />
        Data gate (no entry on stale or degraded data)
      </label>
      {!built.ok && (
        <p className="field-note tone-bad" role="alert" data-testid="risk-invalid">
          {built.message}
        </p>
      )}
      <span className="risk-actions">
        <button type="submit" className="button" disabled={busy || !built.ok || Object.keys(built.patch).length === 0} data-testid="risk-save">
          Save limits
        </button>
        {saved && (
          <span className="muted" data-testid="risk-saved">
            Saved
          </span>
        )}
      </span>
      {error !== null && <ErrorNote error={error} onDismiss={() => setError(null)} testId="risk-error" />}
    </form>
  );
}
