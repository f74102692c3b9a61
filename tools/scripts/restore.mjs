#!/usr/bin/env node
/**
 * npm run restore -- FILE --into NAME [--force]
 *
 * Restores a backup of `npm run backup` into database NAME on DATABASE_URL's server (its database part is ignored).
 * Everything about the file is checked before the server is touched, each refusal exiting with code 2:
 *   - not ours: no `FILE.manifest.json`, a manifest of another format, or a dump without our first line;
 *   - truncated or damaged: byte count or sha256 differ from the manifest, gzip fails, or the dump tool's
 *     "Dump completed" last line is missing;
 *   - another schema version: the backup's last migration is not the last migration this checkout knows
 *     (apps/api/src/database/migrations/index.ts) — restore it with the code of its time, then upgrade.
 * A database that holds tables is only replaced (dropped and created again) with --force.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import {
  appliedSchemaVersion, checkDatabaseName, databaseUrl, fail, findTool, FOOTER, FORMAT, HEADER_PREFIX,
  knownMigrations, optionFile, parseArgs, parseDatabaseUrl, Refusal, runWithInput, sql,
} from './backup-lib.mjs';

const USAGE = 'usage: npm run restore -- FILE --into DATABASE [--force]';

/** Reads the whole file twice (raw, then unzipped) and refuses anything but a complete backup of our current schema. */
async function verify(file) {
  if (!existsSync(file)) throw new Refusal(`${file}: no such file`);
  const manifestPath = `${file}.manifest.json`;
  if (!existsSync(manifestPath)) throw new Refusal(`${file} is not a dangbo backup: no ${manifestPath} beside it`);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    throw new Refusal(`${file} is not a dangbo backup: ${manifestPath} is not JSON`);
  }
  if (manifest?.format !== FORMAT) throw new Refusal(`${file} is not a dangbo backup: manifest format is "${manifest?.format}", expected "${FORMAT}"`);

  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(createReadStream(file), new Writable({
    write(chunk, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done();
    },
  }));
  const sha256 = hash.digest('hex');
  if (bytes !== manifest.bytes || sha256 !== manifest.sha256) {
    throw new Refusal(`${file} is truncated or damaged: ${bytes} bytes with sha256 ${sha256}, the manifest says ${manifest.bytes} bytes with ${manifest.sha256}`);
  }

  let head = '';
  let tail = '';
  try {
    await pipeline(createReadStream(file), createGunzip(), new Writable({
      write(chunk, _enc, done) {
        const text = chunk.toString('latin1');
        if (head.length < 4096) head += text;
        tail = (tail + text).slice(-4096);
        done();
      },
    }));
  } catch (error) {
    throw new Refusal(`${file} is truncated or damaged: gzip says ${error.message}`);
  }
  const firstLine = head.split('\n', 1)[0];
  if (!firstLine.startsWith(HEADER_PREFIX)) throw new Refusal(`${file} is not a dangbo backup: it does not start with "${HEADER_PREFIX.trim()}"`);
  if (!FOOTER.test(tail)) throw new Refusal(`${file} is truncated: the dump has no "Dump completed" last line`);
  const headerSchema = /\bschema=(\S+)/.exec(firstLine)?.[1];
  if (headerSchema !== manifest.schemaVersion) throw new Refusal(`${file} does not match its manifest: schema ${headerSchema} in the file, ${manifest.schemaVersion} in the manifest`);

  const known = knownMigrations();
  const current = known[known.length - 1];
  if (manifest.schemaVersion !== current) {
    const where = known.includes(manifest.schemaVersion) ? 'an older schema version' : 'a schema version this code does not know';
    throw new Refusal(`${file} is of ${where} (${manifest.schemaVersion}); this code's schema is ${current}. Restore it with the code of its time (then start that API once to migrate), or take a new backup`);
  }
  return manifest;
}

async function main() {
  const { options, positional } = parseArgs(process.argv.slice(2), ['force']);
  if (positional.length !== 1 || !options.into) throw new Refusal(USAGE);
  const [file] = positional;
  const into = checkDatabaseName(options.into);
  const manifest = await verify(file);

  const target = parseDatabaseUrl(databaseUrl());
  const client = findTool(['mariadb', 'mysql']).name;
  const cnf = optionFile(target);
  try {
    const exists = sql(client, cnf.file, `SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${into}'`)[0][0] !== '0';
    const tables = exists ? Number(sql(client, cnf.file, `SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '${into}'`)[0][0]) : 0;
    if (tables > 0 && !options.force) throw new Refusal(`database ${into} holds ${tables} table(s): refusing to overwrite it without --force`);
    if (exists && tables > 0) sql(client, cnf.file, `DROP DATABASE \`${into}\``);
    sql(client, cnf.file, `CREATE DATABASE IF NOT EXISTS \`${into}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`);

    // The dump disables foreign-key and unique checks itself while loading (its /*!40014 SET ... */ lines).
    const result = await runWithInput(client, [`--defaults-extra-file=${cnf.file}`, into], (stdin) =>
      pipeline(createReadStream(file), createGunzip(), new Transform({ transform: (chunk, _e, done) => done(null, chunk) }), stdin),
    );
    if (result.code !== 0) throw new Error(`${client} failed while loading into ${into}: ${result.stderr}`);
    const restored = appliedSchemaVersion(client, cnf.file, into);
    if (restored !== manifest.schemaVersion) throw new Error(`after loading, ${into} is at schema ${restored}, expected ${manifest.schemaVersion}`);
    console.log(`restore: ${file} → database ${into} (schema ${restored}, backup of ${manifest.source?.database} taken ${manifest.createdAt})`);
  } finally {
    cnf.cleanup();
  }
}

main().catch((error) => fail('restore', error));
