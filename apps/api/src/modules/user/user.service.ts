/**
 * Accounts and the roles they hold. A caller manages an account only where they hold MANAGE_USERS over every unit
 * the account has a role on, and grants roles only inside their own subtrees and never SYSTEM_ADMIN (unless they
 * are one).
 */
import { Capability, Role, ROLE_CAPABILITIES } from '@dangbo/shared-types';
import { cleanText, foldForSearch } from '@dangbo/vn';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Context } from '../../context';
import { updateVersioned } from '../../database/versioned-update';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError, staleVersionError } from '../../graphql/errors';
import { parseId, requiredText } from '../../graphql/input';
import { PageArgs, toOrder, toPaging } from '../../graphql/list-args';
import { runMutation } from '../audit/audit.service';
import { hashPassword, passwordProblem } from '../auth/password';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { subtreeUnitIds } from '../org-unit/tree.queries';
import { CreateRoleGrantArgs, CreateUserArgs, RoleGrantFilter, UpdateUserArgs, UserFilter } from './user.input';
import { RoleGrantEntity, UserEntity } from './user.entity';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,59}$/;

async function visibleUserQuery(ctx: Context, filter: UserFilter = {}): Promise<SelectQueryBuilder<UserEntity>> {
  const qb = ctx.em.createQueryBuilder(UserEntity, 'u');
  const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
  if (scope) {
    qb.andWhere('EXISTS (SELECT 1 FROM role_grant g WHERE g.userId = u.id AND g.unitId IN (:...scope))', { scope: scope.size ? [...scope] : [0] });
  }
  if (filter.ids) qb.andWhere('u.id IN (:...ids)', { ids: filter.ids.length ? filter.ids.map((id) => parseId('filter.ids', id)) : [0] });
  if (filter.q?.trim()) {
    qb.andWhere('(u.username LIKE :q OR u.displayName LIKE :raw)', { q: `%${foldForSearch(filter.q).replace(/\s+/g, '')}%`, raw: `%${cleanText(filter.q)}%` });
  }
  if (filter.unitId || filter.role) {
    const units = filter.unitId ? await subtreeUnitIds(ctx.em, [parseId('filter.unitId', filter.unitId)], ctx.today) : null;
    qb.andWhere(
      `EXISTS (SELECT 1 FROM role_grant f WHERE f.userId = u.id ${units ? 'AND f.unitId IN (:...fUnits)' : ''} ${filter.role ? 'AND f.role = :fRole' : ''})`,
      { fUnits: units?.length ? units : [0], fRole: filter.role },
    );
  }
  return qb;
}

export async function listUsers(ctx: Context, args: PageArgs, filter?: UserFilter): Promise<UserEntity[]> {
  const { offset, limit } = toPaging(args, ctx.config.maxPerPage);
  const { columns, direction } = toOrder(args, { username: ['u.username'], displayName: ['u.displayName'], id: ['u.id'], lastLoginAt: ['u.lastLoginAt'] }, 'username');
  const qb = await visibleUserQuery(ctx, filter);
  columns.forEach((c) => qb.addOrderBy(c, direction));
  return qb.offset(offset).limit(limit).getMany();
}

export async function countUsers(ctx: Context, filter?: UserFilter): Promise<number> {
  return (await visibleUserQuery(ctx, filter)).getCount();
}

export async function findUser(ctx: Context, id: number): Promise<UserEntity | null> {
  return (await visibleUserQuery(ctx, { ids: [String(id)] })).getOne();
}

async function getManageableUser(ctx: Context, em: EntityManager, id: number): Promise<UserEntity> {
  const user = await findUser(ctx, id);
  if (!user) throw new NotFoundError('tài khoản', id);
  const grants = await em.find(RoleGrantEntity, { where: { userId: id } });
  for (const g of grants) {
    if (g.role === Role.SYSTEM_ADMIN && !ctx.access.isSystemAdmin) throw new ForbiddenError('Chỉ quản trị hệ thống mới sửa được tài khoản quản trị hệ thống');
    await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_USERS, g.unitId, 'quản lý tài khoản');
  }
  if (grants.length === 0) await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_USERS, null, 'quản lý tài khoản');
  return user;
}

