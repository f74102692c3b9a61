/**
 * The demo world after its 2025 reorganisation (REORGANISATION_2025, applied by the demo seed through
 * restructureUnits): the same data answers with the 2017 tree for 2017 (the district above Mỹ Thạnh, 13 cells, 189
 * members, the report's figures) and with today's tree for 2025 on (no district; Mỹ Tân Hưng, formed from Mỹ Thạnh
 * and its neighbours, directly under the province, now named tỉnh Vĩnh Long), and the demo accounts keep working.
 */
import { docxText } from '@dangbo/reports';
import { ACTIVITY, CELL, DEMO_DATE, DIRECTIVE_REPORT, DOCUMENT, MY_THANH_CELLS, MY_THANH_MEMBER_COUNT, NEIGHBOUR_COMMUNES, PERIOD, REORGANISATION_2025 as R, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const NEW = String(UNIT.COMMUNE_MY_TAN_HUNG);
const NEIGHBOUR_CELLS = NEIGHBOUR_COMMUNES.flatMap((n) => n.cells.map((_c, i) => String(n.id * 10 + i + 1)));
const NEIGHBOUR_MEMBERS = NEIGHBOUR_COMMUNES.reduce((sum, n) => sum + n.cells.length * n.perCell, 0);
const MY_THANH_CELL_IDS = MY_THANH_CELLS.map((c) => String(c.id));

type Unit = { id: string; name: string; memberCount: number | null };
const childrenOn = async (parentId: number | string, asOf: string, token?: string): Promise<Unit[]> =>
  dataOf(await api.gql(`query($p: ID!, $d: String!) { allOrgUnits(filter: {parentId: $p, asOf: $d}, perPage: 100) { id name memberCount } }`, { p: String(parentId), d: asOf }, token)).allOrgUnits;
const unitOn = async (id: number | string, asOf: string): Promise<Unit & { ancestors: { id: string; name: string }[] }> =>
  dataOf(await api.gql(`query($id: ID!, $d: String!) { allOrgUnits(filter: {ids: [$id], asOf: $d}) { id name memberCount ancestors { id name } } }`, { id: String(id), d: asOf })).allOrgUnits[0];
const ids = (units: { id: string }[]) => units.map((u) => u.id).sort();

describe('the tree on 2017-02-15 is the tree of the report', () => {
  it('the district stands above Mỹ Thạnh, under the province of Bến Tre', async () => {
    expect((await unitOn(UNIT.PROVINCE_BEN_TRE, DEMO_DATE)).name).toBe('Đảng bộ tỉnh Bến Tre');
    expect((await childrenOn(UNIT.PROVINCE_BEN_TRE, DEMO_DATE)).map((u) => u.name)).toEqual(['Đảng bộ huyện Giồng Trôm', 'Ủy ban MTTQ Việt Nam tỉnh Bến Tre']);
    const communes = await childrenOn(UNIT.DISTRICT_GIONG_TROM, DEMO_DATE);
    expect(communes.find((u) => u.id === String(UNIT.COMMUNE_MY_THANH))).toEqual({ id: String(UNIT.COMMUNE_MY_THANH), name: 'Đảng bộ xã Mỹ Thạnh', memberCount: MY_THANH_MEMBER_COUNT });
    expect(communes.map((u) => u.id)).not.toContain(NEW);
    expect((await unitOn(CELL.BEN_DO, DEMO_DATE)).ancestors.map((a) => a.id)).toEqual([UNIT.COMMUNE_MY_THANH, UNIT.DISTRICT_GIONG_TROM, UNIT.PROVINCE_BEN_TRE].map(String));
  });

  it('Mỹ Thạnh has 13 cells and 189 members', async () => {
    const cells = await childrenOn(UNIT.COMMUNE_MY_THANH, DEMO_DATE);
    expect(ids(cells)).toEqual([...MY_THANH_CELL_IDS].sort());
    expect(cells.reduce((sum, c) => sum + (c.memberCount ?? 0), 0)).toBe(189);
    expect(MY_THANH_MEMBER_COUNT).toBe(189);
  });
});

describe('the tree on 2025-12-31: no district, the new commune directly under the province', () => {
  it('the province is named tỉnh Vĩnh Long and holds Mỹ Tân Hưng and the communes that moved up, not the district', async () => {
    expect((await unitOn(UNIT.PROVINCE_BEN_TRE, '2025-12-31')).name).toBe(R.PROVINCE_NAME);
    expect((await unitOn(UNIT.PROVINCE_BEN_TRE, R.LAST_DAY_BEFORE)).name).toBe('Đảng bộ tỉnh Bến Tre');
    const top = await childrenOn(UNIT.PROVINCE_BEN_TRE, '2025-12-31');
    expect(ids(top)).toEqual([NEW, UNIT.FRONT_PROVINCE, UNIT.COMMUNE_LUONG_HOA, UNIT.COMMUNE_PHONG_NAM, UNIT.COMMUNE_SON_PHU].map(String).sort());
    expect(top.find((u) => u.id === NEW)).toMatchObject({ name: R.COMMUNE_NAME, memberCount: MY_THANH_MEMBER_COUNT + NEIGHBOUR_MEMBERS });
    expect(await childrenOn(UNIT.DISTRICT_GIONG_TROM, '2025-12-31')).toEqual([]);
    // The district itself is not in the tree of that date.
    expect(dataOf(await api.gql(`{ allOrgUnits(filter: {ids: ["${UNIT.DISTRICT_GIONG_TROM}"], asOf: "2025-12-31"}) { id } }`)).allOrgUnits).toEqual([]);
  });

  it('Mỹ Tân Hưng holds the cells of the merged communes, each with its members', async () => {
    const cells = await childrenOn(NEW, '2025-12-31');
    expect(ids(cells)).toEqual([...MY_THANH_CELL_IDS, ...NEIGHBOUR_CELLS].sort());
    for (const c of MY_THANH_CELLS) expect(cells.find((u) => u.id === String(c.id))?.memberCount).toBe(c.members);
    expect(await childrenOn(UNIT.COMMUNE_MY_THANH, '2025-12-31')).toEqual([]);
    expect(await childrenOn(NEW, R.LAST_DAY_BEFORE)).toEqual([]);
    expect((await unitOn(CELL.BEN_DO, '2025-12-31')).ancestors.map((a) => a.name)).toEqual([R.COMMUNE_NAME, R.PROVINCE_NAME]);
  });

  it('the lineage says what became of what, and the fixed ids of the demo constants are the ones the events made', async () => {
    const res = dataOf(
      await api.gql(`query($n: ID!, $f: ID!) {
        n: OrgUnit(id: $n) { name validFrom predecessors { type effectiveDate predecessor { id name } } }
        f: OrgUnit(id: $f) { name predecessors { predecessor { id } } }
        m: OrgUnit(id: ${UNIT.COMMUNE_MY_THANH}) { validTo successors { successor { id } } }
        d: OrgUnit(id: ${UNIT.DISTRICT_GIONG_TROM}) { validTo successors { successor { id } } }
      }`, { n: NEW, f: String(UNIT.FRONT_MY_TAN_HUNG) }),
    );
    expect(res.n).toMatchObject({ name: R.COMMUNE_NAME, validFrom: R.DATE });
    expect(res.n.predecessors.map((p: { predecessor: { id: string } }) => p.predecessor.id).sort()).toEqual([UNIT.COMMUNE_MY_THANH, ...NEIGHBOUR_COMMUNES.map((n) => n.id)].map(String).sort());
    expect(res.n.predecessors.every((p: { type: string; effectiveDate: string }) => p.type === 'MERGE' && p.effectiveDate === R.DATE)).toBe(true);
    expect(res.f.name).toBe(R.FRONT_NAME);
    expect(res.f.predecessors.map((p: { predecessor: { id: string } }) => p.predecessor.id).sort()).toEqual([UNIT.FRONT_MY_THANH, ...NEIGHBOUR_COMMUNES.map((n) => n.frontId)].map(String).sort());
    expect(res.m).toEqual({ validTo: R.DATE, successors: [{ successor: { id: NEW } }] });
    expect(res.d).toEqual({ validTo: R.DATE, successors: [] });
    const events = dataOf(await api.gql(`{ allOrgEvents(perPage: 50, sortField: "id", sortOrder: "ASC") { type effectiveDate decisionNumber } }`)).allOrgEvents;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['RENAME', 'RENAME', 'MERGE', 'MOVE', 'MOVE', 'MOVE', 'MERGE', 'END', 'END']);
    expect(new Set(events.map((e: { effectiveDate: string }) => e.effectiveDate))).toEqual(new Set([R.DATE]));
  });
});

