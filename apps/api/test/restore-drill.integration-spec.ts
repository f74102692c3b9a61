/**
 * The restore drill: `npm run backup` while the API keeps writing, `npm run restore` into a fresh database, and the
 * restore compared table by table (CHECKSUM TABLE) with the source as of the backup's transaction.
 *
 * How "the source as of the backup's transaction" is known exactly, without a binary log:
 *  1. The source gets one extra table, `aaa_drill_gate`, which a connection of the test holds with LOCK TABLES WRITE.
 *  2. Writes (createMember with increasing markers in `note`) run, then stop; every table is checksummed: state S.
 *  3. The backup starts. `--single-transaction` opens its snapshot first, then reads table after table; reading the
 *     gate waits for our lock ("Waiting for table metadata lock" in the process list). When we see that wait, the
 *     snapshot is open and no write happened since S, so the snapshot is S.
 *  4. Writes resume while the dump is held (so they land in tables it has not read yet) and keep going after the
 *     gate is released, until the backup ends.
 *  5. Restored: every table's checksum equals S's, every marker of step 2 is there, none of step 4 is.
 * A dump without one consistent snapshot (per-table reads) would show step-4 rows and fail.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import mysql from 'mysql2/promise';
import { CELL } from '../src/database/seeds/demo.constants';
import { parseDatabaseUrl } from '../src/database/data-source';
import { dataOf, startTestApi, TestApi } from './support/harness';

const ROOT = path.resolve(__dirname, '../../..');
const GATE = 'aaa_drill_gate';

let api: TestApi;
let conn: mysql.Connection;
let source: string;
let dir: string;
let backupFile: string;
const created: string[] = [];

/** Runs tools/scripts/<script> against the test database's server; resolves with its exit code and output. */
function run(script: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'tools/scripts', script), ...args], {
      env: { ...process.env, DATABASE_URL: api.config.databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

async function tablesOf(db: string): Promise<string[]> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME', [db]);
  return rows.map((r) => String(r.t));
}

async function checksums(db: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const t of await tablesOf(db)) {
    const [rows] = await conn.query<mysql.RowDataPacket[]>(`CHECKSUM TABLE \`${db}\`.\`${t}\``);
    result[t] = String(rows[0].Checksum);
  }
  return result;
}

async function markersIn(db: string): Promise<number[]> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>(`SELECT note FROM \`${db}\`.member WHERE note LIKE 'drill-%'`);
  return rows.map((r) => Number(String(r.note).slice('drill-'.length))).sort((a, b) => a - b);
}

async function databaseExists(db: string): Promise<boolean> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS n FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [db]);
  return Number(rows[0].n) > 0;
}

let nextMarker = 1;
const write = async (): Promise<number> => {
  const marker = nextMarker++;
  const res = await api.gql(`mutation($note: String!) { createMember(fullName: "Trần Văn Diễn Tập", gender: MALE, cellId: ${CELL.BEN_DO}, note: $note) { id } }`, { note: `drill-${marker}` });
  dataOf(res);
  return marker;
};

beforeAll(async () => {
  api = await startTestApi();
  const target = parseDatabaseUrl(api.config.databaseUrl);
  source = target.database;
  conn = await mysql.createConnection({ host: target.host, port: target.port, user: target.user, password: target.password });
  dir = mkdtempSync(path.join(tmpdir(), 'dangbo-drill-'));
});

