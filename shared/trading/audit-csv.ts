import type { AuditEntry } from './audit';

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The audit log as CSV: seq, time (ISO UTC), kind, account, symbol, message, data (JSON). */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const head = 'seq,time,kind,account,symbol,message,data';
  const rows = entries.map((e) =>
    [String(e.seq), new Date(e.time).toISOString(), e.kind, e.accountId ?? '', e.symbol ?? '', e.message, JSON.stringify(e.data)].map(csvField).join(','),
  );
  return `${[head, ...rows].join('\r\n')}\r\n`;
}
