/**
 * Attendance: one mark per expected member of a party-member activity, present or absent with a reason. The sheet
 * is entered on one screen and saved whole (saveAttendance), under the activity's version; single rows can also be
 * changed through the Attendance resource. Marks are kept by whoever records the organiser's work: its committee
 * office (MANAGE_ACTIVITIES) or its cell secretary (RECORD_CELL_WORK).
 */
import { Capability } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { BadInputError, ConflictError, ForbiddenError, staleVersionError } from '../../core/errors';
import { parseId, requiredText } from '../../core/input';
import { PageArgs } from '../../graphql/list-args';
import { defineList } from '../../core/list';
import { runMutation } from '../audit/audit.service';
import { ActivityAudience, ActivityEntity, AttendanceEntity } from './activity.entity';
import { AttendanceEntryInput, AttendanceFilter, CreateAttendanceArgs, SaveAttendanceArgs, UpdateAttendanceArgs } from './activity.input';
import { getActivity } from './activity.service';
import { ExpectedAttendee, expectedAttendees } from './attendance.queries';

const ENTITY = 'điểm danh';

export const attendanceList = defineList<AttendanceEntity, AttendanceFilter>({
  type: AttendanceEntity,
  alias: 't',
  label: ENTITY,
  from: (ctx) => ctx.em.createQueryBuilder(AttendanceEntity, 't').innerJoin(ActivityEntity, 'ta', 'ta.id = t.activityId'),
  scope: { column: 'ta.unitId' },
  search: [{ sql: 't.absenceReason', kind: 'text' }],
  filter(qb, f) {
    if (f.activityId) qb.andWhere('t.activityId = :activityId', { activityId: parseId('filter.activityId', f.activityId) });
    if (f.memberId) qb.andWhere('t.memberId = :memberId', { memberId: parseId('filter.memberId', f.memberId) });
    if (f.present !== undefined && f.present !== null) qb.andWhere('t.present = :present', { present: f.present });
  },
  defaultSort: 'id',
});

export const listAttendance = (ctx: Context, args: PageArgs, f?: AttendanceFilter) => attendanceList.list(ctx, args, f);
export const countAttendance = (ctx: Context, f?: AttendanceFilter) => attendanceList.count(ctx, f);
export const getAttendance = (ctx: Context, id: number) => attendanceList.get(ctx, id);

/** Either capability on the organiser: the office keeps conferences, the cell secretary the cell's meetings. */
async function requireRecorder(ctx: Context, unitId: number): Promise<void> {
  for (const c of [Capability.MANAGE_ACTIVITIES, Capability.RECORD_CELL_WORK]) {
    if (await ctx.access.can(ctx.em, ctx.today, c, unitId)) return;
  }
  await ctx.access.require(ctx.em, ctx.today, Capability.RECORD_CELL_WORK, unitId, 'điểm danh');
  throw new ForbiddenError();
}

/** The activity a sheet belongs to: readable, recorded by the caller, held for party members. */
async function sheetActivity(ctx: Context, activityId: number, field = 'activityId'): Promise<ActivityEntity> {
  const activity = await getActivity(ctx, activityId);
  await requireRecorder(ctx, activity.unitId);
  if (activity.audience !== ActivityAudience.PARTY_MEMBERS) {
    throw new BadInputError(field, `"${activity.title}" không phải hoạt động của đảng viên nên không điểm danh`);
  }
  return activity;
}

export async function expectedOf(ctx: Context, activityIdArg: string): Promise<ExpectedAttendee[]> {
  const activity = await getActivity(ctx, parseId('activityId', activityIdArg));
  if (activity.audience !== ActivityAudience.PARTY_MEMBERS) return [];
  return expectedAttendees(ctx, ctx.em, activity);
}

interface Mark {
  memberId: number;
  present: boolean;
  absenceReason: string | null;
}

/** One entry checked: an expected member, and a reason when absent (dropped when present). */
function checkEntry(entry: AttendanceEntryInput | CreateAttendanceArgs, prefix: string, expected: Set<number>, activity: ActivityEntity): Mark {
  const memberId = parseId(`${prefix}memberId`, entry.memberId);
  if (!expected.has(memberId)) {
    throw new BadInputError(`${prefix}memberId`, `Đảng viên mã ${memberId} không sinh hoạt trong đơn vị tổ chức "${activity.title}" vào ngày ${activity.heldOn}`, { memberId: String(memberId) });
  }
  if (entry.present) return { memberId, present: true, absenceReason: null };
  const reason = requiredText(`${prefix}absenceReason`, entry.absenceReason ?? '', 'Lý do vắng', 500);
  return { memberId, present: false, absenceReason: reason };
}

