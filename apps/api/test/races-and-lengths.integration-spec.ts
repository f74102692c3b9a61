/**
 * Uniqueness is decided by the database, so concurrent requests cannot both pass a pre-check and both write; and
 * every text the input accepts fits its columns, derived ones included (sort keys, folded search text, name parts).
 */
import { CELL, CRITERIA_SET, PERIOD, UNIT } from '../src/database/seeds/demo.constants';
import { LIMITS } from '../src/modules/criteria/criteria.limits';
import { dataOf, errorOf, GqlResponse, startTestApi, TestApi } from './support/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const N = 5;

/** Sends the same request N times at once (no request waits for another) and sorts the answers. */
async function concurrently(send: () => Promise<GqlResponse<any>>): Promise<{ ok: GqlResponse<any>[]; codes: string[] }> {
  const answers = await Promise.all(Array.from({ length: N }, send));
  return { ok: answers.filter((a) => !a.errors?.length), codes: answers.filter((a) => a.errors?.length).map((a) => errorOf(a).code) };
}

const count = async (sql: string, params: unknown[]) => Number((await api.dataSource.query(sql, params))[0].n);

/** Vietnamese words joined until `length` characters (ending on a letter, so cleaning keeps the length). */
function vietnameseText(length: number): string {
  const words = ['Chi', 'bộ', 'ấp', 'Nghĩa', 'Huấn', 'Đảng', 'ủy', 'xã', 'Mỹ', 'Thạnh', 'Lương', 'Hòa', 'Phước', 'Hậu'];
  let text = '';
  for (let i = 0; text.length < length; i++) text += (text ? ' ' : '') + words[i % words.length];
  text = text.slice(0, length);
  return text.endsWith(' ') ? text.slice(0, -1) + 'a' : text;
}

describe('N concurrent creates with one unique key give exactly one success and N−1 CONFLICT', () => {
  it('createRoleGrant: one grant of a role on a unit to an account', async () => {
    const { ok, codes } = await concurrently(() => api.gql(`mutation { createRoleGrant(userId: 6, role: CELL_SECRETARY, unitId: ${CELL.NGHIA_HUAN}) { id } }`));
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(N - 1).fill('CONFLICT'));
    expect(await count('SELECT COUNT(*) AS n FROM role_grant WHERE userId = 6 AND role = ? AND unitId = ?', ['CELL_SECRETARY', CELL.NGHIA_HUAN])).toBe(1);
  });

  it('createRatingPeriod: one period per unit, year and quarter', async () => {
    const { ok, codes } = await concurrently(() => api.gql(`mutation { createRatingPeriod(unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}, kind: QUARTER, year: 2031, quarter: 2) { id } }`));
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(N - 1).fill('CONFLICT'));
    expect(await count('SELECT COUNT(*) AS n FROM rating_period WHERE unitId = ? AND year = 2031 AND quarter = 2', [UNIT.COMMUNE_MY_TAN_HUNG])).toBe(1);
  });

  it('createCriterion: one criterion per code in a set', async () => {
    const setId = dataOf(
      await api.gql(`mutation { createCriteriaSet(unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}, periodId: ${PERIOD.YEAR_2026}, subjectKind: COLLECTIVE, name: "Bộ thử mã trùng") { id } }`),
    ).createCriteriaSet.id;
    const { ok, codes } = await concurrently(() => api.gql(`mutation { createCriterion(setId: ${setId}, code: "trung_ma", name: "Tiêu chí trùng mã", kind: SCORE, max: 10) { id } }`));
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(N - 1).fill('CONFLICT'));
    expect(await count("SELECT COUNT(*) AS n FROM criterion WHERE setId = ? AND code = 'trung_ma'", [setId])).toBe(1);
  });

  it('createMember: one current card number across the whole database', async () => {
    const card = '83990001';
    const { ok, codes } = await concurrently(() =>
      api.gql(`mutation($card: String) { createMember(fullName: "Võ Văn Trùng", gender: MALE, cellId: ${CELL.BEN_DO}, cardNumber: $card) { id } }`, { card }),
    );
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(N - 1).fill('CONFLICT'));
    expect(await count('SELECT COUNT(*) AS n FROM member WHERE cardNumber = ?', [card])).toBe(1);
  });

  it('a conflict from the unique index names the field and no one', async () => {
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        api.gql(`mutation($card: String) { createMember(fullName: "Lê Thị Số ${i}", gender: FEMALE, cellId: ${CELL.BEN_DO}, cardNumber: $card) { id } }`, { card: '83990002' }),
      ),
    );
    for (const a of answers.filter((x) => x.errors?.length)) {
      const e = errorOf(a);
      expect(e).toMatchObject({ code: 'CONFLICT', field: 'cardNumber' });
      expect(e.message).not.toMatch(/Duplicate|Lê Thị Số|UQ_/);
    }
  });
});

