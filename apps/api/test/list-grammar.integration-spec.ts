/**
 * One list grammar for every resource, driven through the stock `ra-data-graphql-simple` provider
 * (support/stock-client.ts) as `admin` and as `xa.mythanh`:
 * - every field the GraphQL type shows (scalars and enums; not lists, objects or JSON) sorts both ways, text in
 *   Vietnamese order (`Intl.Collator('vi')`), numbers and dates numerically, nulls first for ASC;
 * - equal values are ordered by id in the same direction, so pages of 3 concatenate to the whole list exactly;
 * - `getOne` of a missing id and of an id outside the caller's scope are both NOT_FOUND.
 * The fields are read from the schema by introspection, so a new field that does not sort fails here.
 */
import type { DataProvider, RaRecord } from 'ra-core';
import { ACTIVITY, UNIT } from '../src/database/seeds/demo.constants';
import { createInsideAndOutside, DIRECTIVE_RESOURCES, freshNumber } from './support/directive-fixtures';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';
import { describeFailure, stockFailure, stockProvider } from './support/stock-client';

const RESOURCES = ['OrgUnit', 'Member', 'CriteriaSet', 'Criterion', 'RatingPeriod', 'User', 'RoleGrant', 'AuditEntry', 'ApiToken', ...DIRECTIVE_RESOURCES] as const;
type Resource = (typeof RESOURCES)[number];
/**
 * Resources whose demo rows outgrow one page of 1000, read through one filter: the 2017 conference's 189-row sheet,
 * and the January entries of every study registration.
 */
const BASE_FILTER: Partial<Record<Resource, object>> = { Attendance: { activityId: String(ACTIVITY.TRIEN_KHAI_2017) }, StudyEntry: { month: 1 } };
const ACCOUNTS = ['admin', 'xa.mythanh'] as const;
/** Fields with nothing to order by: the token's secret is shown once and never stored readable. */
const NO_ORDER: Record<string, string[]> = { ApiToken: ['secret'] };
const NO_SUCH_ID = '987654';
const OTHER_COMMUNE = String(UNIT.COMMUNE_LUONG_HOA);

const vi = new Intl.Collator('vi');
type Row = RaRecord & Record<string, unknown>;
type Compare = (a: Row, b: Row) => number;

/** Nulls first; then the value's own order. */
const nullsFirst =
  (cmp: (x: any, y: any) => number) =>
  (x: unknown, y: unknown): number => {
    const nx = x === null || x === undefined;
    const ny = y === null || y === undefined;
    if (nx || ny) return nx && ny ? 0 : nx ? -1 : 1;
    return cmp(x, y);
  };
const text = nullsFirst((x: string, y: string) => vi.compare(x, y));
const num = nullsFirst((x: unknown, y: unknown) => Number(x) - Number(y));
const bool = nullsFirst((x: boolean, y: boolean) => Number(x) - Number(y));
const time = nullsFirst((x: string, y: string) => Date.parse(x) - Date.parse(y));
const by = (...parts: [string, (x: unknown, y: unknown) => number][]): Compare => (a, b) => {
  for (const [field, cmp] of parts) {
    const c = cmp(a[field], b[field]);
    if (c !== 0) return c;
  }
  return 0;
};

/**
 * Where a field sorts by more than its own value: names by their parts in the configured order (given, family,
 * middle, birth date by default), party age by admission date (earlier is older), a unit's kind then its name,
 * a period's start then its end.
 */
const SOURCES: Partial<Record<Resource, Record<string, Compare>>> = {
  Member: {
    fullName: by(['givenName', text], ['familyName', text], ['middleName', text], ['birthDate', text]),
    givenName: by(['givenName', text], ['familyName', text], ['middleName', text], ['birthDate', text]),
    familyName: by(['familyName', text], ['middleName', text], ['givenName', text]),
    middleName: by(['middleName', text], ['givenName', text], ['familyName', text]),
    partyAgeYears: (a, b) => {
      const c = num(a.partyAgeYears, b.partyAgeYears);
      return c !== 0 || a.partyAgeYears == null ? c : -text(a.admittedOn, b.admittedOn);
    },
  },
  OrgUnit: { kind: by(['kind', text], ['name', text]) },
  RatingPeriod: { startDate: by(['startDate', text], ['endDate', text]) },
};

