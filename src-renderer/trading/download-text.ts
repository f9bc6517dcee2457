/** Hands `text` to the browser as a file download named `name` (a blob URL clicked, then let go). */
export function downloadText(doc: Document, name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

/** "tapedeck-audit-2026-03-10T150000Z.csv". */
export function auditFileName(now: number): string {
  return `tapedeck-audit-${new Date(now).toISOString().slice(0, 19).replaceAll(':', '')}Z.csv`;
}