describe('one published criteria set per owner, period and subject kind', () => {
  const draft = async (name: string) =>
    dataOf(
      await api.gql(
        `mutation($name: String!) { createCriteriaSet(unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}, periodId: ${PERIOD.YEAR_2026}, subjectKind: LEADER, name: $name, copyFromId: ${CRITERIA_SET.LEADER}) { id } }`,
        { name },
      ),
    ).createCriteriaSet.id as string;
  const published = async () =>
    dataOf(await api.gql(`{ allCriteriaSets(perPage: 100, filter: {unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}, periodId: ${PERIOD.YEAR_2026}, subjectKind: LEADER, status: PUBLISHED}) { id } }`))
      .allCriteriaSets as { id: string }[];

  it('two concurrent publishes of two drafts leave exactly one published set', async () => {
    const [a, b] = [await draft('Bộ lãnh đạo A'), await draft('Bộ lãnh đạo B')];
    const answers = await Promise.all([a, b].map((id) => api.gql(`mutation { publishCriteriaSet(id: ${id}) { id status } }`)));
    // Overlapping, the loser is refused by the unique index (CONFLICT). If the database happens to run them one after
    // the other, the second replaces the first as a new revision would (the first is archived). Never both published.
    const ok = answers.filter((x) => !x.errors?.length).map((x) => x.data.publishCriteriaSet.id as string);
    expect(answers.filter((x) => x.errors?.length).map((x) => errorOf(x).code)).toEqual(ok.length === 2 ? [] : ['CONFLICT']);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    const now = (await published()).map((s) => s.id);
    expect(now).toHaveLength(1);
    expect(ok).toContain(now[0]);
    const other = [a, b].find((id) => id !== now[0]);
    const otherStatus = dataOf(await api.gql(`{ CriteriaSet(id: ${other}) { status } }`)).CriteriaSet.status;
    expect(otherStatus).toBe(ok.length === 2 ? 'ARCHIVED' : 'DRAFT');
  });

  it('the database itself refuses a second published set for the same owner, period and subject kind', async () => {
    const [current] = await published();
    const extra = await draft('Bộ lãnh đạo C');
    await expect(api.dataSource.query("UPDATE `criteria_set` SET `status` = 'PUBLISHED' WHERE `id` = ?", [extra])).rejects.toThrow(/Duplicate entry/);
    expect((await published()).map((s) => s.id)).toEqual([current.id]);
  });

  it('publishing a new revision still replaces the published one (the old is archived, not refused)', async () => {
    const [old] = await published();
    const next = dataOf(await api.gql(`mutation { cloneCriteriaSet(id: ${old.id}) { id } }`)).cloneCriteriaSet.id;
    dataOf(await api.gql(`mutation { publishCriteriaSet(id: ${next}) { id } }`));
    expect((await published()).map((s) => s.id)).toEqual([next]);
    expect(dataOf(await api.gql(`{ CriteriaSet(id: ${old.id}) { status } }`)).CriteriaSet.status).toBe('ARCHIVED');
  });
});

