/**
 * Accounts and the roles they hold. A caller manages an account only where they hold MANAGE_USERS over every unit
 * the account has a role on, and grants roles only inside their own subtrees and never SYSTEM_ADMIN (unless they
 * are one).
 */
import { Capability, Role, ROLE_CAPABILITIES } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { updateVersioned } from '../../database/versioned-update';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError, staleVersionError } from '../../core/errors';
import { parseId, requiredText } from '../../core/input';
import { PageArgs } from '../../graphql/list-args';
import { defineList } from '../../core/list';
import { runBulk, runMutation } from '../audit/audit.service';
import { hashPassword, passwordProblem } from '../auth/password';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { subtreeUnitIds } from '../org-unit/tree.queries';
import { refuseIfEnded } from '../org-unit/unit-life.rules';
import { CreateRoleGrantArgs, CreateUserArgs, RoleGrantFilter, UpdateUserArgs, UserFilter, UserPatch } from './user.input';
import { RoleGrantEntity, UserEntity } from './user.entity';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,59}$/;

/** Accounts holding a role somewhere in the caller's subtrees. */
export const userList = defineList<UserEntity, UserFilter>({
  type: UserEntity,
  alias: 'u',
  label: 'tài khoản',
  scope: { apply: (qb, units) => qb.andWhere('EXISTS (SELECT 1 FROM role_grant g WHERE g.userId = u.id AND g.unitId IN (:...scope))', { scope: units.length ? units : [0] }) },
  search: [
    { sql: 'u.username', kind: 'ascii', compact: true },
    { sql: 'u.displayName', kind: 'text' },
  ],
  async filter(qb, filter, ctx) {
    if (filter.unitId || filter.role) {
      const units = filter.unitId ? await subtreeUnitIds(ctx.em, [parseId('filter.unitId', filter.unitId)], ctx.today) : null;
      qb.andWhere(
        `EXISTS (SELECT 1 FROM role_grant f WHERE f.userId = u.id ${units ? 'AND f.unitId IN (:...fUnits)' : ''} ${filter.role ? 'AND f.role = :fRole' : ''})`,
        { fUnits: units?.length ? units : [0], fRole: filter.role },
      );
    }
  },
  defaultSort: 'username',
});

export const listUsers = (ctx: Context, args: PageArgs, filter?: UserFilter) => userList.list(ctx, args, filter);
export const countUsers = (ctx: Context, filter?: UserFilter) => userList.count(ctx, filter);
export const findUser = (ctx: Context, id: number) => userList.find(ctx, id);
export const getUser = (ctx: Context, id: number) => userList.get(ctx, id);

/**
 * An account an admin may change or delete: one it could have made itself. Every role the account holds must be one
 * the admin could grant on that unit, so no one takes over an account that holds more than they could give.
 */
async function getManageableUser(ctx: Context, em: EntityManager, id: number): Promise<UserEntity> {
  const user = await findUser(ctx, id);
  if (!user) throw new NotFoundError('tài khoản', id);
  const grants = await em.find(RoleGrantEntity, { where: { userId: id } });
  if (grants.length === 0) await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_USERS, null, 'quản lý tài khoản');
  for (const g of grants) {
    if (!(await canGrant(ctx, g.role, g.unitId))) {
      throw new ForbiddenError('Bạn không quản lý được tài khoản này: nó giữ một vai trò mà bạn không trao được');
    }
  }
  return user;
}

/** Whether the caller could grant `role` on `unitId`: it manages accounts there and holds every capability of the role. */
async function canGrant(ctx: Context, role: Role, unitId: number): Promise<boolean> {
  if (role === Role.SYSTEM_ADMIN) return ctx.access.isSystemAdmin;
  if (!(await ctx.access.can(ctx.em, ctx.today, Capability.MANAGE_USERS, unitId))) return false;
  for (const capability of ROLE_CAPABILITIES[role]) {
    if (!(await ctx.access.can(ctx.em, ctx.today, capability, unitId))) return false;
  }
  return true;
}

