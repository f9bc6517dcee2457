import type { JournalUpdate } from '../../shared/contract';

/** Tells followers (the renderer's journal) that the journal changed; the version goes up with each change. */
export class JournalEvents {
  private readonly listeners = new Set<(u: JournalUpdate) => void>();

  constructor(private readonly onListenerError: (err: unknown) => void = () => undefined) {}

  on(listener: (u: JournalUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(update: JournalUpdate): void {
    for (const listener of this.listeners) {
      try {
        listener(update);
      } catch (err) {
        this.onListenerError(err);
      }
    }
  }
}
