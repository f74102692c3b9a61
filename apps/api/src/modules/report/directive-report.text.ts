/**
 * The words of the directive implementation report (the customer's 05-CT/TW report), from the figures of
 * directiveReport and the clerk's texts. Pure: the same figures always give the same document. Section 1 is never
 * typed by hand: every number in it comes from the data, formatted the Vietnamese way (94,18%, "02 tập thể").
 */
import { countText, PartyDocument, PartyTextBlock } from '@dangbo/reports';
import { formatDate, formatDateLong, formatNumber } from '@dangbo/vn';
import type { DirectiveReport } from '../directive/directive-report.types';
import { issuerBlock, ReportIssuer } from './issuer';

/** What the report reads of directiveReport (the service's output type, narrowed to what is written). */
export type DirectiveFigures = Pick<
  DirectiveReport,
  'document' | 'unitName' | 'from' | 'to' | 'issuedDocuments' | 'receivedDocuments' | 'cellsReached' | 'conferences' | 'outreachMassOrgs' | 'outreachPeople' | 'propaganda' | 'inspections' | 'commendations' | 'exemplaryModels' | 'study'
>;

export interface DraftTexts {
  title: string;
  introduction: string | null;
  strengths: string | null;
  limitations: string | null;
  directions: string | null;
  recipients: string | null;
}

type Doc = DirectiveFigures['document'];
const MEDIUM_TEXT: Record<string, string> = { RADIO: 'tin bài trên đài truyền thanh', TV_REPORT: 'phóng sự truyền hình', WEB_COLUMN: 'bài trên trang thông tin điện tử' };
/** "178/189", "2.214/2.705": a figure as part of its whole. */
const ratio = (r: { part: number; whole: number }) => `${formatNumber(r.part)}/${formatNumber(r.whole)}`;
const lowerFirst = (s: string) => (s ? s[0].toLocaleLowerCase('vi') + s.slice(1) : s);
const docName = (d: Pick<Doc, 'typeName' | 'number'>) => `${d.typeName} số ${d.number}`;
const termOf = (d: Pick<Doc, 'term'>) => (d.term ? ` khóa ${d.term}` : '');

/** "Sơ kết thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị khóa XII". */
export function defaultTitle(f: DirectiveFigures): string {
  return `Kết quả thực hiện ${docName(f.document)} của ${f.document.issuerName}${termOf(f.document)}`;
}

/** The request from above that the report answers (the latest received in the period), else the directive itself. */
export function defaultIntroduction(f: DirectiveFigures, issuer: ReportIssuer): string {
  const request = [...f.receivedDocuments].sort((a, b) => (a.issuedOn < b.issuedOn ? 1 : -1))[0];
  const basis = request
    ? `Thực hiện ${docName(request)}, ngày ${formatDate(request.issuedOn)} của ${request.issuerName} ${lowerFirst(request.title)}.`
    : `Thực hiện ${docName(f.document)}${termOf(f.document)} của ${f.document.issuerName}.`;
  return `${basis} ${issuer.bodyName} báo cáo kết quả tổ chức thực hiện với nội dung sau:`;
}

/** Section 2 pre-filled with the figures that speak for themselves; the clerk rewrites it. */
export function defaultTexts(f: DirectiveFigures, issuer: ReportIssuer): DraftTexts {
  const strengths = [`- ${issuer.bodyName} đã triển khai ${docName(f.document)} đến ${ratio(f.cellsReached)} chi bộ.`];
  if (f.study.registered.whole > 0) {
    strengths.push(`- ${ratio(f.study.registered)} đảng viên đăng ký học tập và làm theo (${f.study.registered.text}).`);
  }
  const limitations: string[] = [];
  if (f.cellsReached.part < f.cellsReached.whole) limitations.push(`- Còn ${countText(f.cellsReached.whole - f.cellsReached.part)} chi bộ chưa nhận văn bản triển khai.`);
  if (f.study.generic.part > 0) {
    limitations.push(`- Việc đăng ký học tập và làm theo hàng tháng ở một số chi bộ còn chung chung (${ratio(f.study.generic)} lượt nhận xét, ${f.study.generic.text}).`);
  }
  return {
    title: defaultTitle(f),
    introduction: defaultIntroduction(f, issuer),
    strengths: strengths.join('\n'),
    limitations: limitations.join('\n') || null,
    directions: null,
    recipients: [...new Set(f.receivedDocuments.map((d) => `${d.issuerName},`)), `Lưu Văn phòng ${issuer.bodyName}.`].join('\n'),
  };
}

