import type { StoredFileReport } from './vision-zip-ingest';

/** What became of one requested file. */
export type VisionFileOutcome =
  | { readonly status: 'ingested'; readonly file: string; readonly report: StoredFileReport }
  /** Recorded with the same SHA-256 and its bars are still stored: skipped without downloading the ZIP. */
  | { readonly status: 'already-ingested'; readonly file: string; readonly bars: number }
  /** 404: not published (yet), e.g. the current month. */
  | { readonly status: 'missing'; readonly file: string; readonly url: string }
  /** Refused (checksum mismatch, unreadable ZIP) or not downloadable; nothing stored from it. */
  | { readonly status: 'failed'; readonly file: string; readonly reason: string };

export interface VisionTotals {
  readonly files: number;
  readonly ingested: number;
  readonly alreadyIngested: number;
  readonly missing: number;
  readonly failed: number;
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly duplicates: number;
  readonly missingMinutes: number;
  readonly rejected: number;
}

export function totalsOf(outcomes: readonly VisionFileOutcome[]): VisionTotals {
  const t = { files: outcomes.length, ingested: 0, alreadyIngested: 0, missing: 0, failed: 0, rows: 0, inserted: 0, updated: 0, duplicates: 0, missingMinutes: 0, rejected: 0 };
  for (const o of outcomes) {
    switch (o.status) {
      case 'ingested':
        t.ingested++;
        t.rows += o.report.rows;
        t.inserted += o.report.inserted;
        t.updated += o.report.updated;
        t.duplicates += o.report.duplicates;
        t.missingMinutes += o.report.missingMinutes;
        t.rejected += o.report.rejected.length;
        break;
      case 'already-ingested':
        t.alreadyIngested++;
        break;
      case 'missing':
        t.missing++;
        break;
      case 'failed':
        t.failed++;
        break;
    }
  }
  return t;
}
