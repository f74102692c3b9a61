/**
 * Study registrations and their monthly entries. A registration is visible to whoever holds a cell the member
 * belonged to during its year; writes belong to the member's cell: the registration to the cell at the end of the
 * year (or today), each entry to the cell of its month, where the caller needs RECORD_CELL_WORK (the cell's
 * secretary, or a unit admin above). The review stamps who reviewed and when.
 */
import { Capability, MembershipKind } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { defineList } from '../../core/list';
import { updateVersioned } from '../../database/versioned-update';
import { BadInputError, ConflictError, staleVersionError } from '../../core/errors';
import { longText, parseId } from '../../core/input';
import { PageArgs } from '../../graphql/list-args';
import { runMutation } from '../audit/audit.service';
import { MemberAssignmentEntity, MemberEntity } from '../member/member.entity';
import { subtreeUnitIds } from '../org-unit/tree.queries';
import { requireOn } from '../recognition/record-subject';
import { STUDY_TEXT_MAX, StudyEntryEntity, StudyRegistrationEntity } from './study.entity';
import { CreateStudyRegistrationArgs, StudyEntryFilter, StudyRegistrationFilter, UpdateStudyRegistrationArgs } from './study.input';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** The days a registration or entry spans, cut at today. */
export const yearSpan = (year: number, today: string) => ({ from: `${year}-01-01`, to: [`${year}-12-31`, today].sort()[0] });
export const monthSpan = (year: number, month: number, today: string) => ({
  from: `${year}-${pad(month)}-01`,
  to: [`${year}-${pad(month)}-${pad(lastDay(year, month))}`, today].sort()[0],
});

/** The cell a member belonged to last within [from, to] (official memberships), or null. */
export async function cellDuring(em: EntityManager, memberId: number, span: { from: string; to: string }): Promise<number | null> {
  const row = await em
    .createQueryBuilder(MemberAssignmentEntity, 'a')
    .where('a.memberId = :memberId AND a.kind = :kind', { memberId, kind: MembershipKind.OFFICIAL })
    .andWhere('a.validFrom <= :to AND (a.validTo IS NULL OR a.validTo > :from)', span)
    .orderBy('a.validFrom', 'DESC')
    .getOne();
  return row?.unitId ?? null;
}

/** SQL: the member of `reg` belonged during its year to one of the units bound to `param`. */
const memberCellsIn = (reg: string, param: string) =>
  `EXISTS (SELECT 1 FROM member_assignment ya WHERE ya.memberId = ${reg}.memberId AND ya.kind = 'OFFICIAL'
     AND ya.validFrom <= CONCAT(${reg}.year, '-12-31') AND (ya.validTo IS NULL OR ya.validTo > CONCAT(${reg}.year, '-01-01'))
     AND ya.unitId IN (:...${param}))`;

export const registrationList = defineList<StudyRegistrationEntity, StudyRegistrationFilter>({
  type: StudyRegistrationEntity,
  alias: 'sr',
  label: 'đăng ký học tập',
  scope: { apply: (qb, units) => qb.andWhere(memberCellsIn('sr', 'regScope'), { regScope: units.length ? units : [0] }) },
  search: [{ sql: '(SELECT sm.searchText FROM member sm WHERE sm.id = sr.memberId)', kind: 'folded' }, { sql: 'sr.commitment', kind: 'text' }],
  async filter(qb, f, ctx) {
    if (f.year != null) qb.andWhere('sr.year = :year', { year: f.year });
    if (f.memberId) qb.andWhere('sr.memberId = :memberId', { memberId: parseId('filter.memberId', f.memberId) });
    if (f.unitId) {
      const units = await subtreeUnitIds(ctx.em, [parseId('filter.unitId', f.unitId)], ctx.today);
      qb.andWhere(memberCellsIn('sr', 'regUnits'), { regUnits: units.length ? units : [0] });
    }
  },
  defaultSort: 'year',
  defaultOrder: 'DESC',
});

export const entryList = defineList<StudyEntryEntity, StudyEntryFilter>({
  type: StudyEntryEntity,
  alias: 'se',
  label: 'kết quả học tập tháng',
  // Entries are read with their registration: whoever sees the registration sees its months.
  from: (ctx) => ctx.em.createQueryBuilder(StudyEntryEntity, 'se').innerJoin(StudyRegistrationEntity, 'ser', 'ser.id = se.registrationId'),
  scope: { apply: (qb, units) => qb.andWhere(memberCellsIn('ser', 'entryScope'), { entryScope: units.length ? units : [0] }) },
  search: [{ sql: 'se.content', kind: 'text' }],
  filter(qb, f) {
    if (f.registrationId) qb.andWhere('se.registrationId = :registrationId', { registrationId: parseId('filter.registrationId', f.registrationId) });
    if (f.month != null) qb.andWhere('se.month = :month', { month: f.month });
    if (f.specificity) qb.andWhere('se.specificity = :specificity', { specificity: f.specificity });
    if (f.outcome) qb.andWhere('se.outcome = :outcome', { outcome: f.outcome });
    if (f.reviewed != null) qb.andWhere(f.reviewed ? 'se.reviewedOn IS NOT NULL' : 'se.reviewedOn IS NULL');
  },
  defaultSort: 'month',
});