describe("a member's cell history spans the merge", () => {
  it('the cell of Bến Đò keeps its members across 2025-07-01, with no gap or overlap; its commune changes that day', async () => {
    const q = `query($c: ID!) { allMembers(filter: {unitId: $c}, perPage: 100) { id memberships { unitId kind validFrom validTo } } }`;
    const members = dataOf(await api.gql(q, { c: String(CELL.BEN_DO) })).allMembers as { id: string; memberships: { unitId: string; kind: string; validFrom: string; validTo: string | null }[] }[];
    expect(members).toHaveLength(MY_THANH_CELLS[0].members);
    const on = (m: (typeof members)[number], day: string) => m.memberships.filter((a) => a.kind === 'OFFICIAL' && a.validFrom <= day && (a.validTo === null || a.validTo > day));
    for (const m of members) {
      expect(on(m, R.LAST_DAY_BEFORE).map((a) => a.unitId)).toEqual([String(CELL.BEN_DO)]);
      expect(on(m, R.DATE).map((a) => a.unitId)).toEqual([String(CELL.BEN_DO)]);
      const rows = [...m.memberships].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      for (let i = 1; i < rows.length; i += 1) expect(rows[i].validFrom).toBe(rows[i - 1].validTo);
    }
    expect((await unitOn(CELL.BEN_DO, R.LAST_DAY_BEFORE)).ancestors[0].id).toBe(String(UNIT.COMMUNE_MY_THANH));
    expect((await unitOn(CELL.BEN_DO, R.DATE)).ancestors[0].id).toBe(NEW);
  });

  it('every member of the merged communes is in exactly one cell on the eve and on the day', async () => {
    const cells = [...MY_THANH_CELL_IDS, ...NEIGHBOUR_CELLS].map(Number);
    const count = async (day: string) =>
      (await api.dataSource.query(
        `SELECT memberId, COUNT(*) AS n FROM member_assignment WHERE kind = 'OFFICIAL' AND unitId IN (${cells.map(() => '?').join(',')}) AND validFrom <= ? AND (validTo IS NULL OR validTo > ?) GROUP BY memberId`,
        [...cells, day, day],
      )) as { memberId: number; n: number }[];
    const eve = await count(R.LAST_DAY_BEFORE);
    const day = await count(R.DATE);
    expect(eve).toHaveLength(MY_THANH_MEMBER_COUNT + NEIGHBOUR_MEMBERS);
    expect(day.map((r) => r.memberId).sort()).toEqual(eve.map((r) => r.memberId).sort());
    expect([...eve, ...day].every((r) => Number(r.n) === 1)).toBe(true);
  });
});

