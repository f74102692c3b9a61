import { Capability, inspectionActionStatus, InspectionActionStatus } from '@dangbo/shared-types';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { Context } from '../../context';
import { parseId } from '../../core/input';
import { ListMetadata } from '../../graphql/list-args';
import { MemberEntity } from '../member/member.entity';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { readableMember } from '../recognition/record-subject';
import { InspectionActionEntity, InspectionEntity } from './inspection.entity';
import {
  CreateInspectionActionArgs,
  CreateInspectionArgs,
  InspectionActionListArgs,
  InspectionActionMetaArgs,
  InspectionListArgs,
  InspectionMetaArgs,
  UpdateInspectionActionArgs,
  UpdateInspectionArgs,
} from './inspection.input';
import * as inspections from './inspection.service';
import * as actions from './inspection-action.service';

const actionLoaders = new WeakMap<object, DataLoader<number, InspectionActionEntity[]>>();
function actionsOf(ctx: Context, inspectionId: number): Promise<InspectionActionEntity[]> {
  let loader = actionLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.em.find(InspectionActionEntity, { where: { inspectionId: In([...ids]) }, order: { id: 'ASC' } });
      return ids.map((id) => rows.filter((r) => r.inspectionId === id));
    });
    actionLoaders.set(ctx.loaders, loader);
  }
  return loader.load(inspectionId);
}

@Resolver(() => InspectionEntity)
export class InspectionResolver {
  @Authorized()
  @Query(() => InspectionEntity, { name: 'Inspection' })
  inspection(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return inspections.inspectionList.get(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [InspectionEntity])
  allInspections(@Args(() => InspectionListArgs) args: InspectionListArgs, @Ctx() ctx: Context) {
    return inspections.listInspections(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allInspectionsMeta(@Args(() => InspectionMetaArgs) args: InspectionMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await inspections.countInspections(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => InspectionEntity)
  createInspection(@Args(() => CreateInspectionArgs) args: CreateInspectionArgs, @Ctx() ctx: Context) {
    return inspections.createInspection(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => InspectionEntity)
  updateInspection(@Args(() => UpdateInspectionArgs) args: UpdateInspectionArgs, @Ctx() ctx: Context) {
    return inspections.updateInspection(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => InspectionEntity, { description: 'Xóa cuộc kiểm tra cùng các việc sau kiểm tra' })
  deleteInspection(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return actions.deleteInspection(ctx, id);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true, description: 'Cấp ủy tiến hành (ngoài phạm vi: chỉ mã, loại, tên)' })
  inspectingUnit(@Root() i: InspectionEntity, @Ctx() ctx: Context) {
    return ctx.loaders.unitById.load(i.inspectingUnitId);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  subjectUnit(@Root() i: InspectionEntity, @Ctx() ctx: Context) {
    return i.subjectUnitId === null ? null : ctx.loaders.unitById.load(i.subjectUnitId);
  }

  @FieldResolver(() => MemberEntity, { nullable: true, description: 'Đảng viên được kiểm tra (khi người xem được đọc hồ sơ hôm nay)' })
  subjectMember(@Root() i: InspectionEntity, @Ctx() ctx: Context) {
    return readableMember(ctx, i.subjectMemberId);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  unit(@Root() i: InspectionEntity, @Ctx() ctx: Context) {
    return ctx.loaders.unitById.load(i.unitId);
  }

  @FieldResolver(() => [InspectionActionEntity], { description: 'Việc phải làm sau kiểm tra' })
  actions(@Root() i: InspectionEntity, @Ctx() ctx: Context) {
    return actionsOf(ctx, i.id);
  }
}

@Resolver(() => InspectionActionEntity)
export class InspectionActionResolver {
  @Authorized()
  @Query(() => InspectionActionEntity, { name: 'InspectionAction' })
  inspectionAction(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return actions.actionList.get(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [InspectionActionEntity])
  allInspectionActions(@Args(() => InspectionActionListArgs) args: InspectionActionListArgs, @Ctx() ctx: Context) {
    return actions.listActions(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allInspectionActionsMeta(@Args(() => InspectionActionMetaArgs) args: InspectionActionMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await actions.countActions(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => InspectionActionEntity)
  createInspectionAction(@Args(() => CreateInspectionActionArgs) args: CreateInspectionActionArgs, @Ctx() ctx: Context) {
    return actions.createAction(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => InspectionActionEntity)
  updateInspectionAction(@Args(() => UpdateInspectionActionArgs) args: UpdateInspectionActionArgs, @Ctx() ctx: Context) {
    return actions.updateAction(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => InspectionActionEntity)
  deleteInspectionAction(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return actions.deleteAction(ctx, id);
  }

  @FieldResolver(() => InspectionActionStatus, { description: 'Đang thực hiện, đã xong, hay quá hạn (tính theo hạn và hôm nay)' })
  status(@Root() a: InspectionActionEntity, @Ctx() ctx: Context): InspectionActionStatus {
    return inspectionActionStatus(a, ctx.today);
  }
}
