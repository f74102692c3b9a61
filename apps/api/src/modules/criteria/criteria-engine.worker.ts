/**
 * Worker thread entry (see engine-pool.ts): runs engine jobs off the event loop, one at a time, answering
 * `{ id, ok, result }` or `{ id, ok: false, message }`. A job that runs too long is ended by terminating the thread.
 */
import { parentPort } from 'node:worker_threads';
import type { EngineJob } from './criteria.preview';
import { runEngineJob } from './criteria.preview';

parentPort?.on('message', (message: { id: number; job: EngineJob }) => {
  try {
    parentPort?.postMessage({ id: message.id, ok: true, result: runEngineJob(message.job) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
