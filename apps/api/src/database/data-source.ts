/**
 * One DataSource factory for the server, the migration tools and the tests.
 * `type: "mariadb"` (not "mysql") avoids spurious schema diffs on MariaDB and stays valid on MySQL 8.4.
 */
import mysql from 'mysql2/promise';
import { DataSource, Logger } from 'typeorm';
import { ConnectionBreaker } from './connection-breaker';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
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

export function createDataSource(target: DatabaseTarget, options: { logQueries?: boolean; poolSize?: number } = {}): DataSource {
  const dataSource = new DataSource({
    type: 'mariadb',
    host: target.host,
    port: target.port,
    username: target.user,
    password: target.password,
    database: target.database,
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
  });
  guardConnections(dataSource);
  return dataSource;
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