/** Every later reader of the sheet sees a new version: single-row edits bump it too. */
async function bumpVersion(em: EntityManager, activity: ActivityEntity, expectedVersion: number | null): Promise<void> {
  const qb = em.createQueryBuilder().update(ActivityEntity).set({ version: () => 'version + 1' }).where('id = :id', { id: activity.id });
  if (expectedVersion !== null) qb.andWhere('version = :version', { version: expectedVersion });
  const result = await qb.execute();
  if (result.affected !== 1) throw staleVersionError('Bảng điểm danh');
}

const summary = (marks: Mark[]) => ({
  present: marks.filter((m) => m.present).length,
  absent: marks.filter((m) => !m.present).map((m) => ({ memberId: m.memberId, reason: m.absenceReason })),
});

/** Replaces the whole sheet in one transaction, only if nobody saved it since `version` was read. */
export async function saveAttendance(ctx: Context, args: SaveAttendanceArgs): Promise<ActivityEntity> {
  const activityId = parseId('activityId', args.activityId);
  if (args.entries.length > Math.max(ctx.config.maxPerPage, 5000)) throw new BadInputError('entries', 'Bảng điểm danh quá dài');
  return runMutation(ctx, 'saveAttendance', async ({ em, audit }) => {
    const activity = await sheetActivity(ctx, activityId);
    if (args.version !== activity.version) throw staleVersionError('Bảng điểm danh');
    const expected = new Set((await expectedAttendees(ctx, em, activity)).map((r) => r.memberId));
    const seen = new Set<number>();
    const marks = args.entries.map((entry, i) => {
      const mark = checkEntry(entry, `entries.${i}.`, expected, activity);
      if (seen.has(mark.memberId)) throw new BadInputError(`entries.${i}.memberId`, `Đảng viên mã ${mark.memberId} có hai dòng trong bảng điểm danh`);
      seen.add(mark.memberId);
      return mark;
    });
    // Every check is done: the writes below are the only ones, all in this transaction.
    await bumpVersion(em, activity, args.version);
    const before = await em.find(AttendanceEntity, { where: { activityId } });
    await em.delete(AttendanceEntity, { activityId });
    if (marks.length) await em.insert(AttendanceEntity, marks.map((m) => ({ activityId, ...m })));
    await audit({ entity: 'Activity', entityId: activityId, before: { attendance: summary(before) }, after: { attendance: summary(marks) }, unitId: activity.unitId });
    return (await em.findOneOrFail(ActivityEntity, { where: { id: activityId } })) as ActivityEntity;
  });
}

export async function createAttendance(ctx: Context, args: CreateAttendanceArgs): Promise<AttendanceEntity> {
  const activityId = parseId('activityId', args.activityId);
  return runMutation(ctx, 'createAttendance', async ({ em, audit }) => {
    const activity = await sheetActivity(ctx, activityId);
    const expected = new Set((await expectedAttendees(ctx, em, activity)).map((r) => r.memberId));
    const mark = checkEntry(args, '', expected, activity);
    if (await em.exists(AttendanceEntity, { where: { activityId, memberId: mark.memberId } })) {
      throw new ConflictError(`Đảng viên mã ${mark.memberId} đã được điểm danh ở hoạt động này`, { field: 'memberId', reason: 'DUPLICATE' });
    }
    await bumpVersion(em, activity, null);
    const row = em.create(AttendanceEntity, { activityId, ...mark });
    await em.save(row);
    await audit({ entity: 'Attendance', entityId: row.id, before: null, after: row, unitId: activity.unitId });
    return row;
  });
}

export async function updateAttendance(ctx: Context, args: UpdateAttendanceArgs): Promise<AttendanceEntity> {
  const id = parseId('id', args.id);
  return runMutation(ctx, 'updateAttendance', async ({ em, audit }) => {
    const row = await getAttendance(ctx, id);
    const activity = await sheetActivity(ctx, row.activityId);
    const present = args.present ?? row.present;
    const absenceReason = args.absenceReason === undefined ? row.absenceReason : args.absenceReason;
    const mark = checkEntry({ memberId: String(row.memberId), present, absenceReason }, '', new Set([row.memberId]), activity);
    await bumpVersion(em, activity, null);
    await em.update(AttendanceEntity, { id }, { present: mark.present, absenceReason: mark.absenceReason });
    const saved = await em.findOneOrFail(AttendanceEntity, { where: { id } });
    await audit({ entity: 'Attendance', entityId: id, before: row, after: saved, unitId: activity.unitId });
    return saved;
  });
}

export async function deleteAttendance(ctx: Context, idArg: string): Promise<AttendanceEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteAttendance', async ({ em, audit }) => {
    const row = await getAttendance(ctx, id);
    const activity = await sheetActivity(ctx, row.activityId);
    await bumpVersion(em, activity, null);
    await em.delete(AttendanceEntity, { id });
    await audit({ entity: 'Attendance', entityId: id, before: row, after: null, unitId: activity.unitId });
    row.id = id;
    return row;
  });
}
