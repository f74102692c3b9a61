import { Role } from '@dangbo/shared-types';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { bulkUpdateArgsFor } from '../../graphql/bulk';
import { BaseFilter, listArgsFor } from '../../graphql/list-args';

@InputType()
export class UserFilter extends BaseFilter {
  /** Users holding a role on this unit or below it. */
  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => Role, { nullable: true })
  role?: Role;
}

const userLists = listArgsFor(UserFilter);

@ArgsType()
export class UserListArgs extends userLists.ListArgs {}

@ArgsType()
export class UserMetaArgs extends userLists.MetaArgs {}

@ArgsType()
export class CreateUserArgs {
  @Field(() => String)
  username!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String)
  password!: string;

  /** The first role, so the account is never outside every subtree. */
  @Field(() => Role)
  role!: Role;

  @Field(() => ID)
  unitId!: string;
}

@ArgsType()
export class UpdateUserArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  displayName?: string;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;

  /** An administrator's password reset. */
  @Field(() => String, { nullable: true })
  password?: string;

  @Field(() => Int, { nullable: true })
  version?: number;
}

@InputType()
export class RoleGrantFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  userId?: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;
}

const roleGrantLists = listArgsFor(RoleGrantFilter);

@ArgsType()
export class RoleGrantListArgs extends roleGrantLists.ListArgs {}

@ArgsType()
export class RoleGrantMetaArgs extends roleGrantLists.MetaArgs {}

@ArgsType()
export class CreateRoleGrantArgs {
  @Field(() => ID)
  userId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID)
  unitId!: string;
}

/** What `updateUsers` sets on every chosen account: locking or unlocking it (never a shared password). */
@InputType('UserPatch')
export class UserPatch {
  @Field(() => Boolean, { nullable: true })
  active?: boolean;
}

@ArgsType()
export class UpdateUsersArgs extends bulkUpdateArgsFor(UserPatch) {}
