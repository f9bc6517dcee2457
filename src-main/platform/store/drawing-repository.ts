import { drawingSchema, MAX_DRAWINGS_PER_SERIES, sameDrawing, type Drawing, type DrawingInput } from '../../../shared/chart/drawing';
import type { SymbolId } from '../../../shared/domain/symbol';
import type { Db } from './database';

/** What an upsert did. */
export type DrawingWrite =
  | { readonly kind: 'written'; readonly drawing: Drawing }
  /** The same contents were already stored: nothing changed. */
  | { readonly kind: 'same'; readonly drawing: Drawing }
  /** The id belongs to a drawing of another series. */
  | { readonly kind: 'conflict'; readonly stored: Drawing }
  /** The series already holds MAX_DRAWINGS_PER_SERIES drawings. */
  | { readonly kind: 'full' };

interface Row {
  readonly spec: string;
}

/**
 * The user's drawings, one row each, keyed by the client's id. An upsert
 * reads and writes in one immediate transaction, so two windows moving the
 * same drawing never interleave, and sending the same drawing twice changes
 * nothing. Rows are validated again when read back.
 */
export class DrawingRepository {
  private readonly selectOne;
  private readonly selectSeries;
  private readonly countSeries;
  private readonly insert;
  private readonly update;
  private readonly remove;

  constructor(private readonly db: Db) {
    this.selectOne = db.prepare('SELECT spec FROM drawings WHERE id = ?');
    this.selectSeries = db.prepare('SELECT spec FROM drawings WHERE source = ? AND symbol = ? ORDER BY created_at, id');
    this.countSeries = db.prepare('SELECT COUNT(*) AS n FROM drawings WHERE source = ? AND symbol = ?');
    this.insert = db.prepare('INSERT INTO drawings (id, source, symbol, kind, spec, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.update = db.prepare('UPDATE drawings SET kind = ?, spec = ?, updated_at = ? WHERE id = ?');
    this.remove = db.prepare('DELETE FROM drawings WHERE id = ? RETURNING spec');
  }

  list(source: string, symbol: SymbolId): Drawing[] {
    return (this.selectSeries.all(source, symbol) as Row[]).map(parse);
  }

  get(id: string): Drawing | undefined {
    const row = this.selectOne.get(id) as Row | undefined;
    return row === undefined ? undefined : parse(row);
  }

  upsert(input: DrawingInput, now: number): DrawingWrite {
    return this.db
      .transaction((): DrawingWrite => {
        const stored = this.get(input.id);
        if (stored !== undefined && (stored.source !== input.source || stored.symbol !== input.symbol)) return { kind: 'conflict', stored };
        if (stored !== undefined && sameDrawing(stored, input)) return { kind: 'same', drawing: stored };
        const drawing = drawingSchema.parse({ ...input, updatedAt: now });
        const spec = JSON.stringify(drawing);
        if (stored === undefined) {
          const { n } = this.countSeries.get(input.source, input.symbol) as { n: number };
          if (n >= MAX_DRAWINGS_PER_SERIES) return { kind: 'full' };
          this.insert.run(input.id, input.source, input.symbol, input.kind, spec, now, now);
        } else {
          this.update.run(input.kind, spec, now, input.id);
        }
        return { kind: 'written', drawing };
      })
      .immediate();
  }

  /** Deletes a drawing; returns it, or undefined when there was none. */
  delete(id: string): Drawing | undefined {
    return this.db
      .transaction((): Drawing | undefined => {
        const row = this.remove.get(id) as Row | undefined;
        return row === undefined ? undefined : parse(row);
      })
      .immediate();
  }
}

function parse(row: Row): Drawing {
  return drawingSchema.parse(JSON.parse(row.spec));
}
