/**
 * The loop that works rating jobs, off the request path: started once per API process (main.ts), it claims one
 * job at a time with `SELECT … FOR UPDATE SKIP LOCKED` (MariaDB 10.6+, MySQL 8), so two processes never work the
 * same job, and takes over a job whose runner stopped beating (a killed process) from its cursor. Each chunk is
 * one transaction: the evaluations written and the cursor moved together, so a kill loses at most the chunk in
 * flight, which the next runner does again without writing anything twice.
 *
 * A runner keeps the job it claimed until the job is done (the heartbeat moves with every chunk), and keeps the
 * job's period and subtree in memory meanwhile (a runner that takes a job over reads them again). In the API it runs
 * on a thread of its own (rating-job.thread.ts), and yields between slices of its work all the same.
 *
 * While the API is quiet (core/request-activity.ts), a runner reads the next chunk on its second connection while a
 * chunk writes, and the pass's collective figures while its first chunk reads its subjects: the server's two threads
 * and this one's work overlap, and a pass takes about two thirds of the time. While requests are being answered it
 * works on one connection, so that they keep the other core.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { jobProgress } from '../../core/job-progress';
import { requestActivity } from '../../core/request-activity';
import { inTransaction } from '../../database/transaction';
import { subtreeUnitIds } from '../org-unit/tree.queries';
import { RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { prefetchCollectiveFigures } from '../evaluation/chunk-metrics.queries';
import { assertSubtreeUnlocked } from '../evaluation/period-lock';
import { PassScope } from '../evaluation/pass-tree.queries';
import { countCandidates } from '../evaluation/subjects.queries';
import { RatingJobState } from './rating-job.entity';
import { ChunkRead, readChunk, writeChunk } from './rating-job.processor';
import { startOnThread } from './rating-job.thread';

export interface JobRunnerOptions {
  /**
   * Subjects per chunk (one transaction). A chunk of members costs about nine statements, its new evaluations in
   * one of them (rating-job.processor.ts), so 10,000 keeps a pass near 10 statements per 10,000 subjects, while a
   * chunk stays a fraction of a second of work.
   */
  chunkSize?: number;
  /** A claim whose heartbeat is older than this is taken over. */
  staleAfterMs?: number;
  /** Pause when there is nothing to do. */
  idleMs?: number;
  name?: string;
  log?: (message: string, fields?: Record<string, unknown>) => void;
  /** Where progress goes (/metrics reads core/job-progress; a runner on a thread of its own relays it there). */
  progress?: Pick<typeof jobProgress, 'start' | 'advance' | 'finish'>;
  /**
   * Read the next chunk while this one writes, when the API has been quiet (the default), always, or never. Overlapped,
   * a chunk's reads and its neighbour's writes keep both cores and two database threads at work: the job's fastest,
   * but it takes the second core from the requests, so it is done only while they leave it idle.
   */
  readAhead?: 'when-quiet' | 'always' | 'never';
}

/** The API counts as quiet when it spent less than this share of the last second answering requests. */
export const QUIET_SHARE = 0.25;

/** A chunk being read ahead for a pass, from a cursor. */
interface ReadAhead {
  jobId: number;
  pass: Pass;
  cursor: string;
  read: Promise<ChunkRead | null>;
}
type Pass = { period: RatingPeriodEntity; scope: PassScope };

const ACTIVE = [RatingJobState.QUEUED, RatingJobState.RUNNING];

