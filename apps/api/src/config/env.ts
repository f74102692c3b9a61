/**
 * The only reader of process.env. Every setting is typed, validated and documented in `.env.example`.
 * Everything else receives an `AppConfig`, which keeps tests free to build their own.
 */
import { NameSortPart, parseNameSortOrder } from '@dangbo/vn';

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** mysql://user:password@host:port/database */
  databaseUrl: string;
  /** Run pending migrations when the server starts. */
  migrateOnStart: boolean;
  /** Load the demo commune when the database holds no unit yet (never in production). */
  seedDemoWhenEmpty: boolean;
  /** Secret that signs access tokens; required in production. */
  authSecret: string;
  /** Lifetime of a login token, in seconds. */
  tokenTtlSeconds: number;
  /** Origin of the admin panel allowed by CORS (the panel served by the API itself is same-origin). */
  corsOrigin: string[];
  /** Folder of the built admin panel to serve at `/`, if any. */
  adminDistDir: string | null;
  /** Hard maximum of `perPage` on every list. */
  maxPerPage: number;
  /** Member name sort order, e.g. "given,family,middle,birthDate". */
  nameSortOrder: NameSortPart[];
  /** Expose the per-request SQL statement count as a response header (tests and benchmarks only). */
  exposeSqlCount: boolean;
  logQueries: boolean;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

export const DEV_AUTH_SECRET = 'dangbo-development-secret-not-for-production';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['nodeEnv'];
  if (!['development', 'test', 'production'].includes(nodeEnv)) throw new Error(`NODE_ENV must be development, test or production`);
  const production = nodeEnv === 'production';
  const authSecret = env.AUTH_SECRET ?? '';
  if (production && authSecret.length < 32) {
    throw new Error('AUTH_SECRET must be set (at least 32 characters) when NODE_ENV=production');
  }
  return {
    nodeEnv,
    host: env.HOST ?? '127.0.0.1',
    port: int('PORT', env.PORT, 4000),
    databaseUrl: env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dangbo',
    migrateOnStart: bool(env.MIGRATE_ON_START, true),
    seedDemoWhenEmpty: !production && bool(env.SEED_DEMO, true),
    authSecret: authSecret || DEV_AUTH_SECRET,
    tokenTtlSeconds: int('TOKEN_TTL_SECONDS', env.TOKEN_TTL_SECONDS, 8 * 3600),
    corsOrigin: (env.CORS_ORIGIN ?? 'http://127.0.0.1:5173,http://localhost:5173').split(',').map((s) => s.trim()).filter(Boolean),
    adminDistDir: env.ADMIN_DIST_DIR || null,
    maxPerPage: int('MAX_PER_PAGE', env.MAX_PER_PAGE, 1000),
    nameSortOrder: parseNameSortOrder(env.NAME_SORT_ORDER ?? ''),
    exposeSqlCount: !production && bool(env.EXPOSE_SQL_COUNT, false),
    logQueries: bool(env.LOG_QUERIES, false),
  };
}
