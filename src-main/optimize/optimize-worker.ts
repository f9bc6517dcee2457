import { parentPort, workerData } from 'node:worker_threads';
import type { StrategyParams } from '../../shared/strategy/strategy';
import { evaluateParams, type EvaluationJob } from './evaluate-params';
import { columnsOf, type SharedColumns } from './shared-columns';

/**
 * A worker thread of the optimiser: it gets the bars (shared memory) and the
 * job once, then answers each batch of parameter sets with their evaluations.
 * Bundled as its own entry (out/main/optimize-worker.js).
 */
interface Init {
  readonly columns: SharedColumns;
  readonly job: EvaluationJob;
}

const init = workerData as Init;
const bars = columnsOf(init.columns);
parentPort?.on('message', (batch: { id: number; sets: StrategyParams[] }) => {
  try {
    parentPort?.postMessage({ id: batch.id, ok: true, results: evaluateParams(init.job, bars, batch.sets) });
  } catch (err) {
    parentPort?.postMessage({ id: batch.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
