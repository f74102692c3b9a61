/**
 * Rules of the organisation tree. The tree is dated: a move closes the old parent link and opens a new one, so the
 * tree can still be read as it was on any earlier date (the 2025 reform is a sequence of such dated events).
 */
import { Capability, MassOrgKind, OrgUnitKind } from '@dangbo/shared-types';
import { foldForSearch, vietnameseSortKey } from '@dangbo/vn';
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError, staleVersionError } from '../../core/errors';
import { optionalText, parseDate, parseId, parseOptionalDate, parseOptionalId, requiredText } from '../../core/input';
import { PageArgs } from '../../graphql/list-args';
import { defineList } from '../../core/list';
import { updateVersioned } from '../../database/versioned-update';
import { runBulk, runMutation } from '../audit/audit.service';
import { MemberAssignmentEntity, MemberPositionEntity } from '../member/member.entity';
import { CreateOrgUnitArgs, OrgUnitFilter, OrgUnitPatch, UpdateOrgUnitArgs } from './org-unit.input';
import { CommitteeTermEntity, OrgUnitEntity, OrgUnitLinkEntity } from './org-unit.entity';
import { checkKindFitsContents, checkPlacement, requireLevelAbove } from './structure.rules';
import { subtreeMemberCounts, subtreeUnitIds } from './tree.queries';
import { checkParentAlive, refuseIfEnded } from './unit-life.rules';
import { UnitPageJoins, unitPage } from './org-unit.page';

const ENTITY = 'đơn vị';
/** As-of date of a list: the tree as it was on `filter.asOf`, default today. */
export function asOfOf(ctx: Context, filter?: OrgUnitFilter): string {
  return filter?.asOf ? parseDate('filter.asOf', filter.asOf) : ctx.today;
}

const LINK_AT = (l: string) => `${l}.validFrom <= :asOf AND (${l}.validTo IS NULL OR ${l}.validTo > :asOf)`;

/** Units of the caller's subtrees that exist on the list's date. */
export const orgUnitList = defineList<OrgUnitEntity, OrgUnitFilter>({
  type: OrgUnitEntity,
  alias: 'u',
  label: ENTITY,
  scope: { column: 'u.id' },
  search: [{ sql: 'u.searchText', kind: 'folded' }],
  async filter(qb, filter, ctx) {
    qb.andWhere('u.validFrom <= :asOf AND (u.validTo IS NULL OR u.validTo > :asOf)', { asOf: asOfOf(ctx, filter) });
    if (filter.kind) qb.andWhere('u.kind = :kind', { kind: filter.kind });
    if (filter.kinds?.length) qb.andWhere('u.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.parentId) {
      qb.innerJoin(OrgUnitLinkEntity, 'pl', `pl.unitId = u.id AND pl.parentId = :parentId AND ${LINK_AT('pl')}`, {
        parentId: parseId('filter.parentId', filter.parentId),
      });
    }
    if (filter.root) {
      const tops = await ctx.scope.topRootIds(ctx.em, ctx.today);
      if (tops) qb.andWhere('u.id IN (:...roots)', { roots: tops.length ? tops : [0] });
      else qb.andWhere(`NOT EXISTS (SELECT 1 FROM org_unit_link rl WHERE rl.unitId = u.id AND ${LINK_AT('rl')})`);
    }
  },
  sorts: {
    name: 'u.sortKey',
    kind: [{ sql: 'u.kind', text: true }, { sql: 'u.sortKey' }],
    // Relations as of the list's date, like the fields themselves.
    parentId: (ctx, f) => ({ sql: `(SELECT sl.parentId FROM org_unit_link sl WHERE sl.unitId = u.id AND ${LINK_AT('sl')} LIMIT 1)`, params: { asOf: asOfOf(ctx, f) } }),
    childCount: (ctx, f) => ({ sql: `(SELECT COUNT(*) FROM org_unit_link cl WHERE cl.parentId = u.id AND ${LINK_AT('cl')})`, params: { asOf: asOfOf(ctx, f) } }),
    memberCount: (ctx, f) => ({ values: (ids) => subtreeMemberCounts(ctx.em, ids, asOfOf(ctx, f)) }),
  },
  defaultSort: 'name',
  decorate(rows, filter, ctx) {
    const asOf = asOfOf(ctx, filter);
    rows.forEach((r) => (r.asOf = asOf));
  },
});

/** A page of units; `joins` (the look-ahead on parent, childCount, memberCount) folds those into the page statement (org-unit.page.ts). */
export async function listOrgUnits(ctx: Context, args: PageArgs, filter?: OrgUnitFilter, joins?: UnitPageJoins): Promise<OrgUnitEntity[]> {
  const page = joins ? await unitPage(ctx, orgUnitList, args, filter, asOfOf(ctx, filter), joins) : null;
  return page ?? orgUnitList.list(ctx, args, filter);
}
export const countOrgUnits = (ctx: Context, filter?: OrgUnitFilter) => orgUnitList.count(ctx, filter);

