/**
 * Activities (conferences, cell meetings, seminars, propaganda items): each organised by one unit on one date, read
 * where the caller sees the organiser, written with MANAGE_ACTIVITIES on it, and linked to the documents it carries
 * out (documents the caller can read).
 */
import { EntityManager, In } from 'typeorm';
import { Context } from '../../context';
import { BadInputError, ConflictError, staleVersionError } from '../../core/errors';
import { longText, parseDate, parseId, parseOptionalId, requiredText } from '../../core/input';
import { PageArgs } from '../../graphql/list-args';
import { defineList } from '../../core/list';
import { updateVersioned } from '../../database/versioned-update';
import { runMutation } from '../audit/audit.service';
import { documentList } from '../document/document.service';
import { checkExistsOn, requireManage, unitInScope } from '../document/unit-refs';
import { findMember } from '../member/member.service';
import { subtreeUnitIds } from '../org-unit/tree.queries';
import { ActivityAudience, ActivityDocumentEntity, ActivityEntity, ActivityKind, AttendanceEntity, OutreachEntity } from './activity.entity';
import { ActivityFilter, CreateActivityArgs, UpdateActivityArgs } from './activity.input';
import { expectedAttendees } from './attendance.queries';

const ENTITY = 'hoạt động';

export const activityList = defineList<ActivityEntity, ActivityFilter>({
  type: ActivityEntity,
  alias: 'a',
  label: ENTITY,
  scope: { column: 'a.unitId' },
  search: [{ sql: 'a.title', kind: 'text' }],
  async filter(qb, f, ctx) {
    if (f.unitId) {
      const units = await subtreeUnitIds(ctx.em, [parseId('filter.unitId', f.unitId)], ctx.today);
      qb.andWhere('a.unitId IN (:...activityUnits)', { activityUnits: units.length ? units : [0] });
    }
    if (f.kind) qb.andWhere('a.kind = :kind', { kind: f.kind });
    if (f.conferenceKind) qb.andWhere('a.conferenceKind = :conferenceKind', { conferenceKind: f.conferenceKind });
    if (f.medium) qb.andWhere('a.medium = :medium', { medium: f.medium });
    if (f.documentId) {
      qb.andWhere('EXISTS (SELECT 1 FROM activity_document ad WHERE ad.activityId = a.id AND ad.documentId = :documentId)', {
        documentId: parseId('filter.documentId', f.documentId),
      });
    }
    if (f.heldFrom) qb.andWhere('a.heldOn >= :heldFrom', { heldFrom: parseDate('filter.heldFrom', f.heldFrom) });
    if (f.heldTo) qb.andWhere('a.heldOn <= :heldTo', { heldTo: parseDate('filter.heldTo', f.heldTo) });
  },
  defaultSort: 'heldOn',
  defaultOrder: 'DESC',
});

export const listActivities = (ctx: Context, args: PageArgs, f?: ActivityFilter) => activityList.list(ctx, args, f);
export const countActivities = (ctx: Context, f?: ActivityFilter) => activityList.count(ctx, f);
export const getActivity = (ctx: Context, id: number) => activityList.get(ctx, id);

type Draft = Pick<ActivityEntity, 'kind' | 'conferenceKind' | 'medium' | 'subjectMemberId' | 'subjectUnitId' | 'unitId' | 'heldOn' | 'title' | 'audience' | 'note'>;

const pick = <T>(arg: T | undefined, current: T | undefined, fallback: T): T => (arg !== undefined ? arg : current !== undefined ? current : fallback);

