/**
 * A small pool of worker threads for the rating engine's heavy work (compiling and rating a whole set), so a
 * large preview or publish never holds the event loop: /healthz and every other request keep being answered.
 * Jobs beyond the workers wait in a bounded queue; a job that outlives its time is answered TIMEOUT and its
 * thread terminated (a runaway compile cannot be interrupted any other way) and replaced on the next job.
 */
import { ErrorCode } from '@dangbo/shared-types';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../core/errors';
import type { EngineJob } from './criteria.preview';

export interface EnginePoolOptions {
  /** Worker threads at most (1–2: the engine is CPU work, the event loop needs a core too). */
  size: number;
  /** Time a job may run once a worker has it. */
  timeoutMs: number;
  /** Jobs that may wait for a worker; more are refused TOO_MANY_REQUESTS. */
  maxQueue: number;
  /** An idle worker ends after this long (it is started again on demand). */
  idleMs: number;
}

interface Pending {
  job: EngineJob;
  timeoutMs: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  current: (Pending & { id: number; timer: NodeJS.Timeout }) | null;
  idleTimer: NodeJS.Timeout | null;
}

const WORKER = 'criteria-engine.worker';

/**
 * Running from the compiled API (dist), the worker is the .js file next to this one. Running from the TypeScript
 * sources (the jest suites), it is compiled on the fly with swc as the jest preset does, and the workspace
 * libraries resolve to their sources as in jest's moduleNameMapper.
 */
const TS_BOOTSTRAP = `
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { workerData } = require('node:worker_threads');
const swc = require(workerData.swc);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = /^@dangbo\\/(vn|shared-types|rating-engine)$/.exec(request);
  return m ? path.join(workerData.libs, m[1], 'src', 'index.ts') : resolve.call(this, request, ...rest);
};
Module._extensions['.ts'] = (module, filename) => {
  const options = {
    filename,
    jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false } },
    module: { type: 'commonjs' },
  };
  module._compile(swc.transformSync(fs.readFileSync(filename, 'utf8'), options).code, filename);
};
require(workerData.entry);
`;

function startWorker(): Worker {
  const compiled = path.join(__dirname, `${WORKER}.js`);
  if (existsSync(compiled)) return new Worker(compiled);
  return new Worker(TS_BOOTSTRAP, {
    eval: true,
    workerData: { entry: path.join(__dirname, `${WORKER}.ts`), libs: path.resolve(__dirname, '../../../../../libs'), swc: require.resolve('@swc/core') },
  });
}

export class EnginePool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(private readonly options: EnginePoolOptions) {}

  /** Jobs a worker is running now (the tests observe that a preview runs here, not on the event loop). */
  get running(): number {
    return [...this.slots].filter((s) => s.current).length;
  }

  /** Runs `job` in a worker; `timeoutMs` counts from when a worker takes it (default: the pool's). */
  run<T>(job: EngineJob, timeoutMs = this.options.timeoutMs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.queue.length >= this.options.maxQueue) {
        reject(new AppError(ErrorCode.TOO_MANY_REQUESTS, 'Máy chủ đang bận chấm thử bộ tiêu chí; hãy thử lại sau ít phút'));
        return;
      }
      this.queue.push({ job, timeoutMs, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** Ends every worker (a graceful shutdown, or the end of a test). */
  async close(): Promise<void> {
    await Promise.all([...this.slots].map((s) => this.end(s, new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'Máy chủ đang dừng'))));
  }

  private pump(): void {
    while (this.queue.length) {
      const slot = [...this.slots].find((s) => !s.current) ?? (this.slots.size < this.options.size ? this.spawn() : null);
      if (!slot) return;
      this.dispatch(slot, this.queue.shift() as Pending);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(), current: null, idleTimer: null };
    slot.worker.on('message', (m: { id: number; ok: boolean; result?: unknown; message?: string }) => {
      const p = slot.current;
      if (!p || p.id !== m.id) return;
      clearTimeout(p.timer);
      slot.current = null;
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(`rating engine failed in its worker: ${m.message}`));
      slot.idleTimer = setTimeout(() => void this.end(slot), this.options.idleMs).unref();
      this.pump();
    });
    const lost = (error: unknown) => {
      this.slots.delete(slot);
      const p = slot.current;
      slot.current = null;
      if (p) {
        clearTimeout(p.timer);
        p.reject(error);
      }
      this.pump();
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', (code) => lost(new Error(`rating engine worker exited (${code})`)));
    // An idle worker must not keep the process alive (a running job keeps it through its ref'd timer). After the
    // listeners: adding a 'message' listener refs the worker again.
    slot.worker.unref();
    this.slots.add(slot);
    return slot;
  }

  private dispatch(slot: Slot, p: Pending): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    const id = this.nextId++;
    const timer = setTimeout(() => {
      const seconds = Math.round(p.timeoutMs / 100) / 10;
      void this.end(slot, new AppError(ErrorCode.TIMEOUT, `Bộ tiêu chí cần quá ${seconds} giây để chấm thử nên đã dừng; hãy giảm số tiêu chí hoặc rút gọn công thức`));
    }, p.timeoutMs);
    slot.current = { ...p, id, timer };
    slot.worker.postMessage({ id, job: p.job });
  }

  /** Terminates a worker; its job, if any, is answered `error`. */
  private async end(slot: Slot, error?: unknown): Promise<void> {
    this.slots.delete(slot);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const p = slot.current;
    slot.current = null;
    if (p) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    await slot.worker.terminate();
    this.pump();
  }
}

/** The API's pool: one worker on a two-core host, two on a larger one. */
export const enginePool = new EnginePool({ size: Math.max(1, Math.min(2, availableParallelism() - 1)), timeoutMs: 10_000, maxQueue: 20, idleMs: 60_000 });