/** Section 1: one paragraph per kind of work, as the customer's report has them. */
export function resultParagraphs(f: DirectiveFigures, issuer: ReportIssuer): string[] {
  const out: string[] = [];
  const d = f.document;
  const issued = f.issuedDocuments.map((x) => `${docName(x)}, ${formatDateLong(x.issuedOn)}`);
  const about = d.title.replace(/^Về\s+/i, '');
  let first = `- Sau khi tiếp thu ${docName(d)} ${formatDateLong(d.issuedOn)} của ${d.issuerName} về “${about[0].toLocaleUpperCase('vi')}${about.slice(1)}”`;
  first += issued.length ? `, ${issuer.bodyName} đã ban hành ${issued.join('; ')}` : '';
  first += `; văn bản triển khai đã gửi ${ratio(f.cellsReached)} Chi bộ thực hiện.`;
  out.push(first);

  for (const c of f.conferences) {
    const held = `${formatDateLong(c.heldOn)[0].toLocaleUpperCase('vi')}${formatDateLong(c.heldOn).slice(1)}, ${issuer.bodyName} tổ chức ${lowerFirst(c.title)}`;
    out.push(
      c.attendance.rate === null
        ? `- ${held}.`
        : `- ${held}, có ${ratio(c.attendance)} đảng viên tham dự, đạt ${c.attendance.text}.`,
    );
  }

  const orgs = f.outreachMassOrgs.total;
  const people = f.outreachPeople.total;
  if (orgs.whole > 0 || people.whole > 0) {
    const parts: string[] = [];
    if (orgs.whole > 0) parts.push(`đoàn viên, hội viên đạt ${orgs.text} (${ratio(orgs)})`);
    if (people.whole > 0) parts.push(`nhân dân đạt ${people.text} (${ratio(people)})`);
    out.push(`- Về kết quả công tác triển khai của Mặt trận, đoàn thể: ${parts.join(' và ')}.`);
  }

  const p = f.propaganda;
  if (p.count.total > 0) {
    const models = p.items
      .filter((i) => i.subjectMemberName || i.subjectUnitName)
      .map((i) => (i.subjectMemberName ? `01 cá nhân, đồng chí ${i.subjectMemberName}` : `01 tập thể ${i.subjectUnitName}`));
    const media = p.byMedium.filter((m) => m.count > 0).map((m) => `${countText(m.count)} ${MEDIUM_TEXT[m.medium] ?? m.medium}`);
    let line = `- Công tác tuyên truyền: ${countText(p.count.total)} tin bài, phóng sự${media.length ? ` (${media.join(', ')})` : ''}`;
    line += models.length ? `; tuyên truyền gương điển hình học tập và làm theo gồm: ${models.join(' và ')}.` : '.';
    out.push(line);
  }

  if (f.inspections.length > 0) {
    const subjects = f.inspections.map((i) => [i.subjectUnitName, i.subjectMemberName ? `đồng chí ${i.subjectMemberName}` : null].filter(Boolean).join(' và '));
    out.push(`- Kiểm tra, giám sát: ${countText(f.inspections.length)} cuộc kiểm tra việc triển khai thực hiện ${d.number}: ${subjects.join('; ')}.`);
  }

  const m = f.exemplaryModels;
  if (m.total > 0) out.push(`- Gương điển hình được công nhận: ${countText(m.collective)} tập thể và ${countText(m.individual)} cá nhân.`);
  const k = f.commendations;
  if (k.total > 0) out.push(`- Qua sơ kết, tổng kết đã khen thưởng ${countText(k.collective)} tập thể và ${countText(k.individual)} cá nhân có thành tích tiêu biểu.`);
  const s = f.study.registered;
  if (s.whole > 0) out.push(`- Đăng ký học tập và làm theo: ${ratio(s)} đảng viên đăng ký (${s.text}).`);
  return out;
}

const lines = (text: string | null): PartyTextBlock[] =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((t) => ({ kind: 'paragraph' as const, text: t }));

export interface IssueInfo {
  /** "Số 12-BC/ĐU", or a blank sequence on a draft. */
  number: string;
  date: string | null;
}

export function directiveReportDocument(f: DirectiveFigures, issuer: ReportIssuer, texts: DraftTexts, issue: IssueInfo): PartyDocument {
  const placeholder = (t: string | null) => (t && t.trim() ? t : '- (chưa viết)');
  return {
    issuer: issuerBlock(issuer, issue.number),
    place: issuer.place,
    date: issue.date,
    title: 'BÁO CÁO',
    subtitle: [texts.title],
    body: [
      ...lines(texts.introduction ?? defaultIntroduction(f, issuer)),
      { kind: 'heading', text: '1- Kết quả thực hiện' },
      ...resultParagraphs(f, issuer).map((text) => ({ kind: 'paragraph' as const, text })),
      { kind: 'heading', text: '2- Nhận xét' },
      { kind: 'subheading', text: '* Mặt được:' },
      ...lines(placeholder(texts.strengths)),
      { kind: 'subheading', text: '* Hạn chế:' },
      ...lines(placeholder(texts.limitations)),
      { kind: 'heading', text: '3- Phương hướng nhiệm vụ trong thời gian tới' },
      ...lines(placeholder(texts.directions)),
    ],
    signature: { onBehalf: issuer.onBehalf, position: issuer.position, name: issuer.signerName },
    recipients: lines(texts.recipients).map((b) => b.text.replace(/^-\s*/, '')),
  };
}
