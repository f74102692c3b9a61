/**
 * What `npm run backup` and `npm run restore` share. Node built-ins only and the database's own command-line tools
 * (mariadb-dump/mysqldump, mariadb/mysql): the scripts run from a checkout without node_modules and inside the
 * backup container (docker/backup.Dockerfile), which has no npm packages.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The manifest's `format` and the first line of every dump we write: anything else is not ours. */
export const FORMAT = 'dangbo-backup/1';
export const HEADER_PREFIX = `-- ${FORMAT} `;
/** The dump tools' last line (both MariaDB and MySQL) — missing means the dump stopped early. */
export const FOOTER = /^-- Dump completed( on .*)?$/m;

export class Refusal extends Error {}

export function databaseUrl(env = process.env) {
  return env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/dangbo';
}

/** Same rules as apps/api/src/database/data-source.ts parseDatabaseUrl. */
export function parseDatabaseUrl(url) {
  const u = new URL(url);
  if (u.protocol !== 'mysql:' && u.protocol !== 'mariadb:') throw new Refusal(`DATABASE_URL must start with mysql://, got ${u.protocol}`);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  checkDatabaseName(database);
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    database,
  };
}

export function checkDatabaseName(name) {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name ?? '')) throw new Refusal(`a database name is letters, digits and _ (got "${name ?? ''}")`);
  return name;
}

/** First tool found on PATH among `names`. */
export function findTool(names) {
  for (const name of names) {
    const r = spawnSync(name, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return { name, version: r.stdout.trim() };
  }
  throw new Refusal(`none of ${names.join(', ')} is installed (Debian: apt-get install mariadb-client)`);
}

/**
 * Connection settings in a private option file (mode 600), so the password appears neither in the process list nor
 * in the environment of the tools. Returns the file and a cleanup.
 */
export function optionFile(target) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dangbo-db-'));
  const file = path.join(dir, 'client.cnf');
  const quote = (v) => `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = ['[client]', `host=${target.host}`, `port=${target.port}`, `user=${quote(target.user)}`];
  if (target.password) lines.push(`password=${quote(target.password)}`);
  // MySQL 8 clients would otherwise try TCP-less socket defaults for "localhost".
  lines.push('protocol=TCP', 'default-character-set=utf8mb4');
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs one statement batch with the command-line client; returns rows as arrays of strings (tab-separated output). */
export function sql(client, cnf, statement, database) {
  const args = [`--defaults-extra-file=${cnf}`, '--batch', '--skip-column-names', '--raw', '-e', statement];
  if (database) args.push(database);
  const r = spawnSync(client, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${client}: ${r.stderr.trim() || `exit ${r.status}`}`);
  return r.stdout.split('\n').filter((line) => line !== '').map((line) => line.split('\t'));
}

/** The migration names this checkout knows, in order, read from the source (no build needed). */
export function knownMigrations(root = REPO_ROOT) {
  const text = readFileSync(path.join(root, 'apps/api/src/database/migrations/index.ts'), 'utf8');
  const list = /export const MIGRATIONS\s*=\s*\[([^\]]*)\]/.exec(text);
  if (!list) throw new Error('cannot read the migration list of apps/api/src/database/migrations/index.ts');
  return list[1].split(',').map((s) => s.trim()).filter(Boolean);
}

/** The last migration applied to `database` (TypeORM's `migrations` table), or null when there is none. */
export function appliedSchemaVersion(client, cnf, database) {
  const exists = sql(client, cnf, `SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '${database}' AND TABLE_NAME = 'migrations'`);
  if (exists[0][0] === '0') return null;
  const rows = sql(client, cnf, 'SELECT name FROM `migrations` ORDER BY id DESC LIMIT 1', database);
  return rows[0]?.[0] ?? null;
}

/** Pipes `stream` into a child process's stdin and resolves with its exit code and stderr. */
export function runWithInput(command, args, feed) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr: stderr.trim() }));
    feed(child.stdin).catch((error) => {
      child.kill();
      reject(error);
    });
  });
}

/** `--name value` and `--flag` options plus positional arguments. */
export function parseArgs(argv, flags) {
  const options = {};
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) positional.push(a);
    else if (flags.includes(a.slice(2))) options[a.slice(2)] = true;
    else if (i + 1 < argv.length) options[a.slice(2)] = argv[++i];
    else throw new Refusal(`${a} needs a value`);
  }
  return { options, positional };
}

/** Prints the refusal (or failure) and exits non-zero; used as the scripts' last catch. */
export function fail(script, error) {
  console.error(`${script}: ${error instanceof Refusal ? error.message : `failed: ${error?.stack ?? error}`}`);
  process.exit(error instanceof Refusal ? 2 : 1);
}
