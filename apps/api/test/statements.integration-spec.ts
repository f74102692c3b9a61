/** No N+1: relations go through per-request DataLoaders, so page size does not change the statement count. */
import { ACTIVITY, DOCUMENT, MY_THANH_CELLS, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
beforeAll(async () => {
  // The caller's grants are cached between requests (grants-cache.ts) until a mutation or AUTH_CACHE_MS: kept for
  // the whole file, so whether a request reads them depends on the requests before it, never on the clock.
  api = await startTestApi({ env: { AUTH_CACHE_MS: '3600000' } });
});
afterAll(() => api.close());

const PAGE = `query($perPage: Int) { allMembers(perPage: $perPage) { id fullName cell { name parent { name } } positions { title } } }`;

it('a page of 10 and a page of 200 members with cell { parent { name } } cost the same statements', async () => {
  await api.gql('{ __typename }'); // the caller's grants cached, as for both requests below
  const small = await api.gql(PAGE, { perPage: 10 });
  const large = await api.gql(PAGE, { perPage: 200 });
  expect(dataOf(small).allMembers).toHaveLength(10);
  expect(dataOf(large).allMembers).toHaveLength(200);
  expect(large.data.allMembers.every((m: { cell: { parent: { name: string } } }) => m.cell.parent.name.startsWith('Đảng bộ xã'))).toBe(true);
  expect(small.sqlStatements).toBeGreaterThan(0);
  expect(large.sqlStatements).toBe(small.sqlStatements);
});

it('the tree with member counts costs the same for a small and a large level', async () => {
  const Q = `query($id: ID!) { allOrgUnits(filter: {parentId: $id}) { name memberCount parent { name } children { name memberCount } } }`;
  // Both reach two levels down: the province's Front with its one commune Front, and the province's 5 children
  // (since 2025-07-01 the communes stand directly under it) with their cells.
  const front = await api.gql(Q, { id: String(UNIT.FRONT_PROVINCE) });
  const province = await api.gql(Q, { id: String(UNIT.PROVINCE_BEN_TRE) });
  expect(dataOf(front).allOrgUnits).toHaveLength(1);
  expect(dataOf(province).allOrgUnits).toHaveLength(5);
  expect(province.sqlStatements).toBe(front.sqlStatements);
});

// The panel's list request: a page of members with cell and commune, and the total, in one request.
const LIST_PAGE = `query($perPage: Int, $sortField: String) {
  items: allMembers(perPage: $perPage, sortField: $sortField, sortOrder: "ASC") { id fullName cell { name parent { name } } }
  total: _allMembersMeta { count }
}`;

it('the members list with cell, commune and total costs at most 3 statements, at 50 and at 500 rows', async () => {
  for (const perPage of [50, 500]) {
    const res = await api.gql(LIST_PAGE, { perPage, sortField: 'fullName' });
    expect(dataOf(res).items.length).toBeGreaterThan(0);
    expect(res.data.items.every((m: { cell: { parent: { name: string } } }) => m.cell.parent.name.length > 0)).toBe(true);
    expect(res.sqlStatements).toBeGreaterThan(0);
    expect(res.sqlStatements).toBeLessThanOrEqual(3);
  }
});

it('the page folded into one statement keeps the list order and the same cells as the per-field loaders', async () => {
  const folded = dataOf(await api.gql(LIST_PAGE, { perPage: 200, sortField: 'fullName' })).items;
  // `cellId` alone (no `cell`) is not folded: the loaders answer it, one statement per field.
  const plain = dataOf(await api.gql(`{ allMembers(perPage: 200, sortField: "fullName", sortOrder: "ASC") { id } }`)).allMembers;
  expect(folded.map((m: { id: string }) => m.id)).toEqual(plain.map((m: { id: string }) => m.id));
  // One member at a time goes through the per-field loaders (`Member(id)` is not a page).
  const ids: string[] = folded.slice(0, 5).map((m: { id: string }) => m.id);
  const viaLoader = dataOf(await api.gql(`{ ${ids.map((id, i) => `m${i}: Member(id: "${id}") { id cell { name parent { name } } }`).join(' ')} }`));
  const byId = new Map(Object.values(viaLoader).map((m: any) => [m.id, m]));
  for (const m of folded.slice(0, 5)) expect(byId.get(m.id)).toEqual({ id: m.id, cell: m.cell });
});

describe('the directive lists: relation fields of a page of 200 cost what they cost for a page of 10', () => {
  let xa = '';
  /** One multi-row INSERT: the rows below are fixtures of the counts, written straight to the tables for speed. */
  const insert = (table: string, columns: string[], rows: unknown[][]) =>
    api.dataSource.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map((r) => `(${r.map(() => '?').join(', ')})`).join(', ')}`, rows.flat());

  // 200 rows of each list, every one with its relations set: documents implementing the directive or the plan and
  // sent to cells, propaganda about members and units linked to two documents each, a second full attendance sheet,
  // commendations and inspections of members decided by the commune (the demo story alone holds a handful of each).
  beforeAll(async () => {
    xa = await api.login('xa.mythanh');
    const members: { memberId: number; cellId: number }[] = (
      await api.dataSource.query(
        `SELECT memberId, unitId AS cellId FROM member_assignment WHERE kind = 'OFFICIAL' AND validTo IS NULL AND unitId IN (${MY_THANH_CELLS.map((c) => c.id).join(',')}) ORDER BY memberId`,
      )
    ).map((r: { memberId: number; cellId: number }) => ({ memberId: Number(r.memberId), cellId: Number(r.cellId) }));
    expect(members.length).toBeGreaterThan(150);
    const n = Array.from({ length: 200 }, (_, i) => i);
    const member = (i: number) => members[i % members.length];
    const cell = (i: number) => MY_THANH_CELLS[i % MY_THANH_CELLS.length].id;
    await insert(
      'document',
      ['number', 'sequence', 'typeCode', 'typeName', 'issuerUnitId', 'issuerName', 'issuerCode', 'ownerUnitId', 'issuedOn', 'title', 'implementsId', 'uniqueKey', 'version'],
      n.map((i) => [`${300 + i}-CV/ĐU`, String(300 + i), 'CV', 'Công văn', UNIT.COMMUNE_MY_THANH, 'Đảng ủy xã Mỹ Thạnh', 'ĐU', UNIT.COMMUNE_MY_THANH, '2017-03-01', `Công văn ${i}`, i % 2 ? DOCUMENT.CT_05 : DOCUMENT.KH_38, `statements-${i}`, 1]),
    );
    const docs = ((await api.dataSource.query(`SELECT id FROM document WHERE uniqueKey LIKE 'statements-%' ORDER BY id`)) as { id: number }[]).map((r) => Number(r.id));
    await insert('document_recipient', ['documentId', 'unitId', 'sentOn', 'version'], docs.map((d, i) => [d, cell(i), '2017-03-02', 1]));
    await insert(
      'activity',
      ['kind', 'medium', 'subjectMemberId', 'subjectUnitId', 'unitId', 'heldOn', 'title', 'audience', 'version'],
      n.map((i) => ['PROPAGANDA', 'TV_REPORT', i % 2 ? member(i).memberId : null, i % 2 ? null : cell(i), UNIT.COMMUNE_MY_THANH, '2017-03-05', `Phóng sự thống kê ${i}`, 'PEOPLE', 1]),
    );
    const activities = ((await api.dataSource.query(`SELECT id FROM activity WHERE title LIKE 'Phóng sự thống kê %' ORDER BY id`)) as { id: number }[]).map((r) => Number(r.id));
    await insert('activity_document', ['activityId', 'documentId'], activities.flatMap((a, i) => [[a, docs[i]], [a, docs[(i + 1) % docs.length]]]));
    await api.dataSource.query(`DELETE FROM attendance WHERE activityId = ?`, [ACTIVITY.TONG_KET_2016]);
    await insert('attendance', ['activityId', 'memberId', 'present'], members.map((m) => [ACTIVITY.TONG_KET_2016, m.memberId, 1]));
    await insert(
      'commendation',
      ['subject', 'memberId', 'unitId', 'decidingUnitId', 'decidedOn', 'form', 'version'],
      n.map((i) => ['INDIVIDUAL', member(i).memberId, member(i).cellId, UNIT.COMMUNE_MY_THANH, '2016-12-16', 'GIAY_KHEN', 1]),
    );
    await insert(
      'inspection',
      ['kind', 'inspectingUnitId', 'inspectingBody', 'subjectMemberId', 'subjectUnitId', 'unitId', 'topic', 'startOn', 'version'],
      n.map((i) => ['GIAM_SAT', UNIT.COMMUNE_MY_THANH, i % 2 ? 'COMMITTEE' : 'INSPECTION_COMMITTEE', member(i).memberId, member(i).cellId, member(i).cellId, `Giám sát ${i}`, '2017-03-10', 1]),
    );
  }, 120000);

  // [list, filter that keeps the rows made above on the page, fields]
  const LISTS: [string, string, string][] = [
    ['allDocuments', '{}', 'number issuer { name } owner { name } implementsDocument { number implementsDocument { number } } recipients { recipientUnit { name } sentDocument { number } } recipientCount'],
    ['allDocumentRecipients', '{}', 'sentOn recipientUnit { name } sentDocument { number issuer { name } implementsDocument { number } }'],
    ['allActivities', '{ kind: PROPAGANDA }', 'title organiser { name } aboutMember { fullName cell { name } } aboutUnit { name } linkedDocuments { number implementsDocument { number } } documentIds'],
    ['allAttendances', '{}', 'present attendee { fullName cell { name } }'],
    ['allCommendations', '{}', 'form unit { name } member { fullName } decidingUnit { name }'],
    ['allInspections', '{}', 'topic inspectingUnit { name } subjectUnit { name } subjectMember { fullName } unit { name } actions { status }'],
  ];

  it.each(LISTS)('%s(filter: %s) with its relations as xa.mythanh: 10 rows and 200 rows, the same statements', async (list, filter, fields) => {
    const q = `query($n: Int) { ${list}(perPage: $n, filter: ${filter}) { id ${fields} } }`;
    await api.gql(q, { n: 1 }, xa); // once-per-process lookups (the collation) are not the page's cost
    const small = await api.gql(q, { n: 10 }, xa);
    const large = await api.gql(q, { n: 200 }, xa);
    expect(dataOf(small)[list]).toHaveLength(10);
    expect(dataOf(large)[list]).toHaveLength(200);
    expect(small.sqlStatements).toBeGreaterThan(0);
    expect([list, large.sqlStatements]).toEqual([list, small.sqlStatements]);
  });

  it('the relations were really there to load: members, documents and the documents they implement', async () => {
    const { allActivities } = dataOf(await api.gql(`{ allActivities(perPage: 200, filter: { kind: PROPAGANDA }) { aboutMember { id } linkedDocuments { implementsDocument { id } } } }`, {}, xa));
    expect(allActivities.filter((a: { aboutMember: unknown }) => a.aboutMember).length).toBeGreaterThan(50);
    expect(allActivities.filter((a: { linkedDocuments: { implementsDocument: unknown }[] }) => a.linkedDocuments.some((d) => d.implementsDocument)).length).toBeGreaterThan(50);
  });
});

it("the caller's grants are read once and kept briefly: a repeated page costs one statement fewer", async () => {
  const token = await api.login('xa.mythanh');
  const Q = `{ _allMembersMeta { count } }`;
  await api.gql(Q, {}, token);
  const first = await api.gql(`mutation { updateUser(id: 1, displayName: "Quản trị hệ thống") { id } }`); // any mutation empties the cache
  expect(first.errors).toBeUndefined();
  const cold = await api.gql(Q, {}, token);
  const warm = await api.gql(Q, {}, token);
  expect(warm.sqlStatements).toBe(cold.sqlStatements - 1);
});

it('a deactivated account is refused from the next request on, though its grants were cached', async () => {
  const id = dataOf(await api.gql(`mutation { createUser(username: "tam.cache", displayName: "Tạm", password: "mat-khau-dai-du", role: ANALYST, unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id } }`)).createUser.id;
  const token = await api.login('tam.cache', 'mat-khau-dai-du');
  expect(dataOf(await api.gql(`{ _allMembersMeta { count } }`, {}, token))._allMembersMeta.count).toBeGreaterThan(0);
  dataOf(await api.gql(`mutation { updateUser(id: ${id}, active: false) { id } }`));
  const refused = await api.gql(`{ _allMembersMeta { count } }`, {}, token);
  expect(refused.data?._allMembersMeta ?? null).toBeNull();
  expect(refused.errors?.length).toBeGreaterThan(0);
});

describe("the panel's own requests: what a page shows is folded into its statement", () => {
  // apps/admin/src/providers/dataProvider.ts (LIST_FIELDS) and resources/org-units/fields.ts (TREE_FIELDS), sent the
  // way ra-data-graphql-simple sends a getList: the page and its total in one request.
  const MEMBER_FIELDS = 'id fullName familyName middleName givenName namePartsOverridden gender birthDate citizenId cardNumber recordNumber admittedOn officialOn partyAgeYears status cellId note version';
  const MEMBERS = `query($perPage: Int, $filter: MemberFilter) {
    items: allMembers(perPage: $perPage, sortField: "fullName", sortOrder: "ASC", filter: $filter) { ${MEMBER_FIELDS} }
    total: _allMembersMeta(perPage: $perPage, filter: $filter) { count }
  }`;
  const TREE_FIELDS = 'id name shortName kind childCount memberCount parentId';
  const TREE = `query($filter: OrgUnitFilter) {
    items: allOrgUnits(perPage: 500, sortField: "name", sortOrder: "ASC", filter: $filter) { ${TREE_FIELDS} }
    total: _allOrgUnitsMeta(filter: $filter) { count }
  }`;

  it('the members list with its cell ids and total is 2 statements once the grants are cached, filtered by a commune too (its subtree is part of each statement)', async () => {
    await api.gql('{ __typename }');
    for (const filter of [{}, { unitId: String(UNIT.COMMUNE_MY_TAN_HUNG) }]) {
      const res = await api.gql(MEMBERS, { perPage: 500, filter });
      expect(dataOf(res).items.length).toBeGreaterThan(100);
      expect(res.data.items.every((m: { cellId: string | null }) => m.cellId !== null)).toBe(true);
      expect([filter, res.sqlStatements]).toEqual([filter, 2]);
      // The commune's whole membership fits one page: the kept total is the page's length.
      if (filter.unitId) expect(res.data.total.count).toBe(res.data.items.length);
    }
  });

  it('a level of the tree with child and member counts is 2 statements once the grants are cached', async () => {
    await api.gql('{ __typename }');
    for (const filter of [{ root: true }, { parentId: String(UNIT.PROVINCE_BEN_TRE) }]) {
      const res = await api.gql(TREE, { filter });
      expect(dataOf(res).items.length).toBeGreaterThan(0);
      expect(res.data.items.some((u: { memberCount: number }) => u.memberCount > 0)).toBe(true);
      expect([filter, res.sqlStatements]).toEqual([filter, 2]);
    }
  });

  it('the folded cell ids and party ages are those of one member at a time (the per-field loaders)', async () => {
    const { items } = dataOf(await api.gql(MEMBERS, { perPage: 15, filter: { unitId: String(UNIT.COMMUNE_MY_TAN_HUNG) } }));
    const one = dataOf(await api.gql(`{ ${items.map((m: { id: string }, i: number) => `m${i}: Member(id: "${m.id}") { ${MEMBER_FIELDS} }`).join(' ')} }`));
    expect(items).toEqual(Object.values(one));
  });

  it.each([
    ['the administrator', 'admin', UNIT.PROVINCE_BEN_TRE],
    ['a commune (its counts and children checked against its scope)', 'xa.mythanh', UNIT.COMMUNE_MY_TAN_HUNG],
  ])('the folded parent, child and member counts are those of one unit at a time, for %s', async (_who, username, parentId) => {
    const token = await api.login(username);
    const { items } = dataOf(await api.gql(TREE, { filter: { parentId: String(parentId) } }, token));
    expect(items.length).toBeGreaterThan(0);
    const shown = items.slice(0, 15);
    const one = dataOf(await api.gql(`{ ${shown.map((u: { id: string }, i: number) => `u${i}: OrgUnit(id: "${u.id}") { ${TREE_FIELDS} }`).join(' ')} }`, {}, token));
    expect(shown).toEqual(Object.values(one));
  });
});

it('a page of 5 and a page of 100 evaluations with their member and criteria set cost the same statements', async () => {
  const Q = `query($perPage: Int) { allEvaluations(perPage: $perPage, filter: {subjectKind: MEMBER_OUTSIDE_SYSTEM}) { id member { fullName } criteriaSet { name } unit { name } } }`;
  await api.gql('{ __typename }');
  const small = await api.gql(Q, { perPage: 5 });
  const large = await api.gql(Q, { perPage: 100 });
  expect(dataOf(small).allEvaluations).toHaveLength(5);
  expect(dataOf(large).allEvaluations).toHaveLength(100);
  expect(large.data.allEvaluations.every((e: { member: { fullName: string } | null; criteriaSet: { name: string } | null }) => e.member?.fullName && e.criteriaSet?.name)).toBe(true);
  expect(large.sqlStatements).toBe(small.sqlStatements);
});
