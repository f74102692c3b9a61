#!/usr/bin/env node
// The schema stays inside the SQL that MariaDB 10.11+, MySQL 8.4 and TiDB 8.5 all run (docs/scaling.md): reads every
// migration listed in apps/api/src/database/migrations/index.ts and fails on a feature outside that common subset.
// A migration that has landed is never edited; if one must stay outside the subset, the line carries
// `sql-subset: allow <rule> — <reason>` and the waiver is printed, so it is a decision and not an accident.
// Runtime SQL (services) is scanned too, for what TiDB accepts but does not honour; those findings are printed as
// notes, not failures (docs/scaling.md says how each is kept within the subset).
// Usage: node tools/scripts/check-sql-subset.mjs   (exit 1 on a violation)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const MIGRATIONS = path.join(ROOT, 'apps/api/src/database/migrations');

// Collations TiDB knows with its new collation framework (the default); the others are refused with error 1273.
const COLLATIONS = new Set([
  'ascii_bin', 'binary', 'latin1_bin', 'utf8_bin', 'utf8_general_ci', 'utf8_unicode_ci',
  'utf8mb4_bin', 'utf8mb4_general_ci', 'utf8mb4_unicode_ci', 'utf8mb4_0900_ai_ci', 'utf8mb4_0900_bin',
]);
const CHARSETS = new Set(['ascii', 'latin1', 'binary', 'utf8', 'utf8mb3', 'utf8mb4']);

