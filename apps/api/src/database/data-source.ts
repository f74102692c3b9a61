/**
 * One DataSource factory for the server, the migration tools and the tests.
 * `type: "mariadb"` (not "mysql") avoids spurious schema diffs on MariaDB and stays valid on MySQL 8.4.
 */
import mysql from 'mysql2/promise';
import { DataSource, Logger } from 'typeorm';
import { ConnectionBreaker } from './connection-breaker';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { ReplicaOptions, routeReadsToReplicas } from './read-replicas';
import { sqlCounter } from './sql-counter';

export interface DatabaseTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  const u = new URL(url);
  if (u.protocol !== 'mysql:' && u.protocol !== 'mariadb:') throw new Error(`DATABASE_URL must start with mysql://, got ${u.protocol}`);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`DATABASE_URL must name a database of letters, digits and _`);
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    database,
  };
}

/** Counts statements per request (see sql-counter.ts) and optionally prints them. */
class CountingLogger implements Logger {
  constructor(private readonly print: boolean) {}
  logQuery(query: string): void {
    sqlCounter.count();
    if (this.print) console.log(`[sql] ${query}`);
  }
  logQueryError(error: string | Error, query: string): void {
    if (this.print) console.error(`[sql error] ${String(error)} in ${query}`);
  }
  logQuerySlow(): void {
    // Slow statements show up in the benchmark numbers; nothing to print per statement.
  }
  logSchemaBuild(): void {
    // Schema builds are printed by the migration tools themselves.
  }
  logMigration(message: string): void {
    if (this.print) console.log(`[migration] ${message}`);
  }
  log(): void {
    // TypeORM's informational messages are not needed in the server log.
  }
}

export interface DataSourceOptions {
  logQueries?: boolean;
  poolSize?: number;
  /** Read replicas of `target` (DATABASE_REPLICA_URLS); none: one pool on the primary, as without replication. */
  replicas?: DatabaseTarget[];
  replicaBreaker?: ReplicaOptions;
}

const credentials = (t: DatabaseTarget) => ({ host: t.host, port: t.port, username: t.user, password: t.password, database: t.database });

export function createDataSource(target: DatabaseTarget, options: DataSourceOptions = {}): DataSource {
  const replicas = options.replicas ?? [];
  for (const replica of replicas) {
    if (replica.database !== target.database) throw new Error(`DATABASE_REPLICA_URLS: a replica must name the database of DATABASE_URL (${target.database}), got ${replica.database}`);
  }
  const dataSource = new DataSource({
    type: 'mariadb',
    ...(replicas.length
      ? {
          replication: {
            master: credentials(target),
            slaves: replicas.map(credentials),
            // The breakers decide when a server is tried again (connection-breaker.ts, read-replicas.ts): mysql2's
            // pool cluster would otherwise retry at once in a loop, and drop a server for good after 5 failures.
            canRetry: false,
            removeNodeErrorCount: Number.MAX_SAFE_INTEGER,
          },
        }
      : credentials(target)),
    charset: 'utf8mb4_unicode_520_ci',
    timezone: 'Z',
    // DATE columns stay 'YYYY-MM-DD' strings: a calendar date has no time zone.
    dateStrings: ['DATE'],
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: ['query', 'error', 'migration'],
    logger: new CountingLogger(options.logQueries ?? false),
    poolSize: options.poolSize ?? 10,
    // A database host that swallows packets fails a connection attempt after 5 s instead of mysql2's 10 s.
    connectTimeout: 5000,
    // mysql2 captures a stack trace for every statement by default, for its error messages; ours log the statement.
    trace: false,
  });
  guardConnections(dataSource);
  if (replicas.length) routeReadsToReplicas(dataSource, replicas.length, options.replicaBreaker);
  return dataSource;
}

/** A mysql2 pool (callback API) with the private counters /metrics reads. */
export interface PrimaryPool {
  getConnection(cb: (error: unknown, connection: unknown) => void): void;
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

/**
 * TypeORM's mysql2 pool on the primary, for what talks to mysql2 directly (the login throttle's store, pool
 * metrics): the driver's one pool, or with replicas the primary's pool inside its pool cluster. Undefined before
 * `initialize()`.
 */
export function primaryPool(dataSource: DataSource): PrimaryPool | undefined {
  const driver = dataSource.driver as unknown as { pool?: PrimaryPool; poolCluster?: { _nodes?: Record<string, { pool: PrimaryPool }> } };
  return driver.pool ?? driver.poolCluster?._nodes?.MASTER?.pool;
}

/**
 * Every connection TypeORM takes from the pool (query runners, the entity manager) passes the circuit breaker
 * (connection-breaker.ts): during an outage requests fail fast and one probe at a time reconnects.
 */
function guardConnections(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as { obtainMasterConnection(): Promise<unknown> };
  const obtain = driver.obtainMasterConnection.bind(driver);
  const breaker = new ConnectionBreaker();
  driver.obtainMasterConnection = () => breaker.run(obtain);
}

/** Creates the database if it does not exist yet (utf8mb4). */
export async function ensureDatabase(target: DatabaseTarget): Promise<void> {
  const conn = await mysql.createConnection({ host: target.host, port: target.port, user: target.user, password: target.password });
  try {
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`,
    );
  } finally {
    await conn.end();
  }
}
