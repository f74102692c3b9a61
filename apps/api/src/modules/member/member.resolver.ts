import { Capability, MemberStatus } from '@dangbo/shared-types';
import { yearsBetween } from '@dangbo/vn';
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BulkIdsArgs, BulkResult } from '../../graphql/bulk';
import { requestedFields } from '../../graphql/requested-fields';
import { Context } from '../../context';
import { parseId } from '../../core/input';
import { ListMetadata } from '../../graphql/list-args';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { datedKey } from '../org-unit/org-unit.loaders';
import { MemberAssignmentEntity, MemberEntity, MemberNumberHistoryEntity, MemberPositionEntity } from './member.entity';
import { MemberStatusEntity } from './member-status.entity';
import { CreateMemberArgs, MemberListArgs, MemberMetaArgs, UpdateMemberArgs, UpdateMembersArgs } from './member.input';
import * as members from './member.service';
import { joinedCell, joinedCellId, pageJoinsOf } from './member.page';

const cellAsOfToday = (cell: OrgUnitEntity | null, ctx: Context): OrgUnitEntity | null =>
  cell ? Object.assign(Object.create(OrgUnitEntity.prototype), cell, { asOf: ctx.today }) : null;

@Resolver(() => MemberEntity)
export class MemberResolver {
  @Authorized()
  @Query(() => MemberEntity, { name: 'Member' })
  member(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return members.getMember(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [MemberEntity])
  allMembers(@Args(() => MemberListArgs) args: MemberListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return members.listMembers(ctx, args, args.filter, requestedFields(info), pageJoinsOf(info));
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allMembersMeta(@Args(() => MemberMetaArgs) args: MemberMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await members.countMembers(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_MEMBERS)
  @Mutation(() => MemberEntity)
  createMember(@Args(() => CreateMemberArgs) args: CreateMemberArgs, @Ctx() ctx: Context) {
    return members.createMember(ctx, args);
  }

  @Authorized(Capability.MANAGE_MEMBERS)
  @Mutation(() => MemberEntity)
  updateMember(@Args(() => UpdateMemberArgs) args: UpdateMemberArgs, @Ctx() ctx: Context) {
    return members.updateMember(ctx, args);
  }

  @Authorized(Capability.MANAGE_MEMBERS)
  @Mutation(() => MemberEntity)
  deleteMember(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return members.deleteMember(ctx, id);
  }

  @Authorized(Capability.MANAGE_MEMBERS)
  @Mutation(() => BulkResult, { description: 'Sửa nhiều đảng viên: tất cả hoặc không đảng viên nào' })
  updateMembers(@Args(() => UpdateMembersArgs) args: UpdateMembersArgs, @Ctx() ctx: Context) {
    return members.updateMembers(ctx, args.ids, args.data);
  }

  @Authorized(Capability.MANAGE_MEMBERS)
  @Mutation(() => BulkResult, { description: 'Xóa nhiều đảng viên: tất cả hoặc không đảng viên nào' })
  deleteMembers(@Args(() => BulkIdsArgs) args: BulkIdsArgs, @Ctx() ctx: Context) {
    return members.deleteMembers(ctx, args.ids);
  }

  // Without a promise when the page statement joined the cell (member.page.ts): a page of 500 rows is then
  // completed synchronously.
  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  cell(@Root() m: MemberEntity, @Ctx() ctx: Context): OrgUnitEntity | null | Promise<OrgUnitEntity | null> {
    const known = joinedCell(m, ctx.today);
    if (known !== undefined) return known && known.asOf === ctx.today ? known : cellAsOfToday(known, ctx);
    return ctx.loaders.cellOf.load(datedKey(m.id, ctx.today)).then((cell) => cellAsOfToday(cell, ctx));
  }

  // Declared after `cell`: the stock ra-data-graphql-simple turns a fetched `cell { id }` into the `cellId` argument
  // too, and the later key of the record wins, so the edited `cellId` must come last in the type (stock-client spec).
  @FieldResolver(() => ID, { nullable: true, description: 'Chi bộ đang sinh hoạt chính thức' })
  cellId(@Root() m: MemberEntity, @Ctx() ctx: Context): number | null | Promise<number | null> {
    const known = joinedCellId(m, ctx.today);
    if (known !== undefined) return known;
    return ctx.loaders.cellOf.load(datedKey(m.id, ctx.today)).then((cell) => cell?.id ?? null);
  }

  @FieldResolver(() => [MemberPositionEntity])
  positions(@Root() m: MemberEntity, @Ctx() ctx: Context): Promise<MemberPositionEntity[]> {
    return ctx.loaders.positionsOf.load(m.id);
  }

  @FieldResolver(() => [MemberAssignmentEntity], { description: 'Quá trình sinh hoạt đảng (chuyển sinh hoạt)' })
  memberships(@Root() m: MemberEntity, @Ctx() ctx: Context): Promise<MemberAssignmentEntity[]> {
    return ctx.loaders.membershipsOf.load(m.id);
  }

  @FieldResolver(() => [MemberStatusEntity], { description: 'Quá trình tình trạng đảng viên (dự bị, chính thức, miễn sinh hoạt, đình chỉ), có thời hạn' })
  statusHistory(@Root() m: MemberEntity, @Ctx() ctx: Context): Promise<MemberStatusEntity[]> {
    return ctx.loaders.statusHistoryOf.load(m.id);
  }

  @FieldResolver(() => [MemberNumberHistoryEntity], { description: 'Số thẻ, số lý lịch cũ' })
  numberHistory(@Root() m: MemberEntity, @Ctx() ctx: Context): Promise<MemberNumberHistoryEntity[]> {
    return ctx.loaders.numberHistoryOf.load(m.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Tuổi đảng (năm), tính từ ngày vào Đảng khi đã chính thức' })
  partyAgeYears(@Root() m: MemberEntity, @Ctx() ctx: Context): number | null {
    if (!m.admittedOn || !m.officialOn || m.status === MemberStatus.PROBATIONARY) return null;
    return yearsBetween(m.admittedOn, ctx.today);
  }
}