interface FieldType {
  name: string;
  compare: Compare;
}

let api: TestApi;
const providers = new Map<string, DataProvider>();
const fields = new Map<Resource, FieldType[]>();
/** Ids created outside xa.mythanh's scope, for resources where the demo data has none. */
const outside: Partial<Record<Resource, string>> = {};

async function introspectFields(resource: Resource): Promise<FieldType[]> {
  const res = await api.gql(`query($n: String!) { __type(name: $n) { fields { name type { kind name ofType { kind name ofType { kind name } } } } } }`, { n: resource });
  type T = { kind: string; name: string | null; ofType?: T | null };
  const out: FieldType[] = [];
  for (const f of dataOf(res).__type.fields as { name: string; type: T }[]) {
    let t = f.type;
    while (t.kind === 'NON_NULL' && t.ofType) t = t.ofType;
    if (t.kind !== 'SCALAR' && t.kind !== 'ENUM') continue;
    if (t.name === 'JSON' || NO_ORDER[resource]?.includes(f.name)) continue;
    const own =
      t.kind === 'ENUM' || t.name === 'String' ? text : t.name === 'Boolean' ? bool : t.name === 'DateTimeISO' ? time : num;
    out.push({ name: f.name, compare: SOURCES[resource]?.[f.name] ?? ((a, b) => own(a[f.name], b[f.name])) });
  }
  return out;
}

/** Something outside Mỹ Thạnh to read, made before any list is taken (writes add audit entries). */
async function createOutsideRecords() {
  const period = dataOf(await api.gql(`mutation($u: ID!) { createRatingPeriod(unitId: $u, kind: YEAR, year: 2027) { id } }`, { u: OTHER_COMMUNE }));
  outside.RatingPeriod = period.createRatingPeriod.id;
  const set = dataOf(
    await api.gql(`mutation($u: ID!, $p: ID!) { createCriteriaSet(unitId: $u, periodId: $p, subjectKind: COLLECTIVE, name: "Bộ tiêu chí xã Lương Hòa") { id } }`, {
      u: OTHER_COMMUNE,
      p: outside.RatingPeriod,
    }),
  );
  outside.CriteriaSet = set.createCriteriaSet.id;
  // Đ is a letter of its own after D: "Dự…" and "Duy…" come before "Điểm…".
  for (const [code, name] of [['diem', 'Điểm thưởng'], ['du', 'Dự họp đầy đủ'], ['duy', 'Duy trì sinh hoạt'], ['dang', 'đảng viên gương mẫu']]) {
    const c = dataOf(await api.gql(`mutation($s: ID!, $c: String!, $n: String!) { createCriterion(setId: $s, code: $c, name: $n, kind: SCORE, max: 5) { id } }`, { s: outside.CriteriaSet, c: code, n: name }));
    outside.Criterion ??= c.createCriterion.id;
  }
  for (const unitId of [OTHER_COMMUNE, String(UNIT.COMMUNE_MY_TAN_HUNG)]) {
    const t = dataOf(await api.gql(`mutation($u: ID!) { createApiToken(name: "Mã đọc thử", unitId: $u) { id } }`, { u: unitId }));
    if (unitId === OTHER_COMMUNE) outside.ApiToken = t.createApiToken.id;
  }
  // The directive resources: one record of each inside Mỹ Thạnh and one outside (the demo story has no outside
  // rows, and some resources none at all), and titles that start with D, Dư and Đ for the Vietnamese order.
  Object.assign(outside, (await createInsideAndOutside(api)).outside);
  for (const title of ['Đề án học tập', 'Dự thảo kế hoạch', 'Duy trì sinh hoạt', 'đánh giá sơ kết']) {
    dataOf(await api.gql(`mutation($n: String!, $t: String!) { createDocument(number: $n, issuedOn: "2019-09-09", title: $t, issuerUnitId: ${UNIT.COMMUNE_MY_THANH}) { id } }`, { n: freshNumber(), t: title }));
  }
}

