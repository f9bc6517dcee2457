/** Where a command writes; tests pass buffers, the entry point passes the process streams. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves when the user asks a long-running command to stop (Ctrl-C, SIGTERM). */
  readonly stopSignal: Promise<void>;
  /** The bundled optimiser worker (out/main/optimize-worker.js); absent when running from sources, where the optimiser uses one thread. */
  readonly optimizeWorker?: string;
}

/** Bad usage or bad input: exit code 2 with a one-line reason. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
