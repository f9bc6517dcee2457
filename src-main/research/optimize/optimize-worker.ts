import { parentPort, workerData } from 'node:worker_threads';
import type { BarColumns } from '../../../shared/domain/bar-columns';
import type { StrategyParams } from '../../../shared/strategy/strategy';
import { evaluateParams, type EvaluationJob } from './evaluate-params';
import { columnsOf, type SharedColumns } from './shared-columns';

/**
 * A worker thread of the optimiser: it gets the job once (workerData), then
 * messages in order: `bars` (shared memory, no copy) to evaluate on from now
 * on, and batches of parameter sets, each answered with their evaluations.
 * Bundled as its own entry (out/main/optimize-worker.js).
 */
export type WorkerMessage = { readonly type: 'bars'; readonly columns: SharedColumns } | { readonly type: 'batch'; readonly id: number; readonly sets: StrategyParams[] };

const job = workerData as EvaluationJob;
let bars: BarColumns | undefined;
parentPort?.on('message', (m: WorkerMessage) => {
  if (m.type === 'bars') {
    bars = columnsOf(m.columns);
    return;
  }
  try {
    if (bars === undefined) throw new Error('a batch arrived before any bars');
    parentPort?.postMessage({ id: m.id, ok: true, results: evaluateParams(job, bars, m.sets) });
  } catch (err) {
    parentPort?.postMessage({ id: m.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
