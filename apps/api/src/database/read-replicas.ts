/**
 * Reads on replicas, writes on the primary, on top of TypeORM's replication settings (data-source.ts), with three
 * rules TypeORM does not have:
 *
 * 1. Only requests read from replicas (`readRouting.run`, around /graphql and the file routes). Work outside a
 *    request (the rating-job runner, migrations, seeds, tools) runs every statement on the primary: it reads what it
 *    has just written, and a stale job cursor would redo or skip work.
 * 2. A request reads its own writes. Its first write (a transaction, or any statement that is not a plain read) marks
 *    it, and every later statement of that request goes to the primary. A mutation is marked before it starts
 *    (app.ts), so its checks are never decided on a replica's older copy; `onPrimary` does the same for
 *    authentication (a revoked token or role must not pass because a replica is a second behind).
 * 3. A replica that does not answer sends reads back to the primary. Each replica has its own ConnectionBreaker
 *    (connection-breaker.ts): after a failed connection the replica is skipped for a delay that doubles up to
 *    `maxDelayMs`, then one read probes it. A read whose replica connection dies under it is sent again to the
 *    primary (a read changes nothing, so sending it twice is safe).
 *
 * Replication is asynchronous: a replica may be behind by its lag, and nothing here measures it. Another request
 * (the list shown after a save, from the next page load) can see data older than its own user's last save by that
 * lag; docs/scaling.md says how to bound it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import { ConnectionBreaker } from './connection-breaker';
import { isConnectionError } from './connection-errors';

interface RequestScope {
  /** Shared by the request and its `onPrimary` sections: a write anywhere in the request counts for all of it. */
  state: { written: boolean };
  primaryOnly: boolean;
}

const scopes = new AsyncLocalStorage<RequestScope>();

export const readRouting = {
  /** Runs `fn` as one request: its reads may go to a replica until it writes. */
  run<T>(fn: () => T): T {
    return scopes.run({ state: { written: false }, primaryOnly: false }, fn);
  },
  /** Runs `fn` with every statement on the primary (reads whose staleness would be a hole, e.g. authentication). */
  onPrimary<T>(fn: () => T): T {
    const outer = scopes.getStore();
    return outer ? scopes.run({ state: outer.state, primaryOnly: true }, fn) : fn();
  },
  /** From now on this request reads from the primary (it wrote, or is a mutation about to). */
  markWritten(): void {
    const scope = scopes.getStore();
    if (scope) scope.state.written = true;
  },
  /** Whether a read issued here may go to a replica. */
  mayReadReplica(): boolean {
    const scope = scopes.getStore();
    return !!scope && !scope.primaryOnly && !scope.state.written;
  },
  /** Whether this code runs inside a request. */
  inRequest(): boolean {
    return scopes.getStore() !== undefined;
  },
};

