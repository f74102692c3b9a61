/**
 * The loop that works rating jobs, off the request path: started once per API process (main.ts), it claims one
 * job at a time with `SELECT … FOR UPDATE SKIP LOCKED` (MariaDB 10.6+, MySQL 8), so two processes never work the
 * same job, and takes over a job whose runner stopped beating (a killed process) from its cursor. Each chunk is
 * one transaction: the evaluations written and the cursor moved together, so a kill loses at most the chunk in
 * flight, which the next runner does again without writing anything twice.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { jobProgress } from '../../core/job-progress';
import { inTransaction } from '../../database/transaction';
import { subtreeUnitIds } from '../org-unit/tree.queries';
import { RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { assertSubtreeUnlocked } from '../evaluation/period-lock';
import { countCandidates } from '../evaluation/subjects.queries';
import { RatingJobState } from './rating-job.entity';
import { processChunk } from './rating-job.processor';

export interface JobRunnerOptions {
  /** Subjects per chunk (one transaction, one multi-row write). */
  chunkSize?: number;
  /** A claim whose heartbeat is older than this is taken over. */
  staleAfterMs?: number;
  /** Pause when there is nothing to do. */
  idleMs?: number;
  name?: string;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

const ACTIVE = [RatingJobState.QUEUED, RatingJobState.RUNNING];

export class JobRunner {
  readonly name: string;
  private readonly chunkSize: number;
  private readonly staleAfterMs: number;
  private readonly idleMs: number;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: JobRunnerOptions = {},
  ) {
    this.name = options.name ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.chunkSize = options.chunkSize ?? 500;
    this.staleAfterMs = options.staleAfterMs ?? 60_000;
    this.idleMs = options.idleMs ?? 1_000;
  }

  /** Claims the oldest job that is free (unclaimed, ours, or with a stale heartbeat); null when none is. */
  async claim(): Promise<number | null> {
    return inTransaction(this.dataSource, async (em) => {
      const rows: { id: number }[] = await em.query(
        `SELECT id FROM rating_job WHERE state IN (?, ?)
            AND (claimedBy IS NULL OR claimedBy = ? OR heartbeatAt IS NULL OR heartbeatAt < DATE_SUB(NOW(3), INTERVAL ? MICROSECOND))
          ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [...ACTIVE, this.name, this.staleAfterMs * 1000],
      );
      if (!rows.length) return null;
      const id = Number(rows[0].id);
      await em.query('UPDATE rating_job SET claimedBy = ?, heartbeatAt = NOW(3), state = ?, startedAt = COALESCE(startedAt, NOW(3)) WHERE id = ?', [this.name, RatingJobState.RUNNING, id]);
      return id;
    });
  }

  /** Works one chunk of a job this runner holds; false when the job is finished (or no longer ours). */
  async runChunk(jobId: number): Promise<boolean> {
    try {
      return await inTransaction(this.dataSource, async (em) => {
        const [job] = (await em.query('SELECT * FROM rating_job WHERE id = ? FOR UPDATE', [jobId])) as Record<string, unknown>[];
        if (!job || job.claimedBy !== this.name || !ACTIVE.includes(job.state as RatingJobState)) return false;
        const period = await em.findOne(RatingPeriodEntity, { where: { id: Number(job.periodId) } });
        if (!period) throw new Error(`kỳ đánh giá mã ${String(job.periodId)} không còn`);
        await assertSubtreeUnlocked(em, period, Number(job.unitId));
        const scope = { periodId: period.id, periodEnd: period.endDate, subtree: await subtreeUnitIds(em, [Number(job.unitId)], period.endDate) };
        let total = job.total === null ? null : Number(job.total);
        if (total === null) total = await countCandidates(em, scope);
        const cursor = (job.resumeAfter as string | null) ?? null;
        const chunk = await processChunk(em, period, scope, cursor, this.chunkSize);
        const processed = Number(job.processed) + chunk.processed;
        const done = chunk.next === null || chunk.processed < this.chunkSize;
        await em.query(
          `UPDATE rating_job SET resumeAfter = ?, processed = ?, created = created + ?, total = ?, heartbeatAt = NOW(3),
                  state = ?, finishedAt = ${done ? 'NOW(3)' : 'NULL'}, claimedBy = ? WHERE id = ?`,
          [chunk.next ?? cursor, processed, chunk.created, Math.max(total, processed), done ? RatingJobState.DONE : RatingJobState.RUNNING, done ? null : this.name, jobId],
        );
        if (done) jobProgress.finish(`rating-job-${jobId}`);
        else {
          jobProgress.start(`rating-job-${jobId}`, 'rating-job', total);
          jobProgress.advance(`rating-job-${jobId}`, processed);
        }
        return !done;
      });
    } catch (error) {
      // A refusal (a lock) or a fault ends the job with its message, rather than retrying it for ever.
      const message = (error as Error)?.message ?? String(error);
      this.options.log?.(`rating job ${jobId} failed: ${message}`, { event: 'rating-job-failed', jobId });
      await this.dataSource.query('UPDATE rating_job SET state = ?, error = ?, claimedBy = NULL, finishedAt = NOW(3) WHERE id = ? AND claimedBy = ?', [
        RatingJobState.FAILED,
        message.slice(0, 2000),
        jobId,
        this.name,
      ]);
      jobProgress.finish(`rating-job-${jobId}`);
      return false;
    }
  }

  /** Claims a job and works one chunk of it; false when there was nothing to do. */
  async runOnce(): Promise<boolean> {
    const id = await this.claim();
    if (id === null) return false;
    await this.runChunk(id);
    return true;
  }

  /** Works until no job is left (tests, tools). */
  async drain(): Promise<void> {
    while (await this.runOnce()) {
      /* next chunk */
    }
  }

  /** Runs in the background until stop(). */
  start(): this {
    if (this.loop) return this;
    this.loop = (async () => {
      while (!this.stopped) {
        let worked = false;
        try {
          worked = await this.runOnce();
        } catch (error) {
          // The database may be away for a while: wait and try again, never crash the API.
          this.options.log?.(`rating job runner: ${(error as Error)?.message ?? String(error)}`, { event: 'rating-job-runner-error' });
        }
        if (!worked && !this.stopped) await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.idleMs);
          timer.unref();
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    })();
    return this;
  }

  /** Asks the loop to look for work now (a job was just queued). */
  poke(): void {
    this.wake?.();
  }

  /** Stops after the chunk in flight (its transaction commits or rolls back whole). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }
}

let running: JobRunner | null = null;

/** The API process's runner (main.ts). */
export function startJobRunner(dataSource: DataSource, options: JobRunnerOptions = {}): JobRunner {
  running ??= new JobRunner(dataSource, options).start();
  return running;
}

/** Wakes this process's runner, if it has one, after a job is queued. */
export function pokeJobRunner(): void {
  running?.poke();
}
