/**
 * Login throttling per username and per address: 10 attempts for one username, or 50 from one address, within 15
 * minutes block further attempts for 15 minutes; a successful login gives its attempt back. An attempt is counted
 * (atomically) before its password is checked, so simultaneous guesses cannot slip past the limit.
 *
 * The counters live in the database (rate-limiter-flexible's MySQL store, table `rate_limit`, made by the
 * ScaleIndexes migration), so every API process behind a load balancer counts against the same limits. The store's
 * upsert is one INSERT … ON DUPLICATE KEY UPDATE in a transaction: the row lock makes concurrent attempts, from any
 * process, count one after another.
 */
import { RateLimiterMySQL, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { AppError } from '../../core/errors';
import { primaryPool } from '../../database/data-source';
import { ErrorCode } from '@dangbo/shared-types';

const WINDOW_SECONDS = 15 * 60;
export const RATE_LIMIT_TABLE = 'rate_limit';

interface Limiters {
  byUsername: RateLimiterMySQL;
  byAddress: RateLimiterMySQL;
}

const perDataSource = new WeakMap<DataSource, Limiters>();

function limitersOf(dataSource: DataSource): Limiters {
  let found = perDataSource.get(dataSource);
  if (!found) {
    // TypeORM's mysql2 pool on the primary (callback API), shared with every other statement of this process.
    const pool = primaryPool(dataSource);
    const common = {
      storeClient: pool,
      storeType: 'pool',
      // The driver's name for it: with read replicas the options keep it under `replication.master`.
      dbName: String(dataSource.driver.database),
      tableName: RATE_LIMIT_TABLE,
      // The migration made the table; the library must not create databases or tables at runtime.
      tableCreated: true,
      duration: WINDOW_SECONDS,
      blockDuration: WINDOW_SECONDS,
    };
    found = {
      byUsername: new RateLimiterMySQL({ ...common, keyPrefix: 'login-user', points: 10 }),
      byAddress: new RateLimiterMySQL({ ...common, keyPrefix: 'login-ip', points: 50 }),
    };
    perDataSource.set(dataSource, found);
  }
  return found;
}

function tooMany(msBeforeNext: number): AppError {
  const minutes = Math.max(1, Math.ceil(msBeforeNext / 60000));
  return new AppError(ErrorCode.TOO_MANY_REQUESTS, `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${minutes} phút`, { retryAfterSeconds: Math.ceil(msBeforeNext / 1000) });
}

async function consume(limiter: RateLimiterMySQL, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) throw tooMany(refusal.msBeforeNext);
    throw refusal;
  }
}

/** Counts one attempt for the username and the address, or refuses when either is used up. Call before checking the password. */
export async function takeLoginAttempt(dataSource: DataSource, username: string, address: string): Promise<void> {
  const { byUsername, byAddress } = limitersOf(dataSource);
  const key = username.toLowerCase();
  await consume(byUsername, key);
  try {
    await consume(byAddress, address);
  } catch (error) {
    await byUsername.reward(key, 1);
    throw error;
  }
}

/** A right password: the username starts afresh and the address gets its attempt back. */
export async function recordLoginSuccess(dataSource: DataSource, username: string, address: string): Promise<void> {
  const { byUsername, byAddress } = limitersOf(dataSource);
  await Promise.all([byUsername.delete(username.toLowerCase()), byAddress.reward(address, 1)]);
}
