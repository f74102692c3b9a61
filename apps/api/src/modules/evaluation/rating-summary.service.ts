/**
 * ratingSummary(periodId, unitId): how many subjects under a unit are rated at each level, in all, by subject kind
 * and by child unit (the tree at the period's end). Counts are of active evaluations; shares are of those decided.
 */
import { LEVEL_ORDER, Level, SubjectKind } from '@dangbo/shared-types';
import { In } from 'typeorm';
import { Context } from '../../context';
import { NotFoundError } from '../../core/errors';
import { parseId } from '../../core/input';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { subtreeUnitIds } from '../org-unit/tree.queries';
import { RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { EvaluationStage, EvaluationStatus } from './evaluation.entity';
import { LevelCount, RatingSummary, RatingSummaryGroup } from './evaluation.input';

interface Row {
  unitId: number;
  subjectKind: SubjectKind;
  stage: EvaluationStage;
  level: Level | null;
  n: number;
}

const SUBJECT_LABELS: Record<SubjectKind, string> = {
  [SubjectKind.COLLECTIVE]: 'Tập thể (chi bộ, đảng bộ)',
  [SubjectKind.LEADER]: 'Đảng viên giữ chức vụ lãnh đạo, quản lý',
  [SubjectKind.MEMBER_IN_SYSTEM]: 'Đảng viên làm việc trong hệ thống chính trị',
  [SubjectKind.MEMBER_OUTSIDE_SYSTEM]: 'Đảng viên không làm việc trong hệ thống chính trị',
};

function tally(rows: Row[]): { total: number; decided: number; levels: LevelCount[] } {
  const total = rows.reduce((s, r) => s + r.n, 0);
  const decidedRows = rows.filter((r) => r.stage === EvaluationStage.DECIDED && r.level);
  const decided = decidedRows.reduce((s, r) => s + r.n, 0);
  const levels = LEVEL_ORDER.map((level) => {
    const count = decidedRows.filter((r) => r.level === level).reduce((s, r) => s + r.n, 0);
    return { level, count, share: decided ? Math.round((count / decided) * 10000) / 10000 : 0 };
  });
  return { total, decided, levels };
}

/** The units whose evaluations count for a unit: its subtree at the period's end, within the caller's scope. */
export async function ratedUnits(ctx: Context, period: RatingPeriodEntity, unitId: number): Promise<number[]> {
  const subtree = await subtreeUnitIds(ctx.em, [unitId], period.endDate);
  const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
  return scope ? subtree.filter((u) => scope.has(u)) : subtree;
}

export async function ratingSummary(ctx: Context, periodArg: string, unitArg: string): Promise<RatingSummary> {
  const periodId = parseId('periodId', periodArg);
  const unitId = parseId('unitId', unitArg);
  const period = await ctx.em.findOne(RatingPeriodEntity, { where: { id: periodId } });
  if (!period) throw new NotFoundError('kỳ đánh giá', periodId);
  if (!(await ctx.scope.includesUnit(ctx.em, ctx.today, unitId))) throw new NotFoundError('đơn vị', unitId);
  const units = await ratedUnits(ctx, period, unitId);
  const raw: Row[] = units.length
    ? await ctx.em.query(
        `SELECT unitId, subjectKind, stage, level, COUNT(*) AS n FROM evaluation
          WHERE periodId = ? AND status = ? AND unitId IN (${units.map(() => '?').join(',')})
          GROUP BY unitId, subjectKind, stage, level`,
        [periodId, EvaluationStatus.ACTIVE, ...units],
      )
    : [];
  const rows = raw.map((r) => ({ ...r, unitId: Number(r.unitId), n: Number(r.n) }));

  const bySubjectKind: RatingSummaryGroup[] = Object.values(SubjectKind)
    .map((kind) => ({ key: kind, label: SUBJECT_LABELS[kind], subjectKind: kind, childUnitId: null, ...tally(rows.filter((r) => r.subjectKind === kind)) }))
    .filter((g) => g.total > 0);

  // Children at the period's end; each gathers the evaluations of its own subtree.
  const children: { id: number }[] = await ctx.em.query(
    'SELECT l.unitId AS id FROM org_unit_link l WHERE l.parentId = ? AND l.validFrom <= ? AND (l.validTo IS NULL OR l.validTo > ?)',
    [unitId, period.endDate, period.endDate],
  );
  const childIds = children.map((c) => Number(c.id)).filter((id) => units.includes(id));
  const names = childIds.length ? await ctx.em.find(OrgUnitEntity, { where: { id: In(childIds) } }) : [];
  const byChildUnit: RatingSummaryGroup[] = [];
  for (const id of childIds) {
    const below = new Set(await subtreeUnitIds(ctx.em, [id], period.endDate));
    const t = tally(rows.filter((r) => below.has(r.unitId)));
    if (t.total) byChildUnit.push({ key: String(id), label: names.find((u) => u.id === id)?.name ?? String(id), subjectKind: null, childUnitId: id, ...t });
  }
  return { periodId, unitId, ...tally(rows), bySubjectKind, byChildUnit };
}
