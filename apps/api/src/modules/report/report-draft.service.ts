/**
 * Report drafts: created pre-filled from the figures, edited by the clerk, then issued once. Issuing gives the
 * report its number from the register (the next Báo cáo of the issuer that year) and keeps it as a Document; the
 * draft is frozen from then on. Reads follow the unit's scope; writes need MANAGE_ACTIVITIES on the unit, like the
 * document register.
 */
import { parseDocumentNumber } from '@dangbo/vn';
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { defineList } from '../../core/list';
import { updateVersioned } from '../../database/versioned-update';
import { BadInputError, ConflictError, staleVersionError } from '../../core/errors';
import { longText, parseDate, parseId, requiredText } from '../../core/input';
import { PageArgs } from '../../graphql/list-args';
import { runMutation } from '../audit/audit.service';
import { directiveReport, parsePeriod, unitInCallerScope } from '../directive/directive-report.service';
import { DocumentEntity } from '../document/document.entity';
import { numberParts, uniqueKeyOf } from '../document/document.rules';
import { getDocument } from '../document/document.service';
import { requireManage } from '../document/unit-refs';
import { defaultTexts, DraftTexts } from './directive-report.text';
import { reportIssuer } from './issuer';
import { ReportDraftEntity } from './report-draft.entity';
import { CreateReportDraftArgs, IssueReportArgs, ReportDraftFilter, ReportDraftTextArgs, UpdateReportDraftArgs } from './report-draft.input';

const ENTITY = 'dự thảo báo cáo';
const REPORT_TYPE = 'BC';

export const draftList = defineList<ReportDraftEntity, ReportDraftFilter>({
  type: ReportDraftEntity,
  alias: 'r',
  label: ENTITY,
  scope: { column: 'r.unitId' },
  search: [{ sql: 'r.title', kind: 'text' }],
  filter(qb, f) {
    if (f.unitId) qb.andWhere('r.unitId = :unitId', { unitId: parseId('filter.unitId', f.unitId) });
    if (f.documentId) qb.andWhere('r.documentId = :documentId', { documentId: parseId('filter.documentId', f.documentId) });
  },
  defaultSort: 'updatedAt',
  defaultOrder: 'DESC',
});

export const listDrafts = (ctx: Context, args: PageArgs, f?: ReportDraftFilter) => draftList.list(ctx, args, f);
export const countDrafts = (ctx: Context, f?: ReportDraftFilter) => draftList.count(ctx, f);
export const getDraft = (ctx: Context, id: number) => draftList.get(ctx, id);

/** The latest draft of this report (unit, directive, period), if any: the download uses its texts. */
export async function latestDraftFor(ctx: Context, unitId: number, documentId: number, from: string, to: string): Promise<ReportDraftEntity | null> {
  return ctx.em.findOne(ReportDraftEntity, { where: { unitId, documentId, periodFrom: from, periodTo: to }, order: { updatedAt: 'DESC', id: 'DESC' } });
}

function texts(args: ReportDraftTextArgs, base: DraftTexts): DraftTexts {
  const long = (field: keyof DraftTexts, label: string) => (args[field] === undefined ? base[field] : (longText(field, args[field], label, 20000) ?? null));
  return {
    title: args.title === undefined || args.title === null ? base.title : requiredText('title', args.title, 'Trích yếu', 500),
    introduction: long('introduction', 'Đoạn mở đầu'),
    strengths: long('strengths', 'Mặt được'),
    limitations: long('limitations', 'Hạn chế'),
    directions: long('directions', 'Phương hướng'),
    recipients: long('recipients', 'Nơi nhận'),
  };
}

export async function createDraft(ctx: Context, args: CreateReportDraftArgs): Promise<ReportDraftEntity> {
  const unitId = parseId('unitId', args.unitId);
  const documentId = parseId('documentId', args.documentId);
  const period = parsePeriod(args.periodFrom, args.periodTo);
  await unitInCallerScope(ctx, unitId);
  await requireManage(ctx, unitId, 'viết báo cáo');
  const figures = await directiveReport(ctx, { documentId: String(documentId), unitId: String(unitId), from: period.from, to: period.to });
  const base = defaultTexts(figures, await reportIssuer(ctx, unitId, period.to));
  const values = texts(args, base);
  return runMutation(ctx, 'createReportDraft', async ({ em, audit }) => {
    const draft = em.create(ReportDraftEntity, { unitId, documentId, periodFrom: period.from, periodTo: period.to, ...values, issuedDocumentId: null });
    await em.save(draft);
    await audit({ entity: 'ReportDraft', entityId: draft.id, before: null, after: draft, unitId });
    return draft;
  });
}

async function editable(ctx: Context, id: number, version: number | null | undefined, what: string): Promise<ReportDraftEntity> {
  const draft = await getDraft(ctx, id);
  await requireManage(ctx, draft.unitId, what);
  if (draft.issuedDocumentId !== null) throw new ConflictError('Báo cáo đã ban hành: không sửa, xóa hay ban hành lại dự thảo', { reason: 'ISSUED' });
  if (version != null && version !== draft.version) throw staleVersionError('Dự thảo báo cáo');
  return draft;
}

