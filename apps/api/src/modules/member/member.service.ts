/**
 * Members: listing within the caller's scope, Vietnamese sorting (per-part ASCII sort keys in the configured
 * order), diacritic-insensitive search, and writes that keep cell membership and numbers as dated history.
 */
import { Capability, MEMBER_HOLDING_KINDS, MembershipKind } from '@dangbo/shared-types';
import { foldForSearch } from '@dangbo/vn';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Context } from '../../context';
import { BadInputError, NotFoundError, staleVersionError } from '../../graphql/errors';
import { parseDate, parseId, parseOptionalDate } from '../../graphql/input';
import { PageArgs, toOrder, toPaging } from '../../graphql/list-args';
import { updateVersioned } from '../../database/versioned-update';
import { runMutation } from '../audit/audit.service';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { subtreeUnitIds } from '../org-unit/tree.queries';
import { MemberAssignmentEntity, MemberEntity, MemberNumberHistoryEntity, MemberPositionEntity } from './member.entity';
import { CreateMemberArgs, MemberFilter, UpdateMemberArgs } from './member.input';
import { buildMemberDraft, derivedColumns, MemberDraft } from './member.rules';

const ENTITY = 'đảng viên';
const NAME_COLUMNS = { given: 'm.sortGiven', family: 'm.sortFamily', middle: 'm.sortMiddle', birthDate: 'm.birthDate' } as const;
const VALID_AT = (alias: string, param: string) => `${alias}.validFrom <= :${param} AND (${alias}.validTo IS NULL OR ${alias}.validTo > :${param})`;

function sorts(ctx: Context) {
  return {
    fullName: ctx.config.nameSortOrder.map((p) => NAME_COLUMNS[p]),
    givenName: ctx.config.nameSortOrder.map((p) => NAME_COLUMNS[p]),
    familyName: ['m.sortFamily', 'm.sortMiddle', 'm.sortGiven'],
    birthDate: ['m.birthDate'],
    admittedOn: ['m.admittedOn'],
    officialOn: ['m.officialOn'],
    status: ['m.status'],
    gender: ['m.gender'],
    cardNumber: ['m.cardNumber'],
    id: ['m.id'],
  };
}

/** Members whose official membership at `at` is in one of `unitIds`. */
function joinMembership(qb: SelectQueryBuilder<MemberEntity>, alias: string, unitIds: number[], at: string) {
  qb.innerJoin(
    MemberAssignmentEntity,
    alias,
    `${alias}.memberId = m.id AND ${alias}.kind = :official AND ${VALID_AT(alias, `${alias}At`)} AND ${alias}.unitId IN (:...${alias}Units)`,
    { official: MembershipKind.OFFICIAL, [`${alias}At`]: at, [`${alias}Units`]: unitIds.length ? unitIds : [0] },
  );
}

async function filteredQuery(ctx: Context, filter: MemberFilter = {}): Promise<SelectQueryBuilder<MemberEntity>> {
  const asOf = filter.asOf ? parseDate('filter.asOf', filter.asOf) : ctx.today;
  const qb = ctx.em.createQueryBuilder(MemberEntity, 'm');
  const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
  if (scope) joinMembership(qb, 'sa', [...scope], ctx.today);
  if (filter.unitId) {
    const unitIds = await subtreeUnitIds(ctx.em, [parseId('filter.unitId', filter.unitId)], asOf);
    joinMembership(qb, 'ua', unitIds, asOf);
  }
  if (filter.ids) qb.andWhere('m.id IN (:...ids)', { ids: filter.ids.length ? filter.ids.map((id) => parseId('filter.ids', id)) : [0] });
  const q = filter.q ? foldForSearch(filter.q) : '';
  if (q) qb.andWhere('m.searchText LIKE :q', { q: `%${q}%` });
  if (filter.status) qb.andWhere('m.status = :status', { status: filter.status });
  if (filter.statuses?.length) qb.andWhere('m.status IN (:...statuses)', { statuses: filter.statuses });
  if (filter.gender) qb.andWhere('m.gender = :gender', { gender: filter.gender });
  return qb;
}

/** Columns a field needs: the column of the same name, or what a computed field reads. */
const COLUMNS_OF: Record<string, (keyof MemberEntity)[]> = { partyAgeYears: ['admittedOn', 'officialOn', 'status'] };