describe('the 2017 directive figures are unchanged by the event', () => {
  it('xa.mythanh, now on Mỹ Tân Hưng, reads the report of Mỹ Thạnh with the report\u2019s figures', async () => {
    const xa = await api.login('xa.mythanh');
    const q = `query($doc: ID!, $unit: ID!, $from: String!, $to: String!) { directiveReport(documentId: $doc, unitId: $unit, from: $from, to: $to) {
      unitName cellsReached { text part whole } conferences { activityId attendance { part whole text } }
      outreachMassOrgs { total { part whole text } } outreachPeople { total { part whole text } } commendations { total collective individual } } }`;
    const r = dataOf(await api.gql(q, { doc: String(DOCUMENT.CT_05), unit: String(UNIT.COMMUNE_MY_THANH), from: DIRECTIVE_REPORT.FROM, to: DIRECTIVE_REPORT.TO }, xa)).directiveReport;
    expect(r.unitName).toBe('Đảng bộ xã Mỹ Thạnh');
    expect(r.cellsReached).toEqual({ text: '100%', part: 13, whole: 13 });
    expect(r.conferences.find((c: { activityId: string }) => c.activityId === String(ACTIVITY.TRIEN_KHAI_2017)).attendance).toEqual({ part: 178, whole: 189, text: '94,18%' });
    expect(r.outreachMassOrgs.total).toEqual({ part: 2214, whole: 2705, text: '81,85%' });
    expect(r.outreachPeople.total).toEqual({ part: 7389, whole: 9800, text: '75,4%' });
    expect(r.commendations).toEqual({ total: 20, collective: 2, individual: 18 });
  });

  it('the Word report keeps the 2017 issuer block (the district above the commune) and the figures', async () => {
    const xa = await api.login('xa.mythanh');
    const params = `documentId=${DOCUMENT.CT_05}&unitId=${UNIT.COMMUNE_MY_THANH}&from=${DIRECTIVE_REPORT.FROM}&to=${DIRECTIVE_REPORT.TO}`;
    const res = await fetch(`${api.url}/reports/directive?${params}`, { headers: { authorization: `Bearer ${xa}` } });
    expect(res.status).toBe(200);
    const text = await docxText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('ĐẢNG BỘ HUYỆN GIỒNG TRÔM\nĐẢNG ỦY XÃ MỸ THẠNH\n*\nSố');
    for (const figure of ['13/13', '178/189', '94,18%', '81,85%', '75,4%', '02 tập thể', '18 cá nhân']) expect(text).toContain(figure);
    expect(text).not.toContain('Mỹ Tân Hưng');
    expect(text).not.toContain('Vĩnh Long');
  });
});

