/** The editor's own GraphQL calls, against a stubbed `fetch`: what they send and what a refusal becomes. */
import { MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET, sampleInputs } from '@dangbo/rating-engine';

jest.mock('../../config', () => ({ GRAPHQL_URL: 'http://api.test/graphql' }));
jest.mock('../../providers', () => ({ authHeaders: () => ({ authorization: 'Bearer t0ken' }) }));

import { ApiError, previewCriteriaSet, reorderCriteria } from './api';

interface Sent {
  query: string;
  variables: Record<string, unknown>;
}

function stubFetch(answer: unknown, status = 200): Sent[] {
  const sent: Sent[] = [];
  global.fetch = jest.fn(async (_url: unknown, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body));
    sent.push({ query: body.query, variables: body.variables });
    return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return sent;
}

const row = (id: string, position: number) => ({ id, setId: '9', parentId: null, code: `c${id}`, name: 'X', kind: 'SCORE', max: 10, position, version: 2 });

describe('reorderCriteria', () => {
  it('sends every sibling in the new order in one mutation (null parent: the top level)', async () => {
    const sent = stubFetch({ data: { reorderCriteria: [row('3', 0), row('1', 1), row('2', 2)] } });
    const rows = await reorderCriteria('9', null, ['3', '1', '2']);
    expect(sent).toHaveLength(1);
    expect(sent[0].query).toContain('reorderCriteria(setId: $setId, parentId: $parentId, ids: $ids)');
    expect(sent[0].variables).toEqual({ setId: '9', parentId: null, ids: ['3', '1', '2'] });
    expect(rows.map((r) => [r.id, r.position])).toEqual([
      ['3', 0],
      ['1', 1],
      ['2', 2],
    ]);
  });

  it('throws the refusal of a list that is not exactly the siblings with the field it names', async () => {
    stubFetch({ data: null, errors: [{ message: 'Danh sách phải gồm đúng các tiêu chí cùng cấp, mỗi tiêu chí một lần', extensions: { code: 'BAD_USER_INPUT', field: 'ids' } }] });
    const error = (await reorderCriteria('9', '4', ['1']).catch((e) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('ids');
    expect(error.message).toMatch(/cùng cấp/);
  });
});

describe('previewCriteriaSet', () => {
  const definition = MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET;
  const inputs = sampleInputs(definition);
  const answer = { data: { previewCriteriaSet: { errors: [], inputs, points: {}, groups: {}, total: 80, bandLevel: 'GOOD', level: 'GOOD', trace: [] } } };

  it('sends the unsaved draft as the definition to rate', async () => {
    const sent = stubFetch(answer);
    const result = await previewCriteriaSet('9', inputs, definition);
    expect(sent[0].query).toContain('previewCriteriaSet(id: $id, inputs: $inputs, definition: $definition)');
    expect(sent[0].variables).toEqual(JSON.parse(JSON.stringify({ id: '9', inputs, definition })));
    expect(result.total).toBe(80);
  });

  it('leaves the definition out to rate the saved set', async () => {
    const sent = stubFetch(answer);
    await previewCriteriaSet('9', inputs);
    expect(sent[0].variables).not.toHaveProperty('definition');
  });

  it('carries the server message of a request refused with HTTP 400', async () => {
    stubFetch({ errors: [{ message: 'Syntax Error: Query depth limit of 10 exceeded, found 11.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }, 400);
    const error = (await previewCriteriaSet('9', inputs).catch((e) => e)) as ApiError;
    expect(error.message).toBe('Syntax Error: Query depth limit of 10 exceeded, found 11.');
    expect(error.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