async function buildDraft(ctx: Context, em: EntityManager, current: ActivityEntity | null, args: Partial<CreateActivityArgs>): Promise<Draft> {
  const kind = pick(args.kind ?? undefined, current?.kind, undefined as unknown as ActivityKind);
  if (!kind) throw new BadInputError('kind', 'Hãy chọn loại hoạt động');
  const heldOn = args.heldOn != null ? parseDate('heldOn', args.heldOn, 'Ngày tổ chức') : (current?.heldOn ?? parseDate('heldOn', '', 'Ngày tổ chức'));
  const title = requiredText('title', args.title ?? current?.title ?? '', 'Tên hoạt động', 500);
  const note = args.note === undefined ? (current?.note ?? null) : (longText('note', args.note, 'Ghi chú', 20000) ?? null);
  const unitId = args.unitId != null ? parseId('unitId', args.unitId) : current?.unitId;
  if (!unitId) throw new BadInputError('unitId', 'Hãy chọn đơn vị tổ chức');
  const unit = await unitInScope(ctx, em, 'unitId', unitId);
  checkExistsOn(unit, heldOn, 'unitId', 'ngày tổ chức');

  const conferenceKind = pick(args.conferenceKind, current?.conferenceKind, null);
  if (kind === ActivityKind.CONFERENCE && !conferenceKind) throw new BadInputError('conferenceKind', 'Hội nghị phải chọn loại: triển khai, sơ kết hay tổng kết');
  const medium = pick(args.medium, current?.medium, null);
  if (kind === ActivityKind.PROPAGANDA && !medium) throw new BadInputError('medium', 'Tuyên truyền phải chọn hình thức: đài truyền thanh, phóng sự truyền hình hay chuyên mục trên trang thông tin');
  const subjectMemberId = pick(parseOptionalId('subjectMemberId', args.subjectMemberId), current?.subjectMemberId, null);
  const subjectUnitId = pick(parseOptionalId('subjectUnitId', args.subjectUnitId), current?.subjectUnitId, null);
  if (kind !== ActivityKind.PROPAGANDA && (subjectMemberId !== null || subjectUnitId !== null)) {
    throw new BadInputError(subjectMemberId !== null ? 'subjectMemberId' : 'subjectUnitId', 'Chỉ hoạt động tuyên truyền mới có cá nhân hoặc tập thể được tuyên truyền');
  }
  if (subjectMemberId !== null && subjectUnitId !== null) {
    throw new BadInputError('subjectUnitId', 'Một tin bài tuyên truyền về một cá nhân hoặc một tập thể, không cả hai');
  }
  if (subjectMemberId !== null && !(await findMember(ctx, subjectMemberId))) {
    throw new BadInputError('subjectMemberId', `Không có đảng viên mã ${subjectMemberId} trong phạm vi của bạn`);
  }
  if (subjectUnitId !== null) await unitInScope(ctx, em, 'subjectUnitId', subjectUnitId);

  const audience = pick(args.audience ?? undefined, current?.audience, ActivityAudience.PARTY_MEMBERS);
  if (kind === ActivityKind.CELL_MEETING && audience !== ActivityAudience.PARTY_MEMBERS) {
    throw new BadInputError('audience', 'Sinh hoạt chi bộ là hoạt động của đảng viên');
  }
  return {
    kind,
    conferenceKind: kind === ActivityKind.CONFERENCE ? conferenceKind : null,
    medium: kind === ActivityKind.PROPAGANDA ? medium : null,
    subjectMemberId,
    subjectUnitId,
    unitId,
    heldOn,
    title,
    audience,
    note,
  };
}

/** Distinct documents the caller can read, or BAD_USER_INPUT on documentIds. */
async function checkDocuments(ctx: Context, ids: string[] | null | undefined): Promise<number[] | undefined> {
  if (ids === undefined) return undefined;
  const parsed = [...new Set((ids ?? []).map((id) => parseId('documentIds', id)))];
  if (parsed.length === 0) return [];
  const readable = await documentList.list(ctx, { perPage: Math.min(parsed.length, ctx.config.maxPerPage), sortField: 'id' }, { ids: parsed.map(String) });
  const found = new Set(readable.map((d) => d.id));
  const missing = parsed.find((id) => !found.has(id));
  if (missing !== undefined) throw new BadInputError('documentIds', `Không có văn bản mã ${missing} trong phạm vi của bạn`);
  return parsed;
}

async function linkDocuments(em: EntityManager, activityId: number, documentIds: number[]): Promise<void> {
  await em.delete(ActivityDocumentEntity, { activityId });
  if (documentIds.length) await em.insert(ActivityDocumentEntity, documentIds.map((documentId) => ({ activityId, documentId })));
}

export async function documentIdsOf(em: EntityManager, activityIds: readonly number[]): Promise<Map<number, number[]>> {
  const rows = activityIds.length ? await em.find(ActivityDocumentEntity, { where: { activityId: In([...activityIds]) }, order: { documentId: 'ASC' } }) : [];
  const out = new Map<number, number[]>(activityIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.activityId)?.push(r.documentId);
  return out;
}

