/**
 * Resolves on a later turn of the event loop, after pending I/O: one waiter
 * per turn, in order. Work that many requests start at once (hundreds of
 * chart snapshots) awaits a turn before each heavy step, so it runs as many
 * short tasks with other clients' I/O in between, never as one long task.
 * (setImmediate alone does not do this: every immediate queued before the
 * check phase runs in that same phase, back to back.)
 */
const waiting: (() => void)[] = [];
let scheduled = false;

function next(): void {
  scheduled = false;
  waiting.shift()?.();
  if (waiting.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // Scheduled from inside the check phase, this runs in the next loop iteration, after the poll phase.
  setImmediate(next);
}

export function eventLoopTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}