afterAll(async () => {
  for (const db of created) await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
  await conn.end();
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the restore drill', () => {
  it('restores exactly the source as of the backup transaction: earlier writes all there, later writes none', async () => {
    await conn.query(`CREATE TABLE \`${source}\`.\`${GATE}\` (id INT PRIMARY KEY) ENGINE=InnoDB`);
    await conn.query(`INSERT INTO \`${source}\`.\`${GATE}\` VALUES (1)`);
    const gate = await mysql.createConnection({ ...parseDatabaseUrl(api.config.databaseUrl) });

    const before: number[] = [];
    for (let i = 0; i < 20; i++) before.push(await write());
    // Checksummed before locking: CHECKSUM TABLE would wait on the gate too. Nothing writes between the two.
    const expected = await checksums(source);
    await gate.query(`LOCK TABLES \`${GATE}\` WRITE`);

    const backup = run('backup.mjs', ['--dir', dir]);
    // The dump waits on the gate only once its snapshot is open (see the comment at the top).
    for (;;) {
      const [rows] = await conn.query<mysql.RowDataPacket[]>(
        `SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ? AND STATE = 'Waiting for table metadata lock' AND INFO LIKE ?`,
        [source, `%${GATE}%`],
      );
      if (Number(rows[0].n) > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }

    const after: number[] = [];
    let backupDone = false;
    const writer = (async () => {
      while (!backupDone) after.push(await write());
    })();
    while (after.length < 10) await new Promise((r) => setTimeout(r, 10));
    await gate.query('UNLOCK TABLES');
    await gate.end();
    const result = await backup;
    backupDone = true;
    await writer;
    expect(result).toMatchObject({ code: 0 });
    backupFile = /backup: (\S+\.sql\.gz)/.exec(result.out)?.[1] ?? '';

    const restored = `${source}_r`;
    created.push(restored);
    expect(await run('restore.mjs', [backupFile, '--into', restored])).toMatchObject({ code: 0 });

    expect(await checksums(restored)).toEqual(expected);
    expect(await markersIn(restored)).toEqual(before);
    expect(await markersIn(source)).toEqual([...before, ...after]);
    const manifest = JSON.parse(readFileSync(`${backupFile}.manifest.json`, 'utf8'));
    expect(manifest).toMatchObject({ format: 'dangbo-backup/1', source: { database: source } });
    expect(manifest.schemaVersion).toBe(((await conn.query<mysql.RowDataPacket[]>(`SELECT name FROM \`${source}\`.migrations ORDER BY id DESC LIMIT 1`))[0])[0].name);
  });
});

describe('restore refuses a bad file before touching anything', () => {
  /** Writes a variant of the drill's backup: its dump text changed by `edit`, the manifest re-signed unless `keepManifest`. */
  function variant(name: string, edit: (dump: string) => string | Buffer, options: { keepManifest?: boolean; manifest?: (m: any) => void } = {}): string {
    const file = path.join(dir, `${name}.sql.gz`);
    const original = readFileSync(backupFile);
    const changed = edit(gunzipSync(original).toString('utf8'));
    const gz = Buffer.isBuffer(changed) ? changed : gzipSync(changed);
    writeFileSync(file, gz);
    const manifest = JSON.parse(readFileSync(`${backupFile}.manifest.json`, 'utf8'));
    if (!options.keepManifest) Object.assign(manifest, { bytes: gz.length, sha256: createHash('sha256').update(gz).digest('hex') });
    options.manifest?.(manifest);
    writeFileSync(`${file}.manifest.json`, JSON.stringify(manifest));
    return file;
  }
  const cut = (buffer: Buffer) => buffer.subarray(0, Math.floor(buffer.length / 2));

  const cases: [string, () => string, RegExp][] = [
    ['a file cut short (checksum differs from the manifest)', () => variant('cut', () => cut(readFileSync(backupFile)), { keepManifest: true }), /truncated or damaged: .* the manifest says/],
    ['a cut gzip whose manifest was re-signed (gzip fails)', () => variant('cutgz', () => cut(readFileSync(backupFile))), /truncated or damaged: gzip says/],
    ['a complete gzip of a dump cut before its last line', () => variant('nofooter', (d) => d.slice(0, Math.floor(d.length * 0.8))), /truncated: the dump has no "Dump completed"/],
    ['a backup of an older schema version', () => variant('old', (d) => d.replace(/schema=\S+/, 'schema=Init1795686669621'), { manifest: (m) => (m.schemaVersion = 'Init1795686669621') }), /older schema version \(Init1795686669621\)/],
    ['a backup of a schema version this code does not know', () => variant('future', (d) => d.replace(/schema=\S+/, 'schema=Future1999999999999'), { manifest: (m) => (m.schemaVersion = 'Future1999999999999') }), /schema version this code does not know/],
    ['a plain dump that is not ours (no header line)', () => variant('foreign', (d) => d.slice(d.indexOf('\n') + 1)), /not a dangbo backup: it does not start with/],
    ['a file without a manifest', () => {
      const file = path.join(dir, 'bare.sql.gz');
      writeFileSync(file, readFileSync(backupFile));
      return file;
    }, /not a dangbo backup: no .*manifest\.json/],
    ['a manifest of another format', () => variant('format', (d) => d, { manifest: (m) => (m.format = 'other/1') }), /manifest format is "other\/1"/],
  ];

  it.each(cases)('refuses %s: exit 2, the target database is not created', async (_label, make, message) => {
    const file = make();
    const target = `${source}_bad`;
    created.push(target);
    const result = await run('restore.mjs', [file, '--into', target]);
    expect(result.code).toBe(2);
    expect(result.out).toMatch(message);
    expect(await databaseExists(target)).toBe(false);
  });

  it('refuses a truncated file even with --force, leaving the existing database exactly as it was', async () => {
    const target = `${source}_r`;
    const before = await checksums(target);
    const file = variant('cut2', () => cut(readFileSync(backupFile)), { keepManifest: true });
    const result = await run('restore.mjs', [file, '--into', target, '--force']);
    expect(result.code).toBe(2);
    expect(await checksums(target)).toEqual(before);
  });

  it('refuses to overwrite a database holding tables without --force, and replaces it with --force', async () => {
    const target = `${source}_r`;
    await conn.query(`CREATE TABLE \`${target}\`.\`extra\` (id INT PRIMARY KEY)`);
    const refused = await run('restore.mjs', [backupFile, '--into', target]);
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/holds \d+ table\(s\): refusing to overwrite it without --force/);
    expect(await tablesOf(target)).toContain('extra');
    expect(await run('restore.mjs', [backupFile, '--into', target, '--force'])).toMatchObject({ code: 0 });
    expect(await tablesOf(target)).not.toContain('extra');
  });
});
