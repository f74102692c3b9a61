#!/usr/bin/env node
/**
 * npm run backup [-- --dir backups --keep-days N]
 *
 * A consistent online backup of DATABASE_URL's database: `mariadb-dump`/`mysqldump --single-transaction` reads every
 * (InnoDB) table inside one REPEATABLE READ snapshot, so writers keep going and the dump is the database as of the
 * moment its transaction started. (DDL during the dump would break that promise: migrations run only when the API
 * starts.) The output is gzip'ed into `<dir>/<database>-<UTC time>.sql.gz` behind our own first line, and a
 * `<file>.manifest.json` records its sha256, byte count, the schema version (last applied migration), the source,
 * the tool and, when the binary log is on, the log position of the snapshot. `npm run restore` checks all of it.
 * With --keep-days N, backups (with manifests of ours) older than N days in <dir> are deleted afterwards.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import {
  appliedSchemaVersion, databaseUrl, fail, findTool, FOOTER, FORMAT, HEADER_PREFIX, optionFile, parseArgs,
  parseDatabaseUrl, Refusal, REPO_ROOT, sql,
} from './backup-lib.mjs';

async function main() {
  const { options } = parseArgs(process.argv.slice(2), []);
  const dir = path.resolve(options.dir || process.env.BACKUP_DIR || path.join(REPO_ROOT, 'backups'));
  const keepDays = options['keep-days'] ?? process.env.BACKUP_KEEP_DAYS;
  if (keepDays !== undefined && !/^[1-9]\d*$/.test(String(keepDays))) throw new Refusal(`--keep-days must be a positive number of days, got "${keepDays}"`);

  const target = parseDatabaseUrl(databaseUrl());
  const dump = findTool(['mariadb-dump', 'mysqldump']);
  const client = findTool(['mariadb', 'mysql']).name;
  const mariadbTool = /mariadb/i.test(dump.version);
  const cnf = optionFile(target);
  try {
    const schemaVersion = appliedSchemaVersion(client, cnf.file, target.database);
    if (!schemaVersion) throw new Refusal(`database ${target.database} has no applied migration: nothing of ours to back up`);
    const [[serverVersion, logBin]] = sql(client, cnf.file, 'SELECT VERSION(), @@log_bin');
    const withPosition = logBin === '1' && process.env.BACKUP_BINLOG_POSITION !== 'off';

    const args = [`--defaults-extra-file=${cnf.file}`, '--single-transaction', '--routines', '--triggers', '--hex-blob', '--quick'];
    // The snapshot's binary-log position as a comment in the dump (a point-in-time recovery starts there). It needs
    // the RELOAD privilege (a brief FLUSH TABLES WITH READ LOCK); BACKUP_BINLOG_POSITION=off skips it.
    if (withPosition) args.push(...(mariadbTool ? ['--master-data=2', '--gtid'] : ['--source-data=2']));
    // MySQL's tool: no GTID_PURGED statement (it fails when restoring next to other data), no tablespace queries.
    if (!mariadbTool) args.push('--set-gtid-purged=OFF', '--no-tablespaces');
    // The database name only (no --databases): the dump has no CREATE DATABASE/USE, so it restores under any name.
    args.push(target.database);

    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const file = path.join(dir, `${target.database}-${stamp}.sql.gz`);
    const partial = `${file}.partial`;
    const header = `${HEADER_PREFIX}database=${target.database} schema=${schemaVersion} created=${new Date().toISOString()}\n`;

    const child = spawn(dump.name, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code));
    });

    // Remembers the first lines (binlog position comments) and the last bytes (the "Dump completed" footer).
    let head = '';
    let tail = '';
    let first = true;
    const watch = new Transform({
      transform(chunk, _enc, done) {
        const text = chunk.toString('latin1');
        if (head.length < 64 * 1024) head += text;
        tail = (tail + text).slice(-4096);
        if (first) {
          first = false;
          this.push(header);
        }
        done(null, chunk);
      },
    });
    const hash = createHash('sha256');
    let bytes = 0;
    const measure = new Transform({
      transform(chunk, _enc, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(child.stdout, watch, createGzip({ level: 6 }), measure, createWriteStream(partial, { mode: 0o600 }));
      const code = await exited;
      if (code !== 0) throw new Error(`${dump.name} exited with ${code}: ${stderr.trim()}`);
      if (!FOOTER.test(tail)) throw new Error(`${dump.name} output has no "Dump completed" line: ${stderr.trim()}`);
      // The schema must not have moved under the dump (a migration running meanwhile): the manifest would lie.
      const after = appliedSchemaVersion(client, cnf.file, target.database);
      if (after !== schemaVersion) throw new Error(`the schema changed during the backup (${schemaVersion} → ${after}); run it again`);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }

    const position = {};
    const change = /^-- (CHANGE (?:MASTER|REPLICATION SOURCE) TO .*);$/m.exec(head);
    if (change) position.binlog = change[1];
    const gtid = /^-- SET GLOBAL gtid_slave_pos\s*=\s*'([^']*)'/m.exec(head);
    if (gtid) position.gtid = gtid[1];

    const manifest = {
      format: FORMAT,
      file: path.basename(file),
      sha256: hash.digest('hex'),
      bytes,
      createdAt: new Date().toISOString(),
      source: { host: `${target.host}:${target.port}`, database: target.database, serverVersion },
      schemaVersion,
      tool: dump.version,
      options: args.slice(1, -1),
      position: withPosition ? position : 'binary log off',
    };
    renameSync(partial, file);
    writeFileSync(`${file}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    console.log(`backup: ${file} (${bytes} bytes, schema ${schemaVersion}, sha256 ${manifest.sha256})`);

    if (keepDays !== undefined) prune(dir, Number(keepDays), file);
  } finally {
    cnf.cleanup();
  }
}

/** Deletes our backups (a manifest of our format beside them) older than `days`; never the one just written. */
function prune(dir, days, keep) {
  const limit = Date.now() - days * 24 * 3600 * 1000;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.sql.gz.manifest.json')) continue;
    const manifestPath = path.join(dir, name);
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    } catch {
      continue;
    }
    const file = path.join(dir, name.replace(/\.manifest\.json$/, ''));
    if (manifest.format !== FORMAT || file === keep) continue;
    const created = Date.parse(manifest.createdAt ?? '') || statSync(manifestPath).mtimeMs;
    if (created >= limit) continue;
    rmSync(file, { force: true });
    rmSync(manifestPath, { force: true });
    console.log(`backup: removed ${path.basename(file)} (older than ${days} days)`);
  }
}

main().catch((error) => fail('backup', error));
