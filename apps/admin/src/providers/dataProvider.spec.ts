/**
 * The provider as the panel uses it, against a stubbed `fetch`: which GraphQL it sends (built from the static
 * introspection of apps/api/schema.graphql) and what it makes of the answers.
 */
import type { DataProvider, HttpError } from 'react-admin';

jest.mock('../config', () => ({ GRAPHQL_URL: 'http://api.test/graphql' }));

import { createDataProvider, scalarArguments } from './dataProvider';

interface Sent {
  query: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
}

function stubFetch(answer: unknown, status = 200): Sent[] {
  const sent: Sent[] = [];
  global.fetch = jest.fn(async (_url: unknown, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body));
    sent.push({ query: body.query, variables: body.variables, headers: init?.headers as Record<string, string> });
    const text = typeof answer === 'string' ? answer : JSON.stringify(answer);
    return new Response(text, { status, headers: { 'content-type': typeof answer === 'string' ? 'text/html' : 'application/json' } });
  }) as typeof fetch;
  return sent;
}

const member = { __typename: 'Member', id: '1019', fullName: 'Nguyễn Văn Đức', cellId: '102', version: 3 };

describe('the data provider', () => {
  let provider: DataProvider;
  beforeEach(() => {
    provider = createDataProvider(() => ({ authorization: 'Bearer t0ken' }));
  });

  it('lists members with the filter, 0-based page and sort of ra-data-graphql-simple, asking only for list columns', async () => {
    const sent = stubFetch({ data: { items: [member], total: { count: 1 } } });
    const result = await provider.getList('Member', {
      filter: { q: 'nguyen van duc', unitId: '10', status: 'OFFICIAL' },
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'fullName', order: 'ASC' },
    });
    expect(result).toEqual({ data: [{ id: '1019', fullName: 'Nguyễn Văn Đức', cellId: '102', version: 3 }], total: 1 });
    expect(sent[0].query).toContain('allMembers(');
    expect(sent[0].query).toContain('_allMembersMeta(');
    expect(sent[0].query).not.toContain('memberships');
    expect(sent[0].variables).toMatchObject({
      filter: { q: 'nguyen van duc', unitId: '10', status: 'OFFICIAL' },
      page: 1,
      perPage: 25,
      sortField: 'fullName',
      sortOrder: 'ASC',
    });
    expect(sent[0].headers).toMatchObject({ 'apollo-require-preflight': 'true', authorization: 'Bearer t0ken' });
  });

  it("reads a unit's parent name with the list, and lets a screen ask for other columns", async () => {
    const sent = stubFetch({ data: { items: [], total: { count: 0 } } });
    await provider.getList('OrgUnit', { filter: { root: true }, pagination: { page: 1, perPage: 10 }, sort: { field: 'name', order: 'ASC' } });
    expect(sent[0].query.replace(/\s+/g, ' ')).toContain('parent { id name');
    await provider.getList('OrgUnit', {
      filter: { parentId: '10', asOf: '2017-02-15' },
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'name', order: 'ASC' },
      meta: { sparseFields: ['id', 'name', 'memberCount'] },
    });
    expect(sent[1].query).toContain('memberCount');
    expect(sent[1].query).not.toContain('parent');
    expect(sent[1].variables).toMatchObject({ filter: { parentId: '10', asOf: '2017-02-15' } });
  });

  it('reads a reference at a date (meta.asOf) as the list of its ids on that date, named as on that day', async () => {
    const myThanh = { __typename: 'OrgUnit', id: '10', name: 'Đảng bộ xã Mỹ Thạnh' };
    const sent = stubFetch({ data: { items: [myThanh], total: { count: 1 } } });
    const result = await provider.getMany('OrgUnit', { ids: ['10'], meta: { asOf: '2017-02-28' } });
    expect(result.data).toEqual([{ id: '10', name: 'Đảng bộ xã Mỹ Thạnh' }]);
    expect(sent[0].query).toContain('allOrgUnits(');
    expect(sent[0].variables).toMatchObject({ filter: { ids: ['10'], asOf: '2017-02-28' } });
    expect(sent[0].variables.meta ?? {}).not.toHaveProperty('asOf');
    // Without a date, the stock getMany of today's records.
    const today = stubFetch({ data: { items: [], total: { count: 0 } } });
    await provider.getMany('OrgUnit', { ids: ['10'] });
    expect(today[0].variables).toMatchObject({ filter: { ids: ['10'] } });
    expect(today[0].variables.filter).not.toHaveProperty('asOf');
  });

  it('sends the cell the clerk picked, not the fetched relation, and the version for optimistic locking', async () => {
    const sent = stubFetch({ data: { data: { ...member, cellId: '101', version: 4 } } });
    await provider.update('Member', {
      id: '1019',
      data: { ...member, cell: { id: '102' }, 'cell.id': '102', cellId: '101', memberships: [{ id: '7', unitId: '102' }] },
      previousData: member,
    });
    expect(sent[0].query).toContain('updateMember(');
    expect(sent[0].variables).toMatchObject({ id: '1019', cellId: '101', version: 3, fullName: 'Nguyễn Văn Đức' });
    expect(sent[0].variables).not.toHaveProperty('cell');
    expect(sent[0].variables).not.toHaveProperty('memberships');
  });

  it('rejects a refused save with the server message on the named field', async () => {
    stubFetch({
      data: null,
      errors: [{ message: 'Số lý lịch "abc" không hợp lệ', path: ['createMember'], extensions: { code: 'BAD_USER_INPUT', field: 'recordNumber' } }],
    });
    const error = (await provider.create('Member', { data: { fullName: 'A', gender: 'MALE', cellId: '101', recordNumber: 'abc' } }).catch((e) => e)) as HttpError;
    expect(error.status).toBe(400);
    expect(error.body.errors.recordNumber).toBe('Số lý lịch "abc" không hợp lệ');
  });
});

