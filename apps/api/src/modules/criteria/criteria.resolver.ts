import { Capability, SubjectKind } from '@dangbo/shared-types';
import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { parseId } from '../../core/input';
import { BulkIdsArgs, BulkResult } from '../../graphql/bulk';
import { ListMetadata } from '../../graphql/list-args';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { CriteriaSetEntity, CriterionEntity } from './criteria.entity';
import {
  CreateCriteriaSetArgs,
  CreateCriterionArgs,
  CriteriaPreview,
  CriteriaSetListArgs,
  CriteriaSetMetaArgs,
  CriterionListArgs,
  CriterionMetaArgs,
  UpdateCriteriaArgs,
  UpdateCriteriaSetArgs,
  UpdateCriterionArgs,
} from './criteria.input';
import { toDefinition } from './criteria.mapper';
import * as criteria from './criteria.service';
import * as criterionService from './criterion.service';

@Resolver(() => CriteriaSetEntity)
export class CriteriaSetResolver {
  @Authorized()
  @Query(() => CriteriaSetEntity, { name: 'CriteriaSet' })
  criteriaSet(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return criteria.getCriteriaSet(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [CriteriaSetEntity])
  allCriteriaSets(@Args(() => CriteriaSetListArgs) args: CriteriaSetListArgs, @Ctx() ctx: Context) {
    return criteria.listCriteriaSets(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allCriteriaSetsMeta(@Args(() => CriteriaSetMetaArgs) args: CriteriaSetMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await criteria.countCriteriaSets(ctx, args.filter) };
  }

  @Authorized()
  @Query(() => CriteriaSetEntity, { nullable: true, description: 'Bộ tiêu chí đang áp dụng cho đơn vị: của chính nó, hoặc của cấp trên gần nhất' })
  applicableCriteriaSet(
    @Arg('unitId', () => ID) unitId: string,
    @Arg('periodId', () => ID) periodId: string,
    @Arg('subjectKind', () => SubjectKind) subjectKind: SubjectKind,
    @Ctx() ctx: Context,
  ) {
    return criteria.applicableCriteriaSet(ctx, unitId, periodId, subjectKind);
  }

  @Authorized()
  @Query(() => CriteriaPreview, { description: 'Chấm thử trên dữ liệu (mẫu nếu không truyền inputs)' })
  previewCriteriaSet(
    @Arg('id', () => ID) id: string,
    @Arg('inputs', () => GraphQLJSON, { nullable: true }) inputs: unknown,
    @Arg('definition', () => GraphQLJSON, { nullable: true, description: 'Bản đang soạn chưa lưu (mặc định: bản đã lưu)' }) definition: unknown,
    @Ctx() ctx: Context,
  ) {
    return criteria.previewCriteriaSet(ctx, id, inputs, definition);
  }

  @Authorized(Capability.MANAGE_CRITERIA)
  @Mutation(() => CriteriaSetEntity)
  createCriteriaSet(@Args(() => CreateCriteriaSetArgs) args: CreateCriteriaSetArgs, @Ctx() ctx: Context) {
    return criteria.createCriteriaSet(ctx, args);
  }

  @Authorized(Capability.MANAGE_CRITERIA)
  @Mutation(() => CriteriaSetEntity)
  updateCriteriaSet(@Args(() => UpdateCriteriaSetArgs) args: UpdateCriteriaSetArgs, @Ctx() ctx: Context) {
    return criteria.updateCriteriaSet(ctx, args);
  }

  @Authorized(Capability.MANAGE_CRITERIA)
  @Mutation(() => CriteriaSetEntity)
  deleteCriteriaSet(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return criteria.deleteCriteriaSet(ctx, id);
  }

  @Authorized(Capability.MANAGE_CRITERIA)
  @Mutation(() => CriteriaSetEntity, { description: 'Ban hành: kiểm tra toàn bộ; còn lỗi thì từ chối kèm danh sách lỗi (extensions.errors)' })
  publishCriteriaSet(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return criteria.publishCriteriaSet(ctx, id);
  }

  @Authorized(Capability.MANAGE_CRITERIA)
  @Mutation(() => CriteriaSetEntity, { description: 'Nhân bản thành phiên bản mới (bản nháp) để sửa' })
  cloneCriteriaSet(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return criteria.cloneCriteriaSet(ctx, id);
  }

  @FieldResolver(() => Boolean, { description: 'Người đang đăng nhập có quyền quản lý bộ tiêu chí ở đơn vị sở hữu (sửa bản nháp, nhân bản)' })
  viewerCanManage(@Root() set: CriteriaSetEntity, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.access.can(ctx.em, ctx.today, Capability.MANAGE_CRITERIA, set.unitId);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  unit(@Root() set: CriteriaSetEntity, @Ctx() ctx: Context) {
    return ctx.loaders.unitById.load(set.unitId);
  }

  @FieldResolver(() => GraphQLJSON, { description: 'Toàn bộ bộ tiêu chí dạng JSON của bộ máy chấm điểm (cho trình soạn và chấm thử trên trình duyệt)' })
  async definition(@Root() set: CriteriaSetEntity, @Ctx() ctx: Context) {
    return toDefinition(set, await ctx.loaders.criteriaOfSet.load(set.id));
  }
}

@Resolver(() => CriterionEntity)
export class CriterionResolver {
  @Authorized()
  @Query(() => CriterionEntity, { name: 'Criterion' })
  criterion(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return criterionService.getCriterion(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [CriterionEntity])
  allCriteria(@Args(() => CriterionListArgs) args: CriterionListArgs, @Ctx() ctx: Context) {
    return criterionService.listCriteria(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allCriteriaMeta(@Args(() => CriterionMetaArgs) args: CriterionMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await criterionService.countCriteria(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_CRITERIA)
  @Mutation(() => CriterionEntity)
  createCriterion(@Args(() => CreateCriterionArgs) args: CreateCriterionArgs, @Ctx() ctx: Context) {
    return criterionService.createCriterion(ctx, args);
  }

  @Authorized(Capability.MANAGE_CRITERIA)
  @Mutation(() => CriterionEntity)
  updateCriterion(@Args(() => UpdateCriterionArgs) args: UpdateCriterionArgs, @Ctx() ctx: Context) {
    return criterionService.updateCriterion(ctx, args);
  }

  @Authorized(Capability.MANAGE_CRITERIA)
  @Mutation(() => [CriterionEntity], { description: 'Sắp xếp lại các tiêu chí cùng cấp theo thứ tự ids, trong một giao dịch' })
  reorderCriteria(
    @Arg('setId', () => ID) setId: string,
    @Arg('parentId', () => ID, { nullable: true }) parentId: string | null,
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() ctx: Context,
  ) {
    return criterionService.reorderCriteria(ctx, setId, parentId, ids);
  }

  @Authorized(Capability.MANAGE_CRITERIA)
  @Mutation(() => CriterionEntity)
  deleteCriterion(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return criterionService.deleteCriterion(ctx, id);
  }

  @Authorized(Capability.MANAGE_CRITERIA)
  @Mutation(() => BulkResult, { description: 'Sửa nhiều tiêu chí: tất cả hoặc không tiêu chí nào' })
  updateCriteria(@Args(() => UpdateCriteriaArgs) args: UpdateCriteriaArgs, @Ctx() ctx: Context) {
    return criterionService.updateCriteria(ctx, args.ids, args.data);
  }

  @Authorized(Capability.MANAGE_CRITERIA)
  @Mutation(() => BulkResult, { description: 'Xóa nhiều tiêu chí (kèm tiêu chí con): tất cả hoặc không tiêu chí nào' })
  deleteCriteria(@Args(() => BulkIdsArgs) args: BulkIdsArgs, @Ctx() ctx: Context) {
    return criterionService.deleteCriteria(ctx, args.ids);
  }
}
