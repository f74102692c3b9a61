/**
 * Evaluations: the list (scoped by the evaluation's unit), and the three steps plus re-rating. Each step refreshes
 * the metrics until the decision, rates with the engine, writes a stage row (never changed later) and moves the
 * evaluation on, with its version checked at the statement (a second save from the same version gets CONFLICT).
 *
 * Who may take a step (366 Điều 12–13; there are no member accounts):
 * - submit: for a member, the cell (RECORD_CELL_WORK on the member's cell: the secretary enters it on the member's
 *   behalf); for a collective, the collective itself (RECORD_CELL_WORK or DECIDE on that unit).
 * - appraise: for a member, the cell's review (RECORD_CELL_WORK or APPRAISE on the cell: the chi bộ meeting
 *   reviews each member and proposes the level); for a collective, the organisation board of the committee above
 *   (APPRAISE, or DECIDE where the standing committee does it itself, on the deciding unit).
 * - decide: DECIDE on the deciding unit. Re-rate: DECIDE on a unit above the deciding unit, with a reason.
 */
import { Capability, Level } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { updateVersioned } from '../../database/versioned-update';
import { BadInputError, ConflictError, ForbiddenError, staleVersionError } from '../../core/errors';
import { longText, parseId } from '../../core/input';
import { defineList } from '../../core/list';
import { runBulk, runMutation } from '../audit/audit.service';
import { ancestorIdsOf, subtreeUnitIds } from '../org-unit/tree.queries';
import { RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { EvaluationEntity, EvaluationStage, EvaluationStageEntity, EvaluationStatus, StageKind } from './evaluation.entity';
import { checkFacts, compiledSet, metricsOf, rateWith } from './evaluation.engine';
import { EvaluationFilter, EvaluationStepArgs, RerateEvaluationArgs } from './evaluation.input';
import { assertOrder } from './evaluation.order';
import { assertQuota } from './evaluation.quota';
import { disciplineNeedsReason, mergeValues } from './evaluation.rules';
import { assertUnlocked } from './period-lock';

const LABEL = 'đánh giá';

export const evaluationList = defineList<EvaluationEntity, EvaluationFilter>({
  type: EvaluationEntity,
  alias: 'e',
  label: LABEL,
  scope: { column: 'e.unitId' },
  search: [{ sql: 'e.subjectName', kind: 'text' }],
  async filter(qb, f, ctx) {
    if (f.periodId) qb.andWhere('e.periodId = :periodId', { periodId: parseId('filter.periodId', f.periodId) });
    if (f.unitId) {
      const unitId = parseId('filter.unitId', f.unitId);
      const period = f.periodId ? await ctx.em.findOne(RatingPeriodEntity, { where: { id: parseId('filter.periodId', f.periodId) } }) : null;
      // The tree of the period's end and of today: a unit merged since still finds its evaluations.
      const units = new Set([...(await subtreeUnitIds(ctx.em, [unitId], ctx.today)), ...(period ? await subtreeUnitIds(ctx.em, [unitId], period.endDate) : [])]);
      qb.andWhere('e.unitId IN (:...filterUnits)', { filterUnits: [...units] });
    }
    if (f.decidingUnitId) qb.andWhere('e.decidingUnitId = :decidingUnitId', { decidingUnitId: parseId('filter.decidingUnitId', f.decidingUnitId) });
    if (f.peerGroup) qb.andWhere('e.peerGroup = :peerGroup', { peerGroup: f.peerGroup });
    if (f.level) qb.andWhere('e.level = :level', { level: f.level });
    if (f.stage) qb.andWhere('e.stage = :stage', { stage: f.stage });
    if (f.status) qb.andWhere('e.status = :status', { status: f.status });
    if (f.subjectKind) qb.andWhere('e.subjectKind = :subjectKind', { subjectKind: f.subjectKind });
    if (f.memberId) qb.andWhere('e.memberId = :memberId', { memberId: parseId('filter.memberId', f.memberId) });
  },
  unsortable: ['scores', 'checks', 'facts', 'metrics', 'trace', 'errors'],
  defaultSort: 'id',
});

async function canAny(ctx: Context, caps: Capability[], unitId: number): Promise<boolean> {
  for (const c of caps) if (await ctx.access.can(ctx.em, ctx.today, c, unitId)) return true;
  return false;
}

async function requireAny(ctx: Context, caps: Capability[], unitId: number, what: string): Promise<void> {
  if (!(await canAny(ctx, caps, unitId))) {
    // The same answer as a single capability would give (API tokens, anonymous callers).
    await ctx.access.require(ctx.em, ctx.today, caps[0], unitId, what);
  }
}

interface Loaded {
  ev: EvaluationEntity;
  period: RatingPeriodEntity;
}

/** The evaluation (in the caller's scope) and its period, checked for version, status and lock inside the transaction. */
async function loadForStep(ctx: Context, em: EntityManager, id: number, version: number): Promise<Loaded> {
  await evaluationList.get(ctx, id);
  const ev = (await em.findOne(EvaluationEntity, { where: { id } })) as EvaluationEntity;
  const period = (await em.findOne(RatingPeriodEntity, { where: { id: ev.periodId } })) as RatingPeriodEntity;
  await assertUnlocked(em, period, ev.unitId);
  if (ev.version !== version) throw staleVersionError('Đánh giá');
  if (ev.status !== EvaluationStatus.ACTIVE) throw new ConflictError(`"${ev.subjectName}" không còn thuộc diện đánh giá trong kỳ này`, { reason: 'WITHDRAWN' });
  return { ev, period };
}

function stageAllowed(ev: EvaluationEntity, allowed: EvaluationStage[], step: string): void {
  if (!allowed.includes(ev.stage)) {
    throw new ConflictError(`Không thể ${step} khi đánh giá đang ở bước ${ev.stage}`, { reason: 'STAGE', stage: ev.stage });
  }
}

interface StepPlan {
  kind: StageKind;
  operation: string;
  next: EvaluationStage;
  allowed: EvaluationStage[];
  step: string;
  authorize: (ctx: Context, ev: EvaluationEntity) => Promise<void>;
  actingUnit: (ev: EvaluationEntity) => number;
}

const SUBMIT: StepPlan = {
  kind: StageKind.SELF,
  operation: 'submitEvaluation',
  next: EvaluationStage.SUBMITTED,
  allowed: [EvaluationStage.PENDING, EvaluationStage.SUBMITTED],
  step: 'nộp bản tự đánh giá',
  authorize: (ctx, ev) => requireAny(ctx, ev.memberId !== null ? [Capability.RECORD_CELL_WORK] : [Capability.RECORD_CELL_WORK, Capability.DECIDE], ev.unitId, 'nộp bản tự đánh giá'),
  actingUnit: (ev) => ev.unitId,
};

const APPRAISE: StepPlan = {
  kind: StageKind.APPRAISAL,
  operation: 'appraiseEvaluation',
  next: EvaluationStage.APPRAISED,
  allowed: [EvaluationStage.SUBMITTED, EvaluationStage.APPRAISED],
  step: 'thẩm định',
  authorize: (ctx, ev) =>
    ev.memberId !== null
      ? requireAny(ctx, [Capability.RECORD_CELL_WORK, Capability.APPRAISE], ev.unitId, 'thẩm định đánh giá đảng viên')
      : requireAny(ctx, [Capability.APPRAISE, Capability.DECIDE], ev.decidingUnitId, 'thẩm định đánh giá tập thể'),
  actingUnit: (ev) => (ev.memberId !== null ? ev.unitId : ev.decidingUnitId),
};

const DECIDE: StepPlan = {
  kind: StageKind.DECISION,
  operation: 'decideEvaluation',
  next: EvaluationStage.DECIDED,
  // A decision may be corrected by the deciding unit itself until the period is locked: a new record, the old kept.
  allowed: [EvaluationStage.APPRAISED, EvaluationStage.DECIDED],
  step: 'quyết định xếp loại',
  authorize: (ctx, ev) => ctx.access.require(ctx.em, ctx.today, Capability.DECIDE, ev.decidingUnitId, 'quyết định xếp loại'),
  actingUnit: (ev) => ev.decidingUnitId,
};

const periodDates = (p: RatingPeriodEntity) => ({ from: p.startDate, to: p.endDate });

async function takeStep(ctx: Context, plan: StepPlan, args: EvaluationStepArgs): Promise<EvaluationEntity> {
  // Several capabilities may take a step (see above), so the schema asks only for a session: refuse reading-only callers here.
  if (ctx.access.readOnly) throw new ForbiddenError('Mã truy cập phân tích chỉ được đọc dữ liệu');
  const id = parseId('id', args.id);
  const reason = longText('reason', args.reason, 'Lý do', 2000) ?? null;
  const scores = mergeValuesChecked('scores', args.scores);
  const checks = args.checks ?? undefined;
  const facts = mergeValuesChecked('facts', args.facts);
  const current = await evaluationList.get(ctx, id);
  await plan.authorize(ctx, current);
  return runMutation(ctx, plan.operation, async ({ em, audit }) => {
    const { ev, period } = await loadForStep(ctx, em, id, args.version);
    stageAllowed(ev, plan.allowed, plan.step);
    if (!ev.criteriaSetId) throw new ConflictError(`Chưa có bộ tiêu chí ban hành cho "${ev.subjectName}" trong kỳ này`, { reason: 'NO_CRITERIA_SET' });
    const inputs = {
      scores: mergeValues(ev.scores, scores),
      checks: mergeValues(ev.checks, checks),
      facts: mergeValues(ev.facts, facts),
      metrics: await metricsOf(em, ev, periodDates(period)),
    };
    checkFacts(inputs.facts);
    const set = await compiledSet(em, ev.criteriaSetId);
    const computed = rateWith(set, inputs);
    let level: Level | null = args.level ?? computed.level;
    let result = computed;
    if (plan.kind === StageKind.DECISION) {
      if (computed.engineLevel === null) {
        throw new BadInputError('facts', `Chưa quyết định được: ${computed.errors[0]?.message ?? 'chưa đủ số liệu'}`, { errors: computed.errors });
      }
      level = args.level ?? computed.engineLevel;
      if (level !== computed.engineLevel) {
        // The engine's guard rails: a different level needs a reason and may not reach a level whose conditions fail.
        result = rateWith(set, { ...inputs, override: { level, reason: reason ?? '' } });
        if (result.level === null) {
          const e = result.errors[0];
          throw new BadInputError(e?.path === 'override.reason' ? 'reason' : 'level', e?.message ?? 'Không quyết định được mức này', { errors: result.errors });
        }
      }
      if (disciplineNeedsReason(inputs.metrics, level, reason)) {
        throw new BadInputError('reason', 'Đảng viên bị kỷ luật từ khiển trách trở lên trong kỳ: xếp loại khác "không hoàn thành nhiệm vụ" phải ghi lý do');
      }
      await assertOrder(em, period, ev);
      await assertQuota(em, period, ev, level);
    }
    await em.insert(EvaluationStageEntity, {
      evaluationId: id,
      kind: plan.kind,
      ...inputs,
      total: result.total,
      engineLevel: computed.engineLevel,
      proposedLevel: level,
      reason,
      trace: result.trace,
      errors: result.errors,
      actingUnitId: plan.actingUnit(ev),
      actor: ctx.actor?.name ?? 'hệ thống',
      userId: ctx.actor?.userId ?? null,
    });
    const decided = plan.kind === StageKind.DECISION;
    const saved = await updateVersioned(
      em,
      EvaluationEntity,
      ev,
      {
        ...inputs,
        metricsAt: new Date(),
        stage: plan.next,
        total: result.total,
        engineLevel: computed.engineLevel,
        proposedLevel: level,
        trace: result.trace,
        errors: result.errors,
        ...(decided ? { level, decidedAt: new Date() } : {}),
      },
      'Đánh giá',
    );
    await audit({ entity: 'Evaluation', entityId: id, before: { stage: ev.stage, level: ev.level, version: ev.version }, after: { stage: saved.stage, level: saved.level, proposedLevel: level, reason }, unitId: ev.unitId });
    return saved;
  });
}

function mergeValuesChecked(field: string, value: Record<string, number> | null | undefined): Record<string, number> | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new BadInputError(field, `"${field}" phải là một đối tượng { mã: số }`);
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new BadInputError(`${field}.${k}`, `Giá trị "${k}" phải là một số`);
  }
  return value;
}