function columnsFor(fields: Set<string> | undefined): (keyof MemberEntity)[] | undefined {
  if (!fields) return undefined;
  const columns = new Set<keyof MemberEntity>(['id']);
  const known = new Set(['fullName', 'familyName', 'middleName', 'givenName', 'namePartsOverridden', 'gender', 'birthDate', 'cardNumber', 'recordNumber', 'citizenId', 'admittedOn', 'officialOn', 'status', 'note', 'version']);
  for (const f of fields) {
    if (known.has(f)) columns.add(f as keyof MemberEntity);
    for (const c of COLUMNS_OF[f] ?? []) columns.add(c);
  }
  return [...columns];
}

/** A page of members; `fields` (the GraphQL selection) narrows the columns read. */
export async function listMembers(ctx: Context, args: PageArgs, filter?: MemberFilter, fields?: Set<string>): Promise<MemberEntity[]> {
  const { offset, limit } = toPaging(args, ctx.config.maxPerPage);
  const { columns, direction } = toOrder(args, sorts(ctx), 'fullName');
  const qb = await filteredQuery(ctx, filter);
  columns.forEach((c, i) => (i === 0 ? qb.orderBy(c, direction) : qb.addOrderBy(c, direction)));
  // A deferred join: the page's ids come from the name index alone (no sort of whole rows), then the rows by id.
  const page = await qb.select('m.id', 'id').addOrderBy('m.id', direction).offset(offset).limit(limit).getRawMany<{ id: number }>();
  if (page.length === 0) return [];
  const ids = page.map((r) => Number(r.id));
  const select = columnsFor(fields);
  const found = await ctx.em.find(MemberEntity, { where: { id: In(ids) }, ...(select ? { select: Object.fromEntries(select.map((c) => [c, true])) } : {}) });
  const rows = new Map(found.map((m) => [m.id, m]));
  return ids.map((id) => rows.get(id)).filter((m): m is MemberEntity => m !== undefined);
}

export async function countMembers(ctx: Context, filter?: MemberFilter): Promise<number> {
  return (await filteredQuery(ctx, filter)).getCount();
}

export async function getMember(ctx: Context, id: number, em: EntityManager = ctx.em): Promise<MemberEntity> {
  const member = await em.findOne(MemberEntity, { where: { id } });
  if (!member) throw new NotFoundError(ENTITY, id);
  if (!ctx.scope.isUnrestricted) {
    const cell = await currentAssignment(em, id, ctx.today);
    if (!cell || !(await ctx.scope.includesUnit(ctx.em, ctx.today, cell.unitId))) throw new NotFoundError(ENTITY, id);
  }
  return member;
}

export async function findMember(ctx: Context, id: number): Promise<MemberEntity | null> {
  return getMember(ctx, id).catch((e) => {
    if (e instanceof NotFoundError) return null;
    throw e;
  });
}

async function currentAssignment(em: EntityManager, memberId: number, at: string): Promise<MemberAssignmentEntity | null> {
  return em
    .createQueryBuilder(MemberAssignmentEntity, 'a')
    .where('a.memberId = :memberId AND a.kind = :kind', { memberId, kind: MembershipKind.OFFICIAL })
    .andWhere(VALID_AT('a', 'at'), { at })
    .getOne();
}

/** A cell in the caller's scope that holds members. */
async function loadCell(ctx: Context, em: EntityManager, cellId: number): Promise<OrgUnitEntity> {
  const cell = await em.findOne(OrgUnitEntity, { where: { id: cellId } });
  if (!cell || !(await ctx.scope.includesUnit(ctx.em, ctx.today, cellId))) {
    throw new BadInputError('cellId', `Không có chi bộ mã ${cellId} trong phạm vi của bạn`);
  }
  if (!MEMBER_HOLDING_KINDS.includes(cell.kind)) throw new BadInputError('cellId', `"${cell.name}" không phải chi bộ; hãy chọn một chi bộ`);
  await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_MEMBERS, cellId, 'quản lý đảng viên');
  return cell;
}

/** Card and citizen numbers identify a person: two members may not share one. */
async function checkUnique(em: EntityManager, draft: MemberDraft, selfId: number | null): Promise<void> {
  for (const field of ['cardNumber', 'citizenId'] as const) {
    const value = draft[field];
    if (!value) continue;
    const other = await em.findOne(MemberEntity, { where: { [field]: value } });
    if (other && other.id !== selfId) {
      const label = field === 'cardNumber' ? 'Số thẻ đảng viên' : 'Số CCCD';
      throw new BadInputError(field, `${label} ${value} đã thuộc về đảng viên khác (${other.fullName})`);
    }
  }
}

