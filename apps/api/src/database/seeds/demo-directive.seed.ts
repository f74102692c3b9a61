/**
 * The story of the customer's report (bao-cao-so-ket-chi-thi-05.txt) as rows: Directive 05-CT/TW and what Mỹ Thạnh
 * did with it from May 2016 to February 2017. Nothing here states a figure of the report: the rows are written so
 * that directiveReport computes them (13/13 cells, 178/189 = 94,18%, 81,85%, 75,4%, 2 TV reports, 2 inspections,
 * 2 collectives and 18 individuals commended). The year of cell work (2025 meetings, study) is in demo-cell-work.
 * Runs inside the demo seed's transaction; skips when the directive is already there.
 */
import { CommendationForm, InspectingBody, InspectionKind, MembershipKind, RecordSubject } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { ActivityAudience, ActivityDocumentEntity, ActivityEntity, ActivityKind, AttendanceEntity, ConferenceKind, OutreachEntity, PropagandaMedium } from '../../modules/activity/activity.entity';
import { DocumentEntity, DocumentRecipientEntity } from '../../modules/document/document.entity';
import { numberParts, uniqueKeyOf } from '../../modules/document/document.rules';
import { InspectionActionEntity, InspectionEntity } from '../../modules/inspection/inspection.entity';
import { CommendationEntity, ExemplaryModelEntity } from '../../modules/recognition/recognition.entity';
import { insertRows, seedCellWork } from './demo-cell-work.seed';
import {
  ABSENT_2017_02_15,
  ACTIVITY,
  CELL,
  DOCUMENT,
  INSPECTION,
  MASS_ORG_HEAD_COUNTS,
  MEMBER,
  MY_THANH_CELLS,
  MY_THANH_MEMBER_COUNT,
  MY_THANH_POPULATION,
  OUTREACH_REACHED,
  PEOPLE_REACHED,
  UNIT,
} from './demo.constants';

const TERM_2015 = '2015–2020';
const DIRECTIVE_TITLE = 'Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh';

function documentRow(id: number, text: string, fields: Pick<DocumentEntity, 'issuerUnitId' | 'issuerName' | 'term' | 'issuedOn' | 'title' | 'implementsId'>) {
  const parts = numberParts(text, null);
  const row = { id, ...parts, ...fields, ownerUnitId: UNIT.COMMUNE_MY_THANH, summary: null };
  return { ...row, uniqueKey: uniqueKeyOf(row) };
}

async function insertDocuments(em: EntityManager): Promise<void> {
  await insertRows(em, DocumentEntity, [
    documentRow(DOCUMENT.CT_05, '05-CT/TW', { issuerUnitId: null, issuerName: 'Bộ Chính trị', term: 'XII', issuedOn: '2016-05-15', title: DIRECTIVE_TITLE, implementsId: null }),
    documentRow(DOCUMENT.CV_58, '58-CV/ĐU', {
      issuerUnitId: UNIT.COMMUNE_MY_THANH,
      issuerName: 'Đảng ủy xã Mỹ Thạnh',
      term: TERM_2015,
      issuedOn: '2016-06-13',
      title: 'Về việc triển khai thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị',
      implementsId: DOCUMENT.CT_05,
    }),
    documentRow(DOCUMENT.KH_38, '38-KH/ĐU', {
      issuerUnitId: UNIT.COMMUNE_MY_THANH,
      issuerName: 'Đảng ủy xã Mỹ Thạnh',
      term: TERM_2015,
      issuedOn: '2016-09-17',
      title: 'Về tiếp tục đẩy mạnh thực hiện Nghị quyết Trung ương 4 (khóa XI) và Chỉ thị 05-CT/TW của Bộ Chính trị (khóa XII)',
      implementsId: DOCUMENT.CT_05,
    }),
    // From above (the district's propaganda board asks for the report): recorded by the commune, not issued by it.
    documentRow(DOCUMENT.CV_124, '124-CV/BTGHU', {
      issuerUnitId: null,
      issuerName: 'Ban Tuyên giáo Huyện ủy Giồng Trôm',
      term: TERM_2015,
      issuedOn: '2017-02-23',
      title: 'Về việc báo cáo sơ kết 01 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị khóa XII',
      implementsId: DOCUMENT.CT_05,
    }),
  ]);
  await insertRows(em, DocumentRecipientEntity, [
    ...MY_THANH_CELLS.map((c) => ({ documentId: DOCUMENT.CV_58, unitId: c.id, sentOn: '2016-06-13' })),
    ...MY_THANH_CELLS.map((c) => ({ documentId: DOCUMENT.KH_38, unitId: c.id, sentOn: '2016-09-19' })),
  ]);
}

