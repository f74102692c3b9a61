/**
 * The fields of OrgUnit beyond id, kind and name. A unit reaches a caller through many relations (a criteria set's
 * issuer, a member's former cell, a child, a parent); each field here checks the scope itself, so a unit outside
 * the caller's subtrees is a stub (id, kind, name) whatever path led to it, and a new path cannot leak more.
 * Relations read the tree at the unit's `asOf`; the scope is always the caller's as of today.
 */
import { MassOrgKind } from '@dangbo/shared-types';
import { Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { CommitteeTermEntity, HeadCountEntity, OrgUnitEntity } from './org-unit.entity';
import { datedKey } from './org-unit.loaders';
import { ifInside, insideOnly, seesInside } from './unit-visibility';
import { joinedChildCount, joinedMemberCount, joinedParent } from './org-unit.page';

const asOf = (unit: OrgUnitEntity, ctx: Context) => unit.asOf ?? ctx.today;
/** Units reached through a relation are read at the same date as the unit they came from. */
const carry = (list: OrgUnitEntity[], date: string) => list.map((u) => Object.assign(Object.create(Object.getPrototypeOf(u)), u, { asOf: date }));

@Resolver(() => OrgUnitEntity)
export class OrgUnitFieldsResolver {
  @FieldResolver(() => String, { nullable: true })
  shortName(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return ifInside(ctx, unit.id, () => unit.shortName, null);
  }

  @FieldResolver(() => String, { nullable: true })
  code(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return ifInside(ctx, unit.id, () => unit.code, null);
  }

  @FieldResolver(() => MassOrgKind, { nullable: true })
  massOrgKind(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): MassOrgKind | null | Promise<MassOrgKind | null> {
    return ifInside(ctx, unit.id, () => unit.massOrgKind, null);
  }

  @FieldResolver(() => String, { nullable: true })
  validFrom(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return ifInside<string | null>(ctx, unit.id, () => unit.validFrom, null);
  }

  @FieldResolver(() => String, { nullable: true })
  validTo(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return ifInside(ctx, unit.id, () => unit.validTo, null);
  }

  @FieldResolver(() => Int, { nullable: true })
  version(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): number | null | Promise<number | null> {
    return ifInside<number | null>(ctx, unit.id, () => unit.version, null);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true, description: 'Đơn vị cấp trên trực tiếp (null ở đỉnh phạm vi của người xem)' })
  parent(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): OrgUnitEntity | null | Promise<OrgUnitEntity | null> {
    const date = asOf(unit, ctx);
    // Joined by the page statement (org-unit.page.ts); a caller without restriction sees inside every unit.
    const known = ctx.scope.isUnrestricted ? joinedParent(unit, date) : undefined;
    if (known !== undefined) return known && known.asOf !== date ? carry([known], date)[0] : known;
    return this.parentChecked(unit, ctx, date);
  }

  private async parentChecked(unit: OrgUnitEntity, ctx: Context, date: string): Promise<OrgUnitEntity | null> {
    if (!(await seesInside(ctx, unit.id))) return null;
    const parent = await ctx.loaders.parentOf.load(datedKey(unit.id, date));
    if (!parent || !(await seesInside(ctx, parent.id))) return null;
    return carry([parent], date)[0];
  }

  // Declared after `parent`: the stock provider maps a fetched `parent { id }` to the `parentId` argument as well,
  // and the record's later key wins, so the edited `parentId` comes last in the type (stock-client spec).
  @FieldResolver(() => ID, { nullable: true, description: 'Đơn vị cấp trên trực tiếp tại ngày đọc cây (null ở đỉnh phạm vi của người xem)' })
  parentId(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): number | null | Promise<number | null> {
    const parent = this.parent(unit, ctx);
    return parent instanceof Promise ? parent.then((p) => p?.id ?? null) : (parent?.id ?? null);
  }

  @FieldResolver(() => [OrgUnitEntity], { description: 'Các đơn vị trực thuộc trong phạm vi của người xem' })
  async children(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): Promise<OrgUnitEntity[]> {
    if (!(await seesInside(ctx, unit.id))) return [];
    const date = asOf(unit, ctx);
    // A unit that sat here at an earlier date but has moved outside the caller's subtrees since stays hidden.
    return carry(await insideOnly(ctx, await ctx.loaders.childrenOf.load(datedKey(unit.id, date))), date);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Số đơn vị trực thuộc trực tiếp' })
  childCount(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): number | null | Promise<number | null> {
    // Counted by the page statement only for a caller without restriction (org-unit.page.ts).
    const known = joinedChildCount(unit, asOf(unit, ctx));
    if (known !== undefined) return known;
    return this.childCountChecked(unit, ctx);
  }

  private async childCountChecked(unit: OrgUnitEntity, ctx: Context): Promise<number | null> {
    if (!(await seesInside(ctx, unit.id))) return null;
    return (await insideOnly(ctx, await ctx.loaders.childrenOf.load(datedKey(unit.id, asOf(unit, ctx))))).length;
  }

  @FieldResolver(() => [OrgUnitEntity], { description: 'Các cấp trên, từ cấp trên trực tiếp đến gốc (trong phạm vi)' })
  async ancestors(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): Promise<OrgUnitEntity[]> {
    if (!(await seesInside(ctx, unit.id))) return [];
    const date = asOf(unit, ctx);
    const ids = await ctx.loaders.ancestorIds.load(datedKey(unit.id, date));
    const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
    const found = await ctx.loaders.unitById.loadMany(ids.filter((id) => !scope || scope.has(id)));
    return carry(found.filter((u): u is OrgUnitEntity => u instanceof OrgUnitEntity), date);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Số đảng viên của cả cây con tại ngày đọc cây' })
  memberCount(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): number | null | Promise<number | null> {
    const date = asOf(unit, ctx);
    return ifInside<number | null>(ctx, unit.id, () => joinedMemberCount(unit, date) ?? ctx.loaders.memberCount.load(datedKey(unit.id, date)), null);
  }

  @FieldResolver(() => [CommitteeTermEntity])
  terms(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): CommitteeTermEntity[] | Promise<CommitteeTermEntity[]> {
    return ifInside<CommitteeTermEntity[]>(ctx, unit.id, () => ctx.loaders.termsOf.load(unit.id), []);
  }

  @FieldResolver(() => [HeadCountEntity], { description: 'Số đoàn viên, hội viên, nhân dân theo từng thời điểm (mới nhất trước)' })
  headCounts(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): HeadCountEntity[] | Promise<HeadCountEntity[]> {
    return ifInside<HeadCountEntity[]>(ctx, unit.id, () => ctx.loaders.headCountsOf.load(unit.id), []);
  }
}