export const submitEvaluation = (ctx: Context, args: EvaluationStepArgs) => takeStep(ctx, SUBMIT, args);
export const appraiseEvaluation = (ctx: Context, args: EvaluationStepArgs) => takeStep(ctx, APPRAISE, args);
export const decideEvaluation = (ctx: Context, args: EvaluationStepArgs) => takeStep(ctx, DECIDE, args);

/**
 * Re-rating by the level above (366 Điều 13, Mẫu 03): a new RERATING record with the reason; the earlier decision
 * stays in the history. The same guard rails and quota as a decision apply.
 */
export async function rerateEvaluation(ctx: Context, args: RerateEvaluationArgs): Promise<EvaluationEntity> {
  const id = parseId('id', args.id);
  const reason = longText('reason', args.reason, 'Lý do xếp loại lại', 2000);
  if (!reason) throw new BadInputError('reason', 'Xếp loại lại phải ghi lý do');
  const current = await evaluationList.get(ctx, id);
  if (!(await rerateRights(ctx, [current.decidingUnitId])).get(current.decidingUnitId)) {
    throw new ForbiddenError('Chỉ cấp ủy cấp trên của cấp đã quyết định mới được xếp loại lại');
  }
  const above = (await ancestorIdsOf(ctx.em, [current.decidingUnitId], ctx.today)).get(current.decidingUnitId) ?? [];
  return runMutation(ctx, 'rerateEvaluation', async ({ em, audit }) => {
    const { ev, period } = await loadForStep(ctx, em, id, args.version);
    stageAllowed(ev, [EvaluationStage.DECIDED], 'xếp loại lại');
    if (!ev.criteriaSetId) throw new ConflictError('Chưa có bộ tiêu chí', { reason: 'NO_CRITERIA_SET' });
    const inputs = { scores: ev.scores ?? {}, checks: ev.checks ?? {}, facts: ev.facts ?? {}, metrics: ev.metrics ?? {} };
    const result = rateWith(await compiledSet(em, ev.criteriaSetId), { ...inputs, override: { level: args.level, reason } });
    if (result.level === null) throw new BadInputError('level', result.errors[0]?.message ?? 'Không xếp loại lại được mức này', { errors: result.errors });
    await assertQuota(em, period, ev, args.level);
    await em.insert(EvaluationStageEntity, {
      evaluationId: id,
      kind: StageKind.RERATING,
      ...inputs,
      total: result.total,
      engineLevel: result.engineLevel,
      proposedLevel: args.level,
      reason,
      trace: result.trace,
      errors: result.errors,
      actingUnitId: above[0] ?? null,
      actor: ctx.actor?.name ?? 'hệ thống',
      userId: ctx.actor?.userId ?? null,
    });
    const saved = await updateVersioned(em, EvaluationEntity, ev, { level: args.level, proposedLevel: args.level, trace: result.trace, decidedAt: new Date() }, 'Đánh giá');
    await audit({ entity: 'Evaluation', entityId: id, before: { level: ev.level }, after: { level: saved.level, reason, rerated: true }, unitId: ev.unitId });
    return saved;
  });
}