beforeAll(async () => {
  api = await startTestApi();
  await createOutsideRecords();
  // Log in first: a login writes lastLoginAt, which must not change under the lists.
  for (const account of ACCOUNTS) providers.set(account, stockProvider(api, await api.login(account)));
  for (const r of RESOURCES) fields.set(r, await introspectFields(r));
}, 120000);
afterAll(() => api?.close());

const provider = (account: string) => providers.get(account) as DataProvider;

async function getList(account: string, resource: Resource, field: string, order: 'ASC' | 'DESC', page: number, perPage: number, filter: object = {}) {
  try {
    return await provider(account).getList<Row>(resource, { pagination: { page, perPage }, sort: { field, order }, filter: { ...BASE_FILTER[resource], ...filter } });
  } catch (error) {
    const failure = describeFailure(error);
    throw new Error(`getList ${resource} by ${field} ${order}: ${failure.code} ${failure.message}`);
  }
}

/** The first place where the order breaks: a value out of order, or equal values not ordered by id. */
function orderProblem(rows: Row[], compare: Compare, order: 'ASC' | 'DESC'): string | null {
  const sign = order === 'ASC' ? 1 : -1;
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    const c = sign * compare(a, b);
    if (c > 0 || (c === 0 && sign * (Number(a.id) - Number(b.id)) >= 0)) return `rows ${i - 1}/${i}: ${JSON.stringify(a).slice(0, 300)} then ${JSON.stringify(b).slice(0, 300)}`;
  }
  return null;
}

/** Every (account, resource, field, direction) case. */
const cases = () =>
  ACCOUNTS.flatMap((account) => RESOURCES.map((resource) => [account, resource] as const));

