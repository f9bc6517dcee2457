import type { RiskSettings } from '../../shared/trading/account';

/** The numeric risk limits the account menu edits, with their labels. */
export const RISK_NUMBER_FIELDS = [
  { field: 'maxOrderNotional', label: 'Max order notional', integer: false, min: 'positive' },
  { field: 'maxPositionNotional', label: 'Max position per symbol', integer: false, min: 'zero' },
  { field: 'maxOpenPositions', label: 'Max open positions', integer: true, min: 'zero' },
  { field: 'maxDailyLoss', label: 'Max daily loss', integer: false, min: 'zero' },
  { field: 'maxOrdersPerMinute', label: 'Max orders per minute', integer: true, min: 'zero' },
] as const;

type NumberField = (typeof RISK_NUMBER_FIELDS)[number]['field'];

/** The form's state: numbers as typed, switches as they are. */
export type RiskTexts = { readonly [K in NumberField]: string } & { readonly usEquityHoursOnly: boolean; readonly dataGate: boolean };

export function riskTexts(risk: RiskSettings): RiskTexts {
  return {
    maxOrderNotional: String(risk.maxOrderNotional),
    maxPositionNotional: String(risk.maxPositionNotional),
    maxOpenPositions: String(risk.maxOpenPositions),
    maxDailyLoss: String(risk.maxDailyLoss),
    maxOrdersPerMinute: String(risk.maxOrdersPerMinute),
    usEquityHoursOnly: risk.usEquityHoursOnly,
    dataGate: risk.dataGate,
  };
}

export type RiskPatch = { readonly ok: true; readonly patch: Partial<RiskSettings> } | { readonly ok: false; readonly field: NumberField; readonly message: string };

/** What changed against `current`, or the first field that is not a usable number (thousands separators allowed). */
export function riskPatchOf(texts: RiskTexts, current: RiskSettings): RiskPatch {
  const patch: { -readonly [K in keyof RiskSettings]?: RiskSettings[K] } = {};
  for (const f of RISK_NUMBER_FIELDS) {
    const raw = texts[f.field].replace(/,/g, '').trim();
    const value = raw === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(value)) return { ok: false, field: f.field, message: `${f.label}: a number is needed` };
    if (f.integer && !Number.isInteger(value)) return { ok: false, field: f.field, message: `${f.label}: a whole number is needed` };
    if (f.min === 'positive' ? value <= 0 : value < 0) return { ok: false, field: f.field, message: `${f.label}: must be ${f.min === 'positive' ? 'above 0' : '0 (none) or more'}` };
    if (value !== current[f.field]) patch[f.field] = value;
  }
  if (texts.usEquityHoursOnly !== current.usEquityHoursOnly) patch.usEquityHoursOnly = texts.usEquityHoursOnly;
  if (texts.dataGate !== current.dataGate) patch.dataGate = texts.dataGate;
  return { ok: true, patch };
}
