/**
 * What an operator sees: /metrics (Prometheus text, behind a bearer token) and one JSON log line per request with
 * ids, codes and counts only. The log sink is injected (createServer's `log` option through the harness), so the
 * lines are read as the server wrote them, without touching the console.
 */
import express from 'express';
import { AddressInfo } from 'node:net';
import { CELL } from '../src/database/seeds/demo.constants';
import { createMetrics } from '../src/http/metrics';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

const TOKEN = 'metrics-test-token-0123456789';
let api: TestApi;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  api = await startTestApi({ env: { METRICS_TOKEN: TOKEN }, log: (entry) => lines.push(entry) });
});
afterAll(() => api.close());

/** Posts a named operation as admin and returns the answer's request id, SQL count and body. */
async function call(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const auth = token ?? (await api.login('admin'));
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  return { status: res.status, requestId: res.headers.get('x-request-id'), sql: Number(res.headers.get('x-sql-statements')), body };
}

const metricsText = async (authorization?: string) => {
  const res = await fetch(`${api.url}/metrics`, { headers: authorization ? { authorization } : {} });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};

/** The log line of a request, once its answer is done (the line is written when the response closes). */
async function lineOf(requestId: string | null): Promise<Record<string, unknown>> {
  for (;;) {
    const line = lines.find((l) => l.requestId === requestId);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('/metrics', () => {
  it('answers 401 without the token or with a wrong one', async () => {
    expect((await metricsText()).status).toBe(401);
    expect((await metricsText('Bearer not-the-token-at-all')).status).toBe(401);
    expect((await metricsText(TOKEN)).status).toBe(401);
  });

  it('answers 404 to everyone when no METRICS_TOKEN is configured', async () => {
    const app = express().get('/metrics', createMetrics({ ...api.config, metricsToken: null }, api.dataSource).handler);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    server.close();
    expect(res.status).toBe(404);
  });

  it('after some traffic: durations by operation name, errors by code, pool use, jobs and event-loop delay', async () => {
    dataOf((await call('query MembersPage { allMembers(perPage: 5) { id } }')).body as any);
    const refused = await call('query MissingMember { Member(id: 99999999) { id } }', {}, '');
    expect(refused.body.errors?.length).toBeGreaterThan(0);
    const code = String(refused.body.errors?.[0]?.extensions?.code);

    const m = await metricsText(`Bearer ${TOKEN}`);
    expect(m.status).toBe(200);
    expect(m.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(m.text).toMatch(/^dangbo_graphql_request_duration_seconds_count\{operation="MembersPage"\} [1-9]/m);
    expect(m.text).toMatch(/^dangbo_graphql_request_duration_seconds_bucket\{le="0\.1",operation="MembersPage"\} \d+/m);
    expect(m.text).toMatch(new RegExp(`^dangbo_graphql_errors_total\\{code="${code}"\\} [1-9]`, 'm'));
    expect(m.text).toMatch(/^dangbo_db_pool_connections\{state="in_use"\} \d+/m);
    expect(m.text).toMatch(/^dangbo_db_pool_connections\{state="limit"\} [1-9]/m);
    expect(m.text).toMatch(/^dangbo_jobs_running 0$/m);
    expect(m.text).toMatch(/^# TYPE dangbo_job_progress_ratio gauge$/m);
    expect(m.text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(m.text).toMatch(/^dangbo_http_requests_in_flight 0$/m);
  });

  it('keeps client-chosen operation names from becoming labels unless they are identifiers', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await api.login('admin')}` },
      body: JSON.stringify({ query: '{ me { id } }', operationName: 'x"} 1\nfake_series 2' }),
    });
    await res.text();
    const m = await metricsText(`Bearer ${TOKEN}`);
    expect(m.text).not.toMatch(/^fake_series/m);
  });
});

describe('request log lines', () => {
  it('one JSON-ready object per request: request id (as in x-request-id), operation, user, status, codes, duration, SQL count', async () => {
    const ok = await call('query WhoAmI { me { id username } }');
    const line = await lineOf(ok.requestId);
    expect(line).toMatchObject({
      msg: 'graphql request',
      requestId: ok.requestId,
      operation: 'WhoAmI',
      userId: Number(ok.body.data.me.id),
      status: 200,
      errorCodes: [],
      sqlStatements: ok.sql,
    });
    expect(typeof line.durationMs).toBe('number');
    expect(ok.sql).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(line))).toEqual(line);

    const refused = await call('query Anonymous { allMembers(perPage: 1) { id } }', {}, '');
    expect(await lineOf(refused.requestId)).toMatchObject({ operation: 'Anonymous', userId: null, errorCodes: [errorOf({ status: 200, data: null, errors: refused.body.errors as any, sqlStatements: 0 }).code] });
  });

  it('never carries passwords, tokens, variables or personal data', async () => {
    const secretPassword = 'mat-khau-rat-bi-mat-42';
    const loginRes = await call('mutation SignIn($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'admin', p: secretPassword }, '');
    const token = await api.login('admin');
    const created = await call(
      'mutation AddMember($n: String!, $c: String) { createMember(fullName: $n, gender: FEMALE, cellId: $cell, citizenId: $c) { id } }'.replace('$cell', String(CELL.BEN_DO)),
      { n: 'Ngô Thị Riêng Tư', c: '079912345678' },
      token,
    );
    dataOf(created.body as any);
    const written = JSON.stringify([await lineOf(loginRes.requestId), await lineOf(created.requestId)]);
    for (const secret of [secretPassword, token, 'Ngô Thị Riêng Tư', '079912345678', 'createMember', 'fullName']) expect(written).not.toContain(secret);
    expect(await lineOf(created.requestId)).toMatchObject({ operation: 'AddMember', userId: 1 });
  });
});