export const listRegistrations = (ctx: Context, args: PageArgs, f?: StudyRegistrationFilter) => registrationList.list(ctx, args, f);
export const countRegistrations = (ctx: Context, f?: StudyRegistrationFilter) => registrationList.count(ctx, f);
export const listEntries = (ctx: Context, args: PageArgs, f?: StudyEntryFilter) => entryList.list(ctx, args, f);
export const countEntries = (ctx: Context, f?: StudyEntryFilter) => entryList.count(ctx, f);

function checkYear(year: number, ctx: Context): number {
  if (!Number.isInteger(year) || year < 2000 || year > Number(ctx.today.slice(0, 4))) {
    throw new BadInputError('year', `Năm ${year} không hợp lệ (từ 2000 đến năm nay)`);
  }
  return year;
}

/** The cell a registration belongs to, where its writes need RECORD_CELL_WORK. */
async function registrationCell(ctx: Context, em: EntityManager, memberId: number, year: number): Promise<number> {
  const cellId = await cellDuring(em, memberId, yearSpan(year, ctx.today));
  if (cellId === null || !(await ctx.scope.includesUnit(ctx.em, ctx.today, cellId))) {
    throw new BadInputError('memberId', `Không có đảng viên mã ${memberId} sinh hoạt ở chi bộ trong phạm vi của bạn trong năm ${year}`);
  }
  return cellId;
}

const commitmentOf = (value: string | null | undefined) => {
  const text = longText('commitment', value ?? null, 'Nội dung đăng ký', STUDY_TEXT_MAX);
  if (!text) throw new BadInputError('commitment', 'Nội dung đăng ký không được để trống');
  return text;
};

export async function createRegistration(ctx: Context, args: CreateStudyRegistrationArgs): Promise<StudyRegistrationEntity> {
  const memberId = parseId('memberId', args.memberId);
  const year = checkYear(args.year, ctx);
  const commitment = commitmentOf(args.commitment);
  return runMutation(ctx, 'createStudyRegistration', async ({ em, audit }) => {
    if (!(await em.exists(MemberEntity, { where: { id: memberId } }))) throw new BadInputError('memberId', `Không có đảng viên mã ${memberId} trong phạm vi của bạn`);
    const cellId = await registrationCell(ctx, em, memberId, year);
    await requireOn(ctx, Capability.RECORD_CELL_WORK, cellId, 'ghi đăng ký học tập của đảng viên');
    if (await em.exists(StudyRegistrationEntity, { where: { memberId, year } })) {
      throw new ConflictError(`Đảng viên đã có bản đăng ký học tập năm ${year}`, { field: 'year', reason: 'DUPLICATE' });
    }
    const saved = await em.save(em.create(StudyRegistrationEntity, { memberId, year, commitment }));
    await audit({ entity: 'StudyRegistration', entityId: saved.id, before: null, after: { memberId, year, commitment }, unitId: cellId });
    return saved;
  });
}

export async function updateRegistration(ctx: Context, args: UpdateStudyRegistrationArgs): Promise<StudyRegistrationEntity> {
  const id = parseId('id', args.id);
  return runMutation(ctx, 'updateStudyRegistration', async ({ em, audit }) => {
    const current = await registrationList.get(ctx, id);
    const cellId = await registrationCell(ctx, em, current.memberId, current.year);
    await requireOn(ctx, Capability.RECORD_CELL_WORK, cellId, 'sửa đăng ký học tập của đảng viên');
    if (args.version != null && args.version !== current.version) throw staleVersionError('Bản đăng ký học tập');
    const values = { commitment: args.commitment === undefined ? current.commitment : commitmentOf(args.commitment) };
    const saved = await updateVersioned(em, StudyRegistrationEntity, current, values, 'Bản đăng ký học tập');
    await audit({ entity: 'StudyRegistration', entityId: id, before: current, after: values, unitId: cellId });
    return saved;
  });
}

export async function deleteRegistration(ctx: Context, idArg: string): Promise<StudyRegistrationEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteStudyRegistration', async ({ em, audit }) => {
    const current = await registrationList.get(ctx, id);
    const cellId = await registrationCell(ctx, em, current.memberId, current.year);
    await requireOn(ctx, Capability.RECORD_CELL_WORK, cellId, 'xóa đăng ký học tập của đảng viên');
    const entries = await em.find(StudyEntryEntity, { where: { registrationId: id } });
    await em.delete(StudyEntryEntity, { registrationId: id });
    await em.delete(StudyRegistrationEntity, { id });
    await audit({ entity: 'StudyRegistration', entityId: id, before: { ...current, entries }, after: null, unitId: cellId });
    return Object.assign(current, { id });
  });
}
