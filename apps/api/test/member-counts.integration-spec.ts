/**
 * Member counts kept per unit and day (modules/member/member-counts.ts) must always say what the memberships say:
 * after the demo's seeding (bulk rows, the 2025 reorganisation, the rating seed's dated edits) and after every
 * writer of memberships: creating, transferring and deleting a member, an import, and a structural event that moves
 * a cell's members. And the totals they answer equal the totals counted from the list's own query.
 */
import ExcelJS from 'exceljs';
import { MemberStatus } from '@dangbo/shared-types';
import { UNIT } from '../src/database/seeds/demo.constants';
import { keptCountAt } from '../src/modules/member/member-counts';
import { dataOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
const PASSWORD = 'mat-khau-dai-du';
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/**
 * Units and days where a kept count (the history of changes summed, and the unit's count moved to the day) differs
 * from the memberships counted row by row. The days are every day a count can change on (each start and end of a
 * membership) and today: between two of them nothing changes.
 */
async function mismatches(): Promise<unknown[]> {
  return api.dataSource.query(
    `WITH days AS (SELECT validFrom AS day FROM member_assignment UNION SELECT validTo FROM member_assignment WHERE validTo IS NOT NULL UNION SELECT CURDATE()),
          units AS (SELECT unitId FROM member_assignment UNION SELECT unitId FROM member_count_change)
     SELECT x.unitId, x.day, x.history, x.kept, x.counted FROM (
       SELECT u.unitId, d.day,
              (SELECT COALESCE(SUM(c.delta), 0) FROM member_count_change c WHERE c.unitId = u.unitId AND c.day <= d.day) AS history,
              COALESCE((SELECT ${keptCountAt('b', 'd.day')} FROM member_count b WHERE b.unitId = u.unitId), 0) AS kept,
              (SELECT COUNT(DISTINCT a.memberId) FROM member_assignment a
                WHERE a.unitId = u.unitId AND a.kind = 'OFFICIAL' AND a.validFrom <= d.day AND (a.validTo IS NULL OR a.validTo > d.day)) AS counted
         FROM units u CROSS JOIN days d
     ) x WHERE x.kept <> x.counted OR x.history <> x.counted`,
  );
}

const COUNT = `query($f: MemberFilter) { _allMembersMeta(filter: $f) { count } }`;
/** Every status: a filter that keeps every member but makes the API count the list's own query. */
const EVERY_STATUS = Object.values(MemberStatus);

/** The kept total and the counted one for the same filter, as a caller sees them. */
async function bothTotals(filter: { unitId?: string; asOf?: string }, token?: string): Promise<[number, number]> {
  const kept = dataOf(await api.gql(COUNT, { f: filter }, token))._allMembersMeta.count;
  const counted = dataOf(await api.gql(COUNT, { f: { ...filter, statuses: EVERY_STATUS } }, token))._allMembersMeta.count;
  return [kept, counted];
}

const unit = async (key: string, name: string, kind: string, parentId: string | number) => {
  const res = dataOf(await api.gql(`mutation($n: String!, $k: OrgUnitKind!, $p: ID) { createOrgUnit(name: $n, kind: $k, parentId: $p, validFrom: "2010-01-01") { id } }`, { n: name, k: kind, p: String(parentId) }));
  return (ids[key] = res.createOrgUnit.id);
};
const member = async (key: string, cellId: string, fullName: string) => {
  const res = dataOf(await api.gql(`mutation($c: ID!, $n: String!) { createMember(cellId: $c, fullName: $n, gender: MALE, joinedOn: "2015-01-01") { id version } }`, { c: cellId, n: fullName }));
  ids[key] = res.createMember.id;
  return res.createMember as { id: string; version: number };
};

it('the demo, as seeded, has its counts equal to its memberships', async () => {
  expect(await mismatches()).toEqual([]);
  expect(Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM member_count_change'))[0].n)).toBeGreaterThan(0);
});

describe('after every writer of memberships', () => {
  let token = '';
  beforeAll(async () => {
    const commune = await unit('k', 'Đảng bộ xã Đếm Thử', 'COMMUNE_COMMITTEE', UNIT.PROVINCE_BEN_TRE);
    const one = await unit('k1', 'Chi bộ ấp Một Đếm', 'CELL', commune);
    const two = await unit('k2', 'Chi bộ ấp Hai Đếm', 'CELL', commune);
    const three = await unit('k3', 'Chi bộ ấp Ba Đếm', 'CELL', commune);
    for (const [i, cell] of [one, one, one, two, two, three].entries()) await member(`m${i}`, cell, `Phan Văn Đếm ${i}`);
    dataOf(await api.gql(`mutation($u: String!, $id: ID!) { createUser(username: $u, displayName: $u, password: "${PASSWORD}", role: UNIT_ADMIN, unitId: $id) { id } }`, { u: 'admin.dem.thu', id: commune }));
    token = await api.login('admin.dem.thu', PASSWORD);

    // A transfer dated in the past, and one today.
    const moved = dataOf(await api.gql(`query($id: ID!) { Member(id: $id) { version } }`, { id: ids.m0 })).Member;
    dataOf(await api.gql(`mutation($id: ID!, $c: ID!, $v: Int) { updateMember(id: $id, cellId: $c, transferredOn: "2020-05-01", version: $v) { id } }`, { id: ids.m0, c: two, v: moved.version }));
    const today = dataOf(await api.gql(`query($id: ID!) { Member(id: $id) { version } }`, { id: ids.m3 })).Member;
    dataOf(await api.gql(`mutation($id: ID!, $c: ID!, $v: Int) { updateMember(id: $id, cellId: $c, version: $v) { id } }`, { id: ids.m3, c: three, v: today.version }));
    dataOf(await api.gql(`mutation($id: ID!) { deleteMember(id: $id) { id } }`, { id: ids.m5 }));

    // An import of three new members into the second cell.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đảng viên');
    ws.addRow(['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số thẻ đảng viên', 'Số lý lịch', 'Số CCCD', 'Ngày vào Đảng', 'Ngày chính thức', 'Chi bộ', 'Ghi chú']);
    for (const i of [1, 2, 3]) ws.addRow([`Võ Thị Nhập Đếm ${i}`, 'Nữ', '05/03/1980', `7790000${i}`, null, `08307790000${i}`, '19/05/2005', '19/05/2006', 'Chi bộ ấp Hai Đếm', null]);
    const res = await fetch(`${api.url}/imports/members?dryRun=0`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    expect(await res.json()).toMatchObject({ committed: true, created: 3 });

    // A structural event: the first cell is absorbed by the third on 2025-07-01, its members move with it.
    const absorb = `mutation($input: RestructureInput!) { restructureUnits(input: $input, dryRun: false) { changes { kind } } }`;
    const input = { type: 'ABSORB', effectiveDate: '2025-07-01', unitIds: [one], targetId: three, decisionNumber: '09-QĐ/ĐU', decisionDate: '2025-06-20' };
    const changes = dataOf(await api.gql(absorb, { input })).restructureUnits.changes.map((c: { kind: string }) => c.kind);
    expect(changes).toContain('MEMBERSHIP_MOVED');
  });

  it('a transfer dated ahead is counted from its day on, not before', async () => {
    const ahead = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const { version } = dataOf(await api.gql(`query($id: ID!) { Member(id: $id) { version } }`, { id: ids.m4 })).Member;
    dataOf(await api.gql(`mutation($id: ID!, $c: ID!, $d: String, $v: Int) { updateMember(id: $id, cellId: $c, transferredOn: $d, version: $v) { id } }`, { id: ids.m4, c: ids.k3, d: ahead, v: version }));
    // Kept apart from the units' counts as changes after their day: one leaving the second cell, one entering the third.
    expect(await api.dataSource.query('SELECT unitId, delta FROM member_count_later WHERE day = ? ORDER BY unitId', [ahead])).toEqual([
      { unitId: Number(ids.k2), delta: -1 },
      { unitId: Number(ids.k3), delta: 1 },
    ]);
    const countOf = async (id: string, asOf?: string) =>
      dataOf(await api.gql(`query($f: MemberFilter) { _allMembersMeta(filter: $f) { count } }`, { f: { unitId: id, ...(asOf ? { asOf } : {}) } }))._allMembersMeta.count;
    // Today the second cell still has it (m0, m4 and the three imported), the third has m1, m2 and m3.
    expect([await countOf(ids.k2), await countOf(ids.k3)]).toEqual([5, 3]);
    expect([await countOf(ids.k2, ahead), await countOf(ids.k3, ahead)]).toEqual([4, 4]);
  });

  it('the counts equal the memberships on every day either changes', async () => {
    expect(await mismatches()).toEqual([]);
  });

  it('the tree shows the moved members where they are on each date', async () => {
    const countOf = async (id: string, asOf: string) =>
      dataOf(await api.gql(`query($f: OrgUnitFilter) { allOrgUnits(filter: $f) { memberCount } }`, { f: { ids: [id], asOf } })).allOrgUnits[0].memberCount;
    // In 2016: three in the first cell, two in the second with the three imported (members since their admission
    // in 2005), none in the third (its one member was deleted, from every date).
    expect([await countOf(ids.k1, '2016-01-01'), await countOf(ids.k2, '2016-01-01'), await countOf(ids.k3, '2016-01-01')]).toEqual([3, 5, 0]);
    // After the transfer of 2020-05-01.
    expect([await countOf(ids.k1, '2021-01-01'), await countOf(ids.k2, '2021-01-01')]).toEqual([2, 6]);
    // The first cell's two, on its last day and from 2025-07-01 in the third.
    expect([await countOf(ids.k1, '2025-06-30'), await countOf(ids.k3, '2025-06-30'), await countOf(ids.k3, '2025-07-01')]).toEqual([2, 0, 2]);
    expect(await countOf(ids.k, '2025-07-01')).toBe(8);
  });

  it('the totals the kept counts answer equal those counted from the list, for the unrestricted and a restricted caller', async () => {
    for (const filter of [{}, { unitId: ids.k }, { unitId: ids.k2 }, { unitId: ids.k, asOf: '2016-01-01' }, { unitId: String(UNIT.PROVINCE_BEN_TRE) }, { unitId: String(UNIT.COMMUNE_MY_THANH), asOf: '2017-02-15' }]) {
      const [kept, counted] = await bothTotals(filter);
      expect({ filter, kept }).toEqual({ filter, kept: counted });
    }
    // The unrestricted total counts every member record, current or not.
    const [all] = await bothTotals({});
    expect(all).toBe(Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM member'))[0].n));
    // A restricted caller: the scope today, and a unit inside or outside it.
    for (const filter of [{}, { unitId: ids.k }, { unitId: ids.k3 }, { unitId: String(UNIT.PROVINCE_BEN_TRE) }, { unitId: String(UNIT.COMMUNE_MY_TAN_HUNG) }, { unitId: ids.k, asOf: '2016-01-01' }]) {
      const [kept, counted] = await bothTotals(filter, token);
      expect({ filter, kept }).toEqual({ filter, kept: counted });
    }
    expect((await bothTotals({}, token))[0]).toBe(8);
  });
});