type ActivityRow = Pick<ActivityEntity, 'id' | 'kind' | 'heldOn' | 'title' | 'audience'> & Partial<ActivityEntity>;

function activity(row: ActivityRow): Omit<ActivityEntity, 'version' | 'createdAt' | 'updatedAt'> {
  return { conferenceKind: null, medium: null, subjectMemberId: null, subjectUnitId: null, unitId: UNIT.COMMUNE_MY_THANH, note: null, ...row };
}

async function insertActivities(em: EntityManager): Promise<void> {
  const conf = (id: number, conferenceKind: ConferenceKind, heldOn: string, title: string, audience = ActivityAudience.PARTY_MEMBERS) =>
    activity({ id, kind: ActivityKind.CONFERENCE, conferenceKind, heldOn, title, audience });
  const item = (id: number, medium: PropagandaMedium, heldOn: string, title: string, subject: Partial<ActivityEntity> = {}) =>
    activity({ id, kind: ActivityKind.PROPAGANDA, medium, heldOn, title, audience: ActivityAudience.PEOPLE, ...subject });
  await insertRows(em, ActivityEntity, [
    conf(ACTIVITY.TONG_KET_2016, ConferenceKind.TONG_KET, '2016-12-16', 'Hội nghị tổng kết công tác triển khai thực hiện Chỉ thị 05-CT/TW năm 2016'),
    conf(ACTIVITY.TRIEN_KHAI_2017, ConferenceKind.TRIEN_KHAI, '2017-02-15', 'Hội nghị triển khai Chỉ thị 05-CT/TW của Bộ Chính trị cho đảng viên trong Đảng bộ'),
    // Directed by the committee, carried out by the Front and the mass organisations (sinh hoạt chi, tổ hội, tổ nhân dân tự quản).
    conf(ACTIVITY.OUTREACH_2017, ConferenceKind.TRIEN_KHAI, '2017-01-20', 'Triển khai Chỉ thị 05-CT/TW trong đoàn viên, hội viên và nhân dân', ActivityAudience.MASS_ORGS),
    item(ACTIVITY.TV_NGHIA_HUAN, PropagandaMedium.TV_REPORT, '2016-10-20', 'Phóng sự: Bí thư Chi bộ, Trưởng ấp Nghĩa Huấn học tập và làm theo Bác', {
      subjectMemberId: MEMBER.SECRETARY_NGHIA_HUAN,
      note: 'Phối hợp với Đài truyền thanh huyện',
    }),
    item(ACTIVITY.TV_BEN_DO, PropagandaMedium.TV_REPORT, '2016-11-15', 'Phóng sự: Chi bộ ấp Bến Đò học tập và làm theo Bác', {
      subjectUnitId: CELL.BEN_DO,
      note: 'Phối hợp với Đài truyền thanh huyện',
    }),
    item(ACTIVITY.RADIO_COLUMN, PropagandaMedium.RADIO, '2016-07-15', 'Chuyên mục tuyên truyền Chỉ thị 05 trên đài truyền thanh xã'),
    item(ACTIVITY.WEB_COLUMN, PropagandaMedium.WEB_COLUMN, '2016-07-15', 'Chuyên mục tuyên truyền Chỉ thị 05 trên trang thông tin điện tử xã'),
  ]);
  const links = [
    [ACTIVITY.TONG_KET_2016, DOCUMENT.CT_05],
    [ACTIVITY.TONG_KET_2016, DOCUMENT.KH_38],
    [ACTIVITY.TRIEN_KHAI_2017, DOCUMENT.CT_05],
    [ACTIVITY.TRIEN_KHAI_2017, DOCUMENT.KH_38],
    [ACTIVITY.OUTREACH_2017, DOCUMENT.KH_38],
    [ACTIVITY.TV_NGHIA_HUAN, DOCUMENT.CT_05],
    [ACTIVITY.TV_BEN_DO, DOCUMENT.CT_05],
    [ACTIVITY.RADIO_COLUMN, DOCUMENT.CV_58],
    [ACTIVITY.WEB_COLUMN, DOCUMENT.CV_58],
  ];
  await insertRows(em, ActivityDocumentEntity, links.map(([activityId, documentId]) => ({ activityId, documentId })));
}