/**
 * Whether the caller may re-rate what each deciding unit decided: only a committee above it (366 Điều 13) holds
 * that right. One statement for any number of deciding units (a page of evaluations asks for a few).
 */
export async function rerateRights(ctx: Context, decidingUnitIds: readonly number[]): Promise<Map<number, boolean>> {
  const distinct = [...new Set(decidingUnitIds)];
  const ancestors = await ancestorIdsOf(ctx.em, distinct, ctx.today);
  const rights = new Map<number, boolean>();
  for (const id of distinct) rights.set(id, await anyDecides(ctx, ancestors.get(id) ?? []));
  return rights;
}

async function anyDecides(ctx: Context, unitIds: number[]): Promise<boolean> {
  if (ctx.access.isSystemAdmin) return true;
  for (const u of unitIds) if (await ctx.access.can(ctx.em, ctx.today, Capability.DECIDE, u)) return true;
  return false;
}

export function stagesOf(em: EntityManager, evaluationId: number): Promise<EvaluationStageEntity[]> {
  return em.find(EvaluationStageEntity, { where: { evaluationId }, order: { id: 'ASC' } });
}

/**
 * The decision screen's bulk action: each evaluation decided at the engine's level, with every rule of a single
 * decision (order, quota, guard rails), all or none. A level other than the engine's needs the decider's own
 * reason, so it is decided one at a time.
 */
export function decideEvaluations(ctx: Context, ids: string[]) {
  return runBulk(ctx, 'decideEvaluations', ids, async (id) => {
    const ev = await evaluationList.get(ctx, parseId('ids', id));
    await decideEvaluation(ctx, { id, version: ev.version });
  });
}
