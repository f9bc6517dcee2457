import { Worker } from 'node:worker_threads';
import type { BarColumns } from '../../shared/domain/bar-columns';
import type { StrategyParams } from '../../shared/strategy/strategy';
import { evaluateParams, type Evaluation, type EvaluationJob } from './evaluate-params';
import { shareColumns } from './shared-columns';

/** Parameter sets per message: small enough to balance the load, large enough that messaging is noise. */
const BATCH = 4;

type Reply = { id: number; ok: true; results: Evaluation[] } | { id: number; ok: false; message: string };

/**
 * Evaluates parameter sets on `threads` worker threads (each runs
 * `workerPath`, the bundled optimize-worker), handing out small batches as
 * workers free up; results come back in the order of `sets`. With one thread,
 * or no worker path (tests on the sources), it evaluates in this thread.
 */
export async function evaluateOnThreads(
  job: EvaluationJob,
  bars: BarColumns,
  sets: readonly StrategyParams[],
  threads: number,
  workerPath: string | undefined,
  onProgress?: (done: number, total: number) => void,
): Promise<Evaluation[]> {
  if (workerPath === undefined || threads <= 1 || sets.length <= BATCH) {
    const out: Evaluation[] = [];
    for (let i = 0; i < sets.length; i += BATCH) {
      out.push(...evaluateParams(job, bars, sets.slice(i, i + BATCH)));
      onProgress?.(out.length, sets.length);
    }
    return out;
  }
  const columns = shareColumns(bars);
  const results = new Array<Evaluation[] | undefined>(Math.ceil(sets.length / BATCH));
  const workers = Array.from({ length: Math.min(threads, results.length) }, () => new Worker(workerPath, { workerData: { columns, job } }));
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= results.length) {
                resolve();
                return;
              }
              const id = next++;
              worker.postMessage({ id, sets: sets.slice(id * BATCH, id * BATCH + BATCH) });
            };
            worker.on('message', (reply: Reply) => {
              if (!reply.ok) {
                reject(new Error(reply.message));
                return;
              }
              results[reply.id] = reply.results;
              done += reply.results.length;
              onProgress?.(done, sets.length);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`an optimiser worker exited with code ${String(code)}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flatMap((r) => r ?? []);
}