/** The 2017-02-15 sheet: every member in a cell of the commune that day, present unless listed absent. */
async function insertConferenceAttendance(em: EntityManager): Promise<void> {
  const at = '2017-02-15';
  const rows: { memberId: number }[] = await em.query(
    `SELECT DISTINCT memberId FROM member_assignment
      WHERE kind = ? AND unitId IN (${MY_THANH_CELLS.map(() => '?').join(',')}) AND validFrom <= ? AND (validTo IS NULL OR validTo > ?)
      ORDER BY memberId`,
    [MembershipKind.OFFICIAL, ...MY_THANH_CELLS.map((c) => c.id), at, at],
  );
  if (rows.length !== MY_THANH_MEMBER_COUNT) throw new Error(`demo seed: ${rows.length} members on ${at}, the report has ${MY_THANH_MEMBER_COUNT}`);
  const absent = new Map(ABSENT_2017_02_15.map((a) => [a.memberId, a.reason]));
  await insertRows(
    em,
    AttendanceEntity,
    rows.map(({ memberId }) => {
      const reason = absent.get(Number(memberId)) ?? null;
      return { activityId: ACTIVITY.TRIEN_KHAI_2017, memberId: Number(memberId), present: reason === null, absenceReason: reason };
    }),
  );
}

async function insertOutreach(em: EntityManager): Promise<void> {
  const base = { activityId: ACTIVITY.OUTREACH_2017, periodFrom: '2016-07-01', periodTo: '2017-01-31', headCountAsOf: '2016-12-31', note: null };
  await insertRows(em, OutreachEntity, [
    ...MASS_ORG_HEAD_COUNTS.map((m) => ({ ...base, unitId: m.unitId, audience: ActivityAudience.MASS_ORGS, reachedCount: OUTREACH_REACHED[m.unitId], headCount: m.count })),
    { ...base, unitId: UNIT.FRONT_MY_THANH, audience: ActivityAudience.PEOPLE, reachedCount: PEOPLE_REACHED, headCount: MY_THANH_POPULATION },
  ]);
}

/** Cell of a Mỹ Thạnh member by the seed's fixed layout (members are numbered cell after cell). */
function cellOf(memberId: number): number {
  let first = 1001;
  for (const c of MY_THANH_CELLS) {
    if (memberId < first + c.members) return c.id;
    first += c.members;
  }
  throw new Error(`demo seed: ${memberId} is not a Mỹ Thạnh member`);
}

/** The 18 individuals of 2016-12-16: the Nghĩa Huấn secretary, the second member of every cell, the third of four. */
export function commendedMembers2016(): number[] {
  const firsts: number[] = [];
  let first = 1001;
  for (const c of MY_THANH_CELLS) {
    firsts.push(first);
    first += c.members;
  }
  return [MEMBER.SECRETARY_NGHIA_HUAN, ...firsts.map((f) => f + 1), ...firsts.slice(0, 4).map((f) => f + 2)];
}

