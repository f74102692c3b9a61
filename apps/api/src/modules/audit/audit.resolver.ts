/** The audit log: readable within one's scope by those who may read it; no mutation can change or delete it. */
import { Capability } from '@dangbo/shared-types';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { parseDate, parseId } from '../../core/input';
import { defineList } from '../../core/list';
import { BaseFilter, listArgsFor, ListMetadata } from '../../graphql/list-args';
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

/** Entries of no unit (logins, account changes outside any subtree) are for system administrators only. */
const auditList = defineList<AuditEntryEntity, AuditEntryFilter>({
  type: AuditEntryEntity,
  alias: 'a',
  label: 'mục nhật ký',
  scope: { column: 'a.unitId' },
  search: [
    { sql: 'a.operation', kind: 'text' },
    { sql: 'a.entity', kind: 'text' },
    { sql: 'a.actor', kind: 'text' },
  ],
  filter(qb, f) {
    if (f.entity) qb.andWhere('a.entity = :entity', { entity: f.entity });
    if (f.entityId) qb.andWhere('a.entityId = :entityId', { entityId: f.entityId });
    if (f.operation) qb.andWhere('a.operation = :operation', { operation: f.operation });
    if (f.userId) qb.andWhere('a.userId = :userId', { userId: parseId('filter.userId', f.userId) });
    if (f.from) qb.andWhere('a.at >= :from', { from: `${parseDate('filter.from', f.from)} 00:00:00` });
    if (f.to) qb.andWhere('a.at <= :to', { to: `${parseDate('filter.to', f.to)} 23:59:59.999` });
  },
  // Newest first unless the client asks otherwise.
  defaultSort: 'at',
  defaultOrder: 'DESC',
});

@Resolver(() => AuditEntryEntity)
export class AuditEntryResolver {
  @Authorized(Capability.READ_AUDIT)
  @Query(() => AuditEntryEntity, { name: 'AuditEntry' })
  auditEntry(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return auditList.get(ctx, parseId('id', id));
  }

  @Authorized(Capability.READ_AUDIT)
  @Query(() => [AuditEntryEntity])
  allAuditEntries(@Args(() => AuditListArgs) args: AuditListArgs, @Ctx() ctx: Context) {
    return auditList.list(ctx, args, args.filter);
  }

  @Authorized(Capability.READ_AUDIT)
  @Query(() => ListMetadata)
  async _allAuditEntriesMeta(@Args(() => AuditMetaArgs) args: AuditMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await auditList.count(ctx, args.filter) };
  }
}
