/**
 * The order of decisions (Quy định 366, Điều 12(2)), each rule switchable on the period:
 * - a collective before its head: a leader's rating waits for the collective of the unit they head;
 * - members before their organisation: a collective waits for the members of its subtree (its own head excepted,
 *   who comes after it by the first rule);
 * - lower level before upper: a collective waits for the collectives below it.
 * A refused step names every evaluation that must be decided first.
 */
import { ErrorCode, SubjectKind } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { AppError } from '../../core/errors';
import { subtreeUnitIds } from '../org-unit/tree.queries';
import { RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { EvaluationEntity, EvaluationStage, EvaluationStatus } from './evaluation.entity';
import { unitKey } from './evaluation.rules';

export interface Blocker {
  id: number;
  subjectName: string;
  subjectKind: SubjectKind;
  stage: EvaluationStage;
  rule: 'COLLECTIVE_BEFORE_HEAD' | 'MEMBERS_BEFORE_ORGANISATION' | 'LOWER_BEFORE_UPPER';
}

/** At most this many are named in a refusal; `count` says how many there are. */
const SHOWN = 50;

export async function orderBlockers(em: EntityManager, period: RatingPeriodEntity, ev: EvaluationEntity): Promise<Blocker[]> {
  const out: Blocker[] = [];
  const undecided = (qb: ReturnType<EntityManager['createQueryBuilder']>) =>
    qb
      .select(['e.id AS id', 'e.subjectName AS subjectName', 'e.subjectKind AS subjectKind', 'e.stage AS stage'])
      .from(EvaluationEntity, 'e')
      .where('e.periodId = :periodId AND e.status = :active AND e.stage <> :decided AND e.id <> :self', {
        periodId: period.id,
        active: EvaluationStatus.ACTIVE,
        decided: EvaluationStage.DECIDED,
        self: ev.id,
      });
  const push = (rows: Omit<Blocker, 'rule'>[], rule: Blocker['rule']) => rows.forEach((r) => out.push({ ...r, id: Number(r.id), rule }));

  if (period.orderCollectiveBeforeHead && ev.ledUnitId !== null) {
    push(await undecided(em.createQueryBuilder()).andWhere('e.subjectKey = :key', { key: unitKey(ev.ledUnitId) }).getRawMany(), 'COLLECTIVE_BEFORE_HEAD');
  }
  if (ev.subjectUnitId !== null && (period.orderMembersBeforeOrganisation || period.orderLowerBeforeUpper)) {
    const subtree = await subtreeUnitIds(em, [ev.subjectUnitId], period.endDate);
    if (period.orderMembersBeforeOrganisation) {
      const rows = await undecided(em.createQueryBuilder())
        .andWhere('e.memberId IS NOT NULL AND e.unitId IN (:...units)', { units: subtree })
        .andWhere('(e.ledUnitId IS NULL OR e.ledUnitId <> :own)', { own: ev.subjectUnitId })
        .orderBy('e.id')
        .limit(SHOWN)
        .getRawMany();
      push(rows, 'MEMBERS_BEFORE_ORGANISATION');
    }
    const below = subtree.filter((u) => u !== ev.subjectUnitId);
    if (period.orderLowerBeforeUpper && below.length) {
      const rows = await undecided(em.createQueryBuilder())
        .andWhere('e.subjectUnitId IN (:...below)', { below })
        .orderBy('e.id')
        .limit(SHOWN)
        .getRawMany();
      push(rows, 'LOWER_BEFORE_UPPER');
    }
  }
  return out;
}

const RULE_TEXT: Record<Blocker['rule'], string> = {
  COLLECTIVE_BEFORE_HEAD: 'tập thể trước người đứng đầu',
  MEMBERS_BEFORE_ORGANISATION: 'đảng viên trước tổ chức đảng',
  LOWER_BEFORE_UPPER: 'cấp dưới trước cấp trên',
};

/** Refuses (CONFLICT, reason ORDER) while something must be decided first; extensions.mustComeFirst names them. */
export async function assertOrder(em: EntityManager, period: RatingPeriodEntity, ev: EvaluationEntity): Promise<void> {
  const blockers = await orderBlockers(em, period, ev);
  if (!blockers.length) return;
  const rules = [...new Set(blockers.map((b) => RULE_TEXT[b.rule]))].join('; ');
  const names = blockers.slice(0, 5).map((b) => b.subjectName).join(', ');
  throw new AppError(ErrorCode.CONFLICT, `Chưa quyết định được: theo thứ tự ${rules}, cần quyết định trước ${blockers.length} đánh giá (${names}${blockers.length > 5 ? ', …' : ''})`, {
    reason: 'ORDER',
    mustComeFirst: blockers.map((b) => ({ ...b, id: String(b.id) })),
  });
}