async function insertRecognition(em: EntityManager): Promise<void> {
  const decided = { decidedOn: '2016-12-16', decisionNumber: '45-QĐ/ĐU', decidingUnitId: UNIT.COMMUNE_MY_THANH, decidingBodyName: null, form: CommendationForm.GIAY_KHEN };
  const why = 'Có thành tích tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2016';
  const link = { activityId: ACTIVITY.TONG_KET_2016, documentId: DOCUMENT.CT_05 };
  await insertRows(em, CommendationEntity, [
    ...[CELL.BEN_DO, CELL.NGHIA_HUAN].map((unitId) => ({ ...decided, ...link, subject: RecordSubject.COLLECTIVE, memberId: null, unitId, achievement: why })),
    ...commendedMembers2016().map((memberId) => ({ ...decided, ...link, subject: RecordSubject.INDIVIDUAL, memberId, unitId: cellOf(memberId), achievement: why })),
  ]);
  const model = { year: 2016, recognizedOn: '2016-12-16', decisionNumber: '45-QĐ/ĐU', decidingUnitId: UNIT.COMMUNE_MY_THANH, decidingBodyName: null, ...link };
  await insertRows(em, ExemplaryModelEntity, [
    { ...model, subject: RecordSubject.INDIVIDUAL, memberId: MEMBER.SECRETARY_NGHIA_HUAN, unitId: CELL.NGHIA_HUAN, title: 'Bí thư Chi bộ, Trưởng ấp Nghĩa Huấn', description: 'Gương điển hình cá nhân, được xây dựng phóng sự truyền hình' },
    { ...model, subject: RecordSubject.COLLECTIVE, memberId: null, unitId: CELL.BEN_DO, title: 'Chi bộ ấp Bến Đò', description: 'Gương điển hình tập thể, được xây dựng phóng sự truyền hình' },
  ]);
}

async function insertInspections(em: EntityManager): Promise<void> {
  const topic = 'Việc triển khai thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị';
  const conclusion = 'Chi bộ đã nghiêm túc triển khai thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị';
  const findings = 'Việc đăng ký học tập và làm theo hằng tháng của một số đảng viên còn chung chung, chưa sát với chức năng, nhiệm vụ';
  const common = { kind: InspectionKind.KIEM_TRA, inspectingUnitId: UNIT.COMMUNE_MY_THANH, topic, findings, conclusion, documentId: DOCUMENT.KH_38 };
  await insertRows(em, InspectionEntity, [
    { ...common, id: INSPECTION.BEN_DO, inspectingBody: InspectingBody.COMMITTEE, subjectUnitId: CELL.BEN_DO, subjectMemberId: MEMBER.SECRETARY_BEN_DO, unitId: CELL.BEN_DO, startOn: '2016-11-07', endOn: '2016-11-11' },
    { ...common, id: INSPECTION.Y_TE, inspectingBody: InspectingBody.INSPECTION_COMMITTEE, subjectUnitId: CELL.Y_TE, subjectMemberId: MEMBER.SECRETARY_Y_TE, unitId: CELL.Y_TE, startOn: '2016-11-21', endOn: '2016-11-25' },
  ]);
  const action = 'Chấn chỉnh việc đăng ký học tập và làm theo hằng tháng còn chung chung của đảng viên';
  await insertRows(em, InspectionActionEntity, [
    { inspectionId: INSPECTION.BEN_DO, action, deadline: '2017-01-31', doneOn: '2017-01-20' },
    { inspectionId: INSPECTION.Y_TE, action, deadline: '2017-01-31', doneOn: '2017-01-25' },
  ]);
}

/** Adds the directive's story and the year of cell work; false (nothing written) when the directive is there. */
export async function seedDirectiveStory(em: EntityManager): Promise<boolean> {
  if (await em.exists(DocumentEntity, { where: { id: DOCUMENT.CT_05 } })) return false;
  await insertDocuments(em);
  await insertActivities(em);
  await insertConferenceAttendance(em);
  await insertOutreach(em);
  await insertRecognition(em);
  await insertInspections(em);
  await seedCellWork(em);
  return true;
}
