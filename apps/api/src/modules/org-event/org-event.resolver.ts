/**
 * The event log (read-only list and show in the ra-data-graphql-simple grammar), the one mutation that applies an
 * event, and the fields a unit gains from it: its name as of the tree's date, what it was made of, what it became.
 */
import { Capability } from '@dangbo/shared-types';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { parseDate, parseId } from '../../core/input';
import { ListMetadata } from '../../graphql/list-args';
import { defineList } from '../../core/list';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { seesInside } from '../org-unit/unit-visibility';
import { OrgEventEntity, OrgEventUnitRole, OrgLineageEntity } from './org-event.entity';
import { OrgEventFilter, OrgEventListArgs, OrgEventMetaArgs, RestructureArgs, RestructureResult } from './org-event.input';
import { restructureUnits } from './restructure.service';
import { dayBefore } from '@dangbo/vn';

/** Events that touched a unit the caller reads (its inherited history included). */
const eventList = defineList<OrgEventEntity, OrgEventFilter>({
  type: OrgEventEntity,
  alias: 'e',
  label: 'sự kiện tổ chức',
  scope: {
    apply: (qb, units) =>
      qb.andWhere('EXISTS (SELECT 1 FROM org_event_unit su WHERE su.eventId = e.id AND su.unitId IN (:...eventScope))', { eventScope: units.length ? units : [0] }),
  },
  search: [
    { sql: 'e.decisionNumber', kind: 'text' },
    { sql: 'e.note', kind: 'text' },
  ],
  filter(qb, f) {
    if (f.unitId) qb.andWhere('EXISTS (SELECT 1 FROM org_event_unit fu WHERE fu.eventId = e.id AND fu.unitId = :fUnit)', { fUnit: parseId('filter.unitId', f.unitId) });
    if (f.type) qb.andWhere('e.type = :type', { type: f.type });
    if (f.from) qb.andWhere('e.effectiveDate >= :from', { from: parseDate('filter.from', f.from) });
    if (f.to) qb.andWhere('e.effectiveDate <= :to', { to: parseDate('filter.to', f.to) });
  },
  defaultSort: 'effectiveDate',
  defaultOrder: 'DESC',
});

/** A unit reached through the event log, read at the date that makes sense there (its name then). */
async function unitAt(ctx: Context, id: number, asOf: string): Promise<OrgUnitEntity | null> {
  const unit = await ctx.loaders.unitById.load(id);
  return unit ? Object.assign(Object.create(Object.getPrototypeOf(unit)), unit, { asOf }) : null;
}

@Resolver(() => OrgEventEntity)
export class OrgEventResolver {
  @Authorized()
  @Query(() => OrgEventEntity, { name: 'OrgEvent' })
  orgEvent(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return eventList.get(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [OrgEventEntity])
  allOrgEvents(@Args(() => OrgEventListArgs) args: OrgEventListArgs, @Ctx() ctx: Context) {
    return eventList.list(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allOrgEventsMeta(@Args(() => OrgEventMetaArgs) args: OrgEventMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await eventList.count(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_UNITS)
  @Mutation(() => RestructureResult, { description: 'Áp dụng (hoặc chạy thử) một sự kiện tổ chức: hợp nhất, sáp nhập, chia tách, đổi tên, chuyển, kết thúc, thành lập' })
  restructureUnits(@Args(() => RestructureArgs) args: RestructureArgs, @Ctx() ctx: Context) {
    return restructureUnits(ctx, args.input, args.dryRun);
  }

  @FieldResolver(() => [OrgUnitEntity], { description: 'Các đơn vị mà sự kiện tác động (kết thúc, đổi tên, chuyển)' })
  sources(@Root() event: OrgEventEntity, @Ctx() ctx: Context) {
    return this.units(event, ctx, OrgEventUnitRole.SOURCE, dayBefore(event.effectiveDate));
  }

  @FieldResolver(() => [OrgUnitEntity], { description: 'Các đơn vị hình thành (hoặc nhận sáp nhập) sau sự kiện' })
  results(@Root() event: OrgEventEntity, @Ctx() ctx: Context) {
    return this.units(event, ctx, OrgEventUnitRole.RESULT, event.effectiveDate);
  }

  private async units(event: OrgEventEntity, ctx: Context, role: OrgEventUnitRole, asOf: string): Promise<OrgUnitEntity[]> {
    const rows = (await ctx.loaders.unitsOfEvent.load(event.id)).filter((r) => r.role === role);
    const found = await Promise.all(rows.map((r) => unitAt(ctx, r.unitId, asOf)));
    return found.filter((u): u is OrgUnitEntity => u !== null);
  }
}

@Resolver(() => OrgLineageEntity)
export class OrgLineageResolver {
  @FieldResolver(() => OrgUnitEntity, { nullable: true, description: 'Đơn vị trước sự kiện (tên khi đó)' })
  predecessor(@Root() row: OrgLineageEntity, @Ctx() ctx: Context) {
    return unitAt(ctx, row.predecessorId, dayBefore(row.effectiveDate));
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true, description: 'Đơn vị sau sự kiện' })
  successor(@Root() row: OrgLineageEntity, @Ctx() ctx: Context) {
    return unitAt(ctx, row.successorId, row.effectiveDate);
  }
}

/** What a unit gains from the event log. The name is public like id and kind; lineage only inside the scope. */
@Resolver(() => OrgUnitEntity)
export class OrgUnitLineageFieldsResolver {
  @FieldResolver(() => String, { description: 'Tên đơn vị tại ngày đọc cây (tên cũ trước ngày đổi tên)' })
  // Without a promise for the current name (nearly every unit shown): a page of 500 members with their cells and
  // communes then completes synchronously (BENCHMARKS.md, members page).
  name(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): string | Promise<string> {
    const asOf = unit.asOf ?? ctx.today;
    if (!unit.nameFrom || asOf >= unit.nameFrom) return unit.name;
    return ctx.loaders.earlierName.load(`${unit.id}@${asOf}`).then((earlier) => earlier ?? unit.name);
  }

  @FieldResolver(() => [OrgLineageEntity], { description: 'Đơn vị này được hình thành từ những đơn vị nào' })
  async predecessors(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): Promise<OrgLineageEntity[]> {
    return (await seesInside(ctx, unit.id)) ? ctx.loaders.predecessorsOf.load(unit.id) : [];
  }

  @FieldResolver(() => [OrgLineageEntity], { description: 'Đơn vị này đã trở thành (một phần của) những đơn vị nào' })
  async successors(@Root() unit: OrgUnitEntity, @Ctx() ctx: Context): Promise<OrgLineageEntity[]> {
    return (await seesInside(ctx, unit.id)) ? ctx.loaders.successorsOf.load(unit.id) : [];
  }
}
