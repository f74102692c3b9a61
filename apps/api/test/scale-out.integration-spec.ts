/**
 * Several API processes on one database (issue 13 §3): what must be shared lives in the database, so two processes
 * of apps/api/dist/main.js (the file Docker runs as replicas) agree on the login throttle and on a revoked API token,
 * and the throttle reads the client's address from X-Forwarded-For only when TRUST_PROXY says the proxy is trusted.
 * Relies on the build: `npm test` builds before the integration tests; alone, run `npx nx run api:build` first.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from '../src/database/data-source';
import { DEMO_PASSWORD } from '../src/database/seeds/demo.constants';

const ROOT = path.resolve(__dirname, '../../..');
const MAIN = path.join(ROOT, 'apps/api/dist/main.js');
const BASE_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dangbo';
// One secret for both, as replicas share theirs: a token signed by one process must verify on the other.
const AUTH_SECRET = randomBytes(32).toString('hex');

const database = `dangbo_scale_${process.pid}_${Date.now().toString(36)}`;
const databaseUrl = Object.assign(new URL(BASE_URL), { pathname: `/${database}` }).toString();
const children: ChildProcess[] = [];
let conn: mysql.Connection;
let a: number;
let b: number;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts main.js and resolves with its port once it logs that it listens. */
async function startApi(env: Record<string, string> = {}): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: String(port), AUTH_SECRET, SEED_DEMO: 'true', ADMIN_DIST_DIR: '', TRUST_PROXY: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  await new Promise<void>((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk) => {
      buffer += chunk;
      if (buffer.includes('"event":"listening"')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`api exited ${code}: ${stderr}`)));
  });
  return port;
}

const post = async (port: number, query: string, variables: Record<string, unknown> = {}, token = '', headers: Record<string, string> = {}) => {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
};
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code ?? 'OK';

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npx nx run api:build first (npm test builds before this)`);
  const { database: _none, ...server } = parseDatabaseUrl(BASE_URL);
  conn = await mysql.createConnection(server);
  // The first migrates and seeds; the second finds both done. B trusts the loopback proxy, A trusts none.
  a = await startApi();
  b = await startApi({ TRUST_PROXY: 'loopback' });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await conn.end();
});

it('the login throttle holds across processes: 10 wrong passwords on one, and the other refuses the right one', async () => {
  for (let i = 0; i < 10; i += 1) {
    expect(codeOf(await post(i % 2 === 0 ? a : b, LOGIN, { u: 'huyen.giongtrom', p: 'sai-mat-khau' }))).toBe('UNAUTHENTICATED');
  }
  expect(codeOf(await post(a, LOGIN, { u: 'huyen.giongtrom', p: DEMO_PASSWORD }))).toBe('TOO_MANY_REQUESTS');
  expect(codeOf(await post(b, LOGIN, { u: 'huyen.giongtrom', p: DEMO_PASSWORD }))).toBe('TOO_MANY_REQUESTS');
  // Another account is not affected: the count is per username (and per address, far from its limit here).
  expect(codeOf(await post(b, LOGIN, { u: 'admin', p: DEMO_PASSWORD }))).toBe('OK');
});

it('a token signed by one process works on the other, and an API token revoked through one is refused by both', async () => {
  const admin = (await post(a, LOGIN, { u: 'admin', p: DEMO_PASSWORD })).data.login.token as string;
  const created = (await post(b, 'mutation { createApiToken(name: "Hai tiến trình", unitId: 1) { id secret } }', {}, admin)).data.createApiToken;
  const READ = '{ allMembers(perPage: 1) { id } }';
  expect(codeOf(await post(a, READ, {}, created.secret))).toBe('OK');
  expect(codeOf(await post(b, READ, {}, created.secret))).toBe('OK');
  expect(codeOf(await post(a, 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: created.id }, admin))).toBe('OK');
  for (const port of [a, b]) {
    const refused = await post(port, READ, {}, created.secret);
    expect(refused.data?.allMembers ?? null).toBeNull();
    expect(['UNAUTHENTICATED', 'SESSION_REQUIRED', 'FORBIDDEN']).toContain(codeOf(refused));
  }
});

it('the throttle counts the X-Forwarded-For address only behind a trusted proxy (TRUST_PROXY)', async () => {
  await post(a, LOGIN, { u: 'khong.co.ai', p: 'x' }, '', { 'x-forwarded-for': '198.51.100.9' });
  await post(b, LOGIN, { u: 'khong.co.ai', p: 'x' }, '', { 'x-forwarded-for': '203.0.113.7' });
  const [rows] = await conn.query<mysql.RowDataPacket[]>(`SELECT \`key\` FROM \`${database}\`.rate_limit WHERE \`key\` LIKE 'login-ip:%'`);
  const keys = rows.map((r) => String(r.key));
  expect(keys).toContain('login-ip:203.0.113.7');
  expect(keys).not.toContain('login-ip:198.51.100.9');
});
