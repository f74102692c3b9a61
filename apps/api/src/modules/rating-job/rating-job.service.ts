/** Queuing rating jobs (openRatingPeriod, recomputeRatingPeriod) and reading their progress. */
import { Capability } from '@dangbo/shared-types';
import { In } from 'typeorm';
import { Context } from '../../context';
import { BadInputError, NotFoundError } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/input';
import { runMutation } from '../audit/audit.service';
import { subtreeUnitIds } from '../org-unit/tree.queries';
import { RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { assertSubtreeUnlocked } from '../evaluation/period-lock';
import { RatingJobEntity, RatingJobKind, RatingJobState } from './rating-job.entity';
import { pokeJobRunner } from './rating-job.runner';

/** A period the caller can see, and the unit a job over it covers (default: the period's own unit). */
export async function periodAndUnit(ctx: Context, idArg: string, unitArg: string | null | undefined): Promise<{ period: RatingPeriodEntity; unitId: number }> {
  const id = parseId('id', idArg);
  const period = await ctx.em.findOne(RatingPeriodEntity, { where: { id } });
  if (!period) throw new NotFoundError('kỳ đánh giá', id);
  const unitId = parseOptionalId('unitId', unitArg) ?? period.unitId;
  // The unit must be one the period applies to: the declaring unit or below it at the period's end.
  if (!(await subtreeUnitIds(ctx.em, [period.unitId], period.endDate)).includes(unitId)) {
    throw new BadInputError('unitId', `Đơn vị mã ${unitId} không thuộc phạm vi của kỳ "${period.name}"`);
  }
  return { period, unitId };
}

/**
 * Queues a pass over the period under `unitId` (DECIDE there). A pass already queued or running for the same period
 * and unit is returned instead of a second one.
 */
export async function queueRatingJob(ctx: Context, kind: RatingJobKind, idArg: string, unitArg?: string | null): Promise<RatingJobEntity> {
  const { period, unitId } = await periodAndUnit(ctx, idArg, unitArg);
  await ctx.access.require(ctx.em, ctx.today, Capability.DECIDE, unitId, kind === RatingJobKind.OPEN ? 'mở kỳ đánh giá' : 'tính lại kỳ đánh giá');
  const job = await runMutation(ctx, kind === RatingJobKind.OPEN ? 'openRatingPeriod' : 'recomputeRatingPeriod', async ({ em, audit }) => {
    await assertSubtreeUnlocked(em, period, unitId);
    const pending = await em.findOne(RatingJobEntity, { where: { periodId: period.id, unitId, state: In([RatingJobState.QUEUED, RatingJobState.RUNNING]) } });
    if (pending) {
      await audit({ entity: 'RatingJob', entityId: pending.id, before: null, after: { reused: true }, unitId });
      return pending;
    }
    const saved = await em.save(
      em.create(RatingJobEntity, { periodId: period.id, unitId, kind, state: RatingJobState.QUEUED, resumeAfter: null, processed: 0, total: null, created: 0, claimedBy: null, heartbeatAt: null, error: null, requestedBy: ctx.actor?.name ?? 'hệ thống', startedAt: null, finishedAt: null }),
    );
    await audit({ entity: 'RatingJob', entityId: saved.id, before: null, after: { kind, periodId: period.id, unitId }, unitId });
    return saved;
  });
  pokeJobRunner();
  return job;
}

/** A job over a unit in the caller's scope; NOT_FOUND otherwise. */
export async function getRatingJob(ctx: Context, idArg: string): Promise<RatingJobEntity> {
  const id = parseId('id', idArg);
  const job = await ctx.em.findOne(RatingJobEntity, { where: { id } });
  if (!job || !(await ctx.scope.includesUnit(ctx.em, ctx.today, job.unitId))) throw new NotFoundError('tác vụ', id);
  return job;
}

/** The period's jobs over units in the caller's scope, newest first. */
export async function ratingJobsOf(ctx: Context, periodArg: string): Promise<RatingJobEntity[]> {
  const periodId = parseId('periodId', periodArg);
  const jobs = await ctx.em.find(RatingJobEntity, { where: { periodId }, order: { id: 'DESC' }, take: 100 });
  const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
  return scope ? jobs.filter((j) => scope.has(j.unitId)) : jobs;
}