const toDraft = (m: MemberEntity): MemberDraft => ({ ...m });

export async function createMember(ctx: Context, args: CreateMemberArgs): Promise<MemberEntity> {
  const draft = buildMemberDraft(null, args, ctx.today);
  const cellId = parseId('cellId', args.cellId);
  const joinedOn = parseOptionalDate('joinedOn', args.joinedOn, 'Ngày bắt đầu sinh hoạt') ?? draft.admittedOn ?? ctx.today;
  return runMutation(ctx, 'createMember', async ({ em, audit }) => {
    await loadCell(ctx, em, cellId);
    await checkUnique(em, draft, null);
    const member = em.create(MemberEntity, { ...draft, ...derivedColumns(draft) });
    await em.save(member);
    await em.insert(MemberAssignmentEntity, { memberId: member.id, unitId: cellId, kind: MembershipKind.OFFICIAL, validFrom: joinedOn, validTo: null, note: null });
    await audit({ entity: 'Member', entityId: member.id, before: null, after: { ...draft, cellId }, unitId: cellId });
    return member;
  });
}

export async function updateMember(ctx: Context, args: UpdateMemberArgs): Promise<MemberEntity> {
  const id = parseId('id', args.id);
  const newCellId = args.cellId ? parseId('cellId', args.cellId) : undefined;
  const transferredOn = parseOptionalDate('transferredOn', args.transferredOn, 'Ngày chuyển sinh hoạt') ?? ctx.today;
  return runMutation(ctx, 'updateMember', async ({ em, audit }) => {
    const member = await getMember(ctx, id, em);
    const assignment = await currentAssignment(em, id, ctx.today);
    await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_MEMBERS, assignment?.unitId ?? null, 'sửa đảng viên');
    if (args.version != null && args.version !== member.version) throw staleVersionError('Đảng viên');
    const before = { ...member };
    const draft = buildMemberDraft(toDraft(member), args, ctx.today);
    await checkUnique(em, draft, id);
    for (const [field, kind] of [['cardNumber', 'CARD'], ['recordNumber', 'RECORD']] as const) {
      const old = member[field];
      if (old && old !== draft[field]) await em.insert(MemberNumberHistoryEntity, { memberId: id, kind, value: old, replacedAt: new Date() });
    }
    if (newCellId !== undefined && newCellId !== assignment?.unitId) {
      await loadCell(ctx, em, newCellId);
      if (assignment) {
        if (assignment.validFrom >= transferredOn) throw new BadInputError('transferredOn', 'Ngày chuyển phải sau ngày bắt đầu sinh hoạt ở chi bộ hiện tại');
        await em.update(MemberAssignmentEntity, { id: assignment.id }, { validTo: transferredOn });
      }
      await em.insert(MemberAssignmentEntity, { memberId: id, unitId: newCellId, kind: MembershipKind.OFFICIAL, validFrom: transferredOn, validTo: null, note: null });
    }
    const saved = await updateVersioned(em, MemberEntity, member, { ...draft, ...derivedColumns(draft) }, 'Đảng viên');
    await audit({ entity: 'Member', entityId: id, before, after: { ...draft, cellId: newCellId ?? assignment?.unitId ?? null }, unitId: newCellId ?? assignment?.unitId ?? null });
    return saved;
  });
}

export async function deleteMember(ctx: Context, idArg: string): Promise<MemberEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteMember', async ({ em, audit }) => {
    const member = await getMember(ctx, id, em);
    const assignment = await currentAssignment(em, id, ctx.today);
    await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_MEMBERS, assignment?.unitId ?? null, 'xóa đảng viên');
    await em.delete(MemberAssignmentEntity, { memberId: id });
    await em.delete(MemberPositionEntity, { memberId: id });
    await em.delete(MemberNumberHistoryEntity, { memberId: id });
    await em.delete(MemberEntity, { id });
    await audit({ entity: 'Member', entityId: id, before: member, after: null, unitId: assignment?.unitId ?? null });
    member.id = id;
    return member;
  });
}