const LEADING_COMMENTS = /^\s*(?:(?:\/\*[\s\S]*?\*\/|--[^\n]*\n|#[^\n]*\n)\s*)*/;
const READ_START = /^\(?\s*(?:SELECT|WITH|SHOW|EXPLAIN|DESCRIBE|DESC)\b/i;
/** Reads that take locks, use session state or have effects: they belong on the connection that writes. */
const NOT_PLAIN =
  /\bFOR\s+(?:UPDATE|SHARE)\b|\bLOCK\s+IN\s+SHARE\s+MODE\b|\b(?:GET_LOCK|RELEASE_LOCK|RELEASE_ALL_LOCKS|IS_USED_LOCK|IS_FREE_LOCK|LAST_INSERT_ID|FOUND_ROWS|ROW_COUNT|NEXTVAL|LASTVAL|SETVAL|SLEEP)\s*\(|\bSQL_CALC_FOUND_ROWS\b|\bINTO\s+(?:@|OUTFILE\b|DUMPFILE\b)|@\w+\s*:=/i;
/** MySQL 8 allows WITH … UPDATE/DELETE/INSERT. */
const WITH_WRITE = /^\(?\s*WITH\b[\s\S]*\b(?:UPDATE|DELETE|INSERT|REPLACE)\b/i;

/** Whether a statement only reads, without locks or session state, so a replica may answer it. */
export function isPlainRead(sql: string): boolean {
  const statement = sql.replace(LEADING_COMMENTS, '');
  return READ_START.test(statement) && !NOT_PLAIN.test(statement) && !WITH_WRITE.test(statement);
}

export interface ReplicaOptions {
  /** A replica that refused a connection is skipped this long, doubling after each failed probe up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** A mysql2 connection as TypeORM hands it out (only release is used here). */
interface PooledConnection {
  release(): void;
}

/** The private parts of TypeORM's MysqlDriver this module steers (read defensively, like guardConnections). */
interface ReplicatedDriver {
  poolCluster?: { getConnection(pattern: string, cb: (error: unknown, connection: PooledConnection) => void): void };
  prepareDbConnection(connection: PooledConnection): PooledConnection;
  obtainMasterConnection(): Promise<PooledConnection>;
  obtainSlaveConnection(): Promise<PooledConnection>;
}

/** The private parts of TypeORM's MysqlQueryRunner: its mode and the connection it holds. */
interface SteerableRunner {
  mode: ReplicationMode;
  databaseConnection?: PooledConnection;
  databaseConnectionPromise?: Promise<PooledConnection>;
}

/**
 * Installs the routing on a DataSource configured with `replication` (one slave per replica, in order). Called by
 * createDataSource only when replicas are configured: without them nothing here runs.
 */
export function routeReadsToReplicas(dataSource: DataSource, replicaCount: number, options: ReplicaOptions = {}): void {
  const driver = dataSource.driver as unknown as ReplicatedDriver;
  const breakers = Array.from({ length: replicaCount }, () => new ConnectionBreaker({ minDelayMs: options.minDelayMs ?? 1000, maxDelayMs: options.maxDelayMs ?? 30_000 }));
  const fromReplica = new WeakSet<PooledConnection>();
  let turn = 0;

  const connectTo = (index: number) =>
    new Promise<PooledConnection>((resolve, reject) => {
      if (!driver.poolCluster) return reject(new Error('Connection is not established with mysql database'));
      driver.poolCluster.getConnection(`SLAVE${index}`, (error, connection) => (error ? reject(error) : resolve(driver.prepareDbConnection(connection))));
    });

  // Replicas in turn, skipping those whose breaker is open; none answering, the primary (behind its own breaker).
  driver.obtainSlaveConnection = async () => {
    const first = turn++ % replicaCount;
    for (let i = 0; i < replicaCount; i += 1) {
      const index = (first + i) % replicaCount;
      try {
        const connection = await breakers[index].run(() => connectTo(index));
        fromReplica.add(connection);
        return connection;
      } catch (error) {
        // Anything but an unreachable replica (a wrong password, say) is a mistake to see, not to route around.
        if (!isConnectionError(error)) throw error;
      }
    }
    return driver.obtainMasterConnection();
  };

  /** Moves a runner to the primary before its next statement, giving back a replica connection it holds. */
  const toPrimary = async (runner: SteerableRunner) => {
    if (runner.mode === 'master') return;
    runner.mode = 'master';
    const held = runner.databaseConnection ?? (await runner.databaseConnectionPromise?.catch(() => undefined));
    if (held && fromReplica.has(held)) {
      runner.databaseConnection = undefined;
      runner.databaseConnectionPromise = undefined;
      held.release();
    }
  };

  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode?: ReplicationMode): QueryRunner => {
    if (!readRouting.inRequest()) return create('master');
    // TypeORM asks for 'slave' for SELECTs of its query builder, and nothing (meaning master) for raw statements,
    // transactions and writes; only an explicit 'master' is kept. The statements themselves decide below.
    const runner = create(mode !== 'master' && readRouting.mayReadReplica() ? 'slave' : 'master');
    const steer = runner as unknown as SteerableRunner;
    const query = runner.query.bind(runner);
    const startTransaction = runner.startTransaction.bind(runner);
    runner.startTransaction = async (...args: Parameters<QueryRunner['startTransaction']>) => {
      readRouting.markWritten();
      await toPrimary(steer);
      return startTransaction(...args);
    };
    runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
      if (!isPlainRead(sql)) readRouting.markWritten();
      if (!isPlainRead(sql) || !readRouting.mayReadReplica()) await toPrimary(steer);
      try {
        return await query(sql, parameters, structured as true);
      } catch (error) {
        const held = steer.databaseConnection;
        if (!held || !fromReplica.has(held) || runner.isTransactionActive || !isConnectionError(error)) throw error;
        await toPrimary(steer);
        return query(sql, parameters, structured as true);
      }
    }) as QueryRunner['query'];
    return runner;
  };
}
