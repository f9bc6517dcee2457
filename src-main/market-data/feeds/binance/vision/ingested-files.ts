import type { Db } from '../../../../platform/store';

/** A bulk file whose bars are in the store (table `ingested_files`, migration 3). */
export interface IngestedFile {
  readonly source: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly symbol: string;
  readonly periodStart: number;
  readonly periodEnd: number;
  /** Bars the file gave (after rejected and repeated rows). */
  readonly bars: number;
  readonly ingestedAt: number;
}

/** The record of completed bulk files, so a re-run skips what it already stored. */
export class IngestedFiles {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      find: db.prepare(
        `SELECT source, file_name AS fileName, sha256, symbol, period_start AS periodStart, period_end AS periodEnd, bars, ingested_at AS ingestedAt
         FROM ingested_files WHERE source = ? AND file_name = ?`,
      ),
      record: db.prepare(
        `INSERT INTO ingested_files (source, file_name, sha256, symbol, period_start, period_end, bars, ingested_at)
         VALUES (@source, @fileName, @sha256, @symbol, @periodStart, @periodEnd, @bars, @ingestedAt)
         ON CONFLICT (source, file_name) DO UPDATE SET sha256 = excluded.sha256, symbol = excluded.symbol,
           period_start = excluded.period_start, period_end = excluded.period_end, bars = excluded.bars, ingested_at = excluded.ingested_at`,
      ),
    };
  }

  find(source: string, fileName: string): IngestedFile | null {
    return (this.stmts.find.get(source, fileName) as IngestedFile | undefined) ?? null;
  }

  record(file: IngestedFile): void {
    this.stmts.record.run(file);
  }
}
