/**
 * The HTTP edge of /graphql, in development and in production mode: every answer is JSON in the GraphQL error shape
 * with a code and a Vietnamese message, and no answer carries a stack trace, a file path or SQL text.
 */
import { randomBytes } from 'node:crypto';
import { UNIT } from '../src/database/seeds/demo.constants';
import { seedDemoIfEmpty } from '../src/database/seeds/demo.seed';
import { RUNS_BEFORE_COMPILING } from '../src/graphql/compiled-executor';
import { startTestApi, TestApi } from './support/harness';

interface Answer {
  status: number;
  contentType: string;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

/** No answer body may show how the server is built: frames, file paths of dependencies, SQL. */
function expectNothingLeaked(text: string): void {
  expect(text).not.toContain('node_modules');
  expect(text).not.toMatch(/ at .+\(.*:\d+:\d+\)/);
  // MySQL's error names start a word (ER_NO_SUCH_TABLE); codes like INTERNAL_SERVER_ERROR merely contain "ER_".
  expect(text).not.toMatch(/\bSELECT\b|\bINSERT\b|\bUPDATE\b.*\bSET\b|\bER_[A-Z_]+/);
  expect(text).not.toContain('stacktrace');
}

/** The answer of a refused request: JSON, the GraphQL error shape, a code, a Vietnamese message, nothing leaked. */
function expectGraphqlError(answer: Answer, status: number, code: string): void {
  expect(answer.contentType).toMatch(/^application\/json/);
  expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({ status, code });
  expect(answer.body.errors?.[0]?.message).toMatch(VIETNAMESE);
  expectNothingLeaked(answer.text);
}

async function send(api: TestApi, init: { method?: string; headers?: Record<string, string>; body?: string; query?: string }): Promise<Answer> {
  const res = await fetch(`${api.url}/graphql${init.query ?? ''}`, { method: init.method ?? 'POST', headers: init.headers, body: init.body });
  const text = await res.text();
  let body: Answer['body'] = {};
  try {
    body = JSON.parse(text);
  } catch {
    // Left empty: expectGraphqlError then fails on the content type and the code.
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, body };
}

const JSON_HEADERS = { 'content-type': 'application/json' };

describe.each(['development', 'production'] as const)('the edge of /graphql in %s mode', (mode) => {
  let api: TestApi;
  let adminToken: string;

  beforeAll(async () => {
    // An explicit secret in both modes: development would otherwise keep a generated one in the work tree.
    // AUTH_CACHE_MS 0: every request reads its caller, which the context-creation failure below relies on.
    api = await startTestApi({ seed: false, env: { NODE_ENV: mode, AUTH_SECRET: randomBytes(24).toString('hex'), AUTH_CACHE_MS: '0' } });
    // Production refuses demo accounts: the demo data stands in for a real installation's accounts here.
    await seedDemoIfEmpty(api.dataSource);
    await api.dataSource.query('UPDATE app_user SET demo = 0');
    adminToken = await api.login('admin');
  });
  afterAll(() => api.close());

  it('runs in the mode under test', () => {
    expect(api.config.nodeEnv).toBe(mode);
  });

  describe('a malformed request answers JSON with a code', () => {
    it('malformed JSON is BAD_REQUEST (400)', async () => {
      expectGraphqlError(await send(api, { headers: JSON_HEADERS, body: '{"query": "{ __typename }"' }), 400, 'BAD_REQUEST');
    });

    it('a body over the limit is PAYLOAD_TOO_LARGE (413)', async () => {
      const body = JSON.stringify({ query: '{ __typename }', variables: { filler: 'x'.repeat(1_100_000) } });
      expectGraphqlError(await send(api, { headers: JSON_HEADERS, body }), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('an unknown charset is UNSUPPORTED_MEDIA_TYPE (415)', async () => {
      const answer = await send(api, { headers: { 'content-type': 'application/json; charset=koi8-r' }, body: '{"query":"{ __typename }"}' });
      expectGraphqlError(answer, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('a body that is not JSON (text/plain) is UNSUPPORTED_MEDIA_TYPE (415)', async () => {
      expectGraphqlError(await send(api, { headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('a form post is refused the same way, even with the preflight header', async () => {
      const headers = { 'content-type': 'application/x-www-form-urlencoded', 'apollo-require-preflight': 'true' };
      expectGraphqlError(await send(api, { headers, body: 'query=%7B__typename%7D' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('a JSON body with no query is BAD_REQUEST in Vietnamese', async () => {
      expectGraphqlError(await send(api, { headers: JSON_HEADERS, body: '{}' }), 400, 'BAD_REQUEST');
    });
  });

  describe("Apollo's CSRF guard still holds", () => {
    it('a GET without a preflight header is refused as BAD_REQUEST JSON, also for a browser asking for HTML', async () => {
      expectGraphqlError(await send(api, { method: 'GET', query: '?query=%7B__typename%7D' }), 400, 'BAD_REQUEST');
      expectGraphqlError(await send(api, { method: 'GET', headers: { accept: 'text/html' } }), 400, 'BAD_REQUEST');
    });

    it('a GET with the preflight header runs the query', async () => {
      const answer = await send(api, { method: 'GET', query: '?query=%7B__typename%7D', headers: { 'apollo-require-preflight': 'true' } });
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    });
  });

  describe('ordinary error answers leak nothing', () => {
    it('an unknown sortField', async () => {
      const answer = await send(api, {
        headers: { ...JSON_HEADERS, authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ query: '{ allMembers(sortField: "nonsense") { id } }' }),
      });
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expectNothingLeaked(answer.text);
    });

    // Queries asked often run compiled (graphql/compiled-executor.ts), the rest and mutations through graphql-js:
    // answers must not depend on the path. Each query below is first asked enough times to be compiled.
    const asAdmin = (query: string, variables?: Record<string, unknown>) =>
      send(api, { headers: { ...JSON_HEADERS, authorization: `Bearer ${adminToken}` }, body: JSON.stringify({ query, variables }) });
    const compiled = async (query: string, variables?: Record<string, unknown>) => {
      for (let run = 0; run < RUNS_BEFORE_COMPILING; run += 1) await asAdmin(query, variables);
    };

    it.each([
      // The query is first compiled with good variables; a mutation is never compiled.
      ['a compiled query', 'query($perPage: Int) { allMembers(perPage: $perPage) { id } }', { perPage: 'năm mươi' }, { perPage: 5 }],
      ['a mutation', 'mutation($id: ID!) { deleteOrgUnit(id: $id) { id } }', { id: null }, null],
    ])('a refused variable in %s is BAD_USER_INPUT with status 400', async (_path, query, variables, good) => {
      if (good) await compiled(query, good);
      const answer = await asAdmin(query, variables);
      expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code, data: answer.body.data }).toEqual({ status: 400, code: 'BAD_USER_INPUT', data: undefined });
      expectNothingLeaked(answer.text);
    });

    it('a compiled query answers an error of ours with its code and Vietnamese message, like graphql-js', async () => {
      const query = '{ allMembers(sortField: "khong_co") { id } }';
      const first = await asAdmin(query);
      await compiled(query);
      const answer = await asAdmin(query);
      expect(answer.body).toEqual(first.body);
      expect(answer.body.errors?.[0]).toMatchObject({ path: ['allMembers'], extensions: { code: 'BAD_USER_INPUT', field: 'sortField' } });
      expect(answer.body.errors?.[0]?.message).toMatch(/khong_co/);
    });

    it('an operation name the document does not hold is refused as graphql-js refuses it, not as a server error', async () => {
      const answer = await send(api, {
        headers: { ...JSON_HEADERS, authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }),
      });
      expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({ status: 400, code: 'OPERATION_RESOLUTION_FAILURE' });
      expectNothingLeaked(answer.text);
    });

    it('an update of a unit that does not exist', async () => {
      const answer = await send(api, {
        headers: { ...JSON_HEADERS, authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ query: 'mutation { updateOrgUnit(id: "987654", name: "Không có") { id } }' }),
      });
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expectNothingLeaked(answer.text);
    });

    it('a mutation with bad input', async () => {
      const answer = await send(api, {
        headers: { ...JSON_HEADERS, authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ query: `mutation { createOrgUnit(kind: CELL, name: "", parentId: "${UNIT.COMMUNE_MY_THANH}") { id } }` }),
      });
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expectNothingLeaked(answer.text);
    });

    it('a query GraphQL itself refuses', async () => {
      const answer = await send(api, { headers: JSON_HEADERS, body: JSON.stringify({ query: '{ allMembers { nope } }' }) });
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expectNothingLeaked(answer.text);
    });
  });

  describe('an unexpected failure is masked, with the request id to quote', () => {
    const failing = async (table: string, query: string) => {
      await api.dataSource.query(`RENAME TABLE \`${table}\` TO \`${table}_gone\``);
      const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        return {
          answer: await send(api, { headers: { ...JSON_HEADERS, authorization: `Bearer ${adminToken}`, 'x-request-id': `edge-${table}` }, body: JSON.stringify({ query }) }),
          logged: spy.mock.calls.map((call) => call.map(String).join(' ')).join('\n'),
        };
      } finally {
        spy.mockRestore();
        await api.dataSource.query(`RENAME TABLE \`${table}_gone\` TO \`${table}\``);
      }
    };

    it('a database failure while reading the caller (context creation) is INTERNAL_SERVER_ERROR without SQL', async () => {
      const { answer, logged } = await failing('app_user', '{ allOrgUnits { id } }');
      expectGraphqlError(answer, 500, 'INTERNAL_SERVER_ERROR');
      expect(answer.body.errors?.[0]?.extensions?.requestId).toBe('edge-app_user');
      // The server log keeps the detail, under the same request id.
      expect(logged).toContain('edge-app_user');
      expect(logged).toMatch(/app_user/);
    });

    it('a database failure inside a resolver is INTERNAL_SERVER_ERROR without SQL', async () => {
      const { answer, logged } = await failing('audit_entry', '{ allAuditEntries { id } }');
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(answer.body.errors?.[0]?.message).toMatch(VIETNAMESE);
      expectNothingLeaked(answer.text);
      expect(logged).toContain('edge-audit_entry');
    });
  });
});