/** Rules on migration SQL: [name, regexp, why]. */
const RULES = [
  ['fulltext', /\bFULLTEXT\b/i, 'TiDB has no FULLTEXT indexes (search uses member_search_word, a B-tree)'],
  ['spatial', /\b(SPATIAL|GEOMETRY|POINT|LINESTRING|POLYGON)\b/i, 'TiDB has no spatial types or indexes'],
  ['trigger', /\bCREATE\s+(DEFINER\s*=\s*\S+\s+)?TRIGGER\b/i, 'TiDB has no triggers: keep derived data in the services'],
  ['routine', /\bCREATE\s+(DEFINER\s*=\s*\S+\s+)?(PROCEDURE|FUNCTION)\b/i, 'TiDB has no stored procedures or functions'],
  ['event', /\bCREATE\s+(DEFINER\s*=\s*\S+\s+)?EVENT\b/i, 'TiDB has no events: schedule in the API or the job worker'],
  ['check-constraint', /\bCHECK\s*\(/i, 'TiDB enforces CHECK only with tidb_enable_check_constraint=ON: validate in the services'],
  ['stored-generated-alter', /\bALTER\s+TABLE\b[^;]*\bADD\b[^;]*\bAS\s*\([^;]*\)\s*(STORED|PERSISTENT)\b/i, 'TiDB cannot add a STORED generated column to an existing table (VIRTUAL, or in CREATE TABLE)'],
  ['primary-key-change', /\bALTER\s+TABLE\b[^;]*\b(ADD|DROP)\s+PRIMARY\s+KEY\b/i, 'TiDB cannot add or drop the primary key of a clustered table'],
  ['create-as-select', /\bCREATE\s+TABLE\b[^;(]*\bAS\s+SELECT\b/i, 'TiDB has no CREATE TABLE … AS SELECT'],
  ['engine', /\bENGINE\s*=\s*(?!InnoDB\b)\w+/i, 'only InnoDB behaves alike (TiDB ignores ENGINE)'],
  ['lock-tables', /\bLOCK\s+TABLES?\b/i, 'TiDB honours LOCK TABLES only with enable-table-lock'],
  ['sequence', /\bCREATE\s+SEQUENCE\b/i, 'MySQL has no sequences'],
];

/**
 * Landed migrations are never edited, so their known departures are listed here with how we stay within the
 * subset anyway. Nothing new goes on this list: a new migration fixes its SQL instead.
 */
const LANDED = [
  {
    file: '1795687257442-AccessControl.ts',
    rule: 'collation',
    why: 'app_user.username is ascii_general_ci; usernames are lower-cased on every write and look-up, so the TiDB profile bootstraps with new_collations_enabled_on_first_bootstrap=false, where the name is accepted and compares as binary, which gives the same answers',
  },
];

/** Runtime SQL that TiDB parses but does not honour as MariaDB and MySQL do. */
const RUNTIME_NOTES = [
  ['skip-locked', /SKIP\s+LOCKED/i, 'TiDB 8.5 accepts SKIP LOCKED but then takes no lock at all (pingcap/tidb#69720): claim jobs with a compare-and-set UPDATE'],
  ['collation', /COLLATE\s+(utf8mb4_unicode_520_ci|utf8mb4_vietnamese_ci|utf8mb4_vi_0900_as_cs|utf8mb4_uca1400_vietnamese_as_cs)/i, 'a collation TiDB does not have: compare folded, stored columns instead'],
];

function listedMigrations() {
  const index = readFileSync(path.join(MIGRATIONS, 'index.ts'), 'utf8');
  return [...index.matchAll(/from '\.\/([^']+)'/g)].map((m) => path.join(MIGRATIONS, `${m[1]}.ts`));
}

/** The SQL of a migration's `up`: its query strings, with the `${CONSTANT}`s the file defines put back in. */
function upSql(source) {
  const constants = Object.fromEntries([...source.matchAll(/const (\w+) = (["'`])([\s\S]*?)\2;/g)].map((m) => [m[1], m[3]]));
  const start = source.indexOf('async up(');
  const up = source.slice(start, source.indexOf('async down(') >= 0 ? source.indexOf('async down(') : undefined);
  const before = source.slice(0, start).split('\n').length - 1;
  const statements = [];
  for (const m of up.matchAll(/query\(\s*(["'`])([\s\S]*?)(?<!\\)\1/g)) {
    const line = before + up.slice(0, m.index).split('\n').length;
    const sql = m[2].replace(/\\`/g, '`').replace(/\$\{(\w+)\}/g, (_all, name) => constants[name] ?? '?');
    statements.push({ sql, line });
  }
  return { up, statements };
}

const failures = [];
const waived = [];
let checked = 0;
for (const file of listedMigrations()) {
  const source = readFileSync(file, 'utf8');
  const { statements } = upSql(source);
  const lines = source.split('\n');
  const name = path.relative(ROOT, file);
  for (const { sql, line } of statements) {
    checked += 1;
    const found = RULES.filter(([, re]) => re.test(sql)).map(([rule, , why]) => ({ rule, why }));
    for (const m of sql.matchAll(/\bCOLLATE\s*=?\s*["'`]?(\w+)/gi)) if (!COLLATIONS.has(m[1].toLowerCase())) found.push({ rule: 'collation', why: `collation ${m[1]} is not one TiDB has` });
    for (const m of sql.matchAll(/\b(?:CHARACTER\s+SET|CHARSET)\s*=?\s*["'`]?(\w+)/gi)) if (!CHARSETS.has(m[1].toLowerCase())) found.push({ rule: 'charset', why: `character set ${m[1]} is not one TiDB has` });
    for (const f of found) {
      // A waiver sits on the statement's line or the line above it, or (for a landed migration) in LANDED below.
      const near = `${lines[line - 2] ?? ''}\n${lines[line - 1] ?? ''}`;
      const landed = LANDED.find((l) => name.endsWith(l.file) && l.rule === f.rule);
      const waiver = new RegExp(`sql-subset: allow ${f.rule}\\b`).test(near) || landed;
      (waiver ? waived : failures).push(`${name}:${line}: ${f.rule}: ${f.why}${landed ? ` (landed; ${landed.why})` : ''}`);
    }
  }
}

function* sources(dir) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry !== 'migrations') yield* sources(full);
    } else if (entry.endsWith('.ts') && !entry.endsWith('.spec.ts')) yield full;
  }
}
const notes = [];
for (const file of sources(path.join(ROOT, 'apps/api/src'))) {
  const text = readFileSync(file, 'utf8');
  for (const [rule, re, why] of RUNTIME_NOTES) {
    const lines = text.split('\n');
    lines.forEach((l, i) => {
      if (re.test(l) && !/^\s*(\*|\/\/)/.test(l)) notes.push(`${path.relative(ROOT, file)}:${i + 1}: ${rule}: ${why}`);
    });
  }
}

for (const w of waived) console.log(`waived ${w}`);
for (const n of notes) console.log(`note   ${n}`);
if (failures.length) {
  for (const f of failures) console.error(`FAIL   ${f}`);
  console.error(`check-sql-subset: ${failures.length} statement(s) outside the MariaDB/MySQL/TiDB subset (docs/scaling.md)`);
  process.exit(1);
}
console.log(`check-sql-subset: ${checked} migration statements inside the MariaDB/MySQL/TiDB subset`);