describe('every text the input accepts fits its columns', () => {
  const CREATE_UNIT = `mutation($name: String!) { createOrgUnit(kind: CELL, name: $name, parentId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { id name } }`;

  it.each([200, 255])('a %i-character unit name is stored, read back and sorted by name', async (length) => {
    const name = vietnameseText(length);
    expect(name).toHaveLength(length);
    const unit = dataOf(await api.gql(CREATE_UNIT, { name })).createOrgUnit;
    expect(dataOf(await api.gql(`{ OrgUnit(id: ${unit.id}) { name } }`)).OrgUnit.name).toBe(name);
    const list = dataOf(await api.gql(`{ allOrgUnits(perPage: 500, sortField: "name", sortOrder: "ASC") { id } }`)).allOrgUnits as { id: string }[];
    expect(list.map((u) => u.id)).toContain(unit.id);
  });

  it('a unit name of 255 characters whose sort key is longer than its column (Hangul) is stored', async () => {
    const name = '각'.repeat(255);
    const unit = dataOf(await api.gql(CREATE_UNIT, { name })).createOrgUnit;
    expect(dataOf(await api.gql(`{ OrgUnit(id: ${unit.id}) { name } }`)).OrgUnit.name).toBe(name);
  });

  it('a unit name over 255 characters is BAD_USER_INPUT on name and writes nothing', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM org_unit', []);
    const e = errorOf(await api.gql(CREATE_UNIT, { name: vietnameseText(256) }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(e.message).toMatch(/255/);
    expect(await count('SELECT COUNT(*) AS n FROM org_unit', [])).toBe(before);
  });

  const CREATE_MEMBER = `mutation($fullName: String!) { createMember(fullName: $fullName, gender: FEMALE, cellId: ${CELL.BEN_DO}) { id } }`;

  it.each([
    ['a 157-character full name', vietnameseText(157)],
    ['the longest full name (200 characters)', vietnameseText(200)],
    ['a one-word full name of 157 characters (all of it the given name)', 'A'.repeat(157)],
  ])('%s is stored with its name parts and read back', async (_label, fullName) => {
    const id = dataOf(await api.gql(CREATE_MEMBER, { fullName })).createMember.id;
    const back = dataOf(await api.gql(`{ Member(id: ${id}) { fullName familyName middleName givenName } }`)).Member;
    expect(back.fullName).toBe(fullName);
    expect([back.familyName, back.middleName, back.givenName].filter(Boolean).join(' ')).toBe(fullName);
    // Search matches word prefixes (member-search.ts): the last three words, the longest one cut to the stored word.
    const found = dataOf(await api.gql(`query($q: String) { allMembers(filter: {q: $q}) { id } }`, { q: fullName.split(' ').slice(-3).join(' ') })).allMembers;
    expect(found.map((m: { id: string }) => m.id)).toContain(id);
  });

  it('a full name over 200 characters is BAD_USER_INPUT on fullName and writes nothing', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM member', []);
    const e = errorOf(await api.gql(CREATE_MEMBER, { fullName: vietnameseText(201) }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fullName' });
    expect(await count('SELECT COUNT(*) AS n FROM member', [])).toBe(before);
  });

  it('the longest criterion code the input accepts is stored; one longer is BAD_USER_INPUT on code', async () => {
    const setId = dataOf(
      await api.gql(`mutation { createCriteriaSet(unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}, periodId: ${PERIOD.YEAR_2026}, subjectKind: MEMBER_IN_SYSTEM, name: "Bộ thử mã dài") { id } }`),
    ).createCriteriaSet.id;
    const create = (code: string) => api.gql(`mutation($code: String!) { createCriterion(setId: ${setId}, code: $code, name: "Mã dài", kind: SCORE, max: 10) { code } }`, { code });
    const code = 'ma_' + 'x'.repeat(LIMITS.code - 3);
    expect(dataOf(await create(code)).createCriterion.code).toBe(code);
    expect(errorOf(await create(code + 'y'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });
});
