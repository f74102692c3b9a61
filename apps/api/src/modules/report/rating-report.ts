/**
 * The rating results report of a period and unit (.docx in the Party layout, .xlsx with two sheets): the totals per
 * level come from ratingSummary itself (so the file can never disagree with the panel), and the list of rated
 * subjects is every decided active evaluation of the same units, sorted by name the Vietnamese way.
 */
import { buildPartyDocx, buildXlsx, countText, PartyBlock, PartyDocument, SheetColumn } from '@dangbo/reports';
import { LEVEL_LABELS, LEVEL_ORDER, Level, SubjectKind } from '@dangbo/shared-types';
import { formatPercentValue } from '@dangbo/vn';
import { In } from 'typeorm';
import { Context } from '../../context';
import { BadInputError, NotFoundError } from '../../core/errors';
import { parseId } from '../../core/input';
import { EvaluationEntity, EvaluationStage, EvaluationStatus } from '../evaluation/evaluation.entity';
import { RatingSummary, RatingSummaryGroup } from '../evaluation/evaluation.input';
import { ratedUnits, ratingSummary } from '../evaluation/rating-summary.service';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { issuerBlock, reportIssuer } from './issuer';

export const SUBJECT_KIND_NAMES: Record<SubjectKind, string> = {
  [SubjectKind.COLLECTIVE]: 'Tập thể',
  [SubjectKind.LEADER]: 'Đảng viên giữ chức vụ lãnh đạo, quản lý',
  [SubjectKind.MEMBER_IN_SYSTEM]: 'Đảng viên làm việc trong hệ thống chính trị',
  [SubjectKind.MEMBER_OUTSIDE_SYSTEM]: 'Đảng viên không làm việc trong hệ thống chính trị',
};

export interface RatedSubject {
  name: string;
  kind: SubjectKind;
  unitName: string;
  level: Level;
}

export interface RatingReportData {
  period: RatingPeriodEntity;
  unitName: string;
  summary: RatingSummary;
  subjects: RatedSubject[];
}

const VI = new Intl.Collator('vi');

export async function ratingReportData(ctx: Context, periodArg: string | undefined, unitArg: string | undefined): Promise<RatingReportData> {
  if (!periodArg) throw new BadInputError('periodId', 'Thiếu tham số periodId');
  if (!unitArg) throw new BadInputError('unitId', 'Thiếu tham số unitId');
  // ratingSummary checks the period and the caller's scope (NOT_FOUND outside it) before anything is read here.
  const summary = await ratingSummary(ctx, periodArg, unitArg);
  const period = (await ctx.em.findOne(RatingPeriodEntity, { where: { id: parseId('periodId', periodArg) } })) as RatingPeriodEntity;
  const unitId = parseId('unitId', unitArg);
  const unit = await ctx.em.findOne(OrgUnitEntity, { where: { id: unitId } });
  if (!unit) throw new NotFoundError('đơn vị', unitId);
  const units = await ratedUnits(ctx, period, unitId);
  const evaluations = units.length
    ? await ctx.em.find(EvaluationEntity, {
        select: { id: true, subjectName: true, subjectKind: true, unitId: true, level: true },
        where: { periodId: period.id, status: EvaluationStatus.ACTIVE, stage: EvaluationStage.DECIDED, unitId: In(units) },
      })
    : [];
  const unitIds = [...new Set(evaluations.map((e) => e.unitId))];
  const names = new Map((unitIds.length ? await ctx.em.find(OrgUnitEntity, { where: { id: In(unitIds) } }) : []).map((u) => [u.id, u.name]));
  const subjects = evaluations
    .filter((e): e is EvaluationEntity & { level: Level } => e.level !== null)
    .map((e) => ({ name: e.subjectName.normalize('NFC'), kind: e.subjectKind, unitName: names.get(e.unitId) ?? String(e.unitId), level: e.level, id: e.id }))
    .sort((a, b) => VI.compare(a.name, b.name) || VI.compare(a.unitName, b.unitName) || a.id - b.id)
    .map(({ id: _id, ...s }) => s);
  return { period, unitName: unit.name, summary, subjects };
}