export async function createActivity(ctx: Context, args: CreateActivityArgs): Promise<ActivityEntity> {
  return runMutation(ctx, 'createActivity', async ({ em, audit }) => {
    const draft = await buildDraft(ctx, em, null, args);
    await requireManage(ctx, draft.unitId, 'ghi hoạt động');
    const documentIds = (await checkDocuments(ctx, args.documentIds)) ?? [];
    const activity = em.create(ActivityEntity, draft);
    await em.save(activity);
    await linkDocuments(em, activity.id, documentIds);
    await audit({ entity: 'Activity', entityId: activity.id, before: null, after: { ...draft, documentIds }, unitId: draft.unitId });
    return activity;
  });
}

/** A change of organiser, date or audience must keep every mark on the sheet valid. */
async function checkSheetStillFits(ctx: Context, em: EntityManager, current: ActivityEntity, draft: Draft): Promise<void> {
  if (draft.unitId === current.unitId && draft.heldOn === current.heldOn && draft.audience === current.audience) return;
  const marked = await em.find(AttendanceEntity, { where: { activityId: current.id }, select: { id: true, memberId: true } });
  if (marked.length === 0) return;
  if (draft.audience !== ActivityAudience.PARTY_MEMBERS) {
    throw new BadInputError('audience', 'Hoạt động đã có điểm danh đảng viên; hãy xóa bảng điểm danh trước khi đổi đối tượng');
  }
  const expected = new Set((await expectedAttendees(ctx, em, { ...current, ...draft })).map((r) => r.memberId));
  const outside = marked.filter((m) => !expected.has(m.memberId)).length;
  if (outside > 0) {
    const field = draft.unitId !== current.unitId ? 'unitId' : 'heldOn';
    throw new BadInputError(field, `${outside} đảng viên đã điểm danh không sinh hoạt tại đơn vị tổ chức vào ngày ${draft.heldOn}; hãy sửa bảng điểm danh trước`);
  }
}

export async function updateActivity(ctx: Context, args: UpdateActivityArgs): Promise<ActivityEntity> {
  const id = parseId('id', args.id);
  return runMutation(ctx, 'updateActivity', async ({ em, audit }) => {
    const activity = await getActivity(ctx, id);
    await requireManage(ctx, activity.unitId, 'sửa hoạt động');
    if (args.version != null && args.version !== activity.version) throw staleVersionError('Hoạt động');
    const draft = await buildDraft(ctx, em, activity, args);
    if (draft.unitId !== activity.unitId) await requireManage(ctx, draft.unitId, 'chuyển hoạt động đến đơn vị này');
    await checkSheetStillFits(ctx, em, activity, draft);
    const documentIds = await checkDocuments(ctx, args.documentIds);
    const before = { ...activity, documentIds: (await documentIdsOf(em, [id])).get(id) };
    if (documentIds !== undefined) await linkDocuments(em, id, documentIds);
    const saved = await updateVersioned(em, ActivityEntity, activity, draft, 'Hoạt động');
    await audit({ entity: 'Activity', entityId: id, before, after: { ...draft, documentIds: documentIds ?? before.documentIds }, unitId: draft.unitId });
    return saved;
  });
}

export async function deleteActivity(ctx: Context, idArg: string): Promise<ActivityEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteActivity', async ({ em, audit }) => {
    const activity = await getActivity(ctx, id);
    await requireManage(ctx, activity.unitId, 'xóa hoạt động');
    if (await em.exists(OutreachEntity, { where: { activityId: id } })) {
      throw new ConflictError(`Không xóa được "${activity.title}": còn kết quả triển khai gắn với hoạt động này`, { reason: 'HAS_OUTREACH' });
    }
    const attendance = await em.find(AttendanceEntity, { where: { activityId: id } });
    const documentIds = (await documentIdsOf(em, [id])).get(id);
    await em.delete(AttendanceEntity, { activityId: id });
    await em.delete(ActivityDocumentEntity, { activityId: id });
    await em.delete(ActivityEntity, { id });
    await audit({ entity: 'Activity', entityId: id, before: { ...activity, documentIds, attendance }, after: null, unitId: activity.unitId });
    activity.id = id;
    return activity;
  });
}