export async function updateDraft(ctx: Context, args: UpdateReportDraftArgs): Promise<ReportDraftEntity> {
  const id = parseId('id', args.id);
  return runMutation(ctx, 'updateReportDraft', async ({ em, audit }) => {
    const draft = await editable(ctx, id, args.version, 'sửa báo cáo');
    const values = texts(args, draft);
    const saved = await updateVersioned(em, ReportDraftEntity, draft, values, 'Dự thảo báo cáo');
    await audit({ entity: 'ReportDraft', entityId: id, before: draft, after: values, unitId: draft.unitId });
    return saved;
  });
}

export async function deleteDraft(ctx: Context, idArg: string): Promise<ReportDraftEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteReportDraft', async ({ em, audit }) => {
    const draft = await editable(ctx, id, null, 'xóa báo cáo');
    await em.delete(ReportDraftEntity, { id });
    await audit({ entity: 'ReportDraft', entityId: id, before: draft, after: null, unitId: draft.unitId });
    draft.id = id;
    return draft;
  });
}

/**
 * The next sequence of a Báo cáo of this issuer in the year. The register's identity has no year (numbering runs per
 * term, document.rules.ts), so a number already held by an earlier year's report is passed over.
 */
export async function nextReportSequence(em: EntityManager, unitId: number, year: number): Promise<number> {
  const rows: { sequence: string }[] = await em
    .createQueryBuilder(DocumentEntity, 'd')
    .select('d.sequence', 'sequence')
    .where('d.issuerUnitId = :unitId AND d.typeCode = :type AND d.issuedOn BETWEEN :start AND :end', { unitId, type: REPORT_TYPE, start: `${year}-01-01`, end: `${year}-12-31` })
    .getRawMany();
  let next = rows.reduce((max, r) => Math.max(max, Number(r.sequence) || 0), 0) + 1;
  while (await em.exists(DocumentEntity, { where: { uniqueKey: uniqueKeyOf({ issuerUnitId: unitId, issuerCode: '', term: null, typeCode: REPORT_TYPE, sequence: String(next) }) } })) next += 1;
  return next;
}

/** The sequence typed by the clerk ("12" or the whole "12-BC/ĐU"), which must be a Báo cáo of this issuer. */
function givenSequence(text: string, code: string): number {
  const t = text.trim();
  if (/^\d{1,6}$/.test(t)) return Number(t);
  const parsed = parseDocumentNumber(t);
  if (!parsed || parsed.typeCode !== REPORT_TYPE || !/^\d+$/.test(parsed.sequence)) {
    throw new BadInputError('number', `Số báo cáo "${t}" không hợp lệ: nhập số thứ tự (ví dụ 12) hoặc số đầy đủ 12-${REPORT_TYPE}/${code}`);
  }
  return Number(parsed.sequence);
}

export async function issueReport(ctx: Context, args: IssueReportArgs): Promise<ReportDraftEntity> {
  const id = parseId('draftId', args.draftId);
  const issuedOn = args.issuedOn ? parseDate('issuedOn', args.issuedOn, 'Ngày ban hành') : ctx.today;
  return runMutation(ctx, 'issueReport', async ({ em, audit }) => {
    const draft = await editable(ctx, id, null, 'ban hành báo cáo');
    if (issuedOn < draft.periodTo) throw new BadInputError('issuedOn', `Ngày ban hành phải từ ngày cuối kỳ báo cáo (${draft.periodTo}) trở đi`);
    await getDocument(ctx, draft.documentId);
    const issuer = await reportIssuer(ctx, draft.unitId, issuedOn);
    const sequence = args.number ? givenSequence(args.number, issuer.code) : await nextReportSequence(em, draft.unitId, Number(issuedOn.slice(0, 4)));
    const parts = numberParts(`${String(sequence).padStart(2, '0')}-${REPORT_TYPE}/${issuer.code}`, 'Báo cáo');
    const doc = {
      ...parts,
      issuerUnitId: draft.unitId,
      issuerName: issuer.bodyName,
      ownerUnitId: draft.unitId,
      term: null,
      issuedOn,
      title: draft.title,
      summary: null,
      // Not `implementsId`: the report is about the directive, not a step of carrying it out (it would count itself).
      implementsId: null,
    };
    const uniqueKey = uniqueKeyOf(doc);
    if (await em.exists(DocumentEntity, { where: { uniqueKey } })) {
      throw new ConflictError(`Số ${parts.number} đã có trong sổ văn bản của ${issuer.bodyName}`, { field: 'number', reason: 'DUPLICATE' });
    }
    const saved = em.create(DocumentEntity, { ...doc, uniqueKey });
    await em.save(saved);
    const issued = await updateVersioned(em, ReportDraftEntity, draft, { issuedDocumentId: saved.id }, 'Dự thảo báo cáo');
    // One entry for the one act: the draft is issued, and the document it became is in the entry's after.
    await audit({ entity: 'ReportDraft', entityId: id, before: draft, after: { issuedDocumentId: saved.id, document: doc }, unitId: draft.unitId });
    return issued;
  });
}
