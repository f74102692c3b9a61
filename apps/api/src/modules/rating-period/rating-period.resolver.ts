/** Rating periods (a year or a quarter) declared by a unit; the standing committee (DECIDE) keeps them. */
import { Capability, PeriodKind } from '@dangbo/shared-types';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { BadInputError, ConflictError } from '../../core/errors';
import { parseId } from '../../core/input';
import { defineList } from '../../core/list';
import { BaseFilter, listArgsFor, ListMetadata } from '../../graphql/list-args';
import { runMutation } from '../audit/audit.service';
import { CriteriaSetEntity } from '../criteria/criteria.entity';
import { ancestorIdsOf } from '../org-unit/tree.queries';
import { RatingPeriodEntity } from './rating-period.entity';

@InputType()
class RatingPeriodFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => Int, { nullable: true })
  year?: number;
}

const ratingPeriodLists = listArgsFor(RatingPeriodFilter);

@ArgsType()
class RatingPeriodListArgs extends ratingPeriodLists.ListArgs {}

@ArgsType()
class RatingPeriodMetaArgs extends ratingPeriodLists.MetaArgs {}

@ArgsType()
class CreateRatingPeriodArgs {
  @Field(() => ID)
  unitId!: string;

  @Field(() => PeriodKind)
  kind!: PeriodKind;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true })
  quarter?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function periodDates(kind: PeriodKind, year: number, quarter: number) {
  if (!(year >= 2000 && year <= 2100)) throw new BadInputError('year', 'Năm phải từ 2000 đến 2100');
  if (kind === PeriodKind.YEAR) return { quarter: 0, name: `Năm ${year}`, startDate: `${year}-01-01`, endDate: `${year}-12-31` };
  if (!(quarter >= 1 && quarter <= 4)) throw new BadInputError('quarter', 'Quý phải từ 1 đến 4');
  const endMonth = quarter * 3;
  const endDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return { quarter, name: `Quý ${quarter}/${year}`, startDate: `${year}-${pad(endMonth - 2)}-01`, endDate: `${year}-${pad(endMonth)}-${pad(endDay)}` };
}

/** Periods of one's subtree and of the units above it (whose periods one is rated in). */
async function periodOwners(ctx: Context): Promise<number[] | null> {
  const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
  if (!scope) return null;
  const above = await ancestorIdsOf(ctx.em, ctx.scope.rootIds ?? [], ctx.today);
  return [...new Set([...scope, ...[...above.values()].flat()])];
}

const periodList = defineList<RatingPeriodEntity, RatingPeriodFilter>({
  type: RatingPeriodEntity,
  alias: 'p',
  label: 'kỳ đánh giá',
  scope: { units: periodOwners, column: 'p.unitId' },
  search: [{ sql: 'p.name', kind: 'text' }],
  filter(qb, f) {
    if (f.unitId) qb.andWhere('p.unitId = :unitId', { unitId: parseId('filter.unitId', f.unitId) });
    if (f.year) qb.andWhere('p.year = :year', { year: f.year });
  },
  // Most recent first; a client's sortField and sortOrder replace this.
  sorts: { startDate: ['p.startDate', 'p.endDate'].map((sql) => ({ sql })) },
  defaultSort: 'startDate',
  defaultOrder: 'DESC',
});

@Resolver(() => RatingPeriodEntity)
export class RatingPeriodResolver {
  @Authorized()
  @Query(() => RatingPeriodEntity, { name: 'RatingPeriod' })
  ratingPeriod(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return periodList.get(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [RatingPeriodEntity])
  allRatingPeriods(@Args(() => RatingPeriodListArgs) args: RatingPeriodListArgs, @Ctx() ctx: Context) {
    return periodList.list(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allRatingPeriodsMeta(@Args(() => RatingPeriodMetaArgs) args: RatingPeriodMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await periodList.count(ctx, args.filter) };
  }

  @Authorized(Capability.DECIDE)
  @Mutation(() => RatingPeriodEntity)
  async createRatingPeriod(@Args(() => CreateRatingPeriodArgs) args: CreateRatingPeriodArgs, @Ctx() ctx: Context) {
    const unitId = parseId('unitId', args.unitId);
    const dates = periodDates(args.kind, args.year, args.quarter ?? 0);
    await ctx.access.require(ctx.em, ctx.today, Capability.DECIDE, unitId, 'mở kỳ đánh giá');
    return runMutation(ctx, 'createRatingPeriod', async ({ em, audit }) => {
      if (await em.exists(RatingPeriodEntity, { where: { unitId, year: args.year, quarter: dates.quarter } })) throw new ConflictError(`Đã có kỳ "${dates.name}" cho đơn vị này`);
      const period = await em.save(em.create(RatingPeriodEntity, { unitId, kind: args.kind, year: args.year, ...dates, lockedAt: null }));
      await audit({ entity: 'RatingPeriod', entityId: period.id, before: null, after: period, unitId });
      return period;
    });
  }

  @Authorized(Capability.DECIDE)
  @Mutation(() => RatingPeriodEntity)
  async deleteRatingPeriod(@Arg('id', () => ID) idArg: string, @Ctx() ctx: Context) {
    const id = parseId('id', idArg);
    const period = await periodList.get(ctx, id);
    await ctx.access.require(ctx.em, ctx.today, Capability.DECIDE, period.unitId, 'xóa kỳ đánh giá');
    return runMutation(ctx, 'deleteRatingPeriod', async ({ em, audit }) => {
      if (await em.exists(CriteriaSetEntity, { where: { periodId: id } })) throw new ConflictError('Kỳ đánh giá đã có bộ tiêu chí; không xóa được');
      await em.delete(RatingPeriodEntity, { id });
      await audit({ entity: 'RatingPeriod', entityId: id, before: period, after: null, unitId: period.unitId });
      return { ...period, id };
    });
  }
}