const safe = (s: string) => s.replace(/[/\\:*?"<>|]/g, '-');
export const ratingReportFileName = (d: RatingReportData, ext: 'docx' | 'xlsx') => `Ket qua xep loai ${safe(d.period.name)} - ${safe(d.unitName)}.${ext}`;

interface TotalsRow {
  section: string;
  label: string;
  group: Pick<RatingSummaryGroup, 'total' | 'decided' | 'levels'>;
}

function totalsRows(s: RatingSummary): TotalsRow[] {
  return [
    { section: 'Toàn đơn vị', label: 'Tổng số', group: s },
    ...s.bySubjectKind.map((g) => ({ section: 'Theo loại đối tượng', label: g.label, group: g })),
    ...s.byChildUnit.map((g) => ({ section: 'Theo đơn vị trực thuộc', label: g.label, group: g })),
  ];
}

const countOf = (g: TotalsRow['group'], level: Level) => g.levels.find((l) => l.level === level)?.count ?? 0;
const shareOf = (g: TotalsRow['group'], level: Level) => g.levels.find((l) => l.level === level)?.share ?? 0;

export const TOTALS_SHEET = 'Tổng hợp';
export const LIST_SHEET = 'Danh sách';

export async function ratingReportXlsx(d: RatingReportData): Promise<Buffer> {
  const totalsColumns: SheetColumn[] = [
    { header: 'Phần', width: 24 },
    { header: 'Nhóm', width: 44 },
    { header: 'Số đối tượng', kind: 'number' },
    { header: 'Đã xếp loại', kind: 'number' },
    ...LEVEL_ORDER.flatMap((l): SheetColumn[] => [
      { header: `${LEVEL_LABELS[l].name}: số lượng`, kind: 'number', width: 18 },
      { header: `${LEVEL_LABELS[l].name}: tỷ lệ`, kind: 'percent', width: 18 },
    ]),
  ];
  const totals = totalsRows(d.summary).map((r) => [r.section, r.label, r.group.total, r.group.decided, ...LEVEL_ORDER.flatMap((l) => [countOf(r.group, l), shareOf(r.group, l)])]);
  const list = d.subjects.map((s, i) => [i + 1, s.name, SUBJECT_KIND_NAMES[s.kind], s.unitName, LEVEL_LABELS[s.level].name]);
  return buildXlsx([
    { name: TOTALS_SHEET, columns: totalsColumns, rows: totals },
    {
      name: LIST_SHEET,
      columns: [
        { header: 'STT', kind: 'number', width: 6 },
        { header: 'Tên đối tượng', width: 36 },
        { header: 'Loại đối tượng', width: 40 },
        { header: 'Đơn vị', width: 30 },
        { header: 'Mức xếp loại', width: 30 },
      ],
      rows: list,
    },
  ]);
}

/** "12 (35,29%)": a count with its share of the decided, the Vietnamese way. */
const countShare = (g: TotalsRow['group'], level: Level) => `${countText(countOf(g, level))} (${formatPercentValue(shareOf(g, level) * 100, 2, { trimZeros: true })})`;

function totalsTable(label: string, rows: TotalsRow[]): PartyBlock {
  return {
    kind: 'table',
    header: [label, 'Tổng số', 'Đã xếp loại', ...LEVEL_ORDER.map((l) => LEVEL_LABELS[l].name)],
    rows: rows.map((r) => [r.label, countText(r.group.total), countText(r.group.decided), ...LEVEL_ORDER.map((l) => countShare(r.group, l))]),
  };
}

export async function ratingReportDocx(ctx: Context, d: RatingReportData): Promise<Buffer> {
  // The report is dated the day it is made; the issuer block names the bodies of that day.
  const date = ctx.today;
  const issuer = await reportIssuer(ctx, d.summary.unitId, date);
  const s = d.summary;
  const rows = totalsRows(s);
  const overall = LEVEL_ORDER.map((l) => `${countText(countOf(s, l))} ${LEVEL_LABELS[l].name.toLocaleLowerCase('vi')} (${formatPercentValue(shareOf(s, l) * 100, 2, { trimZeros: true })})`).join('; ');
  const body: PartyBlock[] = [
    { kind: 'paragraph', text: `${issuer.bodyName} báo cáo kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên ${d.period.name.toLocaleLowerCase('vi')} như sau:` },
    { kind: 'heading', text: '1- Kết quả chung' },
    { kind: 'paragraph', text: `Tổng số ${countText(s.total)} đối tượng thuộc diện đánh giá, đã xếp loại ${countText(s.decided)}; trong đó: ${overall}.` },
    totalsTable('Toàn đơn vị', rows.filter((r) => r.section === 'Toàn đơn vị')),
    { kind: 'heading', text: '2- Theo loại đối tượng' },
    totalsTable('Loại đối tượng', rows.filter((r) => r.section === 'Theo loại đối tượng')),
    { kind: 'heading', text: '3- Theo đơn vị trực thuộc' },
    totalsTable('Đơn vị', rows.filter((r) => r.section === 'Theo đơn vị trực thuộc')),
    { kind: 'heading', text: '4- Danh sách đối tượng đã xếp loại' },
    {
      kind: 'table',
      header: ['STT', 'Tên đối tượng', 'Loại đối tượng', 'Đơn vị', 'Mức xếp loại'],
      rows: d.subjects.map((x, i) => [String(i + 1), x.name, SUBJECT_KIND_NAMES[x.kind], x.unitName, LEVEL_LABELS[x.level].name]),
    },
  ];
  const doc: PartyDocument = {
    issuer: issuerBlock(issuer, `Số      -BC/${issuer.code}`),
    place: issuer.place,
    date,
    title: 'BÁO CÁO',
    subtitle: [`Kết quả đánh giá, xếp loại chất lượng năm ${d.period.year}`],
    body,
    signature: { onBehalf: issuer.onBehalf, position: issuer.position, name: issuer.signerName },
    recipients: issuer.superiorName ? [issuer.superiorName, 'Lưu Văn phòng'] : ['Lưu Văn phòng'],
  };
  return buildPartyDocx(doc);
}
