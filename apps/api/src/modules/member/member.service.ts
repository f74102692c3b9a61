/**
 * Members: listing within the caller's scope, Vietnamese sorting (per-part ASCII sort keys in the configured
 * order), diacritic-insensitive search, and writes that keep cell membership and numbers as dated history.
 */
import { Capability, MEMBER_HOLDING_KINDS, MembershipKind, MemberStatus } from '@dangbo/shared-types';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Context } from '../../context';
import { BadInputError, ConflictError, NotFoundError, staleVersionError } from '../../core/errors';
import { parseDate, parseId, parseOptionalDate } from '../../core/input';
import { PageArgs } from '../../graphql/list-args';
import { defineList } from '../../core/list';
import { updateVersioned } from '../../database/versioned-update';
import { runBulk, runMutation } from '../audit/audit.service';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { subtreeMemberCounts } from '../org-unit/tree.queries';
import { MemberAssignmentEntity, MemberEntity, MemberNumberHistoryEntity, MemberPositionEntity } from './member.entity';
import { CreateMemberArgs, MemberFilter, MemberPatch, UpdateMemberArgs } from './member.input';
import { buildMemberDraft, derivedColumns, MemberDraft } from './member.rules';
import { memberPage, PageJoins } from './member.page';
import { lockUnits, memberRowCount, membersInUnits, recountUnits, tallyMembers } from './member-counts';
import { deleteSearchWords, MAX_QUERY_WORDS, replaceSearchWords, SEARCH_WORD_LENGTH } from './member-search';
import { changeStatus, deleteStatuses, initialStatusSpans, insertInitialStatuses } from './member-status.service';

const ENTITY = 'đảng viên';
const NAME_COLUMNS = { given: 'm.sortGiven', family: 'm.sortFamily', middle: 'm.sortMiddle', birthDate: 'm.birthDate' } as const;
const VALID_AT = (alias: string, param: string) => `${alias}.validFrom <= :${param} AND (${alias}.validTo IS NULL OR ${alias}.validTo > :${param})`;

/** Members whose official membership at `at` is in one of `unitIds`. */
function joinMembership(qb: SelectQueryBuilder<MemberEntity>, alias: string, unitIds: number[], at: string) {
  qb.innerJoin(
    MemberAssignmentEntity,
    alias,
    `${alias}.memberId = m.id AND ${alias}.kind = :official AND ${VALID_AT(alias, `${alias}At`)} AND ${alias}.unitId IN (:...${alias}Units)`,
    { official: MembershipKind.OFFICIAL, [`${alias}At`]: at, [`${alias}Units`]: unitIds.length ? unitIds : [0] },
  );
}

/**
 * Members whose official membership at `at` is in the subtree of `rootId` then. The subtree is a recursive
 * subquery of the same statement, not a list read beforehand: a page filtered by a unit stays one statement.
 */
function joinMembershipInSubtree(qb: SelectQueryBuilder<MemberEntity>, alias: string, rootId: number, at: string) {
  const sub = `${alias}_sub`;
  qb.innerJoin(
    MemberAssignmentEntity,
    alias,
    `${alias}.memberId = m.id AND ${alias}.kind = :official AND ${VALID_AT(alias, `${alias}At`)} AND ${alias}.unitId IN (
       WITH RECURSIVE ${sub} (id) AS (
         SELECT :${alias}Root UNION SELECT l.unitId FROM org_unit_link l JOIN ${sub} ON l.parentId = ${sub}.id WHERE ${VALID_AT('l', `${alias}At`)}
       ) SELECT id FROM ${sub})`,
    { official: MembershipKind.OFFICIAL, [`${alias}At`]: at, [`${alias}Root`]: rootId },
  );
}

