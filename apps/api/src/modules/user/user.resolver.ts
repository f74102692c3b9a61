import { Capability } from '@dangbo/shared-types';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { parseId } from '../../core/input';
import { BulkIdsArgs, BulkResult } from '../../graphql/bulk';
import { ListMetadata } from '../../graphql/list-args';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { CreateRoleGrantArgs, CreateUserArgs, RoleGrantListArgs, RoleGrantMetaArgs, UpdateUserArgs, UpdateUsersArgs, UserListArgs, UserMetaArgs } from './user.input';
import { grantInForce } from './grant-in-force';
import { RoleGrantEntity, UserEntity } from './user.entity';
import * as users from './user.service';

@Resolver(() => UserEntity)
export class UserResolver {
  @Authorized()
  @Query(() => UserEntity, { name: 'User' })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return users.getUser(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [UserEntity])
  allUsers(@Args(() => UserListArgs) args: UserListArgs, @Ctx() ctx: Context) {
    return users.listUsers(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allUsersMeta(@Args(() => UserMetaArgs) args: UserMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await users.countUsers(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_USERS)
  @Mutation(() => UserEntity)
  createUser(@Args(() => CreateUserArgs) args: CreateUserArgs, @Ctx() ctx: Context) {
    return users.createUser(ctx, args);
  }

  @Authorized(Capability.MANAGE_USERS)
  @Mutation(() => UserEntity, { description: 'Sửa tài khoản; có mật khẩu mới là đặt lại mật khẩu' })
  updateUser(@Args(() => UpdateUserArgs) args: UpdateUserArgs, @Ctx() ctx: Context) {
    return users.updateUser(ctx, args);
  }

  @Authorized(Capability.MANAGE_USERS)
  @Mutation(() => UserEntity)
  deleteUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return users.deleteUser(ctx, id);
  }

  @Authorized(Capability.MANAGE_USERS)
  @Mutation(() => BulkResult, { description: 'Khóa/mở nhiều tài khoản: tất cả hoặc không tài khoản nào' })
  updateUsers(@Args(() => UpdateUsersArgs) args: UpdateUsersArgs, @Ctx() ctx: Context) {
    return users.updateUsers(ctx, args.ids, args.data);
  }

  @Authorized(Capability.MANAGE_USERS)
  @Mutation(() => BulkResult, { description: 'Xóa nhiều tài khoản: tất cả hoặc không tài khoản nào' })
  deleteUsers(@Args(() => BulkIdsArgs) args: BulkIdsArgs, @Ctx() ctx: Context) {
    return users.deleteUsers(ctx, args.ids);
  }

  @FieldResolver(() => [RoleGrantEntity], {
    description: 'Vai trò đang có hiệu lực hôm nay của tài khoản, trong phạm vi của người xem (mọi vai trò, kể cả đã hết hiệu lực: allRoleGrants)',
  })
  async roles(@Root() user: UserEntity, @Ctx() ctx: Context): Promise<RoleGrantEntity[]> {
    const grants = await ctx.loaders.grantsOfUser.load(user.id);
    // A grant that has ended, or sits on a unit that ended in a reorganisation, grants nothing today: the panel reads
    // this list as "what the account may do now" (its default units), the history stays in allRoleGrants.
    const units = await Promise.all(grants.map((g) => ctx.loaders.unitById.load(g.unitId)));
    const inForce = grants.filter((g, i) => grantInForce(g, units[i], ctx.today));
    const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
    // A role held elsewhere would name a unit outside the viewer's part of the tree.
    return scope ? inForce.filter((g) => scope.has(g.unitId)) : inForce;
  }
}

@Resolver(() => RoleGrantEntity)
export class RoleGrantResolver {
  @Authorized()
  @Query(() => RoleGrantEntity, { name: 'RoleGrant' })
  roleGrant(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return users.getRoleGrant(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [RoleGrantEntity])
  allRoleGrants(@Args(() => RoleGrantListArgs) args: RoleGrantListArgs, @Ctx() ctx: Context) {
    return users.listRoleGrants(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allRoleGrantsMeta(@Args(() => RoleGrantMetaArgs) args: RoleGrantMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await users.countRoleGrants(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_USERS)
  @Mutation(() => RoleGrantEntity)
  createRoleGrant(@Args(() => CreateRoleGrantArgs) args: CreateRoleGrantArgs, @Ctx() ctx: Context) {
    return users.createRoleGrant(ctx, args);
  }

  @Authorized(Capability.MANAGE_USERS)
  @Mutation(() => RoleGrantEntity)
  deleteRoleGrant(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return users.deleteRoleGrant(ctx, id);
  }

  @Authorized(Capability.MANAGE_USERS)
  @Mutation(() => BulkResult, { description: 'Thu hồi nhiều vai trò: tất cả hoặc không vai trò nào' })
  deleteRoleGrants(@Args(() => BulkIdsArgs) args: BulkIdsArgs, @Ctx() ctx: Context) {
    return users.deleteRoleGrants(ctx, args.ids);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true })
  async unit(@Root() grant: RoleGrantEntity, @Ctx() ctx: Context) {
    if (!(await ctx.scope.includesUnit(ctx.em, ctx.today, grant.unitId))) return null;
    return ctx.loaders.unitById.load(grant.unitId);
  }
}
