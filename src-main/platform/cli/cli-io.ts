/** Where a command writes; tests pass buffers, the entry point passes the process streams. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted (reason: the signal's name) when the user asks a command to stop (Ctrl-C, SIGTERM); see stop.ts. */
  readonly stop: AbortSignal;
  /** The bundled optimiser worker (out/main/optimize-worker.js); absent when running from sources, where the optimiser uses one thread. */
  readonly optimizeWorker?: string;
  /** The bundled core worker (out/main/core-worker.js) for serve's worker pool; absent when running from sources. */
  readonly coreWorker?: string;
}

/** Bad usage or bad input: exit code 2 with a one-line reason. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
