import { Capability } from '@dangbo/shared-types';
import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { UserEntity } from '../user/user.entity';
import * as auth from './auth.service';

@ObjectType()
export class AuthPayload {
  @Field(() => String)
  token!: string;

  @Field(() => UserEntity)
  user!: UserEntity;

  @Field(() => Date)
  expiresAt!: Date;
}

@ObjectType('Me', { description: 'Người đang đăng nhập: vai trò và các quyền (bảng quyền dùng chung với giao diện)' })
export class MeCapabilities {
  @Field(() => [Capability])
  capabilities!: Capability[];

  @Field(() => Boolean)
  readOnly!: boolean;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: 'Đăng nhập; mã trả về dùng trong Authorization: Bearer …' })
  login(@Arg('username', () => String) username: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context) {
    return auth.login(ctx, username, password);
  }

  @Authorized()
  @Query(() => UserEntity, { nullable: true, description: 'Tài khoản đang đăng nhập (null với mã truy cập phân tích)' })
  me(@Ctx() ctx: Context) {
    return auth.me(ctx);
  }

  @Authorized()
  @Query(() => MeCapabilities)
  myAccess(@Ctx() ctx: Context): MeCapabilities {
    return { capabilities: [...ctx.access.capabilities()], readOnly: ctx.access.readOnly };
  }

  @Authorized()
  @Mutation(() => Boolean)
  changeOwnPassword(@Arg('oldPassword', () => String) oldPassword: string, @Arg('newPassword', () => String) newPassword: string, @Ctx() ctx: Context) {
    return auth.changeOwnPassword(ctx, oldPassword, newPassword);
  }
}