describe.each(cases())('as %s, %s', (account, resource) => {
  it('every field the type shows sorts both ways in the right order, ties by id', async () => {
    const problems: string[] = [];
    for (const f of fields.get(resource) ?? []) {
      for (const order of ['ASC', 'DESC'] as const) {
        const { data, total } = await getList(account, resource, f.name, order, 1, 1000);
        expect(data.length).toBe(total);
        const problem = orderProblem(data, f.compare, order);
        if (problem) problems.push(`${f.name} ${order}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('pages of 3 by every field, both ways, concatenate to the whole list with no repeat or gap', async () => {
    const { data: all } = await getList(account, resource, 'id', 'ASC', 1, 1000);
    expect(all.length).toBeGreaterThan(0);
    // At most 20 rows (every k-th id), so each field takes a handful of pages.
    const step = Math.max(1, Math.ceil(all.length / 20));
    const filter = { ids: all.filter((_, i) => i % step === 0).map((r) => String(r.id)) };
    const problems: string[] = [];
    for (const f of fields.get(resource) ?? []) {
      for (const order of ['ASC', 'DESC'] as const) {
        const whole = (await getList(account, resource, f.name, order, 1, 1000, filter)).data.map((r) => String(r.id));
        const paged: string[] = [];
        for (let page = 1; page <= Math.ceil(whole.length / 3) + 1; page++) {
          const { data, total } = await getList(account, resource, f.name, order, page, 3, filter);
          expect(total).toBe(whole.length);
          paged.push(...data.map((r) => String(r.id)));
        }
        if (paged.join() !== whole.join()) problems.push(`${f.name} ${order}: pages ${paged.join()} vs whole ${whole.join()}`);
      }
    }
    expect(new Set(filter.ids).size).toBe(filter.ids.length);
    expect(problems).toEqual([]);
  });

  it('getOne of a missing id is NOT_FOUND', async () => {
    expect((await stockFailure(provider(account).getOne(resource, { id: NO_SUCH_ID }))).code).toBe('NOT_FOUND');
  });
});

describe.each(RESOURCES)('%s: an id outside the caller\'s scope reads as missing', (resource) => {
  it('getOne as xa.mythanh of a record only admin sees is NOT_FOUND', async () => {
    const mine = new Set((await getList('xa.mythanh', resource, 'id', 'ASC', 1, 1000)).data.map((r) => String(r.id)));
    const others = (await getList('admin', resource, 'id', 'ASC', 1, 1000)).data.map((r) => String(r.id)).filter((id) => !mine.has(id));
    const id = outside[resource] ?? others[0];
    expect(id).toBeDefined();
    expect(mine.has(id as string)).toBe(false);
    expect((await stockFailure(provider('xa.mythanh').getOne(resource, { id: id as string }))).code).toBe('NOT_FOUND');
    // The same record is there for admin: the refusal is scope, not absence.
    expect((await provider('admin').getOne(resource, { id: id as string })).data.id).toBe(id);
  });
});

describe('the grammar refuses what it does not know', () => {
  it('a sortField that is not a field of the type is BAD_USER_INPUT naming sortField', async () => {
    for (const field of ['passwordHash', 'constructor', 'memberships']) {
      expect(errorOf(await api.gql(`{ allUsers(sortField: "${field}") { id } }`))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sortField' });
    }
  });

  it('a sortOrder other than ASC or DESC is BAD_USER_INPUT naming sortOrder, on every resource', async () => {
    for (const q of ['allRatingPeriods', 'allOrgUnits', 'allAuditEntries']) {
      expect(errorOf(await api.gql(`{ ${q}(sortField: "id", sortOrder: "sideways") { id } }`))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sortOrder' });
    }
  });
});

describe('text sorts the Vietnamese way', () => {
  it('criterion names put "Dự…" and "Duy…" before "Điểm…" and "đảng…" (Đ is a letter after D)', async () => {
    const { data } = await getList('admin', 'Criterion', 'name', 'ASC', 1, 1000, { setId: outside.CriteriaSet });
    expect(data.map((r) => r.name)).toEqual(['Duy trì sinh hoạt', 'Dự họp đầy đủ', 'đảng viên gương mẫu', 'Điểm thưởng']);
  });

  it.each(ACCOUNTS)('document titles as %s: "Duy…" and "Dự…" before "đánh…" and "Đề…", and the reverse for DESC', async (account) => {
    const filter = { issuedFrom: '2019-09-09', issuedTo: '2019-09-09' };
    const ascending = ['Duy trì sinh hoạt', 'Dự thảo kế hoạch', 'đánh giá sơ kết', 'Đề án học tập'];
    expect((await getList(account, 'Document', 'title', 'ASC', 1, 100, filter)).data.map((r) => r.title)).toEqual(ascending);
    expect((await getList(account, 'Document', 'title', 'DESC', 1, 100, filter)).data.map((r) => r.title)).toEqual([...ascending].reverse());
  });
});

describe('every q takes any Unicode and folds diacritics', () => {
  it('allCriteria(q: "đảng viên") and (q: "dang vien") find the same criteria', async () => {
    const marked = dataOf(await api.gql(`{ allCriteria(filter: {q: "đảng viên"}) { id name } }`)).allCriteria;
    const plain = dataOf(await api.gql(`{ allCriteria(filter: {q: "dang vien"}) { id } }`)).allCriteria;
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.map((c: { id: string }) => c.id)).toEqual(plain.map((c: { id: string }) => c.id));
  });

  it.each(['allUsers', 'allCriteria', 'allCriteriaSets', 'allRatingPeriods', 'allRoleGrants', 'allAuditEntries', 'allApiTokens', 'allOrgUnits', 'allMembers'])(
    '%s(q: "中文") matches nothing, without an error',
    async (q) => {
      expect(dataOf(await api.gql(`{ ${q}(filter: {q: "中文"}) { id } }`))[q]).toEqual([]);
    },
  );

  it('LIKE wildcards in q are plain characters', async () => {
    expect(dataOf(await api.gql(`{ allUsers(filter: {q: "%"}) { id } }`)).allUsers).toEqual([]);
    expect(dataOf(await api.gql(`{ allCriteria(filter: {q: "%"}) { id } }`)).allCriteria).toEqual([]);
  });
});
