/**
 * One real API per test file: a fresh database named after the file and worker, built by running the migrations
 * (optionally with the demo data), and the real HTTP server on a free port. No mocks of what we own.
 */
import 'reflect-metadata';
import { Server as HttpServer } from 'node:http';
import { AddressInfo } from 'node:net';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createServer } from '../../src/app';
import { AppConfig, loadConfig } from '../../src/config/env';
import { createDataSource, ensureDatabase, parseDatabaseUrl } from '../../src/database/data-source';
import { DEMO_PASSWORD } from '../../src/database/seeds/demo.constants';
import { seedDemoIfEmpty } from '../../src/database/seeds/demo.seed';
import { LogSink } from '../../src/http/request-log';
import { createSchema } from '../../src/schema';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  sqlStatements: number;
}

export interface TestApi {
  url: string;
  config: AppConfig;
  /** The test database's URL bypassing any proxy (`databaseUrlForServer`). */
  directDatabaseUrl: string;
  dataSource: DataSource;
  /** Sends a query as `admin` unless another token is given ('' for none). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  /** Logs in a demo account (password dangbo-demo) and returns its token. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

const BASE_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dangbo';

export interface TestApiOptions {
  seed?: boolean;
  env?: Record<string, string>;
  /**
   * The server's DATABASE_URL made from the direct one (e.g. through a TCP proxy the test controls). The database is
   * still created, migrated and seeded over the direct URL; `directDatabaseUrl` keeps it for checks.
   */
  databaseUrlForServer?: (directUrl: string) => string;
  /** Receives the server's request log lines (dropped when not given, so test output stays quiet). */
  log?: LogSink;
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const name = `dangbo_t${process.env.JEST_WORKER_ID ?? '0'}_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  let config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: url.toString(), EXPOSE_SQL_COUNT: 'true', ...options.env });
  const directDatabaseUrl = config.databaseUrl;
  const target = parseDatabaseUrl(config.databaseUrl);
  await ensureDatabase(target);
  let dataSource = createDataSource(target, { logQueries: config.logQueries });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  if (options.seed !== false) await seedDemoIfEmpty(dataSource);
  if (options.databaseUrlForServer) {
    await dataSource.destroy();
    config = { ...config, databaseUrl: options.databaseUrlForServer(directDatabaseUrl) };
    dataSource = createDataSource(parseDatabaseUrl(config.databaseUrl), { logQueries: config.logQueries });
    await dataSource.initialize();
  }
  const { app, apollo } = await createServer(config, dataSource, await createSchema(), { log: options.log ?? (() => undefined) });
  const http: HttpServer = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const send = async (query: string, variables?: Record<string, unknown>, token?: string) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data: any; errors?: GqlResponse['errors'] };
      // Every error answer of every suite: nothing of the server's insides reaches a client.
      const leak = leakIn(body.errors);
      if (leak) throw new Error(`an error answer shows ${leak}: ${JSON.stringify(body.errors)}`);
      return { status: res.status, data: body.data, errors: body.errors, sqlStatements: Number(res.headers.get('x-sql-statements') ?? -1) };
  };
  const tokens = new Map<string, string>();
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const cached = password === DEMO_PASSWORD ? tokens.get(username) : undefined;
    if (cached) return cached;
    const res = await send(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: password });
    if (res.errors?.length) throw new Error(`login ${username}: ${res.errors[0].message}`);
    tokens.set(username, res.data.login.token);
    return res.data.login.token as string;
  };
  const adminToken = options.seed === false ? '' : await login('admin');

  return {
    url: base,
    config,
    directDatabaseUrl,
    dataSource,
    login,
    gql: (query, variables, token) => send(query, variables, token ?? adminToken),
    async close() {
      await new Promise((resolve) => http.close(resolve));
      await apollo.stop();
      await dataSource.destroy();
      const conn = await mysql.createConnection({ host: target.host, port: target.port, user: target.user, password: target.password });
      await conn.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
      await conn.end();
    },
  };
}

const LEAKS: [string, RegExp][] = [
  ['a dependency path', /node_modules/],
  ['a stack frame', /\bat \S.*:\d+:\d+/],
  ['a source path', /\/(?:work|usr|home|root|tmp)\/|\.ts:\d+/],
  ['SQL', /\b(?:SELECT\s.+\sFROM|INSERT INTO|DELETE FROM|UPDATE\s+`|ALTER TABLE)\b/i],
  ['a driver error', /\bER_[A-Z_]+\b|\bECONN[A-Z]+\b|QueryFailedError/],
];

/** What an error answer shows of the server's insides (dependencies, stack frames, paths, SQL, driver codes), if anything. */
export function leakIn(errors: unknown): string | null {
  if (!errors) return null;
  const text = JSON.stringify(errors);
  return LEAKS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

/** The error of a call that must fail: its code, field and message. */
export function errorOf(res: GqlResponse<any>): { code: string; field?: string; message: string } {
  if (!res.errors?.length) throw new Error(`expected an error, got data ${JSON.stringify(res.data)}`);
  const e = res.errors[0];
  return { code: String(e.extensions?.code), field: e.extensions?.field as string | undefined, message: e.message };
}

/** Data of a call that must succeed. */
export function dataOf<T>(res: GqlResponse<T>): T {
  if (res.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}