/** Members whose official membership today is in the caller's subtrees. */
export const memberList = defineList<MemberEntity, MemberFilter>({
  type: MemberEntity,
  alias: 'm',
  label: ENTITY,
  scope: { apply: (qb, units, ctx) => joinMembership(qb, 'sa', units, ctx.today) },
  // Word prefixes through the member_search_word index, never LIKE '%…%' over the table (member-search.ts).
  search: [{ sql: 'm.id', kind: 'words', words: { table: 'member_search_word', owner: 'memberId', maxWords: MAX_QUERY_WORDS, wordLength: SEARCH_WORD_LENGTH } }],
  async filter(qb, filter, ctx) {
    if (filter.unitId) {
      const asOf = filter.asOf ? parseDate('filter.asOf', filter.asOf) : ctx.today;
      joinMembershipInSubtree(qb, 'ua', parseId('filter.unitId', filter.unitId), asOf);
    }
    if (filter.status) qb.andWhere('m.status = :status', { status: filter.status });
    if (filter.statuses?.length) qb.andWhere('m.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.gender) qb.andWhere('m.gender = :gender', { gender: filter.gender });
  },
  sorts: {
    // Names sort by their stored Vietnamese keys, in the configured order of the parts (domain.md §5.1).
    fullName: (ctx) => ctx.config.nameSortOrder.map((p) => ({ sql: NAME_COLUMNS[p] })),
    givenName: (ctx) => ctx.config.nameSortOrder.map((p) => ({ sql: NAME_COLUMNS[p] })),
    familyName: ['m.sortFamily', 'm.sortMiddle', 'm.sortGiven'].map((sql) => ({ sql })),
    middleName: ['m.sortMiddle', 'm.sortGiven', 'm.sortFamily'].map((sql) => ({ sql })),
    cellId: (ctx) => ({
      sql: `(SELECT oc.unitId FROM member_assignment oc WHERE oc.memberId = m.id AND oc.kind = :official AND ${VALID_AT('oc', 'ocAt')} LIMIT 1)`,
      params: { official: MembershipKind.OFFICIAL, ocAt: ctx.today },
    }),
    // Party age counts from admission, and only once official: the earlier the admission, the older.
    partyAgeYears: {
      sql: `CASE WHEN m.officialOn IS NULL OR m.status = :probationary THEN NULL ELSE m.admittedOn END`,
      params: { probationary: MemberStatus.PROBATIONARY },
      reverse: true,
    },
  },
  defaultSort: 'fullName',
});

/** Columns a field needs: the column of the same name, or what a computed field reads. */
const COLUMNS_OF: Record<string, (keyof MemberEntity)[]> = { partyAgeYears: ['admittedOn', 'officialOn', 'status'] };

function columnsFor(fields: Set<string> | undefined): (keyof MemberEntity)[] | undefined {
  if (!fields) return undefined;
  const columns = new Set<keyof MemberEntity>(['id']);
  const known = new Set(['fullName', 'familyName', 'middleName', 'givenName', 'namePartsOverridden', 'gender', 'birthDate', 'cardNumber', 'recordNumber', 'citizenId', 'admittedOn', 'officialOn', 'status', 'note', 'inPoliticalSystem', 'version']);
  for (const f of fields) {
    if (known.has(f)) columns.add(f as keyof MemberEntity);
    for (const c of COLUMNS_OF[f] ?? []) columns.add(c);
  }
  return [...columns];
}

/**
 * A page of members; `fields` (the GraphQL selection) narrows the columns read, and `joins` (the look-ahead on
 * `cell { parent }`) folds the cell and commune into the page statement (member.page.ts).
 */
export async function listMembers(ctx: Context, args: PageArgs, filter?: MemberFilter, fields?: Set<string>, joins?: Omit<PageJoins, 'columns'>): Promise<MemberEntity[]> {
  const select = columnsFor(fields);
  const page = await memberPage(ctx, memberList, args, filter, { cellId: false, cell: false, parent: false, ...joins, columns: select });
  if (page) return page;
  return memberList.list(ctx, args, filter, (ids) =>
    ctx.em.find(MemberEntity, { where: { id: In(ids) }, ...(select ? { select: Object.fromEntries(select.map((c) => [c, true])) } : {}) }),
  );
}

/**
 * The total of a members list. When the filter is at most a unit (and its date), the count kept per unit answers it
 * (member-counts.ts) in a few rows per unit instead of an index entry per member; any other filter counts the
 * list's own query.
 */
export async function countMembers(ctx: Context, filter: MemberFilter = {}): Promise<number> {
  const { unitId, asOf, ...rest } = filter;
  const other = Object.values(rest).some((v) => v !== undefined && v !== null && v !== '');
  const kept = other ? null : await keptCount(ctx, unitId ? parseId('filter.unitId', unitId) : null, asOf ? parseDate('filter.asOf', asOf) : ctx.today);
  return kept ?? memberList.count(ctx, filter);
}

/** The kept count for the list's scope and an optional unit; null when the two dates differ (see below). */
async function keptCount(ctx: Context, unitId: number | null, asOf: string): Promise<number | null> {
  const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
  if (unitId === null) return scope === null ? memberRowCount(ctx.em) : membersInUnits(ctx.em, [...scope], ctx.today);
  if (scope === null) return (await subtreeMemberCounts(ctx.em, [unitId], asOf)).get(unitId) ?? 0;
  // The scope is the caller's units today and the filter a unit's subtree at its date: one count per unit answers
  // "in both" only when the dates are the same day.
  if (asOf !== ctx.today) return null;
  return (await subtreeMemberCounts(ctx.em, [unitId], asOf, [...scope])).get(unitId) ?? 0;
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
async function checkUnique(ctx: Context, em: EntityManager, draft: MemberDraft, selfId: number | null): Promise<void> {
  for (const field of ['cardNumber', 'citizenId'] as const) {
    const value = draft[field];
    if (!value) continue;
    const other = await em.findOne(MemberEntity, { where: { [field]: value } });
    if (other && other.id !== selfId) {
      const label = field === 'cardNumber' ? 'Số thẻ đảng viên' : 'Số CCCD';
      // Name the holder only when the caller may read them: a number must not reveal who holds it elsewhere.
      const holder = (await findMember(ctx, other.id)) ? ` (${other.fullName})` : '';
      // CONFLICT like the unique index behind this check (database/unique-violations.ts), which decides races.
      throw new ConflictError(`${label} ${value} đã thuộc về đảng viên khác${holder}`, { field, reason: 'DUPLICATE' });
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
    await lockUnits(em, [cellId]);
    await checkUnique(ctx, em, draft, null);
    const member = em.create(MemberEntity, { ...draft, ...derivedColumns(draft), inPoliticalSystem: args.inPoliticalSystem ?? false });
    await em.save(member);
    await replaceSearchWords(em, [member], false);
    await insertInitialStatuses(em, member.id, initialStatusSpans(draft, ctx.today));
    await em.insert(MemberAssignmentEntity, { memberId: member.id, unitId: cellId, kind: MembershipKind.OFFICIAL, validFrom: joinedOn, validTo: null, note: null });
    await recountUnits(em, [cellId]);
    await tallyMembers(em, 1);
    await audit({ entity: 'Member', entityId: member.id, before: null, after: { ...draft, cellId }, unitId: cellId });
    return member;
  });
}

export async function updateMember(ctx: Context, args: UpdateMemberArgs): Promise<MemberEntity> {
  const id = parseId('id', args.id);
  const newCellId = args.cellId ? parseId('cellId', args.cellId) : undefined;
  const transferredOn = parseOptionalDate('transferredOn', args.transferredOn, 'Ngày chuyển sinh hoạt') ?? ctx.today;
  const statusFrom = parseOptionalDate('statusFrom', args.statusFrom, 'Ngày đổi tình trạng') ?? ctx.today;
  return runMutation(ctx, 'updateMember', async ({ em, audit }) => {
    const member = await getMember(ctx, id, em);
    const assignment = await currentAssignment(em, id, ctx.today);
    await ctx.access.require(ctx.em, ctx.today, Capability.MANAGE_MEMBERS, assignment?.unitId ?? null, 'sửa đảng viên');
    if (args.version != null && args.version !== member.version) throw staleVersionError('Đảng viên');
    const before = { ...member };
    const draft = buildMemberDraft(toDraft(member), args, ctx.today);
    await checkUnique(ctx, em, draft, id);
    for (const [field, kind] of [['cardNumber', 'CARD'], ['recordNumber', 'RECORD']] as const) {
      const old = member[field];
      if (old && old !== draft[field]) await em.insert(MemberNumberHistoryEntity, { memberId: id, kind, value: old, replacedAt: new Date() });
    }
    if (newCellId !== undefined && newCellId !== assignment?.unitId) {
      await loadCell(ctx, em, newCellId);
      await lockUnits(em, [newCellId, ...(assignment ? [assignment.unitId] : [])]);
      if (assignment) {
        if (assignment.validFrom >= transferredOn) throw new BadInputError('transferredOn', 'Ngày chuyển phải sau ngày bắt đầu sinh hoạt ở chi bộ hiện tại');
        await em.update(MemberAssignmentEntity, { id: assignment.id }, { validTo: transferredOn });
      }
      await em.insert(MemberAssignmentEntity, { memberId: id, unitId: newCellId, kind: MembershipKind.OFFICIAL, validFrom: transferredOn, validTo: null, note: null });
      await recountUnits(em, [newCellId, ...(assignment ? [assignment.unitId] : [])]);
    }
    if (draft.status !== member.status) {
      await changeStatus(em, id, draft.status, statusFrom);
      // The answer (and any later field of the same request) reads the history as it now is.
      ctx.loaders.statusHistoryOf.clear(id);
    }
    const system = args.inPoliticalSystem != null ? { inPoliticalSystem: args.inPoliticalSystem } : {};
    const saved = await updateVersioned(em, MemberEntity, member, { ...draft, ...derivedColumns(draft), ...system }, 'Đảng viên');
    if (saved.searchText !== member.searchText) await replaceSearchWords(em, [saved]);
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
    const held = await em.find(MemberAssignmentEntity, { where: { memberId: id }, select: { unitId: true } });
    await lockUnits(em, held.map((a) => a.unitId));
    await em.delete(MemberAssignmentEntity, { memberId: id });
    await recountUnits(em, held.map((a) => a.unitId));
    await tallyMembers(em, -1);
    await em.delete(MemberPositionEntity, { memberId: id });
    await em.delete(MemberNumberHistoryEntity, { memberId: id });
    await deleteStatuses(em, id);
    await deleteSearchWords(em, id);
    await em.delete(MemberEntity, { id });
    await audit({ entity: 'Member', entityId: id, before: member, after: null, unitId: assignment?.unitId ?? null });
    member.id = id;
    return member;
  });
}

/** The single update's rules for each member, all or none (runBulk). */
export function updateMembers(ctx: Context, ids: string[], patch: MemberPatch) {
  return runBulk(ctx, 'updateMembers', ids, (id) => updateMember(ctx, { ...patch, id }));
}

export function deleteMembers(ctx: Context, ids: string[]) {
  return runBulk(ctx, 'deleteMembers', ids, (id) => deleteMember(ctx, id));
}
