import { Capability } from '@dangbo/shared-types';
import { Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Arg } from 'type-graphql';
import { Context } from '../../context';
import { ListMetadata } from '../../graphql/list-args';
import { datedKey } from './org-unit.loaders';
import { CommitteeTermEntity, HeadCountEntity, OrgUnitEntity } from './org-unit.entity';
import { CreateOrgUnitArgs, OrgUnitListArgs, OrgUnitMetaArgs, UpdateOrgUnitArgs } from './org-unit.input';
import * as units from './org-unit.service';
import { parseId } from '../../graphql/input';

const asOf = (unit: OrgUnitEntity, ctx: Context) => unit.asOf ?? ctx.today;
/** Units reached through a relation are read at the same date as the unit they came from. */
const carry = (list: OrgUnitEntity[], date: string) => list.map((u) => Object.assign(Object.create(Object.getPrototypeOf(u)), u, { asOf: date }));

@Resolver(() => OrgUnitEntity)
export class OrgUnitResolver {
  @Authorized()
  @Query(() => OrgUnitEntity, { name: 'OrgUnit', nullable: true })
  orgUnit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return units.findOrgUnit(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [OrgUnitEntity])
  allOrgUnits(@Args(() => OrgUnitListArgs) args: OrgUnitListArgs, @Ctx() ctx: Context) {
    return units.listOrgUnits(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allOrgUnitsMeta(@Args(() => OrgUnitMetaArgs) args: OrgUnitMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await units.countOrgUnits(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_UNITS)
  @Mutation(() => OrgUnitEntity)
  createOrgUnit(@Args(() => CreateOrgUnitArgs) args: CreateOrgUnitArgs, @Ctx() ctx: Context) {
    return units.createOrgUnit(ctx, args);
  }

  @Authorized(Capability.MANAGE_UNITS)
  @Mutation(() => OrgUnitEntity)
  updateOrgUnit(@Args(() => UpdateOrgUnitArgs) args: UpdateOrgUnitArgs, @Ctx() ctx: Context) {
    return units.updateOrgUnit(ctx, args);
  }

  @Authorized(Capability.MANAGE_UNITS)
  @Mutation(() => OrgUnitEntity)
  deleteOrgUnit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return units.deleteOrgUnit(ctx, id);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Đơn vị cấp trên trực tiếp tại ngày đọc cây' })
  async parentId(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): Promise<number | null> {
    return (await ctx.loaders.parentOf.load(datedKey(unit.id, asOf(unit, ctx))))?.id ?? null;
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  async parent(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): Promise<OrgUnitEntity | null> {
    const date = asOf(unit, ctx);
    const parent = await ctx.loaders.parentOf.load(datedKey(unit.id, date));
    if (!parent || !(await ctx.scope.includesUnit(ctx.em, ctx.today, parent.id))) return null;
    return carry([parent], date)[0];
  }

  @FieldResolver(() => [OrgUnitEntity])
  async children(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): Promise<OrgUnitEntity[]> {
    const date = asOf(unit, ctx);
    return carry(await ctx.loaders.childrenOf.load(datedKey(unit.id, date)), date);
  }

  @FieldResolver(() => Int, { description: 'Số đơn vị trực thuộc trực tiếp' })
  async childCount(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.childrenOf.load(datedKey(unit.id, asOf(unit, ctx)))).length;
  }

  @FieldResolver(() => [OrgUnitEntity], { description: 'Các cấp trên, từ cấp trên trực tiếp đến gốc (trong phạm vi)' })
  async ancestors(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): Promise<OrgUnitEntity[]> {
    const date = asOf(unit, ctx);
    const ids = await ctx.loaders.ancestorIds.load(datedKey(unit.id, date));
    const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
    const found = await ctx.loaders.unitById.loadMany(ids.filter((id) => !scope || scope.has(id)));
    return carry(found.filter((u): u is OrgUnitEntity => u instanceof OrgUnitEntity), date);
  }

  @FieldResolver(() => Int, { description: 'Số đảng viên của cả cây con tại ngày đọc cây' })
  memberCount(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.memberCount.load(datedKey(unit.id, asOf(unit, ctx)));
  }

  @FieldResolver(() => [CommitteeTermEntity])
  terms(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): Promise<CommitteeTermEntity[]> {
    return ctx.loaders.termsOf.load(unit.id);
  }

  @FieldResolver(() => [HeadCountEntity], { description: 'Số đoàn viên, hội viên, nhân dân theo từng thời điểm (mới nhất trước)' })
  headCounts(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): Promise<HeadCountEntity[]> {
    return ctx.loaders.headCountsOf.load(unit.id);
  }
}
