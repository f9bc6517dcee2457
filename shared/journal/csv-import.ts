/**
 * What the CSV importers return, and the pieces they share: header lookup
 * and number reading. A file whose header lacks a required column is refused
 * whole, naming every missing column; otherwise each bad row is rejected with
 * its 1-based line number and the reason, and the rest are imported.
 */

export interface RowError {
  /** 1-based line of the file the row starts on. */
  readonly line: number;
  readonly reason: string;
}

export type CsvImportResult<T> =
  | { readonly ok: true; readonly rows: readonly T[]; readonly errors: readonly RowError[] }
  | { readonly ok: false; readonly reason: string; readonly missingColumns: readonly string[] };

/** A header name compared loosely: case, spaces and underscores do not matter ("Trans Fee" = "TransFee"). */
export function headerKey(name: string): string {
  return name.replace(/[\s_]/g, '').toLowerCase();
}

/**
 * Where each wanted column is in `header` (the first of a repeated name), or
 * the required ones that are missing, by their documented names.
 */
export function findColumns<R extends string, O extends string>(
  header: readonly string[],
  required: readonly R[],
  optional: readonly O[],
): { readonly ok: true; readonly at: Readonly<Record<R, number>> & Readonly<Partial<Record<O, number>>> } | { readonly ok: false; readonly missing: readonly R[] } {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const key = headerKey(name);
    if (!positions.has(key)) positions.set(key, i);
  });
  const at: Partial<Record<R | O, number>> = {};
  const missing: R[] = [];
  for (const name of required) {
    const i = positions.get(headerKey(name));
    if (i === undefined) missing.push(name);
    else at[name] = i;
  }
  for (const name of optional) {
    const i = positions.get(headerKey(name));
    if (i !== undefined) at[name] = i;
  }
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, at: at as Readonly<Record<R, number>> & Readonly<Partial<Record<O, number>>> };
}

/** The refusal of a header without the required columns. */
export function missingColumns<T>(format: string, missing: readonly string[], expected: readonly string[]): CsvImportResult<T> {
  const list = missing.join(', ');
  return {
    ok: false,
    reason: `not a ${format} file: the header lacks the column${missing.length > 1 ? 's' : ''} ${list} (expected ${expected.join(',')})`,
    missingColumns: missing,
  };
}

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * A decimal number as spreadsheets write it: optional sign, optional "$",
 * thousands grouped with "," (1,250.50) or not, exponent allowed; null for
 * anything else (empty, "abc", "1.2.3", "NaN", "Infinity", a day-first
 * "1.250,50").
 */
export function readDecimal(text: string): number | null {
  let s = text.trim();
  let sign = '';
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? '-' : '';
    s = s.slice(1);
  }
  if (s.startsWith('$')) s = s.slice(1);
  if (GROUPED.test(s)) s = s.replaceAll(',', '');
  if (!DECIMAL.test(s) || /^[-+]/.test(s)) return null;
  const n = Number(sign + s);
  return Number.isFinite(n) ? n : null;
}
