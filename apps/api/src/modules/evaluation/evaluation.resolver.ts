/** Evaluations (the ra-data-graphql-simple grammar), their steps, the period's quota and summary, lock and settings. */
import { Capability } from '@dangbo/shared-types';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { NotFoundError } from '../../core/errors';
import { parseId } from '../../core/input';
import { ListMetadata } from '../../graphql/list-args';
import { BulkIdsArgs, BulkResult } from '../../graphql/bulk';
import { CriteriaSetEntity } from '../criteria/criteria.entity';
import { MemberEntity } from '../member/member.entity';
import { memberList } from '../member/member.service';
import { readableById } from '../../core/list-loader';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { RatingLockEntity, RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { EvaluationEntity, EvaluationStage, EvaluationStageEntity } from './evaluation.entity';
import { EvaluationListArgs, EvaluationMetaArgs, EvaluationStepArgs, QuotaGroupStatus, RatingPeriodSettingsArgs, RatingSummary, RerateEvaluationArgs } from './evaluation.input';
import { quotaGroupsOf } from './evaluation.quota';
import { appraiseEvaluation, decideEvaluation, decideEvaluations, evaluationList, rerateEvaluation, rerateRights, stagesOf, submitEvaluation } from './evaluation.service';
import { lockRatingPeriod, reopenRatingPeriod, configureRatingPeriod } from './period-workflow.service';
import { ratingSummary } from './rating-summary.service';

/**
 * The criteria set and the re-rating right of a page of evaluations, one batch each whatever the page size (the
 * member goes through the members list, `readableById`, so one outside the caller's scope is null).
 */
const relationLoaders = new WeakMap<Context, { criteriaSet: DataLoader<number, CriteriaSetEntity | null>; rerate: DataLoader<number, boolean> }>();
function relationsOf(ctx: Context) {
  let loaders = relationLoaders.get(ctx);
  if (!loaders) {
    loaders = {
      criteriaSet: new DataLoader(async (ids) => {
        const found = new Map((await ctx.em.find(CriteriaSetEntity, { where: { id: In([...ids]) } })).map((s) => [s.id, s]));
        return ids.map((id) => found.get(id) ?? null);
      }),
      rerate: new DataLoader(async (ids) => {
        const rights = await rerateRights(ctx, ids);
        return ids.map((id) => rights.get(id) ?? false);
      }),
    };
    relationLoaders.set(ctx, loaders);
  }
  return loaders;
}

@Resolver(() => EvaluationEntity)
export class EvaluationResolver {
  @Authorized()
  @Query(() => EvaluationEntity, { name: 'Evaluation' })
  evaluation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return evaluationList.get(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [EvaluationEntity])
  allEvaluations(@Args(() => EvaluationListArgs) args: EvaluationListArgs, @Ctx() ctx: Context) {
    return evaluationList.list(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allEvaluationsMeta(@Args(() => EvaluationMetaArgs) args: EvaluationMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await evaluationList.count(ctx, args.filter) };
  }

  @Authorized()
  @Mutation(() => EvaluationEntity, { description: 'Tự đánh giá (đảng viên: chi bộ nhập thay; tập thể: tự đánh giá)' })
  submitEvaluation(@Args(() => EvaluationStepArgs) args: EvaluationStepArgs, @Ctx() ctx: Context) {
    return submitEvaluation(ctx, args);
  }

  @Authorized()
  @Mutation(() => EvaluationEntity, { description: 'Thẩm định, đề xuất (chi bộ với đảng viên; ban tham mưu cấp trên với tập thể)' })
  appraiseEvaluation(@Args(() => EvaluationStepArgs) args: EvaluationStepArgs, @Ctx() ctx: Context) {
    return appraiseEvaluation(ctx, args);
  }

  @Authorized(Capability.DECIDE)
  @Mutation(() => EvaluationEntity, { description: 'Quyết định xếp loại (cấp có thẩm quyền); kiểm tra thứ tự và tỷ lệ xuất sắc' })
  decideEvaluation(@Args(() => EvaluationStepArgs) args: EvaluationStepArgs, @Ctx() ctx: Context) {
    return decideEvaluation(ctx, args);
  }

  @Authorized(Capability.DECIDE)
  @Mutation(() => BulkResult, { description: 'Quyết định nhiều đánh giá theo mức bộ máy tính: tất cả hoặc không' })
  decideEvaluations(@Args(() => BulkIdsArgs) args: BulkIdsArgs, @Ctx() ctx: Context) {
    return decideEvaluations(ctx, args.ids);
  }

  @Authorized(Capability.DECIDE)
  @Mutation(() => EvaluationEntity, { description: 'Xếp loại lại (cấp trên của cấp đã quyết định), có lý do; giữ lại quyết định cũ' })
  rerateEvaluation(@Args(() => RerateEvaluationArgs) args: RerateEvaluationArgs, @Ctx() ctx: Context) {
    return rerateEvaluation(ctx, args);
  }

  @Authorized()
  @Query(() => [QuotaGroupStatus], { description: 'Tỷ lệ xuất sắc đã dùng của các nhóm do một đơn vị quyết định' })
  async quotaStatus(@Arg('periodId', () => ID) periodId: string, @Arg('decidingUnitId', () => ID) unitArg: string, @Ctx() ctx: Context) {
    const id = parseId('periodId', periodId);
    const unitId = parseId('decidingUnitId', unitArg);
    const period = await ctx.em.findOne(RatingPeriodEntity, { where: { id } });
    if (!period) throw new NotFoundError('kỳ đánh giá', id);
    if (!(await ctx.scope.includesUnit(ctx.em, ctx.today, unitId))) throw new NotFoundError('đơn vị', unitId);
    return quotaGroupsOf(ctx.em, period, unitId);
  }

  @Authorized()
  @Query(() => RatingSummary)
  ratingSummary(@Arg('periodId', () => ID) periodId: string, @Arg('unitId', () => ID) unitId: string, @Ctx() ctx: Context) {
    return ratingSummary(ctx, periodId, unitId);
  }

  @FieldResolver(() => [EvaluationStageEntity], { description: 'Các bước đã ghi, cũ trước (gồm cả xếp loại lại)' })
  stages(@Root() ev: EvaluationEntity, @Ctx() ctx: Context) {
    return stagesOf(ctx.em, ev.id);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  unit(@Root() ev: EvaluationEntity, @Ctx() ctx: Context) {
    return ctx.loaders.unitById.load(ev.unitId);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true, description: 'Đơn vị quyết định (ngoài phạm vi: chỉ mã, loại và tên)' })
  decidingUnit(@Root() ev: EvaluationEntity, @Ctx() ctx: Context) {
    return ctx.loaders.unitById.load(ev.decidingUnitId);
  }

  @FieldResolver(() => MemberEntity, { nullable: true, description: 'Đảng viên được đánh giá (nếu người xem đọc được)' })
  member(@Root() ev: EvaluationEntity, @Ctx() ctx: Context) {
    return ev.memberId === null ? null : readableById(ctx, memberList).load(ev.memberId);
  }

  @FieldResolver(() => Boolean, { description: 'Người xem được xếp loại lại (cấp ủy cấp trên của cấp đã quyết định), khi đánh giá đã có quyết định' })
  viewerCanRerate(@Root() ev: EvaluationEntity, @Ctx() ctx: Context): boolean | Promise<boolean> {
    if (ev.stage !== EvaluationStage.DECIDED) return false;
    return relationsOf(ctx).rerate.load(ev.decidingUnitId);
  }

  @FieldResolver(() => CriteriaSetEntity, { nullable: true })
  criteriaSet(@Root() ev: EvaluationEntity, @Ctx() ctx: Context) {
    return ev.criteriaSetId === null ? null : relationsOf(ctx).criteriaSet.load(ev.criteriaSetId);
  }
}

@Resolver(() => RatingPeriodEntity)
export class RatingPeriodWorkflowResolver {
  @Authorized(Capability.DECIDE)
  @Mutation(() => RatingPeriodEntity, { description: 'Khóa kỳ đánh giá (cả kỳ, hoặc trên một đơn vị và cấp dưới)' })
  lockRatingPeriod(@Arg('id', () => ID) id: string, @Arg('unitId', () => ID, { nullable: true }) unitId: string | null, @Ctx() ctx: Context) {
    return lockRatingPeriod(ctx, id, unitId);
  }

  @Authorized(Capability.DECIDE)
  @Mutation(() => RatingPeriodEntity, { description: 'Mở lại kỳ đã khóa, có lý do' })
  reopenRatingPeriod(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Arg('unitId', () => ID, { nullable: true }) unitId: string | null,
    @Ctx() ctx: Context,
  ) {
    return reopenRatingPeriod(ctx, id, unitId, reason);
  }

  @Authorized(Capability.DECIDE)
  @Mutation(() => RatingPeriodEntity, { description: 'Thiết lập tỷ lệ xuất sắc và thứ tự đánh giá của kỳ' })
  configureRatingPeriod(@Args(() => RatingPeriodSettingsArgs) args: RatingPeriodSettingsArgs, @Ctx() ctx: Context) {
    return configureRatingPeriod(ctx, args);
  }

  @FieldResolver(() => [RatingLockEntity], { description: 'Các lần khóa, mở lại của kỳ (đơn vị trong phạm vi người xem)' })
  async locks(@Root() period: RatingPeriodEntity, @Ctx() ctx: Context) {
    const rows = await ctx.em.find(RatingLockEntity, { where: { periodId: period.id }, order: { id: 'ASC' } });
    const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
    // A lock of the whole period shows as the period's lockedAt; rows name only units the caller reads.
    return scope ? rows.filter((l) => scope.has(l.unitId)) : rows;
  }
}
