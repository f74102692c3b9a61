/** The audit log: readable within one's scope by those who may read it; no mutation can change or delete it. */
import { Capability } from '@dangbo/shared-types';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { parseDate, parseId } from '../../graphql/input';
import { BaseFilter, listArgsFor, ListMetadata, toOrder, toPaging } from '../../graphql/list-args';
import { AuditEntryEntity } from './audit.entity';

@InputType()
class AuditEntryFilter extends BaseFilter {
  @Field(() => String, { nullable: true })
  entity?: string;

  @Field(() => String, { nullable: true })
  entityId?: string;

  @Field(() => String, { nullable: true })
  operation?: string;

  @Field(() => ID, { nullable: true })
  userId?: string;

  /** From this date (YYYY-MM-DD, inclusive). */
  @Field(() => String, { nullable: true })
  from?: string;

  /** Up to this date (inclusive). */
  @Field(() => String, { nullable: true })
  to?: string;
}

const auditLists = listArgsFor(AuditEntryFilter);

@ArgsType()
class AuditListArgs extends auditLists.ListArgs {}

@ArgsType()
class AuditMetaArgs extends auditLists.MetaArgs {}

async function auditQuery(ctx: Context, f: AuditEntryFilter = {}) {
  const qb = ctx.em.createQueryBuilder(AuditEntryEntity, 'a');
  const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
  // Entries of no unit (logins, account changes outside any subtree) are for system administrators only.
  if (scope) qb.andWhere('a.unitId IN (:...scope)', { scope: scope.size ? [...scope] : [0] });
  if (f.ids) qb.andWhere('a.id IN (:...ids)', { ids: f.ids.length ? f.ids.map((id) => parseId('filter.ids', id)) : [0] });
  if (f.q?.trim()) qb.andWhere('(a.operation LIKE :q OR a.entity LIKE :q OR a.actor LIKE :q)', { q: `%${f.q.trim()}%` });
  if (f.entity) qb.andWhere('a.entity = :entity', { entity: f.entity });
  if (f.entityId) qb.andWhere('a.entityId = :entityId', { entityId: f.entityId });
  if (f.operation) qb.andWhere('a.operation = :operation', { operation: f.operation });
  if (f.userId) qb.andWhere('a.userId = :userId', { userId: parseId('filter.userId', f.userId) });
  if (f.from) qb.andWhere('a.at >= :from', { from: `${parseDate('filter.from', f.from)} 00:00:00` });
  if (f.to) qb.andWhere('a.at <= :to', { to: `${parseDate('filter.to', f.to)} 23:59:59.999` });
  return qb;
}

@Resolver(() => AuditEntryEntity)
export class AuditEntryResolver {
  @Authorized(Capability.READ_AUDIT)
  @Query(() => AuditEntryEntity, { name: 'AuditEntry', nullable: true })
  async auditEntry(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return (await auditQuery(ctx, { ids: [id] })).getOne();
  }

  @Authorized(Capability.READ_AUDIT)
  @Query(() => [AuditEntryEntity])
  async allAuditEntries(@Args(() => AuditListArgs) args: AuditListArgs, @Ctx() ctx: Context) {
    const { offset, limit } = toPaging(args, ctx.config.maxPerPage);
    const { columns, direction } = toOrder(args, { at: ['a.at'], id: ['a.id'], operation: ['a.operation'], entity: ['a.entity'], actor: ['a.actor'] }, 'at');
    const qb = await auditQuery(ctx, args.filter);
    columns.forEach((c) => qb.addOrderBy(c, args.sortOrder ? direction : 'DESC'));
    return qb.addOrderBy('a.id', 'DESC').offset(offset).limit(limit).getMany();
  }

  @Authorized(Capability.READ_AUDIT)
  @Query(() => ListMetadata)
  async _allAuditEntriesMeta(@Args(() => AuditMetaArgs) args: AuditMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await (await auditQuery(ctx, args.filter)).getCount() };
  }
}
