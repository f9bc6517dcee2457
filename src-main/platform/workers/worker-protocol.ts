import type { Job, JobFailure, JobResults } from './jobs';

/** Main thread → worker: one job at a time. */
export interface WorkerRequest {
  readonly id: number;
  readonly job: Job;
}

/** Worker → main thread. */
export type WorkerReply =
  | { readonly type: 'progress'; readonly id: number; readonly fraction: number }
  | { readonly type: 'done'; readonly id: number; readonly result: JobResults[keyof JobResults] }
  | { readonly type: 'failed'; readonly id: number; readonly failure: JobFailure };
