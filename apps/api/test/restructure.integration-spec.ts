/**
 * Structural events on scratch units made here (the demo tree stays as it is): a district with two communes, their
 * cells and members, merged on 2025-07-01 into a new commune directly under the province.
 */
import { UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
const E = '2025-07-01';
const PASSWORD = 'mat-khau-dai-du';
const ids: Record<string, string> = {};

const unit = async (key: string, name: string, kind: string, parentId: string | number, validFrom = '2010-01-01') => {
  const res = dataOf(await api.gql(`mutation($n: String!, $k: OrgUnitKind!, $p: ID, $v: String) { createOrgUnit(name: $n, kind: $k, parentId: $p, validFrom: $v) { id } }`, { n: name, k: kind, p: String(parentId), v: validFrom }));
  ids[key] = res.createOrgUnit.id;
  return ids[key];
};
const member = async (key: string, cellId: string, fullName: string) => {
  const res = dataOf(await api.gql(`mutation($c: ID!, $n: String!) { createMember(cellId: $c, fullName: $n, gender: MALE, joinedOn: "2015-01-01") { id } }`, { c: cellId, n: fullName }));
  ids[key] = res.createMember.id;
};
const user = async (username: string, role: string, unitId: string) => {
  dataOf(await api.gql(`mutation($u: String!, $r: Role!, $id: ID!) { createUser(username: $u, displayName: $u, password: "${PASSWORD}", role: $r, unitId: $id) { id } }`, { u: username, r: role, id: unitId }));
  return api.login(username, PASSWORD);
};
const activity = async (unitId: string, title: string) => {
  const res = dataOf(await api.gql(`mutation($u: ID!, $t: String!) { createActivity(unitId: $u, kind: CONFERENCE, conferenceKind: TRIEN_KHAI, heldOn: "2017-03-01", title: $t) { id } }`, { u: unitId, t: title }));
  return res.createActivity.id as string;
};

const RESTRUCTURE = `mutation($input: RestructureInput!, $dry: Boolean!) {
  restructureUnits(input: $input, dryRun: $dry) { dryRun event { id type effectiveDate results { id name } } changes { kind entity entityId fromUnitId toUnitId toNewUnit description } }
}`;
const restructure = (input: Record<string, unknown>, dry: boolean, token?: string) => api.gql(RESTRUCTURE, { input: { decisionNumber: '01-QĐ/TU', decisionDate: '2025-06-20', ...input }, dry }, token);
const count = async (table: string) => Number((await api.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
const childrenOn = async (parentId: string, asOf: string) =>
  dataOf(await api.gql(`query($p: ID!, $d: String!) { allOrgUnits(filter: {parentId: $p, asOf: $d}) { id name memberCount } }`, { p: parentId, d: asOf })).allOrgUnits as { id: string; name: string; memberCount: number }[];

const MERGE = () => ({ type: 'MERGE', effectiveDate: E, unitIds: [ids.a, ids.b], parentId: String(UNIT.PROVINCE_BEN_TRE), newUnits: [{ name: 'Đảng bộ xã Hợp Thử', kind: 'COMMUNE_COMMITTEE' }] });

let tokenA: string;
let tokenD: string;
let mergeResult: { event: { id: string; results: { id: string }[] }; changes: unknown[] };
let dryChanges: unknown[];

beforeAll(async () => {
  api = await startTestApi();
  await unit('d', 'Đảng bộ huyện Thử', 'DISTRICT_COMMITTEE', UNIT.PROVINCE_BEN_TRE);
  for (const [c, name] of [['a', 'Đảng bộ xã An Thử'], ['b', 'Đảng bộ xã Bình Thử']]) {
    await unit(c, name, 'COMMUNE_COMMITTEE', ids.d);
    for (const n of [1, 2]) {
      const cell = await unit(`${c}${n}`, `Chi bộ ấp ${n} ${name.slice(-7)}`, 'CELL', ids[c]);
      await member(`${c}${n}m1`, cell, `Nguyễn Văn ${c.toUpperCase()}${n}`);
      await member(`${c}${n}m2`, cell, `Trần Thị ${c.toUpperCase()}${n}`);
    }
  }
  ids.actA = await activity(ids.a, 'Hội nghị 2017 xã An Thử');
  ids.actB = await activity(ids.b, 'Hội nghị 2017 xã Bình Thử');
  dataOf(await api.gql(`mutation($u: ID!) { createRatingPeriod(unitId: $u, kind: YEAR, year: 2025) { id } }`, { u: ids.a }));
  tokenA = await user('admin.an.thu', 'UNIT_ADMIN', ids.a);
  tokenD = await user('admin.huyen.thu', 'UNIT_ADMIN', ids.d);
});
afterAll(() => api.close());

describe('MERGE of two communes into a new commune under the province on 2025-07-01', () => {
  it('the dry run lists every change and writes nothing', async () => {
    const before = { events: await count('org_event'), links: await count('org_unit_link'), audit: await count('audit_entry') };
    const res = dataOf(await restructure(MERGE(), true)).restructureUnits;
    expect(res.dryRun).toBe(true);
    expect(res.event).toBeNull();
    const kinds = res.changes.map((c: { kind: string }) => c.kind);
    expect(kinds.filter((k: string) => k === 'UNIT_MOVED')).toHaveLength(4);
    expect(kinds).toEqual(expect.arrayContaining(['UNIT_FOUNDED', 'LINEAGE', 'GRANT_MOVED', 'RATING_PERIOD_MOVED', 'UNIT_ENDED']));
    expect(res.changes.find((c: { kind: string }) => c.kind === 'GRANT_MOVED')).toMatchObject({ fromUnitId: ids.a, toNewUnit: 0 });
    expect({ events: await count('org_event'), links: await count('org_unit_link'), audit: await count('audit_entry') }).toEqual(before);
    dryChanges = res.changes;
  });

  it('the apply lists the same changes as the dry run and records the event', async () => {
    mergeResult = dataOf(await restructure(MERGE(), false)).restructureUnits;
    expect(mergeResult.changes).toEqual(dryChanges);
    expect(mergeResult.event.results).toHaveLength(1);
    ids.n = mergeResult.event.results[0].id;
  });

  it('the tree on 2025-06-30 has both communes under the district; on 2025-12-31 the new commune under the province holds their cells', async () => {
    const june = await childrenOn(ids.d, '2025-06-30');
    expect(june.map((u) => u.id).sort()).toEqual([ids.a, ids.b].sort());
    expect(june.map((u) => u.memberCount)).toEqual([4, 4]);
    expect(await childrenOn(ids.d, '2025-12-31')).toEqual([]);
    const province = await childrenOn(String(UNIT.PROVINCE_BEN_TRE), '2025-12-31');
    expect(province.find((u) => u.id === ids.n)).toMatchObject({ name: 'Đảng bộ xã Hợp Thử', memberCount: 8 });
    expect((await childrenOn(ids.n, '2025-12-31')).map((u) => u.id).sort()).toEqual([ids.a1, ids.a2, ids.b1, ids.b2].sort());
    expect(await childrenOn(ids.n, '2025-06-30')).toEqual([]);
    const chain = async (d: string) =>
      dataOf(await api.gql(`query($id: ID!, $d: String!) { allOrgUnits(filter: {ids: [$id], asOf: $d}) { ancestors { id } } }`, { id: ids.a1, d })).allOrgUnits[0].ancestors.map((a: { id: string }) => a.id);
    expect(await chain('2025-06-30')).toEqual([ids.a, ids.d, String(UNIT.PROVINCE_BEN_TRE)]);
    expect(await chain('2025-12-31')).toEqual([ids.n, String(UNIT.PROVINCE_BEN_TRE)]);
  });

  it('each unit answers what it became and what it was made of', async () => {
    const res = dataOf(
      await api.gql(`query($a: ID!, $n: ID!) { a: OrgUnit(id: $a) { validTo successors { effectiveDate type successor { id } } } n: OrgUnit(id: $n) { validFrom predecessors { predecessor { id name } } } }`, { a: ids.a, n: ids.n }),
    );
    expect(res.a).toEqual({ validTo: E, successors: [{ effectiveDate: E, type: 'MERGE', successor: { id: ids.n } }] });
    expect(res.n.validFrom).toBe(E);
    expect(res.n.predecessors.map((p: { predecessor: { id: string } }) => p.predecessor.id).sort()).toEqual([ids.a, ids.b].sort());
  });

  it('applying the same event twice is refused as a conflict', async () => {
    const events = await count('org_event');
    expect(errorOf(await restructure(MERGE(), false))).toMatchObject({ code: 'CONFLICT' });
    expect(errorOf(await restructure(MERGE(), true))).toMatchObject({ code: 'CONFLICT' });
    expect(await count('org_event')).toBe(events);
  });

  it('a member cell history spans a cell merge with no gap or overlap', async () => {
    const cellMerge = { type: 'MERGE', effectiveDate: '2025-08-01', unitIds: [ids.a1, ids.b1], newUnits: [{ name: 'Chi bộ ấp Hợp Nhất', kind: 'CELL' }] };
    const dry = dataOf(await restructure(cellMerge, true)).restructureUnits.changes;
    expect(dry.filter((c: { kind: string }) => c.kind === 'MEMBERSHIP_MOVED')).toHaveLength(4);
    const done = dataOf(await restructure(cellMerge, false)).restructureUnits;
    expect(done.changes).toEqual(dry);
    const rows: { unitId: number; validFrom: string; validTo: string | null }[] = await api.dataSource.query(
      'SELECT unitId, validFrom, validTo FROM member_assignment WHERE memberId = ? ORDER BY validFrom',
      [ids.a1m1],
    );
    expect(rows).toEqual([
      { unitId: Number(ids.a1), validFrom: '2015-01-01', validTo: '2025-08-01' },
      { unitId: Number(done.event.results[0].id), validFrom: '2025-08-01', validTo: null },
    ]);
    // The cell still counts its members on the eve, the new cell from the day.
    const cells = await childrenOn(ids.n, '2025-07-31');
    expect(cells.find((c) => c.id === ids.a1)?.memberCount).toBe(2);
    expect((await childrenOn(ids.n, '2025-08-01')).find((c) => c.id === done.event.results[0].id)?.memberCount).toBe(4);
  });
});

describe('scope across events', () => {
  it('a role moved to the successor reads the predecessors\u2019 records dated before the event', async () => {
    const acts = dataOf(await api.gql(`{ allActivities { id } }`, {}, tokenA)).allActivities.map((a: { id: string }) => a.id);
    expect(acts).toEqual(expect.arrayContaining([ids.actA, ids.actB]));
    expect(dataOf(await api.gql(`query($id: ID!) { OrgUnit(id: $id) { name } }`, { id: ids.n }, tokenA)).OrgUnit.name).toBe('Đảng bộ xã Hợp Thử');
  });

  it('the inherited history is read-only: the successor\u2019s role changes nothing on an ended predecessor', async () => {
    const res = await api.gql(`mutation($u: ID!) { createActivity(unitId: $u, kind: CONFERENCE, conferenceKind: TRIEN_KHAI, heldOn: "2017-04-01", title: "Bổ sung") { id } }`, { u: ids.b }, tokenA);
    expect(errorOf(res).code).toBe('FORBIDDEN');
  });

  it('a role on a unit that has ended grants nothing from its end date', async () => {
    const f = await unit('f', 'Đảng bộ xã Phụ Thử', 'COMMUNE_COMMITTEE', ids.d);
    const actF = await activity(f, 'Hội nghị 2017 xã Phụ Thử');
    const tokenF = await user('admin.phu.thu', 'UNIT_ADMIN', f);
    expect(dataOf(await api.gql(`{ allActivities { id } }`, {}, tokenF)).allActivities.map((a: { id: string }) => a.id)).toEqual([actF]);
    dataOf(await restructure({ type: 'END', effectiveDate: E, unitIds: [f], grantPolicy: 'END' }, false));
    const after = await api.gql(`{ allActivities { id } allOrgUnits { id } }`, {}, tokenF);
    expect(dataOf(after)).toEqual({ allActivities: [], allOrgUnits: [] });
    // Ended by a plain edit (no event, the grant still open): the unit's end alone stops the grant.
    const g = await unit('g', 'Đảng bộ xã Giáp Thử', 'COMMUNE_COMMITTEE', ids.d);
    const tokenG = await user('admin.giap.thu', 'UNIT_ADMIN', g);
    dataOf(await api.gql(`mutation($id: ID!) { updateOrgUnit(id: $id, validTo: "${E}") { id } }`, { id: g }));
    expect(errorOf(await api.gql(`query($id: ID!) { OrgUnit(id: $id) { id } }`, { id: g }, tokenG)).code).toBe('NOT_FOUND');
  });

  it('a unit alive elsewhere is not inherited: the district\u2019s role does not read the new commune', async () => {
    const units = dataOf(await api.gql(`{ allOrgUnits { id } }`, {}, tokenD)).allOrgUnits.map((u: { id: string }) => u.id);
    expect(units).not.toContain(ids.n);
    expect(units).not.toContain(ids.a1);
  });
});

describe('names by date', () => {
  it('a renamed unit shows its old name on dates before the renaming', async () => {
    const h = await unit('h', 'Đảng bộ xã Cũ Thử', 'COMMUNE_COMMITTEE', UNIT.PROVINCE_BEN_TRE);
    dataOf(await restructure({ type: 'RENAME', effectiveDate: E, unitIds: [h], newName: 'Đảng bộ phường Mới Thử' }, false));
    const nameOn = async (d: string) => dataOf(await api.gql(`query($id: ID!, $d: String!) { allOrgUnits(filter: {ids: [$id], asOf: $d}) { name } }`, { id: h, d })).allOrgUnits[0].name;
    expect(await nameOn('2025-06-30')).toBe('Đảng bộ xã Cũ Thử');
    expect(await nameOn(E)).toBe('Đảng bộ phường Mới Thử');
  });
});

describe('a failure midway leaves nothing', () => {
  it('a refusal at the last write rolls back every earlier write of the event', async () => {
    const x = await unit('x', 'Đảng bộ xã Ích Thử', 'COMMUNE_COMMITTEE', ids.d);
    const y = await unit('y', 'Đảng bộ xã Yên Thử', 'COMMUNE_COMMITTEE', ids.d);
    const cell = await unit('x1', 'Chi bộ ấp Ích', 'CELL', x);
    await member('x1m', cell, 'Lê Văn Ích');
    dataOf(await api.gql(`mutation($u: ID!) { createRatingPeriod(unitId: $u, kind: YEAR, year: 2025) { id } }`, { u: x }));
    await user('admin.ich.thu', 'UNIT_ADMIN', x);
    const absorb = { type: 'ABSORB', effectiveDate: E, unitIds: [x], targetId: y };
    const planned = dataOf(await restructure(absorb, true)).restructureUnits.changes.map((c: { kind: string }) => c.kind);
    expect(planned.slice(-2)).toEqual(['RATING_PERIOD_MOVED', 'UNIT_ENDED']);
    const tables = ['org_event', 'org_lineage', 'org_unit_link', 'member_assignment', 'role_grant', 'audit_entry', 'org_unit_name'];
    const snapshot = async () => ({
      counts: await Promise.all(tables.map(count)),
      links: await api.dataSource.query('SELECT id, parentId, validTo FROM org_unit_link ORDER BY id'),
      grants: await api.dataSource.query('SELECT id, unitId, validTo FROM role_grant ORDER BY id'),
      units: await api.dataSource.query('SELECT id, validTo, version FROM org_unit ORDER BY id'),
    });
    const before = await snapshot();
    // The database refuses the period's move, after the links, memberships and grants were written.
    await api.dataSource.query(`CREATE TRIGGER refuse_period_move BEFORE UPDATE ON rating_period FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by test'`);
    try {
      expect((await restructure(absorb, false)).errors?.length).toBeGreaterThan(0);
    } finally {
      await api.dataSource.query('DROP TRIGGER refuse_period_move');
    }
    expect(await snapshot()).toEqual(before);
    // The same event applies once the obstacle is gone.
    expect(dataOf(await restructure(absorb, false)).restructureUnits.changes.map((c: { kind: string }) => c.kind)).toEqual(planned);
  });

  it('a period that would clash with the successor\u2019s own is refused before anything is written', async () => {
    const p = await unit('p', 'Đảng bộ xã Phú Thử', 'COMMUNE_COMMITTEE', ids.d);
    const q = await unit('q', 'Đảng bộ xã Quý Thử', 'COMMUNE_COMMITTEE', ids.d);
    for (const u of [p, q]) dataOf(await api.gql(`mutation($u: ID!) { createRatingPeriod(unitId: $u, kind: YEAR, year: 2025) { id } }`, { u }));
    expect(errorOf(await restructure({ type: 'ABSORB', effectiveDate: E, unitIds: [p], targetId: q }, true))).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('bad input', () => {
  it('refuses an event dated before a unit was founded or after it ended', async () => {
    const young = await unit('young', 'Đảng bộ xã Trẻ Thử', 'COMMUNE_COMMITTEE', ids.d, '2025-09-01');
    expect(errorOf(await restructure({ type: 'RENAME', effectiveDate: E, unitIds: [young], newName: 'Tên khác' }, true))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveDate' });
    const ended = errorOf(await restructure({ type: 'RENAME', effectiveDate: '2025-09-01', unitIds: [ids.a], newName: 'Tên khác' }, true));
    expect(ended).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveDate' });
    expect(ended.message).toContain('đã kết thúc hoạt động');
  });

  it('refuses a merge of units at different levels', async () => {
    const top = await unit('top', 'Đảng bộ xã Thượng Thử', 'COMMUNE_COMMITTEE', UNIT.PROVINCE_BEN_TRE);
    const low = await unit('low', 'Đảng bộ xã Hạ Thử', 'COMMUNE_COMMITTEE', ids.d);
    const newUnits = [{ name: 'Đảng bộ xã Lẫn Thử', kind: 'COMMUNE_COMMITTEE' }];
    const mixedParents = errorOf(await restructure({ type: 'MERGE', effectiveDate: E, unitIds: [top, low], parentId: String(UNIT.PROVINCE_BEN_TRE), newUnits }, true));
    expect(mixedParents).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitIds' });
    const mixedKinds = errorOf(await restructure({ type: 'MERGE', effectiveDate: E, unitIds: [low, ids.a2], parentId: ids.d, newUnits }, true));
    expect(mixedKinds).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitIds' });
  });

  it('refuses a move that makes a cycle', async () => {
    const res = errorOf(await restructure({ type: 'MOVE', effectiveDate: '2025-09-01', unitIds: [ids.d], parentId: ids.y }, true));
    expect(res).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    expect(res.message).toContain('vòng');
  });

  it('refuses a merge of party units with a Front or mass organisation', async () => {
    const front = await unit('front', 'Ủy ban MTTQ xã Thử', 'FRONT', ids.d);
    const res = errorOf(await restructure({ type: 'MERGE', effectiveDate: E, unitIds: [front, ids.y], parentId: ids.d, newUnits: [{ name: 'Lẫn lộn', kind: 'COMMUNE_COMMITTEE' }] }, true));
    expect(res).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitIds' });
    expect(res.message).toContain('Mặt trận');
  });

  it('refuses a restructure outside the caller\u2019s level above', async () => {
    const z1 = await unit('z1', 'Đảng bộ xã Tý Thử', 'COMMUNE_COMMITTEE', ids.d);
    const z2 = await unit('z2', 'Đảng bộ xã Sửu Thử', 'COMMUNE_COMMITTEE', ids.d);
    // The district manages its communes, but the new commune goes under the province, which the district cannot even see.
    const merge = { type: 'MERGE', effectiveDate: E, unitIds: [z1, z2], parentId: String(UNIT.PROVINCE_BEN_TRE), newUnits: [{ name: 'Đảng bộ xã Tý Sửu', kind: 'COMMUNE_COMMITTEE' }] };
    const above = errorOf(await restructure(merge, true, tokenD));
    expect(above).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    expect(above.message).toContain('phạm vi');
    // A commune does not rename itself: its level above does.
    const ownRename = errorOf(await restructure({ type: 'RENAME', effectiveDate: '2026-01-01', unitIds: [ids.n], newName: 'Tự đổi' }, true, tokenA));
    expect(ownRename).toMatchObject({ code: 'FORBIDDEN', field: 'unitIds' });
    // Within the district, the district decides.
    expect(dataOf(await restructure({ ...merge, parentId: ids.d }, true, tokenD)).restructureUnits.changes.length).toBeGreaterThan(0);
  });
});
