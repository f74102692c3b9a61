/**
 * Monthly study entries and the cell's review. Each entry belongs to the member's cell of that month: writing or
 * reviewing it needs RECORD_CELL_WORK there (the cell's secretary, or a unit admin above), so the secretary of a
 * cell the member left cannot review the months after the move.
 */
import { Capability, StudyOutcome, StudySpecificity } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { updateVersioned } from '../../database/versioned-update';
import { BadInputError, ConflictError, staleVersionError } from '../../core/errors';
import { longText, parseDate, parseId } from '../../core/input';
import { runMutation } from '../audit/audit.service';
import { requireOn } from '../recognition/record-subject';
import { STUDY_TEXT_MAX, StudyEntryEntity, StudyRegistrationEntity } from './study.entity';
import { CreateStudyEntryArgs, UpdateStudyEntryArgs } from './study.input';
import { cellDuring, entryList, monthSpan, registrationList } from './study.service';

function checkMonth(month: number, year: number, ctx: Context): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new BadInputError('month', 'Tháng phải từ 1 đến 12');
  if (`${year}-${String(month).padStart(2, '0')}` > ctx.today.slice(0, 7)) throw new BadInputError('month', `Tháng ${month}/${year} chưa tới`);
  return month;
}

/** The member's cell in that month, where the caller must hold RECORD_CELL_WORK. */
async function entryCell(ctx: Context, em: EntityManager, reg: StudyRegistrationEntity, month: number, verb: string): Promise<number> {
  const cellId = await cellDuring(em, reg.memberId, monthSpan(reg.year, month, ctx.today));
  if (cellId === null) throw new BadInputError('month', `Tháng ${month}/${reg.year} đảng viên không sinh hoạt ở chi bộ nào`);
  await requireOn(ctx, Capability.RECORD_CELL_WORK, cellId, `${verb} kết quả học tập tháng ${month}/${reg.year} của đảng viên (chỉ bí thư chi bộ của đảng viên trong tháng đó hoặc cấp ủy cấp trên)`);
  return cellId;
}

interface Review {
  specificity: StudySpecificity | null;
  outcome: StudyOutcome | null;
  reviewedById: number | null;
  reviewedBy: string | null;
  reviewedOn: string | null;
}

/** The review after this write: a changed value stamps the reviewer and the date; clearing both clears the stamp. */
function reviewOf(ctx: Context, args: CreateStudyEntryArgs | UpdateStudyEntryArgs, current: Review | null, reg: StudyRegistrationEntity, month: number): Review {
  const specificity = args.specificity === undefined ? current?.specificity ?? null : args.specificity;
  const outcome = args.outcome === undefined ? current?.outcome ?? null : args.outcome;
  if (specificity === null && outcome === null) return { specificity, outcome, reviewedById: null, reviewedBy: null, reviewedOn: null };
  const changed = !current || specificity !== current.specificity || outcome !== current.outcome;
  let reviewedOn = current?.reviewedOn ?? null;
  if (args.reviewedOn) reviewedOn = parseDate('reviewedOn', args.reviewedOn, 'Ngày nhận xét');
  else if (changed) reviewedOn = ctx.today;
  const monthStart = monthSpan(reg.year, month, ctx.today).from;
  if (reviewedOn && (reviewedOn < monthStart || reviewedOn > ctx.today)) {
    throw new BadInputError('reviewedOn', `Ngày nhận xét phải từ ${monthStart} đến hôm nay`);
  }
  if (!changed && reviewedOn === current?.reviewedOn) return { ...(current as Review) };
  return { specificity, outcome, reviewedById: ctx.actor?.userId ?? null, reviewedBy: ctx.actor?.name ?? null, reviewedOn };
}

const contentOf = (value: string | null | undefined) => {
  const text = longText('content', value ?? null, 'Nội dung thực hiện', STUDY_TEXT_MAX);
  if (!text) throw new BadInputError('content', 'Nội dung thực hiện trong tháng không được để trống');
  return text;
};

async function checkFreeMonth(em: EntityManager, registrationId: number, month: number, selfId: number | null): Promise<void> {
  const other = await em.findOne(StudyEntryEntity, { where: { registrationId, month } });
  if (other && other.id !== selfId) throw new ConflictError(`Đã có kết quả tháng ${month} trong bản đăng ký này`, { field: 'month', reason: 'DUPLICATE' });
}

export async function createEntry(ctx: Context, args: CreateStudyEntryArgs): Promise<StudyEntryEntity> {
  const registrationId = parseId('registrationId', args.registrationId);
  const content = contentOf(args.content);
  return runMutation(ctx, 'createStudyEntry', async ({ em, audit }) => {
    const reg = await registrationList.find(ctx, registrationId);
    if (!reg) throw new BadInputError('registrationId', `Không có bản đăng ký học tập mã ${registrationId} trong phạm vi của bạn`);
    const month = checkMonth(args.month, reg.year, ctx);
    const cellId = await entryCell(ctx, em, reg, month, 'ghi');
    await checkFreeMonth(em, registrationId, month, null);
    const values = { registrationId, month, content, ...reviewOf(ctx, args, null, reg, month) };
    const saved = await em.save(em.create(StudyEntryEntity, values));
    await audit({ entity: 'StudyEntry', entityId: saved.id, before: null, after: values, unitId: cellId });
    return saved;
  });
}

export async function updateEntry(ctx: Context, args: UpdateStudyEntryArgs): Promise<StudyEntryEntity> {
  const id = parseId('id', args.id);
  return runMutation(ctx, 'updateStudyEntry', async ({ em, audit }) => {
    const current = await entryList.get(ctx, id);
    const reg = await registrationList.get(ctx, current.registrationId);
    const cellId = await entryCell(ctx, em, reg, current.month, 'sửa');
    if (args.version != null && args.version !== current.version) throw staleVersionError('Kết quả học tập tháng');
    const month = args.month == null ? current.month : checkMonth(args.month, reg.year, ctx);
    if (month !== current.month) {
      await entryCell(ctx, em, reg, month, 'ghi');
      await checkFreeMonth(em, reg.id, month, id);
    }
    const content = args.content == null ? current.content : contentOf(args.content);
    const values = { month, content, ...reviewOf(ctx, args, current, reg, month) };
    const saved = await updateVersioned(em, StudyEntryEntity, current, values, 'Kết quả học tập tháng');
    await audit({ entity: 'StudyEntry', entityId: id, before: current, after: values, unitId: cellId });
    return saved;
  });
}

export async function deleteEntry(ctx: Context, idArg: string): Promise<StudyEntryEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteStudyEntry', async ({ em, audit }) => {
    const current = await entryList.get(ctx, id);
    const reg = await registrationList.get(ctx, current.registrationId);
    const cellId = await entryCell(ctx, em, reg, current.month, 'xóa');
    await em.delete(StudyEntryEntity, { id });
    await audit({ entity: 'StudyEntry', entityId: id, before: current, after: null, unitId: cellId });
    return Object.assign(current, { id });
  });
}
