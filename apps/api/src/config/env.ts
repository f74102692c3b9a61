/**
 * The only reader of process.env. Every setting is typed, validated and documented in `.env.example`.
 * Everything else receives an `AppConfig`, which keeps tests free to build their own.
 */
import { NameSortPart, parseNameSortOrder } from '@dangbo/vn';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** mysql://user:password@host:port/database */
  databaseUrl: string;
  /** Read replicas of that database (DATABASE_REPLICA_URLS, comma-separated URLs); empty: everything on DATABASE_URL. */
  databaseReplicaUrls: string[];
  /**
   * Whether this process works the rating jobs (JOB_RUNNER, default on). Off on API processes behind a load
   * balancer when one worker process runs them (docker/compose.yaml); jobs are claimed one runner at a time anyway.
   */
  jobRunner: boolean;
  /** Run pending migrations when the server starts. */
  migrateOnStart: boolean;
  /** Load the demo commune when the database holds no unit yet (never in production). */
  seedDemoWhenEmpty: boolean;
  /** Secret that signs access tokens: given in production, random and kept in AUTH_SECRET_FILE in development. */
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
  /** On SIGTERM/SIGINT: how long in-flight requests may take to finish before their connections are cut. */
  shutdownTimeoutMs: number;
  /** Bearer token that opens /metrics; unset, /metrics answers 404 (closed to everyone). */
  metricsToken: string | null;
  /** How long a signed-in user's grants are cached (ms; 0: read on every request). Bounds a revocation's lag in other processes. */
  authCacheMs: number;
  /**
   * Express 'trust proxy' (TRUST_PROXY): unset, the client's address is the socket's and X-Forwarded-For is ignored;
   * set (a hop count, or addresses/subnets of the proxies), the address comes from X-Forwarded-For.
   */
  trustProxy: number | string | null;
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

function nonNegative(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${value}"`);
  return n;
}

/** TRUST_PROXY: a hop count ("1") or the proxies' addresses ("10.0.0.0/8,127.0.0.1", "loopback"); "true" is refused (anyone could forge the header). */
function trustProxy(value: string | undefined): number | string | null {
  if (!value || value === 'false' || value === '0') return null;
  if (value === 'true') throw new Error('TRUST_PROXY=true would trust any X-Forwarded-For: give the hop count or the proxies\' addresses');
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** DATABASE_REPLICA_URLS: comma-separated mysql:// (or mariadb://) URLs; blank entries are ignored. */
function replicaUrls(value: string | undefined): string[] {
  const urls = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const bad = urls.find((u) => !/^(mysql|mariadb):\/\/[^/]+\/\w+$/.test(u));
  if (bad) throw new Error(`DATABASE_REPLICA_URLS: each entry must be mysql://user:password@host:port/database, got "${bad.replace(/:[^:@/]*@/, ':…@')}"`);
  return urls;
}

const MIN_SECRET_LENGTH = 32;

/**
 * The signing secret. No mode signs with a string from the repository: production must be given one; development
 * makes a random one on first start and keeps it in a git-ignored file (so logins survive restarts); tests get a
 * fresh random one per process.
 */
function resolveAuthSecret(nodeEnv: AppConfig['nodeEnv'], env: NodeJS.ProcessEnv): string {
  const given = env.AUTH_SECRET ?? '';
  if (given) {
    if (given.length < MIN_SECRET_LENGTH) throw new Error(`AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    return given;
  }
  if (nodeEnv === 'production') throw new Error(`AUTH_SECRET must be set (at least ${MIN_SECRET_LENGTH} characters) when NODE_ENV=production`);
  if (nodeEnv === 'test') return randomBytes(32).toString('hex');
  const file = path.resolve(env.AUTH_SECRET_FILE || '.local/auth-secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= MIN_SECRET_LENGTH) return kept;
  }
  const made = randomBytes(32).toString('hex');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${made}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return made;
}

/** A /metrics token shorter than 16 characters is a mistake worth stopping for, not a lock. */
function metricsToken(value: string | undefined): string | null {
  if (!value) return null;
  if (value.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters (or unset to close /metrics)');
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['nodeEnv'];
  if (!['development', 'test', 'production'].includes(nodeEnv)) throw new Error(`NODE_ENV must be development, test or production`);
  const production = nodeEnv === 'production';
  const authSecret = resolveAuthSecret(nodeEnv, env);
  return {
    nodeEnv,
    host: env.HOST ?? '127.0.0.1',
    port: int('PORT', env.PORT, 4000),
    databaseUrl: env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dangbo',
    databaseReplicaUrls: replicaUrls(env.DATABASE_REPLICA_URLS),
    jobRunner: bool(env.JOB_RUNNER, true),
    migrateOnStart: bool(env.MIGRATE_ON_START, true),
    seedDemoWhenEmpty: !production && bool(env.SEED_DEMO, true),
    authSecret,
    tokenTtlSeconds: int('TOKEN_TTL_SECONDS', env.TOKEN_TTL_SECONDS, 8 * 3600),
    corsOrigin: (env.CORS_ORIGIN ?? 'http://127.0.0.1:5173,http://localhost:5173').split(',').map((s) => s.trim()).filter(Boolean),
    adminDistDir: env.ADMIN_DIST_DIR || null,
    maxPerPage: int('MAX_PER_PAGE', env.MAX_PER_PAGE, 1000),
    nameSortOrder: parseNameSortOrder(env.NAME_SORT_ORDER ?? ''),
    exposeSqlCount: !production && bool(env.EXPOSE_SQL_COUNT, false),
    logQueries: bool(env.LOG_QUERIES, false),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', env.SHUTDOWN_TIMEOUT_MS, 10000),
    metricsToken: metricsToken(env.METRICS_TOKEN),
    authCacheMs: nonNegative('AUTH_CACHE_MS', env.AUTH_CACHE_MS, 3000),
    trustProxy: trustProxy(env.TRUST_PROXY),
  };
}
