/**
 * The API process's rating-job runner on a worker thread: a chunk's own work (reading thousands of rows, building
 * megabytes of SQL, JSON) runs on another core than the event loop that answers requests, so a job never holds a
 * request up; the database connections are the thread's own (a pool of two on the primary: a chunk's transaction,
 * and the next chunk read ahead while the API is quiet). Logs and progress come back to the API thread as messages
 * (/metrics reads core/job-progress there); how busy the API thread is comes the other way, in shared memory
 * (core/request-activity.ts).
 *
 * The thread's heap is capped. A pass holds little (a chunk, and its tree at about 0.3 KB per unit: some 55 MB live
 * for a million members), but it makes garbage fast, and V8 grows a heap with the garbage of a long run rather than
 * with what it holds: uncapped, the peak grew with the length of the pass. A thread that does run out is started
 * again with twice the cap, under the same runner name, so it takes its job straight back from the cursor.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { jobProgress } from '../../core/job-progress';
import { activityBuffer, ActivityBuffer } from '../../core/request-activity';
import type { BackgroundRunner, JobRunnerOptions } from './rating-job.runner';

type FromThread =
  | { kind: 'log'; message: string; fields?: Record<string, unknown> }
  | { kind: 'progress'; op: 'start'; id: string; jobKind: string; total: number }
  | { kind: 'progress'; op: 'advance'; id: string; done: number }
  | { kind: 'progress'; op: 'finish'; id: string };
type ToThread = 'poke' | 'stop';

const WORKER_FILE = path.join(__dirname, 'rating-job.worker.js');
/** The thread's old generation, in MiB, at first; doubled after running out, up to the last. */
const HEAP_MB = { first: 128, last: 4096 };

/** What the thread's runner is given (the functions stay on the API thread). */
export type ThreadOptions = Pick<JobRunnerOptions, 'chunkSize' | 'staleAfterMs' | 'idleMs' | 'name'> & {
  /** The API thread's request counters (core/request-activity.ts): the thread reads how busy the API is. */
  activity?: ActivityBuffer;
};

/** The runner on its thread; null when there is no compiled worker file (ts-node, tests): run it on this thread then. */
export function startOnThread(options: JobRunnerOptions): BackgroundRunner | null {
  if (!isMainThread || !existsSync(WORKER_FILE)) return null;
  const { chunkSize, staleAfterMs, idleMs } = options;
  const name = options.name ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return new JobRunnerThread(WORKER_FILE, { chunkSize, staleAfterMs, idleMs, name }, options.log ?? (() => undefined));
}

class JobRunnerThread implements BackgroundRunner {
  private worker: Worker | null = null;
  private stopping = false;
  private heapMb = HEAP_MB.first;

  constructor(
    private readonly file: string,
    private readonly options: ThreadOptions,
    private readonly log: (message: string, fields?: Record<string, unknown>) => void,
  ) {
    this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(this.file, { workerData: { ...this.options, activity: activityBuffer() }, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    this.worker = worker;
    worker.on('message', (m: FromThread) => {
      if (m.kind === 'log') this.log(m.message, m.fields);
      else if (m.op === 'start') jobProgress.start(m.id, m.jobKind, m.total);
      else if (m.op === 'advance') jobProgress.advance(m.id, m.done);
      else jobProgress.finish(m.id);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') this.heapMb = Math.min(this.heapMb * 2, HEAP_MB.last);
      this.log(`rating job thread: ${error.message}`, { event: 'rating-job-runner-error', heapMb: this.heapMb });
    });
    worker.on('exit', (code) => {
      this.worker = null;
      // A thread that died (not asked to stop) is started again, as the same runner: it goes on with its job.
      if (!this.stopping) {
        this.log(`rating job thread exited with code ${code}; starting it again in 5 s`, { event: 'rating-job-runner-error' });
        setTimeout(() => this.stopping || this.spawn(), 5000).unref();
      }
    });
  }

  poke(): void {
    this.worker?.postMessage('poke' satisfies ToThread);
  }

  /** Stops after the chunk in flight (the thread closes its pool and ends). */
  async stop(): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop' satisfies ToThread);
    await exited;
  }
}

/** The thread's side (rating-job.worker.ts): messages to the API thread. */
export const toApiThread = {
  log: (message: string, fields?: Record<string, unknown>) => parentPort?.postMessage({ kind: 'log', message, fields } satisfies FromThread),
  progress: {
    start: (id: string, jobKind: string, total: number) => parentPort?.postMessage({ kind: 'progress', op: 'start', id, jobKind, total } satisfies FromThread),
    advance: (id: string, done: number) => parentPort?.postMessage({ kind: 'progress', op: 'advance', id, done } satisfies FromThread),
    finish: (id: string) => parentPort?.postMessage({ kind: 'progress', op: 'finish', id } satisfies FromThread),
  },
  onMessage: (handler: (m: ToThread) => void) => parentPort?.on('message', handler),
  options: (): ThreadOptions => (workerData ?? {}) as ThreadOptions,
};
