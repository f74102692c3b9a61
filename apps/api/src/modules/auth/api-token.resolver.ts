/** Read-only API tokens for analytics tools: created by an admin for a unit, shown once, listed, revocable. */
import { Capability } from '@dangbo/shared-types';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { IsNull } from 'typeorm';
import { Context } from '../../context';
import { BadInputError } from '../../core/errors';
import { parseDate, parseId, requiredText } from '../../core/input';
import { defineList } from '../../core/list';
import { BaseFilter, listArgsFor, ListMetadata } from '../../graphql/list-args';
import { runMutation } from '../audit/audit.service';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { refuseIfEnded } from '../org-unit/unit-life.rules';
import { ApiTokenEntity } from './api-token.entity';
import { sha256, signApiToken } from './tokens';

@InputType()
class ApiTokenFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  unitId?: string;
}

const apiTokenLists = listArgsFor(ApiTokenFilter);

@ArgsType()
class ApiTokenListArgs extends apiTokenLists.ListArgs {}

@ArgsType()
class ApiTokenMetaArgs extends apiTokenLists.MetaArgs {}

/** Tokens of units in the caller's subtrees. */
const apiTokenList = defineList<ApiTokenEntity, ApiTokenFilter>({
  type: ApiTokenEntity,
  alias: 't',
  label: 'mã truy cập',
  scope: { column: 't.unitId' },
  search: [{ sql: 't.name', kind: 'text' }],
  filter(qb, filter) {
    if (filter.unitId) qb.andWhere('t.unitId = :unitId', { unitId: parseId('filter.unitId', filter.unitId) });
  },
  // The secret is shown once, at creation, and never stored readable: nothing to order by.
  unsortable: ['secret'],
  defaultSort: 'createdAt',
  defaultOrder: 'DESC',
});

const DEFAULT_DAYS = 365;

@Resolver(() => ApiTokenEntity)
export class ApiTokenResolver {
  @Authorized(Capability.MANAGE_TOKENS)
  @Query(() => ApiTokenEntity, { name: 'ApiToken' })
  apiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return apiTokenList.get(ctx, parseId('id', id));
  }

  @Authorized(Capability.MANAGE_TOKENS)
  @Query(() => [ApiTokenEntity])
  allApiTokens(@Args(() => ApiTokenListArgs) args: ApiTokenListArgs, @Ctx() ctx: Context) {
    return apiTokenList.list(ctx, args, args.filter);
  }

  @Authorized(Capability.MANAGE_TOKENS)
  @Query(() => ListMetadata)
  async _allApiTokensMeta(@Args(() => ApiTokenMetaArgs) args: ApiTokenMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await apiTokenList.count(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_TOKENS)
  @Mutation(() => ApiTokenEntity, { description: 'Tạo mã truy cập chỉ đọc; mã (secret) chỉ hiện một lần' })
  async createApiToken(
    @Arg('name', () => String) nameArg: string,
    @Arg('unitId', () => ID) unitIdArg: string,
    @Arg('expiresOn', () => String, { nullable: true }) expiresOn: string | null,
    @Ctx() ctx: Context,
  ): Promise<ApiTokenEntity> {
    const name = requiredText('name', nameArg, 'Tên mã truy cập', 200);
    const unitId = parseId('unitId', unitIdArg);
    const expiresAt = expiresOn ? new Date(`${parseDate('expiresOn', expiresOn, 'Ngày hết hạn')}T23:59:59+07:00`) : new Date(Date.now() + DEFAULT_DAYS * 86400000);
    if (expiresAt.getTime() <= Date.now()) throw new BadInputError('expiresOn', 'Ngày hết hạn phải sau hôm nay');
    // A token on an ended unit would read nothing (its grant grants nothing); say so instead of minting it.
    const unit = await ctx.em.findOne(OrgUnitEntity, { where: { id: unitId } });
    if (unit && (await ctx.scope.includesUnit(ctx.em, ctx.today, unitId))) refuseIfEnded(unit, ctx.today, 'tạo mã truy cập ở đơn vị này (mã ở đơn vị đã kết thúc không đọc được gì)');
    await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_TOKENS, unitId, 'tạo mã truy cập');
    return runMutation(ctx, 'createApiToken', async ({ em, audit }) => {
      const row = await em.save(em.create(ApiTokenEntity, { name, unitId, tokenHash: '0'.repeat(64), createdBy: ctx.actor?.userId ?? 0, expiresAt, lastUsedAt: null, revokedAt: null }));
      const secret = signApiToken(ctx.config.authSecret, row.id, expiresAt);
      await em.update(ApiTokenEntity, { id: row.id }, { tokenHash: sha256(secret) });
      await audit({ entity: 'ApiToken', entityId: row.id, before: null, after: { name, unitId, expiresAt }, unitId });
      return Object.assign(row, { secret });
    });
  }

  @Authorized(Capability.MANAGE_TOKENS)
  @Mutation(() => ApiTokenEntity)
  async revokeApiToken(@Arg('id', () => ID) idArg: string, @Ctx() ctx: Context): Promise<ApiTokenEntity> {
    const id = parseId('id', idArg);
    const row = await apiTokenList.get(ctx, id);
    await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_TOKENS, row.unitId, 'thu hồi mã truy cập');
    return runMutation(ctx, 'revokeApiToken', async ({ em, audit }) => {
      const revokedAt = new Date();
      await em.update(ApiTokenEntity, { id, revokedAt: IsNull() }, { revokedAt });
      await audit({ entity: 'ApiToken', entityId: id, before: { revokedAt: row.revokedAt }, after: { revokedAt }, unitId: row.unitId });
      return { ...row, revokedAt: row.revokedAt ?? revokedAt };
    });
  }
}