describe('the demo accounts keep working after the event', () => {
  const tops = async (token: string) => dataOf(await api.gql(`{ allOrgUnits(filter: {root: true}) { id } }`, {}, token)).allOrgUnits.map((u: { id: string }) => u.id).sort();
  const memberCount = async (token: string, unitId: number | string) => dataOf(await api.gql(`{ _allMembersMeta(filter: {unitId: ${unitId}}) { count } }`, {}, token))._allMembersMeta.count;

  it('xa.mythanh holds its roles on Mỹ Tân Hưng and its Front from 2025-07-01 and sees the cells and members today', async () => {
    const grants = dataOf(await api.gql(`{ allRoleGrants(filter: {userId: 3}, perPage: 20) { role unitId validFrom validTo } }`)).allRoleGrants;
    expect(grants).toEqual(
      expect.arrayContaining([
        { role: 'UNIT_ADMIN', unitId: String(UNIT.COMMUNE_MY_THANH), validFrom: null, validTo: R.DATE },
        { role: 'UNIT_ADMIN', unitId: NEW, validFrom: R.DATE, validTo: null },
        { role: 'UNIT_ADMIN', unitId: String(UNIT.FRONT_MY_THANH), validFrom: null, validTo: R.DATE },
        { role: 'UNIT_ADMIN', unitId: String(UNIT.FRONT_MY_TAN_HUNG), validFrom: R.DATE, validTo: null },
      ]),
    );
    const xa = await api.login('xa.mythanh');
    expect(await tops(xa)).toEqual([NEW, String(UNIT.FRONT_MY_TAN_HUNG)].sort());
    expect(ids(await childrenOn(NEW, '2026-01-01', xa))).toEqual([...MY_THANH_CELL_IDS, ...NEIGHBOUR_CELLS].sort());
    expect(await memberCount(xa, NEW)).toBe(MY_THANH_MEMBER_COUNT + NEIGHBOUR_MEMBERS);
    expect(await memberCount(xa, CELL.BEN_DO)).toBe(MY_THANH_CELLS[0].members);
    // It changes today's tree (a member of a cell), and reads nothing of the communes that moved up on their own.
    expect(dataOf(await api.gql(`mutation { updateMember(id: 1002, note: "Sau sáp nhập") { id } }`, {}, xa)).updateMember.id).toBe('1002');
    expect(await memberCount(xa, UNIT.COMMUNE_LUONG_HOA)).toBe(0);
  });

  it('ubkt.mythanh, btv.mythanh and bithu.bendo read their cells and members today', async () => {
    for (const username of ['ubkt.mythanh', 'btv.mythanh']) {
      const token = await api.login(username);
      expect(await tops(token)).toEqual([NEW]);
      expect(await memberCount(token, CELL.NGHIA_HUAN)).toBe(MY_THANH_CELLS[1].members);
    }
    const bithu = await api.login('bithu.bendo');
    expect(await tops(bithu)).toEqual([String(CELL.BEN_DO)]);
    expect(await memberCount(bithu, CELL.BEN_DO)).toBe(MY_THANH_CELLS[0].members);
  });

  it('the district accounts: their district roles ended with it; the province gave them a role on itself from the same day', async () => {
    const grants = dataOf(await api.gql(`{ allRoleGrants(filter: {userId: 7}, perPage: 20) { role unitId validFrom validTo } }`)).allRoleGrants;
    expect(grants).toEqual([
      { role: 'ANALYST', unitId: String(UNIT.DISTRICT_GIONG_TROM), validFrom: null, validTo: R.DATE },
      { role: 'ANALYST', unitId: String(UNIT.PROVINCE_BEN_TRE), validFrom: R.DATE, validTo: null },
    ]);
    const analyst = await api.login('analyst.giongtrom');
    expect(await tops(analyst)).toEqual([String(UNIT.PROVINCE_BEN_TRE)]);
    expect(await memberCount(analyst, NEW)).toBe(MY_THANH_MEMBER_COUNT + NEIGHBOUR_MEMBERS);
    expect(errorOf(await api.gql(`mutation { updateMember(id: 1002, note: "x") { id } }`, {}, analyst)).code).toBe('FORBIDDEN');
    expect(await tops(await api.login('huyen.giongtrom'))).toEqual([String(UNIT.PROVINCE_BEN_TRE)]);
  });

  it('every grant the events moved or ended is in the audit log of the event', async () => {
    const rows: { after: string }[] = await api.dataSource.query(`SELECT after FROM audit_entry WHERE operation = 'restructureUnits' AND entity = 'OrgEvent'`);
    expect(rows).toHaveLength(9);
    const grantChanges = rows.flatMap((r) => (JSON.parse(r.after).changes as { entity: string }[]).filter((c) => c.entity === 'RoleGrant'));
    // xa.mythanh (2, commune and Front), ubkt.mythanh, btv.mythanh moved; huyen.giongtrom and analyst.giongtrom ended.
    expect(grantChanges).toHaveLength(6);
  });
});

