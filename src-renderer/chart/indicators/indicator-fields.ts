import { chartIndicatorsSchema, type ChartIndicator, type ChartIndicatorKind } from '../../../shared/chart/chart-indicator-settings';

/** One editable parameter of an indicator. */
export interface IndicatorField {
  readonly name: 'period' | 'k' | 'fast' | 'slow' | 'signal';
  readonly label: string;
  readonly step: number;
}

const PERIOD: IndicatorField = { name: 'period', label: 'Period', step: 1 };

/** The parameters the menu shows for an indicator kind, in order. */
export function fieldsOf(kind: ChartIndicatorKind): readonly IndicatorField[] {
  switch (kind) {
    case 'sma':
    case 'ema':
    case 'rsi':
    case 'atr':
      return [PERIOD];
    case 'vwap':
      return [];
    case 'bb':
      return [PERIOD, { name: 'k', label: 'StdDev ×', step: 0.1 }];
    case 'macd':
      return [
        { name: 'fast', label: 'Fast', step: 1 },
        { name: 'slow', label: 'Slow', step: 1 },
        { name: 'signal', label: 'Signal', step: 1 },
      ];
  }
}

/** The value of a parameter as the menu shows it ('' when the indicator has none of that name). */
export function fieldText(ind: ChartIndicator, field: IndicatorField['name']): string {
  const value: unknown = (ind as Readonly<Record<string, unknown>>)[field];
  return typeof value === 'number' ? String(value) : '';
}

export type FieldEdit = { readonly ok: true; readonly list: ChartIndicator[] } | { readonly ok: false; readonly message: string };

/**
 * The pane's list with parameter `field` of indicator `index` set to the
 * typed `text`, checked as the settings check it (bounds, whole periods, a
 * MACD's fast below its slow); a refusal says why.
 */
export function editField(list: readonly ChartIndicator[], index: number, field: IndicatorField['name'], text: string): FieldEdit {
  const ind = list[index];
  if (ind === undefined) return { ok: false, message: 'no such indicator' };
  const value = text.trim() === '' ? Number.NaN : Number(text);
  const next = list.map((x, i) => (i === index ? { ...x, [field]: value } : x));
  const parsed = chartIndicatorsSchema.safeParse(next);
  if (parsed.success) return { ok: true, list: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: issue === undefined ? 'not a valid value' : `${String(issue.path.at(-1) ?? field)}: ${issue.message}` };
}
