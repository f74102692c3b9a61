/**
 * One valid call of every mutation of the directive resources (issue 9), for the audit test's "every mutation of the
 * schema leaves exactly one audit entry". Each call prepares what it needs first and returns the audit count taken
 * just before the measured mutation (a plain create is measured as a whole and returns its response).
 */
import { CELL, UNIT } from '../../src/database/seeds/demo.constants';
import { BEN_DO_MEMBERS, freshNumber } from './directive-fixtures';
import { dataOf, TestApi } from './harness';

export function directiveAuditCalls(api: TestApi, count: () => Promise<number>): Record<string, () => Promise<unknown>> {
  const run = async (mutation: string, args: string, fields = 'id') => dataOf(await api.gql(`mutation { ${mutation}(${args}) { ${fields} } }`))[mutation];
  const create = async (mutation: string, args: string) => String((await run(mutation, args)).id);
  /** Prepares, takes the count, then runs the one mutation measured. */
  const measured = (prepare: () => Promise<string>, mutation: string, args: (id: string) => string) => async () => {
    const id = await prepare();
    const before = await count();
    await run(mutation, args(id));
    return before;
  };

  // Each (member, year) registers once: every preparation takes the next pair.
  let n = 0;
  const registrationArgs = () => {
    n += 1;
    return `memberId: ${BEN_DO_MEMBERS[n % BEN_DO_MEMBERS.length]}, year: ${2021 + Math.floor(n / BEN_DO_MEMBERS.length)}, commitment: "Cam kết nhật ký"`;
  };
  const document = () => create('createDocument', `number: "${freshNumber()}", issuedOn: "2022-01-02", title: "Văn bản nhật ký", issuerUnitId: ${UNIT.COMMUNE_MY_THANH}`);
  const recipient = async () => create('createDocumentRecipient', `documentId: ${await document()}, unitId: ${CELL.BEN_DO}, sentOn: "2022-01-03"`);
  const meeting = () => create('createActivity', `kind: CELL_MEETING, unitId: ${CELL.BEN_DO}, heldOn: "2022-02-01", title: "Sinh hoạt nhật ký"`);
  const attendance = async () => create('createAttendance', `activityId: ${await meeting()}, memberId: ${BEN_DO_MEMBERS[0]}, present: true`);
  const outreach = () => create('createOutreach', `unitId: ${UNIT.YOUTH_MY_THANH}, audience: MASS_ORGS, reachedCount: 3, periodFrom: "2022-03-01", periodTo: "2022-03-31"`);
  const registration = () => create('createStudyRegistration', registrationArgs());
  const entry = async () => create('createStudyEntry', `registrationId: ${await registration()}, month: 1, content: "Tháng 1"`);
  const record = {
    Commendation: () => `memberId: ${BEN_DO_MEMBERS[1]}, decidedOn: "2022-04-01", form: GIAY_KHEN, decidingUnitId: ${UNIT.COMMUNE_MY_THANH}`,
    Discipline: () => `memberId: ${BEN_DO_MEMBERS[2]}, decidedOn: "2022-04-02", level: KHIEN_TRACH, violation: "Vắng họp", decidingUnitId: ${UNIT.COMMUNE_MY_THANH}`,
    ExemplaryModel: () => `subject: COLLECTIVE, unitId: ${CELL.BEN_DO}, year: 2022, title: "Chi bộ nhật ký ${(n += 1)}"`,
  };
  const inspectionArgs = `kind: KIEM_TRA, inspectingUnitId: ${UNIT.COMMUNE_MY_THANH}, inspectingBody: COMMITTEE, subjectUnitId: ${CELL.BEN_DO}, topic: "Kiểm tra nhật ký", startOn: "2022-05-01"`;
  const inspection = () => create('createInspection', inspectionArgs);
  const action = async () => create('createInspectionAction', `inspectionId: ${await inspection()}, action: "Khắc phục", deadline: "2022-06-30"`);

  const calls: Record<string, () => Promise<unknown>> = {
    createDocument: document,
    updateDocument: measured(document, 'updateDocument', (id) => `id: ${id}, title: "Văn bản nhật ký (sửa)"`),
    deleteDocument: measured(document, 'deleteDocument', (id) => `id: ${id}`),
    createDocumentRecipient: measured(document, 'createDocumentRecipient', (id) => `documentId: ${id}, unitId: ${CELL.BEN_DO}, sentOn: "2022-01-03"`),
    updateDocumentRecipient: measured(recipient, 'updateDocumentRecipient', (id) => `id: ${id}, sentOn: "2022-01-04"`),
    deleteDocumentRecipient: measured(recipient, 'deleteDocumentRecipient', (id) => `id: ${id}`),
    createActivity: meeting,
    updateActivity: measured(meeting, 'updateActivity', (id) => `id: ${id}, title: "Sinh hoạt nhật ký (sửa)"`),
    deleteActivity: measured(meeting, 'deleteActivity', (id) => `id: ${id}`),
    saveAttendance: measured(meeting, 'saveAttendance', (id) => `activityId: ${id}, version: 1, entries: [{ memberId: ${BEN_DO_MEMBERS[0]}, present: false, absenceReason: "Ốm" }]`),
    createAttendance: measured(meeting, 'createAttendance', (id) => `activityId: ${id}, memberId: ${BEN_DO_MEMBERS[0]}, present: true`),
    updateAttendance: measured(attendance, 'updateAttendance', (id) => `id: ${id}, present: false, absenceReason: "Ốm"`),
    deleteAttendance: measured(attendance, 'deleteAttendance', (id) => `id: ${id}`),
    createOutreach: outreach,
    updateOutreach: measured(outreach, 'updateOutreach', (id) => `id: ${id}, reachedCount: 4`),
    deleteOutreach: measured(outreach, 'deleteOutreach', (id) => `id: ${id}`),
    createStudyRegistration: registration,
    updateStudyRegistration: measured(registration, 'updateStudyRegistration', (id) => `id: ${id}, commitment: "Cam kết (sửa)"`),
    deleteStudyRegistration: measured(registration, 'deleteStudyRegistration', (id) => `id: ${id}`),
    createStudyEntry: measured(registration, 'createStudyEntry', (id) => `registrationId: ${id}, month: 2, content: "Tháng 2"`),
    updateStudyEntry: measured(entry, 'updateStudyEntry', (id) => `id: ${id}, specificity: GENERIC, outcome: NOT_DONE`),
    deleteStudyEntry: measured(entry, 'deleteStudyEntry', (id) => `id: ${id}`),
    createInspection: inspection,
    updateInspection: measured(inspection, 'updateInspection', (id) => `id: ${id}, findings: "Đủ hồ sơ"`),
    deleteInspection: measured(inspection, 'deleteInspection', (id) => `id: ${id}`),
    createInspectionAction: measured(inspection, 'createInspectionAction', (id) => `inspectionId: ${id}, action: "Bổ sung"`),
    updateInspectionAction: measured(action, 'updateInspectionAction', (id) => `id: ${id}, doneOn: "2022-06-01"`),
    deleteInspectionAction: measured(action, 'deleteInspectionAction', (id) => `id: ${id}`),
  };
  for (const [resource, args] of Object.entries(record)) {
    const make = () => create(`create${resource}`, args());
    calls[`create${resource}`] = make;
    calls[`update${resource}`] = measured(make, `update${resource}`, (id) => `id: ${id}, decisionNumber: "12-QĐ/ĐU"`);
    calls[`delete${resource}`] = measured(make, `delete${resource}`, (id) => `id: ${id}`);
  }
  return calls;
}
