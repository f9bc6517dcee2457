import { MAX_DRAWINGS_PER_SERIES, type Drawing, type DrawingInput } from '../../../shared/chart/drawing';
import { ContractFailure, type DrawingsUpdate } from '../../../shared/contract';
import type { SymbolId } from '../../../shared/domain/symbol';
import type { DrawingRepository } from '../../platform/store/drawing-repository';

type Listener = (update: DrawingsUpdate) => void;

const seriesKey = (source: string, symbol: SymbolId): string => `${source}\u0000${symbol}`;

/**
 * The drawings behind `drawings.*`: stored through the repository, and after
 * every change that changed something, the series' whole list pushed to
 * everyone following that series (every pane and window of the symbol).
 */
export class DrawingService {
  private readonly followers = new Map<string, Set<Listener>>();

  constructor(
    private readonly repo: DrawingRepository,
    private readonly now: () => number,
  ) {}

  list(source: string, symbol: SymbolId): Drawing[] {
    return this.repo.list(source, symbol);
  }

  upsert(input: DrawingInput): Drawing {
    const write = this.repo.upsert(input, Math.round(this.now()));
    switch (write.kind) {
      case 'conflict':
        throw new ContractFailure(
          'CONFLICT',
          `drawing ${input.id} belongs to ${write.stored.source}:${write.stored.symbol}, not ${input.source}:${input.symbol}`,
          write.stored.source === input.source ? 'params.symbol' : 'params.source',
        );
      case 'full':
        throw new ContractFailure('LIMIT', `${input.source}:${input.symbol} already holds ${String(MAX_DRAWINGS_PER_SERIES)} drawings`, 'limits.drawings');
      case 'same':
        return write.drawing;
      case 'written':
        this.push(input.source, input.symbol);
        return write.drawing;
    }
  }

  delete(id: string): boolean {
    const gone = this.repo.delete(id);
    if (gone === undefined) return false;
    this.push(gone.source, gone.symbol);
    return true;
  }

  /** Sends the series' drawings now, then after every change; returns the function that stops it. */
  follow(source: string, symbol: SymbolId, listener: Listener): () => void {
    const key = seriesKey(source, symbol);
    const snapshot = this.list(source, symbol);
    let set = this.followers.get(key);
    if (set === undefined) {
      set = new Set();
      this.followers.set(key, set);
    }
    set.add(listener);
    listener({ source, symbol, drawings: snapshot });
    return () => {
      const current = this.followers.get(key);
      current?.delete(listener);
      if (current?.size === 0) this.followers.delete(key);
    };
  }

  private push(source: string, symbol: SymbolId): void {
    const set = this.followers.get(seriesKey(source, symbol));
    if (set === undefined) return;
    const update: DrawingsUpdate = { source, symbol, drawings: this.list(source, symbol) };
    for (const listener of set) listener(update);
  }
}