/** A unit the caller may see, or NOT_FOUND (a unit outside one's scope reads as not found). */
export async function getOrgUnit(ctx: Context, id: number, em: EntityManager = ctx.em): Promise<OrgUnitEntity> {
  const unit = await em.findOne(OrgUnitEntity, { where: { id } });
  if (!unit || !(await ctx.scope.includesUnit(ctx.em, ctx.today, id))) throw new NotFoundError(ENTITY, id);
  unit.asOf = ctx.today;
  return unit;
}

function checkKind(kind: OrgUnitKind, massOrgKind: MassOrgKind | null | undefined): MassOrgKind | null {
  if (kind === OrgUnitKind.MASS_ORG) {
    if (!massOrgKind) throw new BadInputError('massOrgKind', 'Tổ chức đoàn thể phải chọn loại (Đoàn Thanh niên, Hội Phụ nữ, ...)');
    return massOrgKind;
  }
  if (massOrgKind) throw new BadInputError('massOrgKind', 'Chỉ tổ chức đoàn thể mới có loại đoàn thể');
  return null;
}

async function loadParent(ctx: Context, em: EntityManager, parentId: number): Promise<OrgUnitEntity> {
  const parent = await em.findOne(OrgUnitEntity, { where: { id: parentId } });
  if (!parent || !(await ctx.scope.includesUnit(ctx.em, ctx.today, parentId))) {
    throw new BadInputError('parentId', `Không có đơn vị cấp trên mã ${parentId} trong phạm vi của bạn`);
  }
  return parent;
}

function derived(name: string, code: string | null) {
  return { searchText: foldForSearch(`${name} ${code ?? ''}`), sortKey: vietnameseSortKey(name) };
}

export async function createOrgUnit(ctx: Context, args: CreateOrgUnitArgs): Promise<OrgUnitEntity> {
  const name = requiredText('name', args.name, 'Tên đơn vị');
  const massOrgKind = checkKind(args.kind, args.massOrgKind);
  const parentId = parseOptionalId('parentId', args.parentId) ?? null;
  const validFrom = parseOptionalDate('validFrom', args.validFrom, 'Ngày thành lập') ?? ctx.today;
  const shortName = optionalText('shortName', args.shortName, 'Tên viết tắt', 100) ?? null;
  const code = optionalText('code', args.code, 'Mã đơn vị', 32) ?? null;
  if (parentId === null && !ctx.scope.isUnrestricted) {
    throw new BadInputError('parentId', 'Hãy chọn đơn vị cấp trên trong phạm vi của bạn');
  }
  return runMutation(ctx, 'createOrgUnit', async ({ em, audit }) => {
    if (parentId !== null) {
      const parent = await loadParent(ctx, em, parentId);
      checkParentAlive(parent, validFrom, ctx.today);
      checkPlacement(args.kind, parent);
    }
    await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_UNITS, parentId, 'thêm đơn vị');
    const unit = em.create(OrgUnitEntity, { kind: args.kind, massOrgKind, name, shortName, code, validFrom, validTo: null, ...derived(name, code) });
    await em.save(unit);
    if (parentId !== null) await em.insert(OrgUnitLinkEntity, { unitId: unit.id, parentId, validFrom, validTo: null });
    await audit({ entity: 'OrgUnit', entityId: unit.id, before: null, after: { ...unit, parentId }, unitId: unit.id });
    unit.asOf = ctx.today;
    return unit;
  });
}

async function currentLink(em: EntityManager, unitId: number, asOf: string): Promise<OrgUnitLinkEntity | null> {
  return em
    .createQueryBuilder(OrgUnitLinkEntity, 'l')
    .where('l.unitId = :unitId', { unitId })
    .andWhere('l.validFrom <= :asOf AND (l.validTo IS NULL OR l.validTo > :asOf)', { asOf })
    .getOne();
}