/** Granting: inside one's own subtrees, and never a role above one's own. */
async function checkGrantable(ctx: Context, em: EntityManager, role: Role, unitId: number, granting = true): Promise<void> {
  const unit = await em.findOne(OrgUnitEntity, { where: { id: unitId } });
  if (!unit || !(await ctx.scope.includesUnit(ctx.em, ctx.today, unitId))) throw new BadInputError('unitId', `Không có đơn vị mã ${unitId} trong phạm vi của bạn`);
  // A grant on an ended unit would grant nothing (README "Scope across reorganisations"); removing an old one stays possible.
  if (granting) refuseIfEnded(unit, ctx.today, 'trao vai trò ở đơn vị này (vai trò ở đơn vị đã kết thúc không có hiệu lực)');
  if (role === Role.SYSTEM_ADMIN && !ctx.access.isSystemAdmin) throw new ForbiddenError('Chỉ quản trị hệ thống mới trao được vai trò quản trị hệ thống');
  await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_USERS, unitId, 'trao vai trò');
  if (!(await canGrant(ctx, role, unitId))) {
    throw new ForbiddenError('Bạn không trao được vai trò này: nó có quyền mà chính bạn không có ở đơn vị này');
  }
}

/**
 * An account that may receive a role from the caller: its home unit (the unit of its first role) lies in the
 * caller's subtrees. An unknown id and one managed elsewhere get the same answer, so ids reveal nothing.
 */
async function requireGrantee(ctx: Context, em: EntityManager, userId: number): Promise<void> {
  const exists = await em.exists(UserEntity, { where: { id: userId } });
  const home = exists ? await unitOfUser(em, userId) : null;
  const managed = exists && (ctx.scope.isUnrestricted || (home !== null && (await ctx.scope.includesUnit(ctx.em, ctx.today, home))));
  if (!managed) throw new NotFoundError('tài khoản', userId);
}

/** The unit an account change belongs to in the audit log: the account's first role (so unit admins see it). */
export async function unitOfUser(em: EntityManager, userId: number): Promise<number | null> {
  return (await em.findOne(RoleGrantEntity, { where: { userId }, order: { id: 'ASC' } }))?.unitId ?? null;
}

export async function createUser(ctx: Context, args: CreateUserArgs): Promise<UserEntity> {
  const username = args.username.trim().toLowerCase();
  if (!USERNAME.test(username)) throw new BadInputError('username', 'Tên đăng nhập gồm 3–60 chữ thường không dấu, số, dấu chấm, gạch');
  const displayName = requiredText('displayName', args.displayName, 'Họ tên hiển thị', 200);
  const problem = passwordProblem(args.password);
  if (problem) throw new BadInputError('password', problem);
  const unitId = parseId('unitId', args.unitId);
  const passwordHash = await hashPassword(args.password);
  return runMutation(ctx, 'createUser', async ({ em, audit }) => {
    await checkGrantable(ctx, em, args.role, unitId);
    if (await em.exists(UserEntity, { where: { username } })) throw new ConflictError(`Tên đăng nhập "${username}" đã có người dùng`, { field: 'username', reason: 'DUPLICATE' });
    const user = await em.save(em.create(UserEntity, { username, displayName, passwordHash, active: true, demo: false, lastLoginAt: null }));
    await em.insert(RoleGrantEntity, { userId: user.id, role: args.role, unitId });
    await audit({ entity: 'User', entityId: user.id, before: null, after: { username, displayName, role: args.role, unitId }, unitId });
    return user;
  });
}

export async function updateUser(ctx: Context, args: UpdateUserArgs): Promise<UserEntity> {
  const id = parseId('id', args.id);
  const displayName = args.displayName === undefined ? undefined : requiredText('displayName', args.displayName, 'Họ tên hiển thị', 200);
  if (args.password && id === ctx.actor?.userId) {
    throw new BadInputError('password', 'Đổi mật khẩu của chính mình bằng chức năng "Đổi mật khẩu", có nhập mật khẩu hiện tại');
  }
  if (args.password) {
    const problem = passwordProblem(args.password);
    if (problem) throw new BadInputError('password', problem);
  }
  const passwordHash = args.password ? await hashPassword(args.password) : undefined;
  return runMutation(ctx, 'updateUser', async ({ em, audit }) => {
    const user = await getManageableUser(ctx, em, id);
    if (args.version != null && args.version !== user.version) throw staleVersionError('Tài khoản');
    if (args.active === false && id === ctx.actor?.userId) throw new BadInputError('active', 'Không thể tự khóa tài khoản của mình');
    const changes: Partial<UserEntity> = {};
    if (displayName !== undefined) changes.displayName = displayName;
    if (args.active != null) changes.active = args.active;
    if (passwordHash) Object.assign(changes, { passwordHash, passwordVersion: user.passwordVersion + 1 });
    const saved = await updateVersioned(em, UserEntity, user, { ...user, ...changes }, 'Tài khoản');
    const safe = (u: UserEntity) => ({ displayName: u.displayName, active: u.active, passwordVersion: u.passwordVersion });
    await audit({ entity: 'User', entityId: id, before: safe(user), after: safe(saved), unitId: await unitOfUser(em, id) });
    return saved;
  });
}

