import { parentPort } from 'node:worker_threads';
import { ThreadJobEnv } from './job-env';
import { forTransfer } from './job-transfer';
import type { Job } from './jobs';
import { failureOf, runJob } from './run-job';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/**
 * A worker thread of the core's pool (out/main/core-worker.js): runs one job
 * at a time as the pool hands them over, reporting progress, and answers
 * with the result (arrays transferred, not copied) or a failure as data.
 * It keeps its generators and read-only store connections between jobs.
 */
const env = new ThreadJobEnv();
const port = parentPort;
/** Progress is posted at most this often: every message costs the event loop a little. */
const PROGRESS_EVERY_MS = 100;

port?.on('message', (m: WorkerRequest) => {
  const reply = (r: WorkerReply, transfer: ArrayBuffer[] = []): void => port.postMessage(r, transfer);
  const job: Job = m.job;
  let lastProgress = 0;
  try {
    const result = runJob(env, job, (fraction) => {
      const now = performance.now();
      if (now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      reply({ type: 'progress', id: m.id, fraction });
    });
    const ready = forTransfer(job.kind, result);
    reply({ type: 'done', id: m.id, result: ready.result }, ready.transfer);
  } catch (err) {
    reply({ type: 'failed', id: m.id, failure: failureOf(err) });
  }
});
