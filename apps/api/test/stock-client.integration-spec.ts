/**
 * The API as an outside client sees it: the stock `ra-data-graphql-simple` provider with `@apollo/client` 3 and no
 * custom options (support/stock-client.ts), every data-provider method on every resource, as `admin` and as
 * `xa.mythanh` (unit admin of the commune Mỹ Thạnh). Where the grammar or the rules refuse by design, the refusal
 * itself is asserted.
 *
 * Tests tagged [list] depend on list sorting, search or getOne NOT_FOUND, which the shared list helper delivers;
 * they are expected to fail until it lands and must not be removed.
 */
import { gql } from '@apollo/client';
import type { DataProvider } from 'ra-core';
import { CELL, CRITERIA_SET, MEMBER, PERIOD, UNIT } from '../src/database/seeds/demo.constants';
import { signUserToken } from '../src/modules/auth/tokens';
import { startTestApi, TestApi } from './support/harness';
import { describeFailure, stockApolloClient, stockFailure, stockProvider } from './support/stock-client';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const PAGE = { pagination: { page: 1, perPage: 5 }, sort: { field: 'id', order: 'ASC' as 'ASC' | 'DESC' }, filter: {} };
const NO_SUCH_ID = 987654;
/** A unique suffix per call: both accounts create records in the same database. */
let serial = 0;
const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${(serial += 1)}`;

/** A criteria-set draft owned by Mỹ Thạnh, made by admin (xa.mythanh may not manage criteria). */
async function draftSet(): Promise<string> {
  const p = stockProvider(api, await api.login('admin'));
  const { data } = await p.create('CriteriaSet', {
    data: { name: unique('Bộ tiêu chí thử'), periodId: String(PERIOD.YEAR_2026), subjectKind: 'COLLECTIVE', unitId: String(UNIT.COMMUNE_MY_TAN_HUNG) },
  });
  return String(data.id);
}

async function criterionIn(setId: string, p?: DataProvider): Promise<string> {
  const provider = p ?? stockProvider(api, await api.login('admin'));
  const { data } = await provider.create('Criterion', { data: { setId, code: `thu_${(serial += 1)}`, name: unique('Tiêu chí'), kind: 'SCORE', max: 10 } });
  return String(data.id);
}

/** A getOne, then an update carrying the whole record back with one change, as react-admin's edit form does. */
async function editForm(p: DataProvider, resource: string, id: string, change: Record<string, unknown>) {
  const { data: record } = await p.getOne(resource, { id });
  return p.update(resource, { id, data: { ...record, ...change }, previousData: record });
}

describe.each(['admin', 'xa.mythanh'])('every read method on every resource, as %s', (username) => {
  let p: DataProvider;
  beforeAll(async () => {
    p = stockProvider(api, await api.login(username));
  });

  // resource → filter for getManyReference (react-admin's `target`/`id`)
  const readable: [string, string, string][] = [
    ['OrgUnit', 'parentId', String(UNIT.COMMUNE_MY_TAN_HUNG)],
    ['Member', 'unitId', String(CELL.BEN_DO)],
    ['CriteriaSet', 'unitId', String(UNIT.PROVINCE_BEN_TRE)],
    ['Criterion', 'setId', String(CRITERIA_SET.MY_THANH_MEMBER_OUTSIDE_SYSTEM)],
    ['RatingPeriod', 'unitId', String(UNIT.PROVINCE_BEN_TRE)],
    ['User', 'unitId', String(UNIT.COMMUNE_MY_TAN_HUNG)],
    ['RoleGrant', 'unitId', String(UNIT.COMMUNE_MY_TAN_HUNG)],
    ['AuditEntry', 'entity', 'ApiToken'],
    ['ApiToken', 'unitId', String(UNIT.COMMUNE_MY_TAN_HUNG)],
  ];

  it.each(readable)('%s: getList, getOne, getMany and getManyReference answer what the list holds', async (resource, target, targetId) => {
    if (resource === 'AuditEntry' || resource === 'ApiToken') {
      // Something to read: a write leaves an audit entry; a token is made for the commune.
      await p.create('ApiToken', { data: { name: unique('Mã đọc'), unitId: String(UNIT.COMMUNE_MY_TAN_HUNG) } });
    }
    const list = await p.getList(resource, PAGE);
    expect(list.data.length).toBeGreaterThan(0);
    expect(list.total).toBeGreaterThanOrEqual(list.data.length);
    const [first, second] = list.data;

    const one = await p.getOne(resource, { id: first.id });
    expect(one.data.id).toBe(first.id);

    const ids = [first.id, ...(second ? [second.id] : [])];
    const many = await p.getMany(resource, { ids });
    expect(many.data.map((r) => r.id).sort()).toEqual([...ids].sort());

    const ref = await p.getManyReference(resource, { ...PAGE, target, id: targetId });
    expect(ref.total).toBeGreaterThan(0);
    expect(ref.data.length).toBeGreaterThan(0);
  });

  it.each(readable.map(([r]) => r))('[list] %s: getOne of a missing id is NOT_FOUND, not data null', async (resource) => {
    expect((await stockFailure(p.getOne(resource, { id: String(NO_SUCH_ID) }))).code).toBe('NOT_FOUND');
  });

  it.each(readable.map(([r]) => r))('[list] %s: getList by id descending comes back descending', async (resource) => {
    const { data } = await p.getList(resource, { ...PAGE, sort: { field: 'id', order: 'DESC' as const } });
    const ids = data.map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });
});

describe('[list] getOne of an id outside the caller\'s scope is NOT_FOUND, like a missing one', () => {
  it.each([
    ['OrgUnit', String(UNIT.COMMUNE_LUONG_HOA)],
    ['Member', '2001'],
  ])('%s', async (resource, id) => {
    const p = stockProvider(api, await api.login('xa.mythanh'));
    expect((await stockFailure(p.getOne(resource, { id }))).code).toBe('NOT_FOUND');
  });
});

/** What each resource's create takes, what an edit changes, and who may do either. */
interface WritePlan {
  create: () => Promise<Record<string, unknown>>;
  change?: Record<string, unknown>;
}

const plans: Record<string, WritePlan> = {
  OrgUnit: { create: async () => ({ kind: 'CELL', name: unique('Chi bộ thử'), parentId: String(UNIT.COMMUNE_MY_TAN_HUNG) }), change: { shortName: 'CB thử' } },
  Member: { create: async () => ({ fullName: unique('Nguyễn Văn Thử'), gender: 'MALE', cellId: String(CELL.BEN_DO) }), change: { note: 'Sửa qua stock client' } },
  User: {
    create: async () => ({ username: `thu.${Date.now().toString(36)}${(serial += 1)}`, displayName: 'Tài khoản thử', password: 'mat-khau-thu-2026', role: 'CELL_SECRETARY', unitId: String(CELL.BEN_DO) }),
    change: { displayName: 'Tài khoản thử (sửa)' },
  },
  CriteriaSet: {
    create: async () => ({ name: unique('Bộ tiêu chí thử'), periodId: String(PERIOD.YEAR_2026), subjectKind: 'LEADER', unitId: String(UNIT.COMMUNE_MY_TAN_HUNG) }),
    change: { name: 'Bộ tiêu chí thử (sửa)' },
  },
  Criterion: { create: async () => ({ setId: await draftSet(), code: `tc_${(serial += 1)}`, name: unique('Tiêu chí'), kind: 'SCORE', max: 10 }), change: { max: 20 } },
  RatingPeriod: { create: async () => ({ kind: 'YEAR', year: 2040 + (serial += 1), unitId: String(UNIT.COMMUNE_MY_TAN_HUNG) }) },
  ApiToken: { create: async () => ({ name: unique('Mã đọc'), unitId: String(UNIT.COMMUNE_MY_TAN_HUNG) }) },
};

describe.each([
  // username, resources it may write; the others answer FORBIDDEN
  ['admin', ['OrgUnit', 'Member', 'User', 'CriteriaSet', 'Criterion', 'RatingPeriod', 'ApiToken']],
  ['xa.mythanh', ['OrgUnit', 'Member', 'User', 'ApiToken']],
])('every write method on every resource, as %s', (username, writable) => {
  let p: DataProvider;
  let admin: DataProvider;
  beforeAll(async () => {
    p = stockProvider(api, await api.login(username));
    admin = stockProvider(api, await api.login('admin'));
  });
  /** A record of `resource` to edit or delete: the caller's own where it may create, else one admin made. */
  const make = async (resource: string, by: DataProvider) => String((await by.create(resource, { data: await plans[resource].create() })).data.id);
  const owner = (resource: string) => (writable.includes(resource) ? p : admin);

  it.each(Object.keys(plans))('%s: create, update, updateMany, delete and deleteMany as the rules allow', async (resource) => {
    const plan = plans[resource];
    const allowed = writable.includes(resource);
    if (!allowed) {
      expect((await stockFailure(p.create(resource, { data: await plan.create() }))).code).toBe('FORBIDDEN');
    }
    const id = await make(resource, owner(resource));
    const readBack = await owner(resource).getOne(resource, { id });
    expect(readBack.data.id).toBe(id);

    if (plan.change) {
      const [field, value] = Object.entries(plan.change)[0];
      if (allowed) {
        await editForm(p, resource, id, plan.change);
        expect((await p.getOne(resource, { id })).data[field]).toEqual(value);
        const other = await make(resource, p);
        // Without bulk actions the provider sends one update per id.
        await p.updateMany(resource, { ids: [other], data: plan.change });
        expect((await p.getOne(resource, { id: other })).data[field]).toEqual(value);
      } else {
        const record = (await admin.getOne(resource, { id })).data;
        expect((await stockFailure(p.update(resource, { id, data: { ...record, ...plan.change }, previousData: record }))).code).toBe('FORBIDDEN');
      }
    } else {
      // No `updateX` in the grammar: the provider itself refuses, before any request.
      expect((await stockFailure(p.update(resource, { id, data: { id }, previousData: { id } }))).message).toMatch(/No query or mutation matching/);
    }

    if (resource === 'ApiToken') {
      // Tokens are revoked (`revokeApiToken`, kept in the audit log), never deleted: no `deleteApiToken`.
      expect((await stockFailure(p.delete(resource, { id, previousData: { id } }))).message).toMatch(/No query or mutation matching/);
      return;
    }
    if (allowed) {
      await p.delete(resource, { id, previousData: { id } });
      expect((await stockFailure(p.getOne(resource, { id }))).code).toBe('NOT_FOUND'); // [list] getOne NOT_FOUND
      const more = [await make(resource, p), await make(resource, p)];
      expect((await p.deleteMany(resource, { ids: more })).data?.map(String).sort()).toEqual([...more].sort());
    } else {
      expect((await stockFailure(p.delete(resource, { id, previousData: { id } }))).code).toBe('FORBIDDEN');
    }
  });

  it('RoleGrant: create and delete a grant on a managed account; no update in the grammar', async () => {
    const userId = await make('User', p);
    const { data: grant } = await p.create('RoleGrant', { data: { userId, role: 'ANALYST', unitId: String(UNIT.COMMUNE_MY_TAN_HUNG) } });
    expect((await p.getOne('RoleGrant', { id: grant.id })).data).toMatchObject({ role: 'ANALYST', userId });
    expect((await stockFailure(p.update('RoleGrant', { id: grant.id, data: grant, previousData: grant }))).message).toMatch(/No query or mutation matching/);
    await p.delete('RoleGrant', { id: grant.id, previousData: grant });
    const { data: again } = await p.create('RoleGrant', { data: { userId, role: 'ANALYST', unitId: String(UNIT.COMMUNE_MY_TAN_HUNG) } });
    expect((await p.deleteMany('RoleGrant', { ids: [again.id] })).data?.map(String)).toEqual([String(again.id)]);
  });

  it('AuditEntry is read-only: the grammar offers no create, update or delete', async () => {
    const { data } = await p.getList('AuditEntry', PAGE);
    const entry = data[0];
    for (const call of [
      p.create('AuditEntry', { data: { entity: 'OrgUnit' } }),
      p.update('AuditEntry', { id: entry.id, data: entry, previousData: entry }),
      p.delete('AuditEntry', { id: entry.id, previousData: entry }),
      p.deleteMany('AuditEntry', { ids: [entry.id] }),
    ]) {
      expect((await stockFailure(call)).message).toMatch(/No query or mutation matching/);
    }
  });
});

describe('an edit form stores the relation the user picked (the stock provider also maps `x { id }` to `xId`)', () => {
  it('a member moved to another cell through an edit is stored in the new cell', async () => {
    const p = stockProvider(api, await api.login('xa.mythanh'));
    const before = (await p.getOne('Member', { id: String(MEMBER.SECRETARY_BEN_DO) })).data;
    expect(String(before.cellId)).toBe(String(CELL.BEN_DO));
    expect(before.cell).toEqual(expect.objectContaining({ id: String(CELL.BEN_DO) }));
    await p.update('Member', { id: before.id, data: { ...before, cellId: String(CELL.Y_TE) }, previousData: before });
    const stored = await api.gql(`{ Member(id: ${MEMBER.SECRETARY_BEN_DO}) { cellId cell { id } } }`);
    expect(stored.data.Member).toEqual({ cellId: String(CELL.Y_TE), cell: { id: String(CELL.Y_TE) } });
  });

  it('a unit moved under another parent through an edit is stored under the new parent', async () => {
    const p = stockProvider(api, await api.login('admin'));
    const { data: unit } = await p.create('OrgUnit', { data: { kind: 'CELL', name: unique('Chi bộ chuyển'), parentId: String(UNIT.COMMUNE_MY_TAN_HUNG) } });
    const record = (await p.getOne('OrgUnit', { id: unit.id })).data;
    expect(record.parent).toEqual(expect.objectContaining({ id: String(UNIT.COMMUNE_MY_TAN_HUNG) }));
    await p.update('OrgUnit', { id: unit.id, data: { ...record, parentId: String(UNIT.COMMUNE_SON_PHU) }, previousData: record });
    expect((await api.gql(`{ OrgUnit(id: ${unit.id}) { parentId } }`)).data.OrgUnit.parentId).toBe(String(UNIT.COMMUNE_SON_PHU));
  });
});

describe('bulk actions (bulkActionsEnabled): updateXs(ids, data) and deleteXs(ids), all or nothing, audited', () => {
  let p: DataProvider;
  let admin: DataProvider;
  beforeAll(async () => {
    p = stockProvider(api, await api.login('xa.mythanh'), { bulkActionsEnabled: true });
    admin = stockProvider(api, await api.login('admin'), { bulkActionsEnabled: true });
  });
  const auditCount = async (operation: string) => Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM audit_entry WHERE operation = ?', [operation]))[0].n);
  const createMany = async (by: DataProvider, resource: string, n: number, data: () => Promise<Record<string, unknown>>) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) ids.push(String((await by.create(resource, { data: await data() })).data.id));
    return ids;
  };

  // Seeded members of Bến Đò: a member who joined today could not be transferred today.
  const BEN_DO_MEMBERS = ['1002', '1003', '1004', '1005'];

  it('updateMembers transfers every chosen member, one audit entry per member', async () => {
    const ids = BEN_DO_MEMBERS.slice(0, 2);
    const audited = await auditCount('updateMembers');
    expect((await p.updateMany('Member', { ids, data: { cellId: String(CELL.NGHIA_HUAN) } })).data?.map(String).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(String((await p.getOne('Member', { id })).data.cellId)).toBe(String(CELL.NGHIA_HUAN));
    expect(await auditCount('updateMembers')).toBe(audited + 2);
  });

  it('updateMembers with one id the caller may not touch changes none of them', async () => {
    const ids = BEN_DO_MEMBERS.slice(2);
    const before = await Promise.all(ids.map(async (id) => (await p.getOne('Member', { id })).data.status));
    expect(before).not.toContain('EXEMPTED');
    // Member 2001 belongs to another commune: out of scope, so NOT_FOUND, after the first two were already changed.
    const failure = await stockFailure(p.updateMany('Member', { ids: [...ids, '2001'], data: { status: 'EXEMPTED' } }));
    expect(failure.code).toBe('NOT_FOUND');
    expect(await Promise.all(ids.map(async (id) => (await p.getOne('Member', { id })).data.status))).toEqual(before);
  });

  it('deleteMembers deletes all or, with one missing id, none', async () => {
    const kept = await createMany(p, 'Member', 2, plans.Member.create);
    expect((await stockFailure(p.deleteMany('Member', { ids: [...kept, String(NO_SUCH_ID)] }))).code).toBe('NOT_FOUND');
    expect((await p.getMany('Member', { ids: kept })).data).toHaveLength(2);
    const audited = await auditCount('deleteMembers');
    await p.deleteMany('Member', { ids: kept });
    expect((await p.getMany('Member', { ids: kept })).data).toHaveLength(0);
    expect(await auditCount('deleteMembers')).toBe(audited + 2);
  });

  it('updateOrgUnits and deleteOrgUnits: the single rules per unit, all or nothing', async () => {
    const ids = await createMany(p, 'OrgUnit', 2, plans.OrgUnit.create);
    await p.updateMany('OrgUnit', { ids, data: { parentId: String(UNIT.COMMUNE_MY_TAN_HUNG), movedOn: null } });
    // A unit with members cannot be deleted: the batch with it deletes nothing.
    expect((await stockFailure(p.deleteMany('OrgUnit', { ids: [...ids, String(CELL.BEN_DO)] }))).code).toMatch(/CONFLICT|BAD_USER_INPUT/);
    expect((await p.getMany('OrgUnit', { ids })).data).toHaveLength(2);
    await p.deleteMany('OrgUnit', { ids });
    expect((await p.getMany('OrgUnit', { ids })).data).toHaveLength(0);
  });

  it('updateCriteria and deleteCriteria (admin); xa.mythanh is FORBIDDEN', async () => {
    const setId = await draftSet();
    const ids = [await criterionIn(setId, admin), await criterionIn(setId, admin)];
    await admin.updateMany('Criterion', { ids, data: { max: 15 } });
    for (const id of ids) expect((await admin.getOne('Criterion', { id })).data.max).toBe(15);
    expect((await stockFailure(p.updateMany('Criterion', { ids, data: { max: 5 } }))).code).toBe('FORBIDDEN');
    expect((await stockFailure(p.deleteMany('Criterion', { ids }))).code).toBe('FORBIDDEN');
    await admin.deleteMany('Criterion', { ids });
    expect((await admin.getMany('Criterion', { ids })).data).toHaveLength(0);
  });

  it('updateUsers locks every chosen account, or none when one is not the caller\'s to manage', async () => {
    const ids = await createMany(p, 'User', 2, plans.User.create);
    // Account 1 is the province's system admin: xa.mythanh may not manage it, so nothing is locked.
    expect((await stockFailure(p.updateMany('User', { ids: [...ids, '1'], data: { active: false } }))).code).toMatch(/FORBIDDEN|NOT_FOUND/);
    for (const id of ids) expect((await p.getOne('User', { id })).data.active).toBe(true);
    await p.updateMany('User', { ids, data: { active: false } });
    for (const id of ids) expect((await p.getOne('User', { id })).data.active).toBe(false);
    await p.deleteMany('User', { ids });
    expect((await p.getMany('User', { ids })).data).toHaveLength(0);
  });

  it('deleteRoleGrants revokes every chosen grant, or none', async () => {
    const [userId] = await createMany(p, 'User', 1, plans.User.create);
    const grant = String((await p.create('RoleGrant', { data: { userId, role: 'ANALYST', unitId: String(UNIT.COMMUNE_MY_TAN_HUNG) } })).data.id);
    expect((await stockFailure(p.deleteMany('RoleGrant', { ids: [grant, String(NO_SUCH_ID)] }))).code).toBe('NOT_FOUND');
    expect((await p.getMany('RoleGrant', { ids: [grant] })).data).toHaveLength(1);
    await p.deleteMany('RoleGrant', { ids: [grant] });
    expect((await p.getMany('RoleGrant', { ids: [grant] })).data).toHaveLength(0);
  });
});

describe('an expired or missing session: HTTP 401 with UNAUTHENTICATED, for queries and introspection alike', () => {
  const sessions: [string, () => string][] = [
    // Signed with the API's own secret, for a real account: only the expiry is wrong.
    ['an expired token', () => signUserToken(api.config.authSecret, 3, 1, -60)],
    ['no token', () => ''],
  ];

  const post = async (token: string, query: string) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: (await res.json()) as { errors?: { extensions?: { code?: string } }[] } };
  };

  it.each(sessions)('over plain HTTP with %s: a query and introspection both answer 401 UNAUTHENTICATED', async (_name, token) => {
    for (const query of [`{ _allMembersMeta { count } }`, `{ __schema { queryType { name } } }`]) {
      const { status, body } = await post(token(), query);
      expect([query, status, body.errors?.[0]?.extensions?.code]).toEqual([query, 401, 'UNAUTHENTICATED']);
    }
  });

  it.each(sessions)('Apollo Client with %s: networkError.statusCode 401, body code UNAUTHENTICATED, query and introspection', async (_name, token) => {
    const client = stockApolloClient(api, token());
    for (const query of [gql`{ _allMembersMeta { count } }`, gql`{ __schema { queryType { name } } }`]) {
      const failure = describeFailure(await client.query({ query, fetchPolicy: 'network-only' }).catch((e: unknown) => e));
      expect([failure.status, failure.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it.each(sessions)('the stock provider with %s: its first call (introspection) and a later query both fail with status 401', async (_name, token) => {
    const p = stockProvider(api, token());
    // The provider introspects on its first call; that failure is an ApolloError, not an HttpError.
    const first = await stockFailure(p.getList('Member', PAGE));
    expect([first.status, first.code]).toEqual([401, 'UNAUTHENTICATED']);
    // A provider given the schema up front goes straight to the query: react-admin's HttpError with status 401 (the
    // provider keeps only the status of a network error, not its body).
    const signedIn = stockProvider(api, await api.login('xa.mythanh'));
    await signedIn.getList('Member', PAGE);
    const introspection = await (signedIn as unknown as { getIntrospection(): Promise<{ schema: unknown }> }).getIntrospection();
    const { default: buildGraphQLProvider } = await import('ra-data-graphql-simple');
    const known = buildGraphQLProvider({ client: stockApolloClient(api, token()), introspection: { schema: introspection.schema } as never });
    const later = await stockFailure(known.getList('Member', PAGE));
    expect(later.status).toBe(401);
  });

  it('a wrong password at login stays an ordinary 200 answer (it is not a lost session)', async () => {
    const { status, body } = await post('', `mutation { login(username: "xa.mythanh", password: "sai-mat-khau") { token } }`);
    expect([status, body.errors?.[0]?.extensions?.code]).toEqual([200, 'UNAUTHENTICATED']);
  });
});
