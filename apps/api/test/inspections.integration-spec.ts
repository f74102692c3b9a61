/**
 * Inspections and supervision with their follow-up actions: the seed report's two inspections (the committee's of
 * Chi bộ ấp Bến Đò and its secretary; the inspection committee's of Chi bộ Y tế and its secretary), the refusals
 * that leave nothing written, scope, optimistic locking, the computed action status, and the audit entries.
 */
import { CELL, MEMBER, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
let xa: string;
let bendo: string;
let outsideCell = 0;

const count = async (table: string, where = '1 = 1', params: unknown[] = []) =>
  Number((await api.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);

beforeAll(async () => {
  api = await startTestApi();
  xa = await api.login('xa.mythanh');
  bendo = await api.login('bithu.bendo');
  outsideCell = Number((await api.dataSource.query('SELECT unitId FROM org_unit_link WHERE parentId = ? LIMIT 1', [UNIT.COMMUNE_LUONG_HOA]))[0].unitId);
});
afterAll(() => api.close());

const FIELDS = 'id kind inspectingUnitId inspectingBody subjectUnitId subjectMemberId unitId topic startOn endOn conclusion version';
const inspect = (args: string, token = xa) => api.gql(`mutation { createInspection(${args}) { ${FIELDS} } }`, {}, token);
const TOPIC = 'topic: "Việc triển khai thực hiện Chỉ thị 05-CT/TW"';
const BEN_DO = `kind: KIEM_TRA, inspectingUnitId: ${UNIT.COMMUNE_MY_THANH}, inspectingBody: COMMITTEE, subjectUnitId: ${CELL.BEN_DO}, subjectMemberId: ${MEMBER.SECRETARY_BEN_DO}, ${TOPIC}`;
const Y_TE = `kind: KIEM_TRA, inspectingUnitId: ${UNIT.COMMUNE_MY_THANH}, inspectingBody: INSPECTION_COMMITTEE, subjectUnitId: ${CELL.Y_TE}, subjectMemberId: ${MEMBER.SECRETARY_Y_TE}, ${TOPIC}`;

describe('the report\'s inspections: a cell and its secretary, by the committee or its inspection committee', () => {
  let benDo: Record<string, any>;
  let yTe: Record<string, any>;

  beforeAll(async () => {
    benDo = dataOf(await inspect(`${BEN_DO}, startOn: "2018-10-03", endOn: "2018-10-14", conclusion: "Chi bộ nghiêm túc triển khai thực hiện Chỉ thị 05"`)).createInspection;
    yTe = dataOf(await inspect(`${Y_TE}, startOn: "2018-11-07", endOn: "2018-11-18"`)).createInspection;
  });

  it('each is recorded on the inspected cell, with one audit entry', async () => {
    expect(benDo).toMatchObject({ inspectingBody: 'COMMITTEE', subjectUnitId: String(CELL.BEN_DO), subjectMemberId: String(MEMBER.SECRETARY_BEN_DO), unitId: String(CELL.BEN_DO) });
    expect(yTe).toMatchObject({ inspectingBody: 'INSPECTION_COMMITTEE', unitId: String(CELL.Y_TE) });
    const rows = await api.dataSource.query("SELECT entityId, unitId FROM audit_entry WHERE operation = 'createInspection' AND entityId IN (?, ?) ORDER BY id", [benDo.id, yTe.id]);
    expect(rows).toEqual([
      { entityId: benDo.id, unitId: CELL.BEN_DO },
      { entityId: yTe.id, unitId: CELL.Y_TE },
    ]);
  });

  it('the commune sees both, each a cell and its secretary; the Bến Đò secretary sees only Bến Đò\'s', async () => {
    const all = dataOf(await api.gql('{ allInspections(sortField: "startOn", sortOrder: "ASC", filter: { from: "2018-01-01" }) { subjectUnit { id } subjectMember { id } inspectingUnit { id } } }', {}, xa)).allInspections;
    expect(all.map((i: any) => [i.subjectUnit.id, i.subjectMember.id])).toEqual([
      [String(CELL.BEN_DO), String(MEMBER.SECRETARY_BEN_DO)],
      [String(CELL.Y_TE), String(MEMBER.SECRETARY_Y_TE)],
    ]);
    const own = dataOf(await api.gql('{ allInspections(perPage: 500) { id unitId } _allInspectionsMeta { count } }', {}, bendo));
    expect(own.allInspections.map((i: { id: string }) => i.id)).toContain(benDo.id);
    expect(new Set(own.allInspections.map((i: { unitId: string }) => i.unitId))).toEqual(new Set([String(CELL.BEN_DO)]));
    expect(own._allInspectionsMeta.count).toBe(own.allInspections.length);
    expect(errorOf(await api.gql(`{ Inspection(id: ${yTe.id}) { id } }`, {}, bendo)).code).toBe('NOT_FOUND');
  });

  it('a cell secretary may not record an inspection', async () => {
    expect(errorOf(await inspect(`${BEN_DO}, startOn: "2018-10-03"`, bendo)).code).toBe('FORBIDDEN');
  });

  it('an edit that ends before it starts is refused on endOn and changes nothing; a stale version is CONFLICT', async () => {
    const bad = errorOf(await api.gql(`mutation { updateInspection(id: ${benDo.id}, version: ${benDo.version}, endOn: "2018-09-30") { id } }`, {}, xa));
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endOn' });
    const ok = dataOf(await api.gql(`mutation { updateInspection(id: ${benDo.id}, version: ${benDo.version}, findings: "Đủ sổ đăng ký học tập") { endOn findings version } }`, {}, xa)).updateInspection;
    expect(ok).toMatchObject({ endOn: '2018-10-14', findings: 'Đủ sổ đăng ký học tập' });
    const stale = errorOf(await api.gql(`mutation { updateInspection(id: ${benDo.id}, version: ${benDo.version}, topic: "Khác") { id } }`, {}, xa));
    expect(stale).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect((await api.dataSource.query('SELECT topic FROM inspection WHERE id = ?', [benDo.id]))[0].topic).toBe('Việc triển khai thực hiện Chỉ thị 05-CT/TW');
  });
});

describe('bad input is refused with its field, and nothing is written', () => {
  let before: number[] = [];
  beforeEach(async () => {
    before = [await count('inspection'), await count('audit_entry')];
  });
  afterEach(async () => {
    expect([await count('inspection'), await count('audit_entry')]).toEqual(before);
  });

  it('an inspection that ends before it starts', async () => {
    const e = errorOf(await inspect(`${BEN_DO}, startOn: "2016-10-03", endOn: "2016-10-01"`));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endOn' });
    expect(e.message).toMatch(/trước ngày bắt đầu/);
  });

  it('a subject unit outside the caller\'s scope', async () => {
    const args = `kind: GIAM_SAT, inspectingUnitId: ${UNIT.COMMUNE_MY_THANH}, inspectingBody: COMMITTEE, subjectUnitId: ${outsideCell}, ${TOPIC}, startOn: "2016-10-03"`;
    expect(errorOf(await inspect(args))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subjectUnitId' });
  });

  it('a secretary who is not a member of the inspected cell', async () => {
    const args = `kind: KIEM_TRA, inspectingUnitId: ${UNIT.COMMUNE_MY_THANH}, inspectingBody: COMMITTEE, subjectUnitId: ${CELL.BEN_DO}, subjectMemberId: ${MEMBER.SECRETARY_Y_TE}, ${TOPIC}, startOn: "2016-10-03"`;
    expect(errorOf(await inspect(args))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subjectMemberId' });
  });

  it('an inspecting unit that does not stand above the subject, and a cell with an inspection committee', async () => {
    const sideways = `kind: KIEM_TRA, inspectingUnitId: ${CELL.NGHIA_HUAN}, inspectingBody: COMMITTEE, subjectUnitId: ${CELL.BEN_DO}, ${TOPIC}, startOn: "2016-10-03"`;
    expect(errorOf(await inspect(sideways))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inspectingUnitId' });
    const cellCommittee = `kind: KIEM_TRA, inspectingUnitId: ${CELL.BEN_DO}, inspectingBody: INSPECTION_COMMITTEE, subjectMemberId: ${MEMBER.SECRETARY_BEN_DO}, ${TOPIC}, startOn: "2016-10-03"`;
    expect(errorOf(await inspect(cellCommittee))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inspectingBody' });
  });

  it('an inspection with no subject', async () => {
    expect(errorOf(await inspect(`kind: KIEM_TRA, inspectingUnitId: ${UNIT.COMMUNE_MY_THANH}, inspectingBody: COMMITTEE, ${TOPIC}, startOn: "2016-10-03"`))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'subjectUnitId',
    });
  });
});

describe('follow-up actions: deadlines and a status computed from them and today', () => {
  let inspectionId = '';
  beforeAll(async () => {
    inspectionId = dataOf(await inspect(`${BEN_DO}, startOn: "2017-03-01"`)).createInspection.id;
  });
  const act = (args: string, token = xa) => api.gql(`mutation { createInspectionAction(inspectionId: ${inspectionId}, ${args}) { id status deadline doneOn version } }`, {}, token);

  it('past its deadline an action is OVERDUE, before it OPEN, with a date done DONE', async () => {
    const overdue = dataOf(await act('action: "Bổ sung sổ đăng ký học tập", deadline: "2017-04-30"')).createInspectionAction;
    const open = dataOf(await act('action: "Tổ chức tọa đàm", deadline: "2999-12-31"')).createInspectionAction;
    const done = dataOf(await act('action: "Chấn chỉnh đăng ký chung chung", deadline: "2017-04-30", doneOn: "2017-04-20"')).createInspectionAction;
    expect([overdue.status, open.status, done.status]).toEqual(['OVERDUE', 'OPEN', 'DONE']);
    const filtered = dataOf(await api.gql(`{ allInspectionActions(filter: { inspectionId: ${inspectionId}, status: OVERDUE }) { id } }`, {}, bendo));
    expect(filtered.allInspectionActions).toEqual([{ id: overdue.id }]);
    const sorted = dataOf(await api.gql(`{ allInspectionActions(filter: { inspectionId: ${inspectionId} }, sortField: "status", sortOrder: "ASC") { status } }`, {}, xa));
    expect(sorted.allInspectionActions.map((a: { status: string }) => a.status)).toEqual(['DONE', 'OPEN', 'OVERDUE']);
    const marked = dataOf(await api.gql(`mutation { updateInspectionAction(id: ${overdue.id}, version: ${overdue.version}, doneOn: "2017-05-02") { status } }`, {}, xa));
    expect(marked.updateInspectionAction.status).toBe('DONE');
  });

  it('a deadline before the inspection starts is refused on deadline; a secretary records no action', async () => {
    const before = await count('inspection_action');
    expect(errorOf(await act('action: "Sớm quá", deadline: "2017-02-01"'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deadline' });
    expect(errorOf(await act('action: "Của chi bộ", deadline: "2017-04-01"', bendo)).code).toBe('FORBIDDEN');
    expect(await count('inspection_action')).toBe(before);
  });

  it('deleting the inspection removes its actions, in one audited change', async () => {
    dataOf(await api.gql(`mutation { deleteInspection(id: ${inspectionId}) { id } }`, {}, xa));
    expect(await count('inspection_action', 'inspectionId = ?', [inspectionId])).toBe(0);
    const [entry] = await api.dataSource.query("SELECT `before`, `after` FROM audit_entry WHERE operation = 'deleteInspection' AND entityId = ?", [inspectionId]);
    expect(JSON.parse(entry.before).actions).toHaveLength(3);
    expect(entry.after).toBeNull();
  });
});

describe('a district inspection committee inspects a commune cell', () => {
  it('the commune reads it, with the district only as id, kind and name', async () => {
    const huyen = await api.login('huyen.giongtrom');
    const args = `kind: GIAM_SAT, inspectingUnitId: ${UNIT.DISTRICT_GIONG_TROM}, inspectingBody: INSPECTION_COMMITTEE, subjectUnitId: ${CELL.NGHIA_HUAN}, ${TOPIC}, startOn: "2017-02-20"`;
    const id = dataOf(await inspect(args, huyen)).createInspection.id;
    const seen = dataOf(await api.gql(`{ Inspection(id: ${id}) { inspectingUnit { id kind name code parentId memberCount } } }`, {}, xa)).Inspection;
    expect(seen.inspectingUnit).toMatchObject({ id: String(UNIT.DISTRICT_GIONG_TROM), kind: 'DISTRICT_COMMITTEE', code: null, parentId: null, memberCount: null });
  });
});
