/**
 * Every list and count of the members' hot queries uses an index (issue 13 §2): the statements a request runs are
 * captured through the data source's logger and each SELECT is run again under EXPLAIN; a full table scan of
 * `member` (access type ALL) fails the test. The members page, a commune's subtree page, the province's count, the
 * tree with member counts, and `q` search by a name with and without diacritics.
 *
 * The demo data alone is small enough that a scan would be the optimizer's cheapest plan, so the test first adds
 * members (copies of the demo's, in the same cells) until the table is large enough for plans to mean something.
 */
import { Logger } from 'typeorm';
import { MY_THANH_CELLS, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
const TARGET_MEMBERS = 4000;

beforeAll(async () => {
  api = await startTestApi();
  const q = (sql: string, params: unknown[] = []) => api.dataSource.query(sql, params);
  // Double the members (with their official cells) until there are enough; names and cells stay realistic.
  for (let n = Number((await q('SELECT COUNT(*) AS n FROM member'))[0].n); n < TARGET_MEMBERS; n *= 2) {
    const max = Number((await q('SELECT MAX(id) AS m FROM member'))[0].m);
    await q(
      `INSERT INTO member (id, fullName, familyName, middleName, givenName, namePartsOverridden, sortGiven, sortFamily, sortMiddle, searchText, gender, birthDate, admittedOn, officialOn, status, inPoliticalSystem, version, createdAt, updatedAt)
       SELECT id + ?, fullName, familyName, middleName, givenName, namePartsOverridden, sortGiven, sortFamily, sortMiddle, searchText, gender, birthDate, admittedOn, officialOn, status, inPoliticalSystem, version, createdAt, updatedAt FROM member WHERE id <= ?`,
      [max, max],
    );
    await q(
      `INSERT INTO member_assignment (memberId, unitId, kind, validFrom, validTo) SELECT memberId + ?, unitId, kind, validFrom, validTo FROM member_assignment WHERE memberId <= ?`,
      [max, max],
    );
    await q(`INSERT INTO member_search_word (word, memberId) SELECT word, memberId + ? FROM member_search_word WHERE memberId <= ?`, [max, max]);
  }
  await q('ANALYZE TABLE member, member_assignment, member_search_word, org_unit, org_unit_link');
});
afterAll(() => api.close());

interface Captured {
  sql: string;
  params: unknown[];
}

/** Runs a request and returns the SELECTs it sent to the database. */
async function statementsOf(query: string, variables?: Record<string, unknown>): Promise<Captured[]> {
  const captured: Captured[] = [];
  const original = api.dataSource.logger;
  const spy: Logger = new Proxy(original, {
    get: (target, prop, receiver) =>
      prop === 'logQuery'
        ? (sql: string, params?: unknown[]) => {
            if (/^\s*(SELECT|WITH)\b/i.test(sql)) captured.push({ sql, params: params ?? [] });
            return target.logQuery(sql, params);
          }
        : Reflect.get(target, prop, receiver),
  });
  Object.assign(api.dataSource, { logger: spy });
  try {
    dataOf(await api.gql(query, variables));
  } finally {
    Object.assign(api.dataSource, { logger: original });
  }
  return captured;
}

interface PlanRow {
  table: string | null;
  type: string | null;
  key: string | null;
}

/** The EXPLAIN rows of every captured statement that reads `table`, and the full scans of it among them. */
async function scansOf(table: string, query: string, variables?: Record<string, unknown>) {
  const statements = await statementsOf(query, variables);
  const plans: { sql: string; rows: PlanRow[] }[] = [];
  const reads = new RegExp(`\\b${table}\\b`);
  for (const s of statements.filter((s) => reads.test(s.sql))) plans.push({ sql: s.sql, rows: await api.dataSource.query(`EXPLAIN ${s.sql}`, s.params) });
  // The alias of the table in each statement: EXPLAIN names tables by alias.
  const scans = plans.flatMap((p) => {
    const aliases = new Set([table, ...[...p.sql.matchAll(new RegExp(`\`?${table}\`?\\s+(?:AS\\s+)?\`?(\\w+)\`?`, 'gi'))].map((m) => m[1])]);
    return p.rows.filter((r) => r.type === 'ALL' && r.table !== null && aliases.has(r.table)).map((r) => ({ table: r.table, sql: p.sql }));
  });
  // A LIKE with a leading wildcard reads every row it filters, index or not: it is a scan too.
  const wildcards = plans.filter((p) => statements.find((s) => s.sql === p.sql)?.params.some((v) => typeof v === 'string' && v.startsWith('%')));
  return { statements: plans.length, scans, wildcards: wildcards.map((p) => p.sql) };
}

const scansOfMember = (query: string, variables?: Record<string, unknown>) => scansOf('member', query, variables);

const PAGE = `query($filter: MemberFilter, $perPage: Int) {
  allMembers(filter: $filter, perPage: $perPage, sortField: "fullName", sortOrder: "ASC") { id fullName cell { name parent { name } } }
}`;

it('the members page reads member through an index', async () => {
  const { statements, scans } = await scansOfMember(PAGE, { perPage: 50 });
  expect(statements).toBeGreaterThan(0);
  expect(scans).toEqual([]);
});

it("a commune's subtree page reads member through an index", async () => {
  const { statements, scans } = await scansOfMember(PAGE, { perPage: 50, filter: { unitId: String(UNIT.COMMUNE_MY_THANH) } });
  expect(statements).toBeGreaterThan(0);
  expect(scans).toEqual([]);
});

it("the province's member count reads the counts kept per unit, not a row per member", async () => {
  const COUNT = `query($f: MemberFilter) { _allMembersMeta(filter: $f) { count } }`;
  const f = { unitId: String(UNIT.PROVINCE_BEN_TRE) };
  expect((await scansOfMember(COUNT, { f })).statements).toBe(0);
  expect((await scansOf('member_assignment', COUNT, { f })).statements).toBe(0);
  const kept = await scansOf('member_count_change', COUNT, { f });
  expect(kept.statements).toBe(1);
  expect(kept.scans).toEqual([]);
});

it('the tree with member counts reads no full scan of member', async () => {
  const statements = await statementsOf(`{ allOrgUnits(filter: { parentId: "${UNIT.PROVINCE_BEN_TRE}" }) { name memberCount children { name memberCount } } }`);
  expect(statements.length).toBeGreaterThan(0);
  const { scans } = await scansOfMember(`{ allOrgUnits(filter: { parentId: "${UNIT.PROVINCE_BEN_TRE}" }) { name memberCount children { name memberCount } } }`);
  expect(scans).toEqual([]);
});

// The panel's own requests (apps/admin: dataProvider.ts LIST_FIELDS, org-units TREE_FIELDS): the page with its
// columns, cell ids and total in one statement each, and a level of the tree with its counts folded into its page.
it.each([
  ['the members list', `query($f: MemberFilter) { items: allMembers(perPage: 50, sortField: "fullName", sortOrder: "ASC", filter: $f) { id fullName gender birthDate partyAgeYears status cellId version } total: _allMembersMeta(filter: $f) { count } }`, { f: {} }],
  ["a commune's members", `query($f: MemberFilter) { items: allMembers(perPage: 50, sortField: "fullName", sortOrder: "ASC", filter: $f) { id fullName cellId } total: _allMembersMeta(filter: $f) { count } }`, { f: { unitId: String(UNIT.COMMUNE_MY_THANH) } }],
])("the panel's request for %s reads member through an index", async (_what, query, variables) => {
  const { statements, scans } = await scansOfMember(query, variables);
  expect(statements).toBeGreaterThan(0);
  expect(scans).toEqual([]);
});

it.each([
  ['its tops', { root: true }, 100],
  ['the province opened', { parentId: String(UNIT.PROVINCE_BEN_TRE) }, 500],
])("the panel's tree, %s, counts members from the counts kept per unit", async (_what, filter, perPage) => {
  const query = `query($f: OrgUnitFilter, $n: Int) { items: allOrgUnits(perPage: $n, sortField: "name", filter: $f) { id name kind childCount memberCount parentId } total: _allOrgUnitsMeta(filter: $f) { count } }`;
  const variables = { f: filter, n: perPage };
  expect((await scansOf('member_assignment', query, variables)).statements).toBe(0);
  const kept = await scansOf('member_count_change', query, variables);
  expect(kept.statements).toBeGreaterThan(0);
  expect(kept.scans).toEqual([]);
});

it.each([
  ['with diacritics', 'Nguyễn Văn'],
  ['without diacritics', 'nguyen van'],
])('q search by a name %s reads member through an index', async (_how, q) => {
  const SEARCH = `query($q: String) { allMembers(filter: { q: $q }, perPage: 50) { id fullName } _allMembersMeta(filter: { q: $q }) { count } }`;
  const { statements, scans, wildcards } = await scansOfMember(SEARCH, { q });
  expect(statements).toBeGreaterThan(0);
  expect(scans).toEqual([]);
  expect(wildcards).toEqual([]);
  // And it finds them: every member named Nguyễn Văn … (in any order of the words), the same with or without tones.
  const found = dataOf(await api.gql(SEARCH, { q }));
  expect(found._allMembersMeta.count).toBeGreaterThan(0);
  expect(found.allMembers.every((m: { fullName: string }) => /nguyễn/i.test(m.fullName) && /văn/i.test(m.fullName))).toBe(true);
});

it('the search words follow the member: a renamed member is found by the new name only, a deleted one not at all', async () => {
  const find = async (q: string) => dataOf(await api.gql(`query($q: String) { allMembers(filter: { q: $q }) { id } }`, { q })).allMembers.map((m: { id: string }) => m.id);
  const created = dataOf(
    await api.gql(`mutation { createMember(fullName: "Quách Thị Xuyến", gender: FEMALE, cellId: "${MY_THANH_CELLS[0].id}", admittedOn: "2010-01-01", officialOn: "2011-01-01") { id version } }`),
  ).createMember;
  expect(await find('quach xuyen')).toEqual([created.id]);
  dataOf(await api.gql(`mutation($id: ID!, $v: Int) { updateMember(id: $id, fullName: "Quách Thị Xuân", version: $v) { id } }`, { id: created.id, v: created.version }));
  expect(await find('Quách Xuân')).toEqual([created.id]);
  expect(await find('xuyen')).toEqual([]);
  dataOf(await api.gql(`mutation($id: ID!) { deleteMember(id: $id) { id } }`, { id: created.id }));
  expect(await find('quach xuan')).toEqual([]);
  expect(Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM member_search_word WHERE memberId = ?', [created.id]))[0].n)).toBe(0);
});