describe('errors the API answers with an HTTP error status', () => {
  let provider: DataProvider;
  beforeEach(() => {
    provider = createDataProvider();
  });
  const list = () => provider.getList('Member', { filter: {}, pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' } });

  it("shows the server's message of a query refused with HTTP 400 (validation, the API's limits), not a connection error", async () => {
    stubFetch({ errors: [{ message: 'Syntax Error: Query depth limit of 10 exceeded, found 11.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }, 400);
    const error = (await list().catch((e) => e)) as HttpError;
    expect(error.message).toBe('Syntax Error: Query depth limit of 10 exceeded, found 11.');
    expect(error.status).toBe(400);
    expect(error.body).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('keeps a Vietnamese refusal and its code (a bad variable, 400; signing in needed, 401)', async () => {
    stubFetch({ errors: [{ message: 'Trang không hợp lệ', extensions: { code: 'BAD_USER_INPUT', field: 'page' } }] }, 400);
    expect(await list().catch((e) => e)).toMatchObject({ message: 'Trang không hợp lệ', status: 400 });
    stubFetch({ errors: [{ message: 'Cần đăng nhập để đọc cấu trúc API', extensions: { code: 'UNAUTHENTICATED' } }] }, 401);
    expect(await list().catch((e) => e)).toMatchObject({ message: 'Cần đăng nhập để đọc cấu trúc API', status: 401 });
  });

  it('still reports an answer that is not GraphQL (a proxy page) as a connection error with its status', async () => {
    stubFetch('<html>Bad Gateway</html>', 502);
    expect(await list().catch((e) => e)).toMatchObject({ message: 'ra.notification.http_error', status: 502 });
    global.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await list().catch((e) => e)).toMatchObject({ message: 'ra.notification.http_error', status: 0 });
  });
});

describe('scalarArguments', () => {
  it('keeps scalars and nulls, drops nested records, lists and flattened keys', () => {
    expect(scalarArguments({ a: 1, b: null, c: 'x', d: { id: 1 }, e: [1], 'f.id': 2, g: false })).toEqual({ a: 1, b: null, c: 'x', g: false });
  });

  it('keeps a list of ids named …Ids (the documents of an activity), not a list of records under that name', () => {
    expect(scalarArguments({ documentIds: ['1', '2'], linkedDocuments: [{ id: '1' }], tagIds: [{ id: 1 }] })).toEqual({ documentIds: ['1', '2'] });
  });
});
