/**
 * The xuất sắc quota at decision time (Quy định 366, Điều 11), per peer group: every subject of one kind decided
 * by one unit (peerGroupKey). Shares and the base setting come from the period. The group's rows are locked for
 * the decision's transaction, so two decisions in one group cannot both pass on the same count.
 */
import { checkDecision, checkQuota, peerGroupKey, quotaMessage } from '@dangbo/rating-engine';
import type { QuotaDecision, QuotaGroupResult, QuotaSettings } from '@dangbo/rating-engine';
import { ErrorCode, Level, SubjectKind } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { AppError } from '../../core/errors';
import { RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { EvaluationEntity, EvaluationStage, EvaluationStatus } from './evaluation.entity';

export function quotaSettings(period: RatingPeriodEntity): QuotaSettings {
  const outstanding = (period.outstandingUnitIds ?? []).flatMap((unitId) =>
    Object.values(SubjectKind).map((subjectKind) => peerGroupKey({ decidingUnitId: unitId, subjectKind })),
  );
  return { share: Number(period.quotaShare), outstandingShare: Number(period.outstandingShare), outstanding, baseIncludesExcellent: period.baseIncludesExcellent };
}

async function decidedIn(em: EntityManager, periodId: number, peerGroup: string, lock: boolean): Promise<QuotaDecision[]> {
  const qb = em
    .createQueryBuilder(EvaluationEntity, 'e')
    .select(['e.id AS id', 'e.level AS level'])
    .where('e.periodId = :periodId AND e.peerGroup = :peerGroup AND e.status = :active AND e.stage = :decided', {
      periodId,
      peerGroup,
      active: EvaluationStatus.ACTIVE,
      decided: EvaluationStage.DECIDED,
    });
  if (lock) qb.setLock('pessimistic_write');
  const rows: { id: number; level: Level }[] = await qb.getRawMany();
  return rows.map((r) => ({ subjectId: String(r.id), peerGroup, level: r.level }));
}

/** Refuses with QUOTA_EXCEEDED and the numbers when deciding `level` for `ev` breaks its group's quota. */
export async function assertQuota(em: EntityManager, period: RatingPeriodEntity, ev: EvaluationEntity, level: Level): Promise<QuotaGroupResult> {
  const decided = await decidedIn(em, period.id, ev.peerGroup, true);
  const g = checkDecision(decided, { subjectId: String(ev.id), peerGroup: ev.peerGroup, level }, quotaSettings(period));
  if (!g.ok) {
    throw new AppError(ErrorCode.QUOTA_EXCEEDED, `Vượt tỷ lệ xuất sắc. ${quotaMessage(g)}`, {
      group: g.peerGroup,
      allowed: g.allowed,
      // Already decided xuất sắc in the group (this decision not counted); the share of them in the base.
      used: decided.filter((d) => d.level === Level.EXCELLENT && d.subjectId !== String(ev.id)).length,
      good: g.good,
      base: g.base,
      share: g.share,
      outstanding: g.outstanding,
      baseIncludesExcellent: g.baseIncludesExcellent,
    });
  }
  return g;
}

/** The quota of every peer group a unit decides in a period, as decided so far. */
export async function quotaGroupsOf(em: EntityManager, period: RatingPeriodEntity, decidingUnitId: number) {
  const groups: { peerGroup: string; subjectKind: SubjectKind; n: string; undecided: string }[] = await em.query(
    `SELECT peerGroup, subjectKind, COUNT(*) AS n, SUM(CASE WHEN stage <> ? THEN 1 ELSE 0 END) AS undecided
       FROM evaluation WHERE periodId = ? AND decidingUnitId = ? AND status = ? GROUP BY peerGroup, subjectKind ORDER BY peerGroup`,
    [EvaluationStage.DECIDED, period.id, decidingUnitId, EvaluationStatus.ACTIVE],
  );
  const settings = quotaSettings(period);
  const out = [];
  for (const g of groups) {
    const decided = await decidedIn(em, period.id, g.peerGroup, false);
    // A group with nothing decided yet still has its shares: an empty result reads as 0 of 0.
    const result = checkQuota([{ subjectId: '', peerGroup: g.peerGroup, level: Level.NOT_COMPLETED }, ...decided], settings).groups[0];
    out.push({ ...result, subjectKind: g.subjectKind, subjects: Number(g.n), undecided: Number(g.undecided), message: quotaMessage(result) });
  }
  return out;
}