export async function deleteUser(ctx: Context, idArg: string): Promise<UserEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteUser', async ({ em, audit }) => {
    const user = await getManageableUser(ctx, em, id);
    if (id === ctx.actor?.userId) throw new ConflictError('Không thể tự xóa tài khoản của mình');
    const unitId = await unitOfUser(em, id);
    await em.delete(RoleGrantEntity, { userId: id });
    await em.delete(UserEntity, { id });
    await audit({ entity: 'User', entityId: id, before: { username: user.username, displayName: user.displayName }, after: null, unitId });
    return { ...user, id };
  });
}

/** Grants on units of the caller's subtrees. */
export const roleGrantList = defineList<RoleGrantEntity, RoleGrantFilter>({
  type: RoleGrantEntity,
  alias: 'g',
  label: 'vai trò',
  scope: { column: 'g.unitId' },
  search: [{ sql: 'g.role', kind: 'text' }],
  filter(qb, filter) {
    if (filter.userId) qb.andWhere('g.userId = :userId', { userId: parseId('filter.userId', filter.userId) });
    if (filter.unitId) qb.andWhere('g.unitId = :unitId', { unitId: parseId('filter.unitId', filter.unitId) });
  },
  defaultSort: 'id',
});

export const listRoleGrants = (ctx: Context, args: PageArgs, filter?: RoleGrantFilter) => roleGrantList.list(ctx, args, filter);
export const countRoleGrants = (ctx: Context, filter?: RoleGrantFilter) => roleGrantList.count(ctx, filter);
export const findRoleGrant = (ctx: Context, id: number) => roleGrantList.find(ctx, id);
export const getRoleGrant = (ctx: Context, id: number) => roleGrantList.get(ctx, id);

export async function createRoleGrant(ctx: Context, args: CreateRoleGrantArgs): Promise<RoleGrantEntity> {
  const userId = parseId('userId', args.userId);
  const unitId = parseId('unitId', args.unitId);
  return runMutation(ctx, 'createRoleGrant', async ({ em, audit }) => {
    await requireGrantee(ctx, em, userId);
    await checkGrantable(ctx, em, args.role, unitId);
    if (await em.exists(RoleGrantEntity, { where: { userId, role: args.role, unitId } })) throw new ConflictError('Tài khoản đã có vai trò này ở đơn vị này');
    const grant = await em.save(em.create(RoleGrantEntity, { userId, role: args.role, unitId }));
    await audit({ entity: 'RoleGrant', entityId: grant.id, before: null, after: grant, unitId });
    return grant;
  });
}

export async function deleteRoleGrant(ctx: Context, idArg: string): Promise<RoleGrantEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteRoleGrant', async ({ em, audit }) => {
    const grant = await findRoleGrant(ctx, id);
    if (!grant) throw new NotFoundError('vai trò', id);
    await checkGrantable(ctx, em, grant.role, grant.unitId, false);
    await em.delete(RoleGrantEntity, { id });
    await audit({ entity: 'RoleGrant', entityId: id, before: grant, after: null, unitId: grant.unitId });
    return { ...grant, id };
  });
}

/** The single update's rules for each account, all or none (runBulk). */
export function updateUsers(ctx: Context, ids: string[], patch: UserPatch) {
  return runBulk(ctx, 'updateUsers', ids, (id) => updateUser(ctx, { ...patch, id }));
}

export function deleteUsers(ctx: Context, ids: string[]) {
  return runBulk(ctx, 'deleteUsers', ids, (id) => deleteUser(ctx, id));
}

export function deleteRoleGrants(ctx: Context, ids: string[]) {
  return runBulk(ctx, 'deleteRoleGrants', ids, (id) => deleteRoleGrant(ctx, id));
}
