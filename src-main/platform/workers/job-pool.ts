import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ThreadJobEnv } from './job-env';
import { JobCancelled, type Job, type JobResult } from './jobs';
import { errorOf, runJob } from './run-job';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export interface JobOptions {
  /** Aborting it cancels the job: taken off the queue, or its worker stopped (and replaced). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number) => void;
}

/** Where the core sends heavy work. */
export interface JobPool {
  run<J extends Job>(job: J, options?: JobOptions): Promise<JobResult<J>>;
  /** Jobs waiting and running. */
  readonly pending: number;
  readonly threads: number;
  close(): Promise<void>;
}

/** A worker idle this long is stopped, returning its caches' memory; the next job starts a new one. */
const IDLE_MS = 20_000;
/** Heap of one worker: a runaway job fails on its own instead of swelling the process. */
const WORKER_HEAP_MB = 1024;

interface Task {
  readonly id: number;
  readonly job: Job;
  readonly options: JobOptions;
  resolve(result: unknown): void;
  reject(err: Error): void;
  readonly onAbort: () => void;
}

interface Slot {
  worker: Worker | null;
  task: Task | null;
  idleTimer: ReturnType<typeof setTimeout> | null;
}

/**
 * The core's worker pool (worker_threads, one per core but the event loop's by default): jobs
 * queue in order, each worker runs one at a time, progress and results come
 * back as messages. A cancelled job leaves the queue, or its worker is
 * terminated and replaced, so a requester that went away costs nothing more.
 */
export class ThreadJobPool implements JobPool {
  private readonly slots: Slot[];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly workerPath: string,
    // One core is left to the event loop (ticks, orders, the kill switch): heavy work never competes with it for CPU.
    threads = Math.max(1, availableParallelism() - 1),
  ) {
    this.slots = Array.from({ length: Math.max(1, threads) }, () => ({ worker: null, task: null, idleTimer: null }));
  }

  get threads(): number {
    return this.slots.length;
  }

  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.task !== null).length;
  }

  run<J extends Job>(job: J, options: JobOptions = {}): Promise<JobResult<J>> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (options.signal?.aborted === true) return Promise.reject(new JobCancelled());
    return new Promise<JobResult<J>>((resolve, reject) => {
      const task: Task = {
        id: this.nextId++,
        job,
        options,
        resolve: (r) => resolve(r as JobResult<J>),
        reject,
        onAbort: () => this.cancel(task),
      };
      options.signal?.addEventListener('abort', task.onAbort, { once: true });
      this.queue.push(task);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) this.settle(task, new Error('the worker pool closed'));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.idleTimer !== null) clearTimeout(slot.idleTimer);
        if (slot.task !== null) this.settle(slot.task, new Error('the worker pool closed'));
        slot.task = null;
        const w = slot.worker;
        slot.worker = null;
        if (w !== null) await w.terminate();
      }),
    );
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task !== null) continue;
      const task = this.queue.shift();
      if (task === undefined) return;
      if (slot.idleTimer !== null) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      slot.task = task;
      const worker = (slot.worker ??= this.spawn(slot));
      worker.postMessage({ id: task.id, job: task.job } satisfies WorkerRequest);
    }
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(this.workerPath, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.on('message', (m: WorkerReply) => {
      const task = slot.task;
      if (task === null || m.id !== task.id) return;
      if (m.type === 'progress') {
        task.options.onProgress?.(m.fraction);
        return;
      }
      slot.task = null;
      if (m.type === 'done') this.settle(task, null, m.result);
      else this.settle(task, errorOf(m.failure));
      this.idle(slot);
      this.dispatch();
    });
    const lost = (why: string): void => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      const task = slot.task;
      slot.task = null;
      if (task !== null) this.settle(task, new Error(`a worker thread ${why}`));
      this.dispatch();
    };
    worker.on('error', (err: Error) => lost(`failed: ${err.message}`));
    worker.on('exit', (code) => lost(`exited with code ${String(code)}`));
    return worker;
  }

  private idle(slot: Slot): void {
    if (slot.idleTimer !== null) clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      slot.idleTimer = null;
      if (slot.task !== null || slot.worker === null) return;
      const w = slot.worker;
      slot.worker = null;
      void w.terminate();
    }, IDLE_MS);
    slot.idleTimer.unref();
  }

  private cancel(task: Task): void {
    const queued = this.queue.indexOf(task);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(task, new JobCancelled());
      return;
    }
    const slot = this.slots.find((s) => s.task === task);
    if (slot === undefined) return;
    slot.task = null;
    const w = slot.worker;
    slot.worker = null;
    if (w !== null) void w.terminate();
    this.settle(task, new JobCancelled());
    this.dispatch();
  }

  private settle(task: Task, err: Error | null, result?: unknown): void {
    task.options.signal?.removeEventListener('abort', task.onAbort);
    if (err === null) task.resolve(result);
    else task.reject(err);
  }
}

/**
 * The pool without threads (tests and tools running from the sources, where
 * no worker bundle exists): jobs run one at a time on this thread, each after
 * a turn of the event loop, and a job cancelled before its turn never runs.
 */
export class InlineJobPool implements JobPool {
  private readonly env = new ThreadJobEnv();
  private chain: Promise<unknown> = Promise.resolve();
  private count = 0;
  readonly threads = 0;

  get pending(): number {
    return this.count;
  }

  run<J extends Job>(job: J, options: JobOptions = {}): Promise<JobResult<J>> {
    this.count++;
    const next = this.chain.then(
      () =>
        new Promise<JobResult<J>>((resolve, reject) => {
          setImmediate(() => {
            try {
              if (options.signal?.aborted === true) throw new JobCancelled();
              resolve(runJob(this.env, job, (f) => options.onProgress?.(f)));
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          });
        }),
    );
    this.chain = next.catch(() => undefined).finally(() => this.count--);
    return next;
  }

  close(): Promise<void> {
    this.env.close();
    return Promise.resolve();
  }
}
