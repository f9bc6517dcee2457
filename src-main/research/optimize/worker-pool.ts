import { Worker } from 'node:worker_threads';
import type { BarColumns } from '../../../shared/domain/bar-columns';
import type { StrategyParams } from '../../../shared/strategy/strategy';
import { evaluateParams, type Evaluation, type EvaluationJob } from './evaluate-params';
import type { WorkerMessage } from './optimize-worker';
import { shareColumns } from './shared-columns';

/** Parameter sets per message: small enough to balance the load, large enough that messaging is noise. */
const BATCH = 4;

type Reply = { id: number; ok: true; results: Evaluation[] } | { id: number; ok: false; message: string };

/**
 * Evaluates parameter sets for one optimisation. With `threads` > 1 and the
 * bundled worker (`workerPath`), the workers start once and serve every call
 * (the grid, then each walk-forward fold), so their start-up and JIT warm-up
 * are paid once; batches are handed out as workers free up and results come
 * back in the order of `sets`. Otherwise (one thread, or tests on the sources
 * where there is no bundle) it evaluates in this thread.
 */
export class EvaluationPool {
  private readonly workers: Worker[];

  constructor(
    private readonly job: EvaluationJob,
    threads: number,
    workerPath: string | undefined,
  ) {
    this.workers = workerPath === undefined || threads <= 1 ? [] : Array.from({ length: threads }, () => new Worker(workerPath, { workerData: job }));
  }

  get threads(): number {
    return Math.max(1, this.workers.length);
  }

  async evaluate(bars: BarColumns, sets: readonly StrategyParams[], onProgress?: (done: number, total: number) => void): Promise<Evaluation[]> {
    if (this.workers.length === 0 || sets.length <= BATCH) {
      const out: Evaluation[] = [];
      for (let i = 0; i < sets.length; i += BATCH) {
        out.push(...evaluateParams(this.job, bars, sets.slice(i, i + BATCH)));
        onProgress?.(out.length, sets.length);
        // Let the event loop turn between batches, so a stop (Ctrl-C) is seen.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return out;
    }
    const columns = shareColumns(bars);
    const results = new Array<Evaluation[] | undefined>(Math.ceil(sets.length / BATCH));
    let next = 0;
    let done = 0;
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= results.length) {
                cleanup();
                resolve();
                return;
              }
              const id = next++;
              worker.postMessage({ type: 'batch', id, sets: sets.slice(id * BATCH, id * BATCH + BATCH) } satisfies WorkerMessage);
            };
            const onMessage = (reply: Reply): void => {
              if (!reply.ok) {
                cleanup();
                reject(new Error(reply.message));
                return;
              }
              results[reply.id] = reply.results;
              done += reply.results.length;
              onProgress?.(done, sets.length);
              send();
            };
            const onError = (err: Error): void => {
              cleanup();
              reject(err);
            };
            const onExit = (code: number): void => {
              cleanup();
              reject(new Error(`an optimiser worker exited with code ${String(code)}`));
            };
            const cleanup = (): void => {
              worker.off('message', onMessage);
              worker.off('error', onError);
              worker.off('exit', onExit);
            };
            worker.on('message', onMessage);
            worker.on('error', onError);
            worker.on('exit', onExit);
            // Messages on a port arrive in order: the bars before the first batch.
            worker.postMessage({ type: 'bars', columns } satisfies WorkerMessage);
            send();
          }),
      ),
    );
    return results.flatMap((r) => r ?? []);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }
}
