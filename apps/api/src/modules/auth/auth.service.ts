/** Login, the signed-in user, and changing one's own password. */
import { Context } from '../../context';
import { BadInputError, ForbiddenError, UnauthenticatedError } from '../../core/errors';
import { runMutation } from '../audit/audit.service';
import { UserEntity } from '../user/user.entity';
import { unitOfUser } from '../user/user.service';
import { recordLoginSuccess, takeLoginAttempt } from './login-limiter';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { signUserToken } from './tokens';

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng';
// Compared against when the username does not exist, so both cases take the same time.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function login(ctx: Context, usernameArg: string, password: string) {
  const username = usernameArg.trim().toLowerCase();
  await takeLoginAttempt(ctx.dataSource, username, ctx.clientAddress);
  // Usernames are ASCII: any other text names no account (and must not reach the ascii column as a parameter).
  const user = /^[\x20-\x7e]+$/.test(username) ? await ctx.em.findOne(UserEntity, { where: { username } }) : null;
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) throw new UnauthenticatedError(WRONG);
  if (user.demo && ctx.config.nodeEnv === 'production') throw new UnauthenticatedError('Tài khoản trình diễn không dùng được khi chạy thật');
  await recordLoginSuccess(ctx.dataSource, username, ctx.clientAddress);
  const actorCtx = { ...ctx, actor: { userId: user.id, tokenId: null, name: user.username } };
  return runMutation(actorCtx, 'login', async ({ em, audit }) => {
    const at = new Date();
    await em.update(UserEntity, { id: user.id }, { lastLoginAt: at });
    await audit({ entity: 'User', entityId: user.id, before: null, after: { lastLoginAt: at }, unitId: await unitOfUser(em, user.id) });
    const token = signUserToken(ctx.config.authSecret, user.id, user.passwordVersion, ctx.config.tokenTtlSeconds);
    return { token, user: { ...user, lastLoginAt: at }, expiresAt: new Date(at.getTime() + ctx.config.tokenTtlSeconds * 1000) };
  });
}

export async function me(ctx: Context): Promise<UserEntity | null> {
  if (!ctx.actor?.userId) return null;
  return ctx.em.findOne(UserEntity, { where: { id: ctx.actor.userId } });
}

export async function changeOwnPassword(ctx: Context, oldPassword: string, newPassword: string): Promise<boolean> {
  if (!ctx.actor?.userId) throw new ForbiddenError('Mã truy cập phân tích không có mật khẩu');
  const userId = ctx.actor.userId;
  const problem = passwordProblem(newPassword);
  if (problem) throw new BadInputError('newPassword', problem);
  const user = await ctx.em.findOneOrFail(UserEntity, { where: { id: userId } });
  if (!(await verifyPassword(oldPassword, user.passwordHash))) throw new BadInputError('oldPassword', 'Mật khẩu hiện tại không đúng');
  const passwordHash = await hashPassword(newPassword);
  return runMutation(ctx, 'changeOwnPassword', async ({ em, audit }) => {
    await em.update(UserEntity, { id: userId }, { passwordHash, passwordVersion: user.passwordVersion + 1 });
    await audit({
      entity: 'User',
      entityId: userId,
      before: { passwordVersion: user.passwordVersion },
      after: { passwordVersion: user.passwordVersion + 1 },
      unitId: await unitOfUser(em, userId),
    });
    return true;
  });
}
