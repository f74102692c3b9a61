/**
 * The API as a process (apps/api/dist/main.js, the file Docker and `npm start` run): a graceful SIGTERM, and two
 * processes starting at once on an empty database. Relies on the build: `npm test` builds before the integration
 * tests; alone, run `npx nx run api:build` first.
 *
 * Nothing here waits on a clock: requests are held in flight by a table lock the test owns, and the two starting
 * processes are held by the migration lock the test takes first, so the overlap is certain, not likely.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from '../src/database/data-source';
import { migrationLockName } from '../src/database/migrate';
import { MIGRATIONS } from '../src/database/migrations';
import { DEMO_PASSWORD } from '../src/database/seeds/demo.constants';

const ROOT = path.resolve(__dirname, '../../..');
const MAIN = path.join(ROOT, 'apps/api/dist/main.js');
const BASE_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dangbo';
const METRICS_TOKEN = 'process-test-metrics-token';

interface LogLine {
  level: string;
  msg: string;
  event?: string;
  [key: string]: unknown;
}

interface ApiProcess {
  child: ChildProcess;
  port: number;
  lines: LogLine[];
  /** Resolves with the first log line matching, past or future. */
  waitFor(match: (line: LogLine) => boolean): Promise<LogLine>;
  exited: Promise<number | null>;
}

let conn: mysql.Connection;
const databases: string[] = [];
const children: ChildProcess[] = [];
/** Connections holding a lock; closed first on cleanup, or the DROP DATABASE below would wait on them. */
const holders: mysql.Connection[] = [];

function freshDatabase(tag: string): string {
  const name = `dangbo_p${tag}_${process.pid}_${Date.now().toString(36)}`;
  databases.push(name);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startApi(databaseUrl: string): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      MIGRATE_ON_START: 'true',
      SEED_DEMO: 'true',
      METRICS_TOKEN,
      // Far beyond the test's own timeout: a drain that waited for the bound instead of the requests would fail.
      SHUTDOWN_TIMEOUT_MS: '600000',
      ADMIN_DIST_DIR: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: LogLine[] = [];
  const waiters: { match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  child.stdout?.on('data', (chunk) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const line = JSON.parse(text) as LogLine; // every line is JSON: a plain line fails the test here
      lines.push(line);
      for (const w of waiters.filter((w) => w.match(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void exited.then((code) => {
    if (code !== 0 && stderr) console.error(`api process exited ${code}: ${stderr}`);
  });
  return {
    child,
    port,
    lines,
    exited,
    waitFor: (match) => {
      const seen = lines.find(match);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

const post = async (port: number, query: string, variables: Record<string, unknown> = {}, token = '') => {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: unknown[] } };
};

async function gauge(port: number, name: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.split(' ')[1]);
}

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npx nx run api:build first (npm test builds before this)`);
  const t = parseDatabaseUrl(BASE_URL);
  conn = await mysql.createConnection({ host: t.host, port: t.port, user: t.user, password: t.password });
});

afterAll(async () => {
  for (const h of holders) await h.end().catch(() => undefined);
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const db of databases) await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
  await conn.end();
});

describe('SIGTERM', () => {
  it('stops taking connections, lets 20 requests in flight finish with 200, closes idle keep-alive, exits 0', async () => {
    const url = freshDatabase('sig');
    const api = await startApi(url);
    await api.waitFor((l) => l.event === 'listening');
    const login = await post(api.port, 'mutation($p: String!) { login(username: "admin", password: $p) { token } }', { p: DEMO_PASSWORD });
    const token = login.body.data.login.token as string;

    // An idle keep-alive connection, as a browser or proxy keeps one.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const idleClosed = new Promise<void>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port: api.port, path: '/healthz', agent }, (res) => res.resume());
      req.on('socket', (socket) => socket.once('close', () => resolve()));
    });

    // Hold every member read: the 20 requests stay in flight until the test lets go.
    const holder = await mysql.createConnection({ ...parseDatabaseUrl(url) });
    holders.push(holder);
    await holder.query('LOCK TABLES member WRITE');
    const requests = Array.from({ length: 20 }, () => post(api.port, '{ allMembers(perPage: 200) { id fullName cell { name } } }', {}, token));
    while ((await gauge(api.port, 'dangbo_http_requests_in_flight')) < 20) await new Promise((r) => setTimeout(r, 20));

    api.child.kill('SIGTERM');
    const stopping = await api.waitFor((l) => l.event === 'stopping');
    expect(stopping.inFlight).toBe(20);
    const refused = await new Promise<string>((resolve) => {
      const socket = net.connect(api.port, '127.0.0.1');
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    await idleClosed;

    await holder.query('UNLOCK TABLES');
    const answers = await Promise.all(requests);
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body.errors).toBeUndefined();
      expect(a.body.data.allMembers.length).toBeGreaterThan(0);
    }
    expect(await api.exited).toBe(0);
    expect(await api.waitFor((l) => l.event === 'stopped')).toMatchObject({ cut: 0 });
    agent.destroy();
  });
});

describe('two processes starting at once on an empty database', () => {
  it('applies the migrations once (a database lock) and loads the demo data once', async () => {
    const url = freshDatabase('two');
    const database = parseDatabaseUrl(url).database;
    // Take the processes' lock first, so both are certainly waiting on it before either migrates.
    const { database: _none, ...server } = parseDatabaseUrl(BASE_URL);
    const holder = await mysql.createConnection(server);
    holders.push(holder);
    await holder.query('SELECT GET_LOCK(?, 60)', [migrationLockName(database)]);
    const apis = [await startApi(url), await startApi(url)];
    for (;;) {
      const [rows] = await conn.query<mysql.RowDataPacket[]>(
        `SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE 'SELECT GET_LOCK%'`,
        [database],
      );
      if (Number(rows[0].n) === 2) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await holder.query('SELECT RELEASE_LOCK(?)', [migrationLockName(database)]);

    const reports = await Promise.all(apis.map((a) => a.waitFor((l) => l.event === 'migrations')));
    await Promise.all(apis.map((a) => a.waitFor((l) => l.event === 'listening')));
    const applied = reports.map((r) => (r.applied as string[]).length).sort();
    expect(applied).toEqual([0, MIGRATIONS.length]);
    expect(reports.find((r) => (r.applied as string[]).length === 0)?.msg).toBe(`migrations: all ${MIGRATIONS.length} already applied`);
    const [[m]] = await conn.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${database}\`.migrations`);
    expect(Number(m.n)).toBe(MIGRATIONS.length);
    const seeds = apis.flatMap((a) => a.lines.filter((l) => l.event === 'seed'));
    expect(seeds).toHaveLength(1);
    for (const a of apis) expect(a.lines.filter((l) => l.level === 'error')).toEqual([]);

    for (const a of apis) a.child.kill('SIGTERM');
    expect(await Promise.all(apis.map((a) => a.exited))).toEqual([0, 0]);
  });
});
