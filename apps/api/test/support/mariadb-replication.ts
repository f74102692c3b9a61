/**
 * A private MariaDB primary and a replica of it, for the read-replica spec: two `mariadbd` processes from the
 * system's MariaDB binaries on free ports in a temporary folder (the server on 3306 may have no binary log), the
 * replica following the primary by GTID. Fast and throw-away: no fsync at commit, one data folder made by
 * `mariadb-install-db` and copied for the replica. Also starts the built API (apps/api/dist/main.js) as Docker runs it.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';

const run = promisify(execFile);
const SEARCH = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin'];

function binary(name: string): string {
  const found = SEARCH.filter(Boolean).map((dir) => path.join(dir, name)).find((file) => existsSync(file));
  if (!found) {
    throw new Error(
      `The read-replica test starts its own MariaDB servers and needs MariaDB's server binaries (${name} not found in ${SEARCH.join(':')}). ` +
        'Install them: apt-get install mariadb-server (tools/scripts/ensure-db.sh does it on Debian when no database answers).',
    );
  }
  return found;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export class MariadbServer {
  private stopped = false;
  constructor(
    readonly name: string,
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly errorLog: string,
  ) {
    child.once('exit', () => (this.stopped = true));
  }

  /** A root connection (no database selected unless given). */
  connect(database?: string): Promise<mysql.Connection> {
    return mysql.createConnection({ host: '127.0.0.1', port: this.port, user: 'root', password: '', database, multipleStatements: false });
  }

  url(database: string, user = 'root', password = ''): string {
    return `mysql://${user}${password ? `:${password}` : ''}@127.0.0.1:${this.port}/${database}`;
  }

  async query<T = mysql.RowDataPacket[]>(sql: string, params: unknown[] = [], database?: string): Promise<T> {
    const conn = await this.connect(database);
    try {
      const [rows] = await conn.query(sql, params);
      return rows as T;
    } finally {
      await conn.end();
    }
  }

  /** Statements of one kind the server has run so far (SHOW GLOBAL STATUS, e.g. Com_select). */
  async counter(name: string): Promise<number> {
    const rows = await this.query<{ Value: string }[]>('SHOW GLOBAL STATUS LIKE ?', [name]);
    return Number(rows[0]?.Value ?? NaN);
  }

  get running(): boolean {
    return !this.stopped;
  }

  /** Kills the server outright (SIGKILL), as a crashed or unplugged host stops answering; resolves once it is gone. */
  async kill(): Promise<void> {
    if (this.stopped) return;
    const gone = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await gone;
  }

  /** The last lines of its error log, for a failure message. */
  logTail(): string {
    return existsSync(this.errorLog) ? readFileSync(this.errorLog, 'utf8').split('\n').slice(-15).join('\n') : '(no error log)';
  }
}

