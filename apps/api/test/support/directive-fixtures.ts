/**
 * Records of the directive resources (issue 9) made through the API as `admin`, so tests of the grammar, the stock
 * client and the statement counts do not depend on what the demo story happens to hold: one record of each resource
 * inside Mỹ Tân Hưng (xa.mythanh's commune) and one outside it (Lương Hòa, or the province's Front for outreach).
 */
import { CELL, UNIT } from '../../src/database/seeds/demo.constants';
import { dataOf, TestApi } from './harness';

export const DIRECTIVE_RESOURCES = [
  'Document',
  'DocumentRecipient',
  'Activity',
  'Attendance',
  'Outreach',
  'StudyRegistration',
  'StudyEntry',
  'Commendation',
  'Discipline',
  'ExemplaryModel',
  'Inspection',
  'InspectionAction',
] as const;
export type DirectiveResource = (typeof DIRECTIVE_RESOURCES)[number];
export type DirectiveIds = Record<DirectiveResource, string>;

/** The first cell of Lương Hòa and its first member (demo numbering: cells commune×10+1, members from 2001). */
export const LUONG_HOA_CELL = UNIT.COMMUNE_LUONG_HOA * 10 + 1;
export const LUONG_HOA_MEMBER = 2001;
/** Members of Bến Đò that no test moves (the secretary 1001 is moved by some). */
export const BEN_DO_MEMBERS = [1002, 1003, 1004, 1005, 1006, 1008, 1009, 1010];

let serial = 0;
/** A document number no other fixture uses ("8xx-CV/ĐU"). */
export const freshNumber = () => `${800 + (serial += 1)}-CV/ĐU`;

async function create(api: TestApi, mutation: string, args: string): Promise<string> {
  const res = await api.gql(`mutation { ${mutation}(${args}) { id } }`);
  return String(dataOf(res)[mutation].id);
}

/** One record of every resource about `unitId` (a commune), its cell `cellId` and that cell's member `memberId`. */
export async function createDirectiveRecords(api: TestApi, at: { unitId: number; cellId: number; memberId: number; outreachUnitId: number; year: number }): Promise<DirectiveIds> {
  const { unitId, cellId, memberId, year } = at;
  const Document = await create(api, 'createDocument', `number: "${freshNumber()}", issuedOn: "${year}-01-02", title: "Kế hoạch thử ${year}", issuerUnitId: ${unitId}`);
  const DocumentRecipient = await create(api, 'createDocumentRecipient', `documentId: ${Document}, unitId: ${cellId}, sentOn: "${year}-01-03"`);
  const Activity = await create(api, 'createActivity', `kind: CELL_MEETING, unitId: ${cellId}, heldOn: "${year}-02-01", title: "Sinh hoạt thử ${year}", documentIds: [${Document}]`);
  const Attendance = await create(api, 'createAttendance', `activityId: ${Activity}, memberId: ${memberId}, present: true`);
  const Outreach = await create(api, 'createOutreach', `unitId: ${at.outreachUnitId}, audience: MASS_ORGS, reachedCount: 5, periodFrom: "${year}-03-01", periodTo: "${year}-03-31"`);
  const StudyRegistration = await create(api, 'createStudyRegistration', `memberId: ${memberId}, year: ${year}, commitment: "Cam kết học tập ${year}"`);
  const StudyEntry = await create(api, 'createStudyEntry', `registrationId: ${StudyRegistration}, month: 1, content: "Kết quả tháng 1"`);
  const Commendation = await create(api, 'createCommendation', `memberId: ${memberId}, decidedOn: "${year}-04-01", form: GIAY_KHEN, decidingUnitId: ${unitId}`);
  const Discipline = await create(api, 'createDiscipline', `memberId: ${memberId}, decidedOn: "${year}-04-02", level: KHIEN_TRACH, violation: "Vắng sinh hoạt không lý do", decidingUnitId: ${unitId}`);
  const ExemplaryModel = await create(api, 'createExemplaryModel', `subject: COLLECTIVE, unitId: ${cellId}, year: ${year}, title: "Chi bộ tiêu biểu ${year}"`);
  const Inspection = await create(
    api,
    'createInspection',
    `kind: KIEM_TRA, inspectingUnitId: ${unitId}, inspectingBody: COMMITTEE, subjectUnitId: ${cellId}, topic: "Kiểm tra thử ${year}", startOn: "${year}-05-01"`,
  );
  const InspectionAction = await create(api, 'createInspectionAction', `inspectionId: ${Inspection}, action: "Khắc phục thiếu sót", deadline: "${year}-06-30"`);
  return { Document, DocumentRecipient, Activity, Attendance, Outreach, StudyRegistration, StudyEntry, Commendation, Discipline, ExemplaryModel, Inspection, InspectionAction };
}

/** A mass organisation under the province's Front with a head count: outreach outside every commune's scope. */
export async function outsideMassOrg(api: TestApi): Promise<number> {
  const id = Number(
    dataOf(await api.gql(`mutation { createOrgUnit(kind: MASS_ORG, massOrgKind: YOUTH_UNION, name: "Tỉnh đoàn", parentId: ${UNIT.FRONT_PROVINCE}, validFrom: "2000-01-01") { id } }`))
      .createOrgUnit.id,
  );
  await api.dataSource.query('INSERT INTO unit_head_count (unitId, asOf, kind, count) VALUES (?, ?, ?, ?)', [id, '2000-01-01', 'MEMBERS', 900]);
  return id;
}

/**
 * Records inside Mỹ Tân Hưng in 2026 (xa.mythanh reads and changes them: its commune since Mỹ Thạnh became part of it
 * on 2025-07-01; Mỹ Thạnh's own records are read-only history) and outside it (only admin reads them).
 */
export async function createInsideAndOutside(api: TestApi): Promise<{ inside: DirectiveIds; outside: DirectiveIds }> {
  const inside = await createDirectiveRecords(api, { unitId: UNIT.COMMUNE_MY_TAN_HUNG, cellId: CELL.BEN_DO, memberId: BEN_DO_MEMBERS[0], outreachUnitId: UNIT.YOUTH_MY_THANH, year: 2026 });
  const outside = await createDirectiveRecords(api, {
    unitId: UNIT.COMMUNE_LUONG_HOA,
    cellId: LUONG_HOA_CELL,
    memberId: LUONG_HOA_MEMBER,
    outreachUnitId: await outsideMassOrg(api),
    year: 2020,
  });
  return { inside, outside };
}
