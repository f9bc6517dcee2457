/**
 * A small RFC 4180 reader: comma-separated fields, a field in double quotes
 * may hold commas, line breaks and doubled quotes (""); records end at LF,
 * CRLF or a lone CR; a UTF-8 byte-order mark at the start is dropped; blank
 * lines are skipped. Lenient where spreadsheets are sloppy: a quote inside an
 * unquoted field is kept as a character, text after a closing quote is
 * appended to the field. A quoted field still open at the end of the text is
 * an error naming the line it started on. Writing uses csvField
 * (shared/trading/audit-csv.ts). (src-main/market-data/import reads bar files line by line
 * with no quoting, and shared/ cannot use it: this is the one quote-aware
 * reader.)
 */

export interface CsvRecord {
  /** 1-based line of the text the record starts on. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvText {
  readonly records: readonly CsvRecord[];
  /** An unterminated quoted field (the records before it are kept). */
  readonly error: { readonly line: number; readonly reason: string } | null;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export function readCsv(text: string): CsvText {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let field = '';
    let quotedAny = false;
    let endOfRecord = false;
    while (!endOfRecord) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        quotedAny = true;
        i++;
        let closed = false;
        while (i < n) {
          const q = text.indexOf('"', i);
          const chunk = q < 0 ? text.slice(i) : text.slice(i, q);
          for (let k = 0; k < chunk.length; k++) {
            const c = chunk.charCodeAt(k);
            if (c === LF || (c === CR && chunk.charCodeAt(k + 1) !== LF)) line++;
          }
          field += chunk;
          if (q < 0) {
            i = n;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            field += '"';
            i = q + 2;
          } else {
            i = q + 1;
            closed = true;
            break;
          }
        }
        if (!closed) return { records, error: { line: start, reason: 'a quoted field is not closed (a " is missing)' } };
      }
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        j++;
      }
      field += text.slice(i, j);
      cells.push(field);
      field = '';
      if (j >= n) {
        i = n;
        endOfRecord = true;
      } else if (text.charCodeAt(j) === COMMA) {
        i = j + 1;
        if (i >= n) {
          cells.push('');
          endOfRecord = true;
        }
      } else {
        i = text.charCodeAt(j) === CR && text.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
        line++;
        endOfRecord = true;
      }
    }
    if (cells.length === 1 && cells[0] === '' && !quotedAny) continue;
    records.push({ line: start, cells });
  }
  return { records, error: null };
}