export class JobRunner {
  readonly name: string;
  private readonly chunkSize: number;
  private readonly staleAfterMs: number;
  private readonly idleMs: number;
  private readonly progress: Pick<typeof jobProgress, 'start' | 'advance' | 'finish'>;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** The period and scope of each job this runner works, read at its first chunk here. */
  private readonly passes = new Map<number, Pass>();
  private ahead: ReadAhead | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: JobRunnerOptions = {},
  ) {
    this.name = options.name ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.chunkSize = options.chunkSize ?? 10_000;
    this.staleAfterMs = options.staleAfterMs ?? 60_000;
    this.idleMs = options.idleMs ?? 1_000;
    this.progress = options.progress ?? jobProgress;
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
        // The job row locked, and what may have changed since the last chunk read with it: the period's version and lock.
        const [job] = (await em.query(
          `SELECT j.*, (SELECT p.version FROM rating_period p WHERE p.id = j.periodId) AS periodVersion,
                  (SELECT p.lockedAt FROM rating_period p WHERE p.id = j.periodId) AS periodLockedAt,
                  (SELECT COUNT(*) FROM rating_lock l WHERE l.periodId = j.periodId AND l.reopenedAt IS NULL) AS openLocks
             FROM rating_job j WHERE j.id = ? FOR UPDATE`,
          [jobId],
        )) as Record<string, unknown>[];
        if (!job || job.claimedBy !== this.name || !ACTIVE.includes(job.state as RatingJobState)) {
          this.passes.delete(jobId);
          return false;
        }
        if (job.periodVersion === null) throw new Error(`kỳ đánh giá mã ${String(job.periodId)} không còn`);
        const unitId = Number(job.unitId);
        let pass = this.passes.get(jobId);
        if (!pass || pass.period.version !== Number(job.periodVersion)) {
          const period = await em.findOneOrFail(RatingPeriodEntity, { where: { id: Number(job.periodId) } });
          const subtree = await subtreeUnitIds(em, [unitId], period.endDate);
          const [{ written }] = (await em.query('SELECT EXISTS (SELECT 1 FROM evaluation WHERE periodId = ?) AS written', [period.id])) as { written: number | string }[];
          pass = { period, scope: { periodId: period.id, periodEnd: period.endDate, subtree, noneWritten: Number(written) === 0 } };
          this.passes.set(jobId, pass);
        }
        const { period, scope } = pass;
        // Whether a second connection may work beside this chunk's: the API quiet over the last second.
        const quiet = this.quietEnough();
        if (quiet && Number(job.processed) === 0) prefetchCollectiveFigures(this.dataSource.manager, scope, { from: period.startDate, to: period.endDate });
        if (job.periodLockedAt !== null || Number(job.openLocks) > 0) await assertSubtreeUnlocked(em, { ...period, lockedAt: job.periodLockedAt as Date | null }, unitId);
        let total = job.total === null ? null : Number(job.total);
        if (total === null) total = await countCandidates(em, scope);
        const cursor = (job.resumeAfter as string | null) ?? null;
        const read = (await this.takeReadAhead(jobId, pass, cursor)) ?? (await readChunk(em, period, scope, cursor, this.chunkSize));
        const done = read.next === null || read.processed < this.chunkSize;
        if (!done && read.next !== null && quiet) this.readAhead(jobId, pass, read.next);
        const chunk = await writeChunk(em, period, scope, read);
        const processed = Number(job.processed) + chunk.processed;
        await em.query(
          `UPDATE rating_job SET resumeAfter = ?, processed = ?, created = created + ?, total = ?, heartbeatAt = NOW(3),
                  state = ?, finishedAt = ${done ? 'NOW(3)' : 'NULL'}, claimedBy = ? WHERE id = ?`,
          [chunk.next ?? cursor, processed, chunk.created, Math.max(total, processed), done ? RatingJobState.DONE : RatingJobState.RUNNING, done ? null : this.name, jobId],
        );
        if (done) {
          this.progress.finish(`rating-job-${jobId}`);
          this.passes.delete(jobId);
        } else {
          this.progress.start(`rating-job-${jobId}`, 'rating-job', total);
          this.progress.advance(`rating-job-${jobId}`, processed);
        }
        return !done;
      });
    } catch (error) {
      this.passes.delete(jobId);
      this.ahead = null;
      // A refusal (a lock) or a fault ends the job with its message, rather than retrying it for ever.
      const message = (error as Error)?.message ?? String(error);
      this.options.log?.(`rating job ${jobId} failed: ${message}`, { event: 'rating-job-failed', jobId });
      await this.dataSource.query('UPDATE rating_job SET state = ?, error = ?, claimedBy = NULL, finishedAt = NOW(3) WHERE id = ? AND claimedBy = ?', [
        RatingJobState.FAILED,
        message.slice(0, 2000),
        jobId,
        this.name,
      ]);
      this.progress.finish(`rating-job-${jobId}`);
      return false;
    }
  }

  /** Whether to work on a second connection in this chunk: the API quiet over the last second (or always / never). */
  private quietEnough(): boolean {
    const mode = this.options.readAhead ?? 'when-quiet';
    return mode === 'always' || (mode === 'when-quiet' && requestActivity.busyShare(1000) < QUIET_SHARE);
  }

  /**
   * Starts reading the chunk after `cursor` on a connection of its own, outside the transaction that writes the chunk
   * before it (readChunk says why that is safe). Nothing is kept if it fails: the chunk is then read in its turn.
   */
  private readAhead(jobId: number, pass: Pass, cursor: string): void {
    const read = readChunk(this.dataSource.manager, pass.period, pass.scope, cursor, this.chunkSize).catch(() => null);
    this.ahead = { jobId, pass, cursor, read };
  }

  /** The chunk read ahead for this job, pass and cursor; null when there is none (or it was for something else). */
  private async takeReadAhead(jobId: number, pass: Pass, cursor: string | null): Promise<ChunkRead | null> {
    const ahead = this.ahead;
    this.ahead = null;
    if (!ahead || ahead.jobId !== jobId || ahead.pass !== pass || ahead.cursor !== cursor) return null;
    return ahead.read;
  }

  /** Claims a job and works it to the end (or until stop()); false when there was nothing to do. */
  async runOnce(): Promise<boolean> {
    const id = await this.claim();
    if (id === null) return false;
    while ((await this.runChunk(id)) && !this.stopped) {
      // Requests that arrived during the chunk go first.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
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
    // A read ahead still in flight settles before the caller closes the pool under it.
    await this.ahead?.read;
    this.ahead = null;
  }
}

/** What the API process holds of its runner, on this thread or on a thread of its own. */
export interface BackgroundRunner {
  poke(): void;
  stop(): Promise<void>;
}

let running: BackgroundRunner | null = null;

/**
 * The API process's runner (main.ts): from the compiled API, on a thread of its own (rating-job.thread.ts), so that
 * a chunk's work never holds up the requests; elsewhere (ts-node) on this thread.
 */
export function startJobRunner(dataSource: DataSource, options: JobRunnerOptions = {}): BackgroundRunner {
  running ??= startOnThread(options) ?? new JobRunner(dataSource, options).start();
  return running;
}

/** Wakes this process's runner, if it has one, after a job is queued. */
export function pokeJobRunner(): void {
  running?.poke();
}