/** Granting: inside one's own subtrees, and never a role above one's own. */
async function checkGrantable(ctx: Context, em: EntityManager, role: Role, unitId: number): Promise<void> {
  const unit = await em.findOne(OrgUnitEntity, { where: { id: unitId } });
  if (!unit || !(await ctx.scope.includesUnit(ctx.em, ctx.today, unitId))) throw new BadInputError('unitId', `Không có đơn vị mã ${unitId} trong phạm vi của bạn`);
  if (role === Role.SYSTEM_ADMIN && !ctx.access.isSystemAdmin) throw new ForbiddenError('Chỉ quản trị hệ thống mới trao được vai trò quản trị hệ thống');
  await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_USERS, unitId, 'trao vai trò');
  // Never a role above one's own: every capability of the role must be the granter's own on that unit.
  for (const capability of ROLE_CAPABILITIES[role]) {
    if (!(await ctx.access.can(ctx.em, ctx.today, capability, unitId))) {
      throw new ForbiddenError(`Bạn không trao được vai trò này: nó có quyền mà chính bạn không có ở đơn vị này`);
    }
  }
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
    if (await em.exists(UserEntity, { where: { username } })) throw new BadInputError('username', `Tên đăng nhập "${username}" đã có người dùng`);
    const user = await em.save(em.create(UserEntity, { username, displayName, passwordHash, active: true, demo: false, lastLoginAt: null }));
    await em.insert(RoleGrantEntity, { userId: user.id, role: args.role, unitId });
    await audit({ entity: 'User', entityId: user.id, before: null, after: { username, displayName, role: args.role, unitId }, unitId });
    return user;
  });
}

export async function updateUser(ctx: Context, args: UpdateUserArgs): Promise<UserEntity> {
  const id = parseId('id', args.id);
  const displayName = args.displayName === undefined ? undefined : requiredText('displayName', args.displayName, 'Họ tên hiển thị', 200);
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

async function grantQuery(ctx: Context, filter: RoleGrantFilter = {}) {
  const qb = ctx.em.createQueryBuilder(RoleGrantEntity, 'g');
  const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
  if (scope) qb.andWhere('g.unitId IN (:...scope)', { scope: scope.size ? [...scope] : [0] });
  if (filter.ids) qb.andWhere('g.id IN (:...ids)', { ids: filter.ids.length ? filter.ids.map((id) => parseId('filter.ids', id)) : [0] });
  if (filter.userId) qb.andWhere('g.userId = :userId', { userId: parseId('filter.userId', filter.userId) });
  if (filter.unitId) qb.andWhere('g.unitId = :unitId', { unitId: parseId('filter.unitId', filter.unitId) });
  return qb;
}

export async function listRoleGrants(ctx: Context, args: PageArgs, filter?: RoleGrantFilter): Promise<RoleGrantEntity[]> {
  const { offset, limit } = toPaging(args, ctx.config.maxPerPage);
  const { columns, direction } = toOrder(args, { id: ['g.id'], role: ['g.role'], unitId: ['g.unitId'], userId: ['g.userId'] }, 'id');
  const qb = await grantQuery(ctx, filter);
  columns.forEach((c) => qb.addOrderBy(c, direction));
  return qb.offset(offset).limit(limit).getMany();
}

export async function countRoleGrants(ctx: Context, filter?: RoleGrantFilter): Promise<number> {
  return (await grantQuery(ctx, filter)).getCount();
}

export async function findRoleGrant(ctx: Context, id: number): Promise<RoleGrantEntity | null> {
  return (await grantQuery(ctx, { ids: [String(id)] })).getOne();
}

export async function createRoleGrant(ctx: Context, args: CreateRoleGrantArgs): Promise<RoleGrantEntity> {
  const userId = parseId('userId', args.userId);
  const unitId = parseId('unitId', args.unitId);
  return runMutation(ctx, 'createRoleGrant', async ({ em, audit }) => {
    await checkGrantable(ctx, em, args.role, unitId);
    if (!(await em.exists(UserEntity, { where: { id: userId } }))) throw new BadInputError('userId', `Không có tài khoản mã ${userId}`);
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
    await checkGrantable(ctx, em, grant.role, grant.unitId);
    await em.delete(RoleGrantEntity, { id });
    await audit({ entity: 'RoleGrant', entityId: id, before: grant, after: null, unitId: grant.unitId });
    return { ...grant, id };
  });
}
