import { Capability } from '@dangbo/shared-types';
import { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Arg } from 'type-graphql';
import { Context } from '../../context';
import { BulkIdsArgs, BulkResult } from '../../graphql/bulk';
import { ListMetadata } from '../../graphql/list-args';
import { OrgUnitEntity } from './org-unit.entity';
import { unitPageJoinsOf } from './org-unit.page';
import { CreateOrgUnitArgs, OrgUnitListArgs, OrgUnitMetaArgs, UpdateOrgUnitArgs, UpdateOrgUnitsArgs } from './org-unit.input';
import * as units from './org-unit.service';
import { parseId } from '../../core/input';

@Resolver(() => OrgUnitEntity)
export class OrgUnitResolver {
  @Authorized()
  @Query(() => OrgUnitEntity, { name: 'OrgUnit' })
  orgUnit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return units.getOrgUnit(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [OrgUnitEntity])
  allOrgUnits(@Args(() => OrgUnitListArgs) args: OrgUnitListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return units.listOrgUnits(ctx, args, args.filter, unitPageJoinsOf(info));
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

  @Authorized(Capability.MANAGE_UNITS)
  @Mutation(() => BulkResult, { description: 'Sửa nhiều đơn vị: tất cả hoặc không đơn vị nào' })
  updateOrgUnits(@Args(() => UpdateOrgUnitsArgs) args: UpdateOrgUnitsArgs, @Ctx() ctx: Context) {
    return units.updateOrgUnits(ctx, args.ids, args.data);
  }

  @Authorized(Capability.MANAGE_UNITS)
  @Mutation(() => BulkResult, { description: 'Xóa nhiều đơn vị: tất cả hoặc không đơn vị nào' })
  deleteOrgUnits(@Args(() => BulkIdsArgs) args: BulkIdsArgs, @Ctx() ctx: Context) {
    return units.deleteOrgUnits(ctx, args.ids);
  }

  // The relation fields (parent, parentId, children, counts, …) live in org-unit.fields.ts: each checks the scope.
}