async function startServer(dir: string, name: string, serverId: number): Promise<MariadbServer> {
  const port = await freePort();
  const dataDir = path.join(dir, name);
  const errorLog = path.join(dir, `${name}.err`);
  const args = [
    '--no-defaults',
    `--datadir=${dataDir}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--socket=${path.join(dir, `${name}.sock`)}`,
    `--pid-file=${path.join(dir, `${name}.pid`)}`,
    `--log-error=${errorLog}`,
    `--server-id=${serverId}`,
    `--log-bin=${path.join(dataDir, 'binlog')}`,
    '--binlog-format=ROW',
    '--skip-slave-start',
    '--skip-name-resolve',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_520_ci',
    '--innodb-buffer-pool-size=64M',
    // Throw-away data: no fsync at commit.
    '--innodb-flush-log-at-trx-commit=0',
    '--sync-binlog=0',
    ...(process.getuid?.() === 0 ? ['--user=root'] : []),
  ];
  const child = spawn(binary('mariadbd'), args, { stdio: 'ignore' });
  const server = new MariadbServer(name, port, child, errorLog);
  // Ready when it accepts a login; a server that exits first fails with its log.
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (!server.running) throw new Error(`mariadbd (${name}) exited on start:\n${server.logTail()}`);
    try {
      await (await server.connect()).end();
      return server;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await server.kill();
  throw new Error(`mariadbd (${name}) did not accept connections on ${port}:\n${server.logTail()}`);
}

export interface ReplicatedPair {
  primary: MariadbServer;
  replica: MariadbServer;
  /** Waits until the replica has applied everything the primary has written so far. */
  caughtUp(timeoutSeconds?: number): Promise<void>;
  /** Stops or starts applying the primary's changes on the replica (it lags while stopped). */
  pauseReplica(): Promise<void>;
  resumeReplica(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a primary with a binary log and a replica following it (GTID, from the primary's first event). */
export async function startReplicatedPair(): Promise<ReplicatedPair> {
  const mariadbd = binary('mariadbd');
  const installDb = binary('mariadb-install-db');
  const dir = mkdtempSync(path.join(tmpdir(), 'dangbo-replication-'));
  const servers: MariadbServer[] = [];
  const close = async () => {
    await Promise.all(servers.map((s) => s.kill()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    try {
      await run(installDb, [
        '--no-defaults',
        `--datadir=${path.join(dir, 'primary')}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        ...(process.getuid?.() === 0 ? ['--user=root'] : []),
      ]);
    } catch (error) {
      throw new Error(`mariadb-install-db failed (${mariadbd}): ${(error as { stderr?: string }).stderr ?? String(error)}`);
    }
    // The same system tables for the replica: a copy instead of a second install (server ids differ below).
    cpSync(path.join(dir, 'primary'), path.join(dir, 'replica'), { recursive: true });
    const [primary, replica] = await Promise.all([startServer(dir, 'primary', 1), startServer(dir, 'replica', 2)]);
    servers.push(primary, replica);
    await replica.query(
      `CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = ${primary.port}, MASTER_USER = 'root', MASTER_PASSWORD = '', MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1`,
    );
    await replica.query('START SLAVE');
    // A replica takes no writes but from its primary (root, which the tests use to plant data, still may).
    await replica.query('SET GLOBAL read_only = 1');

    const caughtUp = async (timeoutSeconds = 30) => {
      const [{ pos }] = await primary.query<{ pos: string }[]>('SELECT @@GLOBAL.gtid_binlog_pos AS pos');
      const [{ waited }] = await replica.query<{ waited: number }[]>('SELECT MASTER_GTID_WAIT(?, ?) AS waited', [pos, timeoutSeconds]);
      if (Number(waited) !== 0) {
        const status = await replica.query('SHOW SLAVE STATUS');
        throw new Error(`the replica did not reach ${pos} in ${timeoutSeconds} s: ${JSON.stringify(status[0])}`);
      }
    };
    return {
      primary,
      replica,
      caughtUp,
      pauseReplica: async () => void (await replica.query('STOP SLAVE SQL_THREAD')),
      resumeReplica: async () => void (await replica.query('START SLAVE SQL_THREAD')),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface SpawnedApi {
  port: number;
  /** POSTs a GraphQL request; `token` '' sends none. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>;
  /** What it printed so far (one JSON line per request and event), for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../../../..');
export const API_MAIN = path.join(ROOT, 'apps/api/dist/main.js');

/** Starts the built API (`node apps/api/dist/main.js`) with the given environment, once it logs that it listens. */
export async function spawnApi(env: Record<string, string>): Promise<SpawnedApi> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run npx nx run api:build first (npm test builds before this)`);
  const port = await freePort();
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), SEED_DEMO: 'true', ADMIN_DIST_DIR: '', TRUST_PROXY: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  child.stderr?.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (output.includes('"event":"listening"')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the API exited (${code}) before listening:\n${output.slice(-3000)}`)));
  });
  return {
    port,
    output: () => output,
    async gql(query, variables = {}, token = '') {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