describe('the 2025 rating belongs to the new commune', () => {
  it('Mỹ Tân Hưng decides the ratings of its members and cells; the province decides the commune', async () => {
    const rows: { subjectUnitId: number | null; memberId: number | null; decidingUnitId: number; stage: string }[] = await api.dataSource.query(
      `SELECT e.subjectUnitId, e.memberId, e.decidingUnitId, e.stage FROM evaluation e WHERE e.periodId = ? AND (e.unitId IN (${[...MY_THANH_CELL_IDS, ...NEIGHBOUR_CELLS].join(',')}) OR e.unitId = ?)`,
      [PERIOD.YEAR_2025, UNIT.COMMUNE_MY_TAN_HUNG],
    );
    const commune = rows.filter((r) => Number(r.subjectUnitId) === UNIT.COMMUNE_MY_TAN_HUNG);
    expect(commune).toEqual([expect.objectContaining({ decidingUnitId: UNIT.PROVINCE_BEN_TRE, stage: 'DECIDED' })]);
    const below = rows.filter((r) => Number(r.subjectUnitId) !== UNIT.COMMUNE_MY_TAN_HUNG);
    expect(below.length).toBeGreaterThan(MY_THANH_MEMBER_COUNT);
    expect(new Set(below.map((r) => Number(r.decidingUnitId)))).toEqual(new Set([UNIT.COMMUNE_MY_TAN_HUNG]));
    const [{ n }] = await api.dataSource.query('SELECT COUNT(*) AS n FROM evaluation WHERE periodId = ? AND decidingUnitId = ?', [PERIOD.YEAR_2025, UNIT.COMMUNE_MY_THANH]);
    expect(Number(n)).toBe(0);
  });

  it('btv.mythanh reads the summary of Mỹ Tân Hưng; Mỹ Thạnh\u2019s own criteria set went with it', async () => {
    const btv = await api.login('btv.mythanh');
    const summary = dataOf(await api.gql(`{ ratingSummary(periodId: ${PERIOD.YEAR_2025}, unitId: ${NEW}) { decided } }`, {}, btv)).ratingSummary;
    expect(summary.decided).toBeGreaterThan(MY_THANH_MEMBER_COUNT);
    const sets = await api.dataSource.query('SELECT unitId FROM criteria_set WHERE unitId IN (?, ?)', [UNIT.COMMUNE_MY_THANH, UNIT.COMMUNE_MY_TAN_HUNG]);
    expect(sets).toEqual([{ unitId: UNIT.COMMUNE_MY_TAN_HUNG }]);
  });
});