export async function updateOrgUnit(ctx: Context, args: UpdateOrgUnitArgs): Promise<OrgUnitEntity> {
  const id = parseId('id', args.id);
  const name = args.name === undefined ? undefined : requiredText('name', args.name, 'Tên đơn vị');
  const newParentId = parseOptionalId('parentId', args.parentId);
  const movedOn = parseOptionalDate('movedOn', args.movedOn, 'Ngày chuyển') ?? ctx.today;
  const validFrom = args.validFrom === undefined ? undefined : parseDate('validFrom', args.validFrom, 'Ngày thành lập');
  const validTo = parseOptionalDate('validTo', args.validTo, 'Ngày kết thúc');
  return runMutation(ctx, 'updateOrgUnit', async ({ em, audit }) => {
    const unit = await getOrgUnit(ctx, id, em);
    refuseIfEnded(unit, ctx.today, 'sửa đơn vị này (tên, loại và cấp trên của đơn vị đã kết thúc chỉ thay đổi qua sự kiện tổ chức lại)');
    await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_UNITS, id, 'sửa đơn vị');
    if (args.version !== undefined && args.version !== null && args.version !== unit.version) throw staleVersionError('Đơn vị');
    const link = await currentLink(em, id, ctx.today);
    const before = Object.assign(new OrgUnitEntity(), unit);
    const kind = args.kind ?? unit.kind;
    const moves = newParentId !== undefined && newParentId !== (link?.parentId ?? null);
    if (kind !== unit.kind) await requireLevelAbove(ctx, link?.parentId ?? null, 'đổi loại');
    if (moves) await requireLevelAbove(ctx, link?.parentId ?? null, 'đổi cấp trên');
    if (kind !== unit.kind) {
      await checkKindFitsContents(em, unit, kind);
      if (!moves && link) checkPlacement(kind, await em.findOneOrFail(OrgUnitEntity, { where: { id: link.parentId } }), 'kind');
    }
    unit.massOrgKind = checkKind(kind, args.massOrgKind === undefined ? unit.massOrgKind : args.massOrgKind);
    unit.kind = kind;
    if (name !== undefined) unit.name = name;
    if (args.shortName !== undefined) unit.shortName = optionalText('shortName', args.shortName, 'Tên viết tắt', 100) ?? null;
    if (args.code !== undefined) unit.code = optionalText('code', args.code, 'Mã đơn vị', 32) ?? null;
    if (validFrom !== undefined) unit.validFrom = validFrom;
    if (validTo !== undefined) unit.validTo = validTo;
    if (unit.validTo && unit.validTo <= unit.validFrom) throw new BadInputError('validTo', 'Ngày kết thúc phải sau ngày thành lập');
    Object.assign(unit, derived(unit.name, unit.code));

    if (moves) {
      await moveUnit(ctx, em, unit, link, newParentId, movedOn);
    }
    const saved = await updateVersioned(em, OrgUnitEntity, before, unit, 'Đơn vị');
    await audit({ entity: 'OrgUnit', entityId: id, before, after: { ...saved, parentId: newParentId ?? link?.parentId ?? null }, unitId: id });
    saved.asOf = ctx.today;
    return saved;
  });
}

async function moveUnit(ctx: Context, em: EntityManager, unit: OrgUnitEntity, link: OrgUnitLinkEntity | null, parentId: number | null, on: string) {
  if (parentId === null) {
    if (!ctx.scope.isUnrestricted) throw new BadInputError('parentId', 'Hãy chọn đơn vị cấp trên trong phạm vi của bạn');
  } else {
    const parent = await loadParent(ctx, em, parentId);
    checkParentAlive(parent, on, ctx.today);
    checkPlacement(unit.kind, parent);
    await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_UNITS, parentId, 'chuyển đơn vị đến đây');
    const below = await subtreeUnitIds(em, [unit.id], on);
    if (below.includes(parentId)) {
      throw new BadInputError('parentId', `Không thể đặt "${unit.name}" dưới "${parent.name}": "${parent.name}" đang trực thuộc nó (tạo thành vòng)`);
    }
  }
  if (link) {
    if (link.validFrom >= on) await em.delete(OrgUnitLinkEntity, { id: link.id });
    else await em.update(OrgUnitLinkEntity, { id: link.id }, { validTo: on });
  }
  if (parentId !== null) await em.insert(OrgUnitLinkEntity, { unitId: unit.id, parentId, validFrom: on, validTo: null });
}

export async function deleteOrgUnit(ctx: Context, idArg: string): Promise<OrgUnitEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteOrgUnit', async ({ em, audit }) => {
    const unit = await getOrgUnit(ctx, id, em);
    await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_UNITS, id, 'xóa đơn vị');
    if (await em.exists(OrgUnitLinkEntity, { where: { parentId: id } })) {
      throw new ConflictError(`Không xóa được "${unit.name}": đơn vị còn (hoặc từng có) đơn vị trực thuộc`, { reason: 'HAS_CHILDREN' });
    }
    if (await em.exists(MemberAssignmentEntity, { where: { unitId: id } })) {
      throw new ConflictError(`Không xóa được "${unit.name}": đơn vị còn (hoặc từng có) đảng viên sinh hoạt`, { reason: 'HAS_MEMBERS' });
    }
    if (await em.exists(MemberPositionEntity, { where: { unitId: id } })) {
      throw new ConflictError(`Không xóa được "${unit.name}": đơn vị còn chức vụ của đảng viên`, { reason: 'HAS_POSITIONS' });
    }
    if (!ctx.scope.isUnrestricted && ctx.scope.rootIds?.includes(id)) throw new ForbiddenError('Không thể xóa đơn vị gốc của phạm vi của bạn');
    await em.delete(OrgUnitLinkEntity, { unitId: id });
    await em.delete(CommitteeTermEntity, { unitId: id });
    await em.delete(OrgUnitEntity, { id });
    await audit({ entity: 'OrgUnit', entityId: id, before: unit, after: null, unitId: id });
    unit.id = id;
    return unit;
  });
}

/** The single update's rules for each unit, all or none (runBulk). */
export function updateOrgUnits(ctx: Context, ids: string[], patch: OrgUnitPatch) {
  return runBulk(ctx, 'updateOrgUnits', ids, (id) => updateOrgUnit(ctx, { ...patch, id }));
}

export function deleteOrgUnits(ctx: Context, ids: string[]) {
  return runBulk(ctx, 'deleteOrgUnits', ids, (id) => deleteOrgUnit(ctx, id));
}
