/**
 * Units that have ended (the demo's 2025 reorganisation: Mỹ Thạnh and the district Giồng Trôm ended on 2025-06-30)
 * are history: a plain edit does not rewrite them, nothing is placed under them, nothing is granted on them. Kinds
 * are checked against a unit's whole life. Dated reads follow the record's or report's date: the deciding unit above
 * the caller on the record's date, names as they were on the report's or issue date, and a successor's report over
 * a period before its founding reads its predecessors' records.
 */
import { docxText } from '@dangbo/reports';
import { CELL, DIRECTIVE_REPORT, DOCUMENT, MY_THANH_CELLS, NEIGHBOUR_COMMUNES, REORGANISATION_2025 as R, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
let xa = '';
beforeAll(async () => {
  api = await startTestApi();
  xa = await api.login('xa.mythanh');
});
afterAll(() => api.close());

const count = async (sql: string, params: unknown[] = []) => Number((await api.dataSource.query(sql, params))[0].n);
const unitRow = async (id: number) => (await api.dataSource.query('SELECT name, kind, version FROM org_unit WHERE id = ?', [id]))[0];
const linksOf = (id: number) => api.dataSource.query('SELECT parentId, validFrom, validTo FROM org_unit_link WHERE unitId = ? ORDER BY id', [id]);
const LAST_DAY = '30/06/2025';

describe('an ended unit is read-only', () => {
  it('renaming, re-kinding or moving an ended unit is refused with CONFLICT naming its last day, and nothing changes', async () => {
    const before = [await unitRow(UNIT.COMMUNE_MY_THANH), await unitRow(UNIT.DISTRICT_GIONG_TROM), await linksOf(UNIT.DISTRICT_GIONG_TROM)];
    const attempts = [
      `updateOrgUnit(id: ${UNIT.COMMUNE_MY_THANH}, name: "Đảng bộ xã Mỹ Thạnh (sửa)")`,
      // No child today, but 13 cells in its history: still not a cell.
      `updateOrgUnit(id: ${UNIT.COMMUNE_MY_THANH}, kind: CELL)`,
      // The ended district under the ended commune "today".
      `updateOrgUnit(id: ${UNIT.DISTRICT_GIONG_TROM}, parentId: ${UNIT.COMMUNE_MY_THANH})`,
    ];
    for (const m of attempts) {
      const e = errorOf(await api.gql(`mutation { ${m} { id } }`));
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toContain(`đã kết thúc hoạt động ngày ${LAST_DAY}`);
    }
    expect([await unitRow(UNIT.COMMUNE_MY_THANH), await unitRow(UNIT.DISTRICT_GIONG_TROM), await linksOf(UNIT.DISTRICT_GIONG_TROM)]).toEqual(before);
  });

  it('no unit is placed under an ended unit, whether created there or moved there', async () => {
    const units = await count('SELECT COUNT(*) AS n FROM org_unit');
    const created = errorOf(await api.gql(`mutation { createOrgUnit(kind: CELL, name: "Chi bộ ấp Mới", parentId: ${UNIT.COMMUNE_MY_THANH}, validFrom: "2020-01-01") { id } }`));
    expect(created).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    expect(created.message).toContain(LAST_DAY);
    expect(await count('SELECT COUNT(*) AS n FROM org_unit')).toBe(units);

    const before = await linksOf(CELL.BEN_DO);
    const moved = errorOf(await api.gql(`mutation { updateOrgUnit(id: ${CELL.BEN_DO}, parentId: ${UNIT.COMMUNE_MY_THANH}) { id } }`));
    expect(moved).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    expect(await linksOf(CELL.BEN_DO)).toEqual(before);
  });

  it('a kind change is checked against the children the unit had over its whole life, not only today', async () => {
    const commune = dataOf(
      await api.gql(`mutation { createOrgUnit(kind: COMMUNE_COMMITTEE, name: "Đảng bộ xã Thử Kết Thúc", parentId: ${UNIT.PROVINCE_BEN_TRE}, validFrom: "2020-01-01") { id } }`),
    ).createOrgUnit.id;
    const cell = dataOf(await api.gql(`mutation { createOrgUnit(kind: CELL, name: "Chi bộ ấp Thử", parentId: ${commune}, validFrom: "2020-01-01") { id } }`)).createOrgUnit.id;
    dataOf(await api.gql(`mutation { updateOrgUnit(id: ${cell}, parentId: ${UNIT.COMMUNE_LUONG_HOA}, movedOn: "2024-01-01") { id } }`));
    // No child today; a cell until 2024.
    expect(dataOf(await api.gql(`{ OrgUnit(id: ${commune}) { childCount } }`)).OrgUnit.childCount).toBe(0);
    expect(errorOf(await api.gql(`mutation { updateOrgUnit(id: ${commune}, kind: CELL) { id } }`))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    expect((await unitRow(Number(commune))).kind).toBe('COMMUNE_COMMITTEE');
    // The live commune is otherwise editable: the rule is about history, not about the unit.
    expect(dataOf(await api.gql(`mutation { updateOrgUnit(id: ${commune}, shortName: "Đảng ủy xã Thử") { shortName } }`)).updateOrgUnit.shortName).toBe('Đảng ủy xã Thử');
  });
});

describe('a grant on an ended unit grants nothing, so none is given', () => {
  it('createRoleGrant and createApiToken on an ended unit are refused; on the successor they are given', async () => {
    const grants = await count('SELECT COUNT(*) AS n FROM role_grant');
    const tokens = await count('SELECT COUNT(*) AS n FROM api_token');
    const grant = errorOf(await api.gql(`mutation { createRoleGrant(userId: 6, role: CELL_SECRETARY, unitId: ${UNIT.COMMUNE_MY_THANH}) { id } }`));
    expect(grant.code).toBe('CONFLICT');
    expect(grant.message).toContain(LAST_DAY);
    const token = errorOf(await api.gql(`mutation { createApiToken(name: "Báo cáo huyện cũ", unitId: ${UNIT.DISTRICT_GIONG_TROM}) { id } }`));
    expect(token.code).toBe('CONFLICT');
    expect(token.message).toContain(LAST_DAY);
    expect([await count('SELECT COUNT(*) AS n FROM role_grant'), await count('SELECT COUNT(*) AS n FROM api_token')]).toEqual([grants, tokens]);

    dataOf(await api.gql(`mutation { createApiToken(name: "Báo cáo xã mới", unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id } }`));
    expect(await count('SELECT COUNT(*) AS n FROM api_token')).toBe(tokens + 1);
  });
});

describe('the deciding unit above the caller is read as of the record date', () => {
  const commend = (decidingUnitId: number, decidedOn: string) =>
    api.gql(`mutation { createCommendation(unitId: ${CELL.BEN_DO}, decidingUnitId: ${decidingUnitId}, decidedOn: "${decidedOn}", form: GIAY_KHEN) { id decidingUnit { id } } }`, {}, xa);

  it('the commune office records a 2017 commendation decided by the district that stood above Mỹ Thạnh then', async () => {
    const c = dataOf(await commend(UNIT.DISTRICT_GIONG_TROM, '2017-12-16')).createCommendation;
    expect(c.decidingUnit.id).toBe(String(UNIT.DISTRICT_GIONG_TROM));
  });

  it('a decision of the district after it ended is refused: on that date it stands above nobody', async () => {
    const e = errorOf(await commend(UNIT.DISTRICT_GIONG_TROM, '2025-08-01'));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decidingUnitId' });
    expect(e.message).toContain('trong phạm vi của bạn hoặc cấp trên của bạn');
  });
});

describe('reports and documents name units as they were named on their date', () => {
  let admin = '';
  beforeAll(async () => {
    admin = await api.login('admin');
  });

  it('the directive report of the province over 2016–2017 is the report of tỉnh Bến Tre, not tỉnh Vĩnh Long', async () => {
    const r = dataOf(
      await api.gql(`query { directiveReport(documentId: ${DOCUMENT.CT_05}, unitId: ${UNIT.PROVINCE_BEN_TRE}, from: "${DIRECTIVE_REPORT.FROM}", to: "${DIRECTIVE_REPORT.TO}") { unitName } }`, {}, admin),
    ).directiveReport;
    expect(r.unitName).toBe('Đảng bộ tỉnh Bến Tre');
  });

  it('the 2017 Word report of the district is issued under Đảng bộ tỉnh Bến Tre', async () => {
    const res = await fetch(`${api.url}/reports/directive?documentId=${DOCUMENT.CT_05}&unitId=${UNIT.DISTRICT_GIONG_TROM}&from=${DIRECTIVE_REPORT.FROM}&to=${DIRECTIVE_REPORT.TO}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.status).toBe(200);
    const text = await docxText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('ĐẢNG BỘ TỈNH BẾN TRE\nĐẢNG ỦY HUYỆN GIỒNG TRÔM');
    expect(text).not.toContain('VĨNH LONG');
  });

  it("a document's issuer reads with the name it had on the issue date", async () => {
    const make = (number: string, issuedOn: string) =>
      api.gql(`mutation { createDocument(number: "${number}", issuedOn: "${issuedOn}", title: "Về công tác tổ chức", issuerUnitId: ${UNIT.PROVINCE_BEN_TRE}) { issuer { name } } }`, {}, admin);
    expect(dataOf(await make('71-CV/TU', '2017-03-01')).createDocument.issuer.name).toBe('Đảng bộ tỉnh Bến Tre');
    expect(dataOf(await make('72-CV/TU', '2025-08-01')).createDocument.issuer.name).toBe(R.PROVINCE_NAME);
  });
});

describe("a successor's directive report over a period before its founding reads its predecessors' records", () => {
  const FIGURES = `unitName conferences { activityId } commendations { total collective individual } cellsReached { part whole } cellsNotReached`;
  const reportOf = async (unitId: number) =>
    dataOf(await api.gql(`query { directiveReport(documentId: ${DOCUMENT.CT_05}, unitId: ${unitId}, from: "${DIRECTIVE_REPORT.FROM}", to: "${DIRECTIVE_REPORT.TO}") { ${FIGURES} } }`, {}, xa))
      .directiveReport;

  it("Mỹ Tân Hưng's 2016–2017 report has Mỹ Thạnh's conferences and commendations, over the cells of all the communes it was made of", async () => {
    const [myThanh, successor] = [await reportOf(UNIT.COMMUNE_MY_THANH), await reportOf(UNIT.COMMUNE_MY_TAN_HUNG)];
    expect(myThanh.conferences.length).toBeGreaterThan(0);
    expect(successor.conferences).toEqual(myThanh.conferences);
    expect(successor.commendations).toEqual(myThanh.commendations);
    const neighbourCells = NEIGHBOUR_COMMUNES.reduce((sum, n) => sum + n.cells.length, 0);
    expect(myThanh.cellsReached.whole).toBe(MY_THANH_CELLS.length);
    expect(successor.cellsReached).toEqual({ part: myThanh.cellsReached.part, whole: MY_THANH_CELLS.length + neighbourCells });
    expect(successor.cellsNotReached).toHaveLength(neighbourCells + myThanh.cellsNotReached.length);
  });
});
