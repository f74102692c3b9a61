/**
 * Period-level steps of the rating: lock and reopen (over the whole period or one unit's subtree: the standing
 * committee that decides a commune's ratings closes its own round), and the period's quota and order settings.
 */
import { Capability } from '@dangbo/shared-types';
import { IsNull } from 'typeorm';
import { Context } from '../../context';
import { updateVersioned } from '../../database/versioned-update';
import { BadInputError, ConflictError, staleVersionError } from '../../core/errors';
import { longText, parseId } from '../../core/input';
import { runMutation } from '../audit/audit.service';
import { RatingLockEntity, RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { periodAndUnit } from '../rating-job/rating-job.service';
import { RatingPeriodSettingsArgs } from './evaluation.input';
import { assertSubtreeUnlocked, assertUnlocked } from './period-lock';

export async function lockRatingPeriod(ctx: Context, idArg: string, unitArg?: string | null): Promise<RatingPeriodEntity> {
  const { period, unitId } = await periodAndUnit(ctx, idArg, unitArg);
  await ctx.access.require(ctx.em, ctx.today, Capability.DECIDE, unitId, 'khóa kỳ đánh giá');
  return runMutation(ctx, 'lockRatingPeriod', async ({ em, audit }) => {
    const current = (await em.findOne(RatingPeriodEntity, { where: { id: period.id } })) as RatingPeriodEntity;
    // Already locked here or above: nothing more to lock (CONFLICT with the lock's place).
    await assertUnlocked(em, current, unitId);
    const lockedBy = ctx.actor?.name ?? 'hệ thống';
    const lock = await em.save(em.create(RatingLockEntity, { periodId: period.id, unitId, lockedAt: new Date(), lockedBy, reopenedAt: null, reopenedBy: null, reopenReason: null }));
    let saved = current;
    if (unitId === period.unitId) saved = await updateVersioned(em, RatingPeriodEntity, current, { lockedAt: lock.lockedAt }, 'Kỳ đánh giá');
    await audit({ entity: 'RatingPeriod', entityId: period.id, before: { lockedAt: current.lockedAt }, after: { lockId: lock.id, unitId, lockedAt: lock.lockedAt }, unitId });
    return saved;
  });
}

/** Reopens the lock on exactly this unit (DECIDE there), keeping who locked, who reopened and why. */
export async function reopenRatingPeriod(ctx: Context, idArg: string, unitArg: string | null | undefined, reasonArg: string): Promise<RatingPeriodEntity> {
  const reason = longText('reason', reasonArg, 'Lý do mở lại', 1000);
  if (!reason) throw new BadInputError('reason', 'Mở lại kỳ đánh giá phải ghi lý do');
  const { period, unitId } = await periodAndUnit(ctx, idArg, unitArg);
  await ctx.access.require(ctx.em, ctx.today, Capability.DECIDE, unitId, 'mở lại kỳ đánh giá');
  return runMutation(ctx, 'reopenRatingPeriod', async ({ em, audit }) => {
    const lock = await em.findOne(RatingLockEntity, { where: { periodId: period.id, unitId, reopenedAt: IsNull() } });
    if (!lock) throw new ConflictError(`Kỳ "${period.name}" không bị khóa trên đơn vị này`, { reason: 'NOT_LOCKED' });
    await em.update(RatingLockEntity, { id: lock.id }, { reopenedAt: new Date(), reopenedBy: ctx.actor?.name ?? 'hệ thống', reopenReason: reason });
    const current = (await em.findOne(RatingPeriodEntity, { where: { id: period.id } })) as RatingPeriodEntity;
    const saved = unitId === period.unitId ? await updateVersioned(em, RatingPeriodEntity, current, { lockedAt: null }, 'Kỳ đánh giá') : current;
    await audit({ entity: 'RatingPeriod', entityId: period.id, before: { lockId: lock.id, lockedAt: lock.lockedAt }, after: { reopened: true, reason, unitId }, unitId });
    return saved;
  });
}

const share = (field: string, v: number | undefined) => {
  if (v === undefined || v === null) return undefined;
  if (!(v > 0 && v <= 1)) throw new BadInputError(field, 'Tỷ lệ phải lớn hơn 0 và không quá 1 (ví dụ 0,2 = 20%)');
  return v;
};

/** The period's quota and order settings (DECIDE on the declaring unit); refused while the period is locked. */
export async function configureRatingPeriod(ctx: Context, args: RatingPeriodSettingsArgs): Promise<RatingPeriodEntity> {
  const id = parseId('id', args.id);
  const { period } = await periodAndUnit(ctx, args.id, null);
  await ctx.access.require(ctx.em, ctx.today, Capability.DECIDE, period.unitId, 'sửa thiết lập kỳ đánh giá');
  const values: Partial<RatingPeriodEntity> = {};
  const quotaShare = share('quotaShare', args.quotaShare);
  const outstandingShare = share('outstandingShare', args.outstandingShare);
  if (quotaShare !== undefined) values.quotaShare = quotaShare;
  if (outstandingShare !== undefined) values.outstandingShare = outstandingShare;
  if (args.outstandingUnitIds) values.outstandingUnitIds = [...new Set(args.outstandingUnitIds.map((u) => parseId('outstandingUnitIds', u)))];
  for (const key of ['baseIncludesExcellent', 'orderCollectiveBeforeHead', 'orderMembersBeforeOrganisation', 'orderLowerBeforeUpper'] as const) {
    if (args[key] !== undefined && args[key] !== null) values[key] = args[key];
  }
  return runMutation(ctx, 'configureRatingPeriod', async ({ em, audit }) => {
    const current = (await em.findOne(RatingPeriodEntity, { where: { id } })) as RatingPeriodEntity;
    await assertSubtreeUnlocked(em, current, current.unitId);
    if (args.version !== current.version) throw staleVersionError('Kỳ đánh giá');
    const saved = await updateVersioned(em, RatingPeriodEntity, current, values, 'Kỳ đánh giá');
    await audit({ entity: 'RatingPeriod', entityId: id, before: current, after: saved, unitId: current.unitId });
    return saved;
  });
}
