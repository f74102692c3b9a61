/**
 * Whether a period is locked where a write would land: the whole period (its lockedAt), or a lock on a unit whose
 * subtree at the period's end holds the evaluation's unit. Every evaluation mutation and every job chunk asks.
 */
import { EntityManager, IsNull } from 'typeorm';
import { ConflictError } from '../../core/errors';
import { ancestorIdsOf, subtreeUnitIds } from '../org-unit/tree.queries';
import { RatingLockEntity, RatingPeriodEntity } from '../rating-period/rating-period.entity';

export const activeLocks = (em: EntityManager, periodId: number) => em.find(RatingLockEntity, { where: { periodId, reopenedAt: IsNull() }, order: { id: 'ASC' } });

function lockedError(period: RatingPeriodEntity, lock: RatingLockEntity | null): ConflictError {
  const where = lock ? ` (khóa trên đơn vị mã ${lock.unitId} lúc ${lock.lockedAt.toISOString()})` : '';
  return new ConflictError(`Kỳ đánh giá "${period.name}" đã khóa${where}; cần mở lại kỳ trước khi sửa`, { reason: 'PERIOD_LOCKED', periodId: String(period.id), lockUnitId: lock ? String(lock.unitId) : null });
}

/** Refuses when the period is locked over `unitId`. */
export async function assertUnlocked(em: EntityManager, period: RatingPeriodEntity, unitId: number): Promise<void> {
  if (period.lockedAt) throw lockedError(period, null);
  const locks = await activeLocks(em, period.id);
  if (!locks.length) return;
  const above = new Set([unitId, ...((await ancestorIdsOf(em, [unitId], period.endDate)).get(unitId) ?? [])]);
  const lock = locks.find((l) => above.has(l.unitId));
  if (lock) throw lockedError(period, lock);
}

/** Refuses when any part of `unitId`'s subtree is locked (a job over it would write there). */
export async function assertSubtreeUnlocked(em: EntityManager, period: RatingPeriodEntity, unitId: number): Promise<void> {
  await assertUnlocked(em, period, unitId);
  const locks = await activeLocks(em, period.id);
  if (!locks.length) return;
  const below = new Set(await subtreeUnitIds(em, [unitId], period.endDate));
  const lock = locks.find((l) => below.has(l.unitId));
  if (lock) throw lockedError(period, lock);
}
