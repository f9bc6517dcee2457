import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Stopping a command. The entry point turns the first SIGINT or SIGTERM into
 * an aborted `io.stop` (its reason is the signal's name); a long-running
 * command checks it between batches, lines or requests (`throwIfStopped`,
 * `checkpoint`) and races what it waits for against it (`untilStopped`).
 * Either way it ends with Interrupted, which `runCli` prints as one line
 * ("tapedeck: interrupted (SIGINT); …") and turns into 130 or 143. Work
 * already committed stays: a SQLite transaction is synchronous, so no stop
 * can land inside one.
 */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type StopSignalName = (typeof STOP_SIGNALS)[number];

/** 128 + the signal's number, as shells report a process a signal stopped. */
const EXIT_CODES: Readonly<Record<StopSignalName, number>> = { SIGINT: 130, SIGTERM: 143 };

/** A command stopped by a signal; `detail` says what was kept ("300,000 rows stored, …"). */
export class Interrupted extends Error {
  constructor(
    readonly signal: StopSignalName,
    readonly detail?: string,
  ) {
    super(`interrupted (${signal})${detail === undefined ? '' : `; ${detail}`}`);
    this.name = 'Interrupted';
  }

  get exitCode(): number {
    return EXIT_CODES[this.signal];
  }
}

/** The signal that aborted `stop` (SIGINT when its reason is anything else). */
export function stopSignalName(stop: AbortSignal): StopSignalName {
  const reason: unknown = stop.reason;
  return STOP_SIGNALS.find((s) => s === reason) ?? 'SIGINT';
}

/** Throws Interrupted once `stop` is aborted. */
export function throwIfStopped(stop: AbortSignal, detail?: string): void {
  if (stop.aborted) throw new Interrupted(stopSignalName(stop), detail);
}

/** Lets the event loop turn (so a signal can be delivered during a long synchronous loop), then throwIfStopped. */
export async function checkpoint(stop: AbortSignal): Promise<void> {
  await nextTurn();
  throwIfStopped(stop);
}

/** Resolves with the signal's name when `stop` is aborted. */
export function whenStopped(stop: AbortSignal): Promise<StopSignalName> {
  if (stop.aborted) return Promise.resolve(stopSignalName(stop));
  return new Promise((resolve) => stop.addEventListener('abort', () => resolve(stopSignalName(stop)), { once: true }));
}

/**
 * `work`'s outcome, or Interrupted as soon as `stop` is aborted: the work is
 * left behind (the process exits after the command returns).
 */
export async function untilStopped<T>(stop: AbortSignal, work: Promise<T>): Promise<T> {
  throwIfStopped(stop);
  let onAbort = (): void => undefined;
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(new Interrupted(stopSignalName(stop)));
    stop.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, stopped]);
  } finally {
    stop.removeEventListener('abort', onAbort);
  }
}

/**
 * An AbortSignal aborted by the first SIGINT or SIGTERM (reason: its name).
 * Only the first is caught: after it both handlers are gone, so a second
 * signal falls to the default action and ends the process at once.
 */
export function stopOnSignals(proc: Pick<NodeJS.Process, 'on' | 'off'>): AbortSignal {
  const controller = new AbortController();
  const handlers = STOP_SIGNALS.map((signal) => {
    const handler = (): void => {
      for (const [s, h] of handlers) proc.off(s, h);
      controller.abort(signal);
    };
    return [signal, handler] as const;
  });
  for (const [s, h] of handlers) proc.on(s, h);
  return controller.signal;
}
