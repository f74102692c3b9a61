import { CELL, DEMO_DATE, MY_THANH_CELLS, MY_THANH_MEMBER_COUNT, NEIGHBOUR_COMMUNES, REORGANISATION_2025, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const auditCount = async () => Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM audit_entry'))[0].n);
const unitCount = async () => Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM org_unit'))[0].n);

describe('the demo tree', () => {
  it('Mỹ Thạnh had its 13 cells, 189 members in its subtree; today they are in Mỹ Tân Hưng with its neighbours\u2019 cells', async () => {
    const res = dataOf(
      await api.gql(`query($id: ID!, $d: String!) { allOrgUnits(filter: {parentId: $id, asOf: $d}) { name kind } m: allOrgUnits(filter: {ids: [$id], asOf: $d}) { name memberCount childCount } }`, {
        id: UNIT.COMMUNE_MY_THANH,
        d: DEMO_DATE,
      }),
    );
    expect(res.allOrgUnits).toHaveLength(13);
    expect(res.allOrgUnits.map((u: { name: string }) => u.name)).toEqual(expect.arrayContaining(['Chi bộ ấp Bến Đò', 'Chi bộ ấp Nghĩa Huấn', 'Chi bộ Y tế']));
    expect(new Set(res.allOrgUnits.map((u: { kind: string }) => u.kind))).toEqual(new Set(['CELL']));
    expect(res.m).toEqual([{ name: 'Đảng bộ xã Mỹ Thạnh', memberCount: 189, childCount: 13 }]);
    const today = dataOf(await api.gql(`query($id: ID!) { allOrgUnits(filter: {parentId: $id}, perPage: 100) { kind } OrgUnit(id: $id) { name memberCount childCount } }`, { id: UNIT.COMMUNE_MY_TAN_HUNG }));
    const neighbourCells = NEIGHBOUR_COMMUNES.reduce((n, c) => n + c.cells.length, 0);
    const neighbourMembers = NEIGHBOUR_COMMUNES.reduce((n, c) => n + c.cells.length * c.perCell, 0);
    expect(today.allOrgUnits).toHaveLength(13 + neighbourCells);
    expect(today.OrgUnit).toEqual({ name: REORGANISATION_2025.COMMUNE_NAME, memberCount: 189 + neighbourMembers, childCount: 13 + neighbourCells });
  });

  it('reads 189 members on the day of the 2017 conference too', async () => {
    const res = dataOf(await api.gql(`{ allOrgUnits(filter: {ids: ["${UNIT.COMMUNE_MY_THANH}"], asOf: "${DEMO_DATE}"}) { memberCount } }`));
    expect(res.allOrgUnits[0].memberCount).toBe(MY_THANH_MEMBER_COUNT);
    expect(MY_THANH_MEMBER_COUNT).toBe(189);
  });

  it('gives parent, children and ancestors, within the tree as of the date read', async () => {
    const res = dataOf(
      await api.gql(`{ OrgUnit(id: ${CELL.BEN_DO}) { parent { name } ancestors { name } } p: OrgUnit(id: ${UNIT.PROVINCE_BEN_TRE}) { parentId children { name } } }`),
    );
    expect(res.OrgUnit.parent.name).toBe('Đảng bộ xã Mỹ Tân Hưng');
    expect(res.OrgUnit.ancestors.map((a: { name: string }) => a.name)).toEqual(['Đảng bộ xã Mỹ Tân Hưng', 'Đảng bộ tỉnh Vĩnh Long']);
    expect(res.p.parentId).toBeNull();
    expect(res.p.children.map((c: { name: string }) => c.name)).toEqual([
      'Đảng bộ xã Lương Hòa',
      'Đảng bộ xã Mỹ Tân Hưng',
      'Đảng bộ xã Phong Nẫm',
      'Đảng bộ xã Sơn Phú',
      'Ủy ban MTTQ Việt Nam tỉnh Vĩnh Long',
    ]);
    // The same question on the day of the 2017 conference: the tree of then, with the names of then.
    const then = dataOf(await api.gql(`{ c: allOrgUnits(filter: {ids: ["${CELL.BEN_DO}"], asOf: "${DEMO_DATE}"}) { ancestors { name } } p: allOrgUnits(filter: {parentId: "${UNIT.PROVINCE_BEN_TRE}", asOf: "${DEMO_DATE}"}) { name } }`));
    expect(then.c[0].ancestors.map((a: { name: string }) => a.name)).toEqual(['Đảng bộ xã Mỹ Thạnh', 'Đảng bộ huyện Giồng Trôm', 'Đảng bộ tỉnh Bến Tre']);
    expect(then.p.map((c: { name: string }) => c.name)).toEqual(['Đảng bộ huyện Giồng Trôm', 'Ủy ban MTTQ Việt Nam tỉnh Bến Tre']);
  });

  it('filters by kind and by search text without diacritics', async () => {
    const res = dataOf(await api.gql(`{ a: allOrgUnits(filter: {kind: MASS_ORG}) { name } b: allOrgUnits(filter: {q: "nghia huan"}) { name } }`));
    expect(res.a).toHaveLength(5);
    expect(res.b.map((u: { name: string }) => u.name)).toEqual(['Chi bộ ấp Nghĩa Huấn']);
  });
});

describe('dated moves (the 2025 reform is a sequence of dated events)', () => {
  it('moves a commune directly under the province on 2025-07-01 and keeps the tree readable as of before', async () => {
    // A district of its own: nothing is placed under Giồng Trôm, which ended on 2025-06-30 (ended-units spec).
    const district = dataOf(
      await api.gql(`mutation { createOrgUnit(kind: DISTRICT_COMMITTEE, name: "Đảng bộ huyện Thử Nghiệm", parentId: "${UNIT.PROVINCE_BEN_TRE}", validFrom: "2020-01-01") { id } }`),
    ).createOrgUnit;
    const created = dataOf(
      await api.gql(`mutation { createOrgUnit(kind: COMMUNE_COMMITTEE, name: "Đảng bộ xã Thử Nghiệm", parentId: "${district.id}", validFrom: "2020-01-01") { id version } }`),
    ).createOrgUnit;
    dataOf(
      await api.gql(`mutation($id: ID!, $v: Int) { updateOrgUnit(id: $id, parentId: "${UNIT.PROVINCE_BEN_TRE}", movedOn: "2025-07-01", version: $v) { id } }`, {
        id: created.id,
        v: created.version,
      }),
    );
    const read = async (asOf: string) =>
      dataOf(await api.gql(`{ allOrgUnits(filter: {ids: ["${created.id}"], asOf: "${asOf}"}) { parent { name } } }`)).allOrgUnits[0].parent.name;
    expect(await read('2024-12-31')).toBe('Đảng bộ huyện Thử Nghiệm');
    // The province was renamed on the same day: the parent bears the name it had on the date read.
    expect(await read('2025-07-01')).toBe('Đảng bộ tỉnh Vĩnh Long');
  });
});

describe('refusals, and nothing written', () => {
  it('refuses to delete a unit with children or members', async () => {
    const before = [await unitCount(), await auditCount()];
    const withChildren = errorOf(await api.gql(`mutation { deleteOrgUnit(id: ${UNIT.COMMUNE_MY_THANH}) { id } }`));
    expect(withChildren.code).toBe('CONFLICT');
    expect(withChildren.message).toMatch(/đơn vị trực thuộc/);
    const withMembers = errorOf(await api.gql(`mutation { deleteOrgUnit(id: ${MY_THANH_CELLS[4].id}) { id } }`));
    expect(withMembers.code).toBe('CONFLICT');
    expect(withMembers.message).toMatch(/đảng viên/);
    expect([await unitCount(), await auditCount()]).toEqual(before);
  });

  it('refuses a parent that would make a cycle', async () => {
    const before = [await unitCount(), await auditCount()];
    // Today's tree: the province's Front above the Front of Mỹ Tân Hưng.
    const e = errorOf(await api.gql(`mutation { updateOrgUnit(id: ${UNIT.FRONT_PROVINCE}, parentId: ${UNIT.FRONT_MY_TAN_HUNG}) { id } }`));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    expect(e.message).toMatch(/vòng/);
    const parent = dataOf(await api.gql(`{ OrgUnit(id: ${UNIT.FRONT_PROVINCE}) { parentId } }`)).OrgUnit.parentId;
    expect(parent).toBe(String(UNIT.PROVINCE_BEN_TRE));
    expect([await unitCount(), await auditCount()]).toEqual(before);
  });

  it('refuses an empty name, an unknown parent, a unit under a cell', async () => {
    const before = [await unitCount(), await auditCount()];
    expect(errorOf(await api.gql(`mutation { createOrgUnit(kind: CELL, name: "   ", parentId: 10) { id } }`))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(errorOf(await api.gql(`mutation { createOrgUnit(kind: CELL, name: "Chi bộ mới", parentId: 99999) { id } }`))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    expect(errorOf(await api.gql(`mutation { createOrgUnit(kind: CELL, name: "Tổ đảng", parentId: ${CELL.Y_TE}) { id } }`))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    expect([await unitCount(), await auditCount()]).toEqual(before);
  });

  it('refuses a stale version with CONFLICT and keeps the first edit', async () => {
    const unit = dataOf(await api.gql(`{ OrgUnit(id: ${CELL.Y_TE}) { version } }`)).OrgUnit;
    dataOf(await api.gql(`mutation($v: Int) { updateOrgUnit(id: ${CELL.Y_TE}, code: "YT", version: $v) { id } }`, { v: unit.version }));
    const stale = errorOf(await api.gql(`mutation($v: Int) { updateOrgUnit(id: ${CELL.Y_TE}, code: "XX", version: $v) { id } }`, { v: unit.version }));
    expect(stale.code).toBe('CONFLICT');
    expect(dataOf(await api.gql(`{ OrgUnit(id: ${CELL.Y_TE}) { code } }`)).OrgUnit.code).toBe('YT');
  });
});
