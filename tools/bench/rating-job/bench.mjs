// Benchmark (issue 10, "Speed"): opening a rating period of BENCH_MEMBERS scale members (default 100,000) through the
// API, end to end (queue, read, compute metrics, write back), against a by-hand baseline that streams the same member
// rows with mysql2 and rates them with the hand-written rules of tools/bench/rating-engine/by-hand.ts, writing
// nothing. Also: SQL statements of the job (counted inside the API process by count-sql.cjs), the API's peak RSS,
// and the p99 of a members page (perPage 50) while the job runs versus idle. Then the same at
// BENCH_MEMORY_MEMBERS (default 1,000,000; 0 skips it) for the peak memory at ten times the scale.
// Usage: npm run bench:rating-job   (needs a built API: npx nx run api:build)
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { machine, percentile, root, start, waitFor, writeSection } from '../lib.mjs';

const require = createRequire(import.meta.url);
const DB = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dangbo_bench_rj';
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100000);
const MEMORY_MEMBERS = Number(process.env.BENCH_MEMORY_MEMBERS ?? 1000000);
/** Rounds of job and baseline, alternated, at the main scale (one at the memory scale). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const API_PORT = 4321;
const COUNTER_PORT = 4322;
/** The period year the demo rates; the period and the unit are looked up in the seeded data (see findPass). */
const YEAR = 2025;

const url = new URL(DB);
const DATABASE = url.pathname.slice(1);
const mysql = require('mysql2');
const connect = (database) => mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), database });
const iso = (d) => (d instanceof Date ? `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}` : String(d).slice(0, 10));
const SUBTREE = `WITH RECURSIVE t AS (SELECT ? AS id UNION SELECT l.unitId FROM org_unit_link l JOIN t ON l.parentId = t.id WHERE l.validFrom <= ? AND (l.validTo IS NULL OR l.validTo > ?)) SELECT id FROM t`;

/**
 * The period and the unit to open it over, read from the data rather than fixed ids (the demo's tree changes with
 * its reorganisations): the unit that holds the scale communes at the end of the year, and the year's period whose
 * unit has it in its subtree then. When no period of the demo reaches it (the holder ended within the year), a bench
 * period is declared by the holder itself (no published set: the job then writes evaluations without a set).
 */
async function findPass() {
  const db = connect(DATABASE).promise();
  const end = `${YEAR}-12-31`;
  const [[holder]] = await db.query(
    `SELECT l.parentId AS id, (SELECT name FROM org_unit WHERE id = l.parentId) AS name FROM org_unit_link l
      WHERE l.unitId = (SELECT MIN(id) FROM org_unit WHERE name LIKE 'Đảng bộ xã Thử %') AND l.validFrom <= ? AND (l.validTo IS NULL OR l.validTo > ?)`,
    [end, end],
  );
  if (!holder) throw new Error('no scale commune is linked to a parent at the end of the year: was seed-scale run?');
  const [periods] = await db.query(`SELECT id, unitId, name, startDate, endDate FROM rating_period WHERE kind = 'YEAR' AND year = ? ORDER BY id`, [YEAR]);
  let pass = null;
  for (const p of periods) {
    const [units] = await db.query(SUBTREE, [p.unitId, iso(p.endDate), iso(p.endDate)]);
    if (units.some((u) => Number(u.id) === Number(holder.id))) {
      pass = { periodId: Number(p.id), periodName: p.name, from: iso(p.startDate), to: iso(p.endDate), unitId: Number(holder.id), unitName: holder.name, own: false };
      break;
    }
  }
  if (!pass) {
    const [res] = await db.query(
      `INSERT INTO rating_period (unitId, kind, year, quarter, name, startDate, endDate, version) VALUES (?, 'YEAR', ?, 0, ?, ?, ?, 1)`,
      [holder.id, YEAR, `Năm ${YEAR} (benchmark)`, `${YEAR}-01-01`, end],
    );
    pass = { periodId: Number(res.insertId), periodName: `Năm ${YEAR} (benchmark)`, from: `${YEAR}-01-01`, to: end, unitId: Number(holder.id), unitName: holder.name, own: true };
  }
  await db.end();
  return pass;
}

/**
 * The by-hand baseline: one streamed read of the members, four grouped reads of their metric inputs, no write.
 * With `write`, the same pass also writes a row per member as the job does (its name, cell, metrics and the constant
 * columns, in one LOAD DATA after the read) into a table like `evaluation`: the baseline the issue's target leaves
 * out, measured beside it so the job's ratio to a pass that also writes is known.
 */
async function byHand(pass, { write = false } = {}) {
  const ts = require('typescript');
  const source = readFileSync(path.join(root, 'tools/bench/rating-engine/by-hand.ts'), 'utf8');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'by-hand-'));
  writeFileSync(path.join(dir, 'by-hand.mjs'), ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
  const { rateByHand } = await import(path.join(dir, 'by-hand.mjs'));
  const conn = connect(DATABASE);
  const db = conn.promise();
  const startedAt = performance.now();
  const end = pass.to;
  const [units] = await db.query(SUBTREE, [pass.unitId, end, end]);
  const subtree = units.map((u) => Number(u.id));
  const byMember = async (sql, params) => new Map((await db.query(sql, params))[0].map((r) => [Number(r.memberId), r]));
  const attendance = await byMember(
    `SELECT x.memberId, COUNT(*) AS held, SUM(x.present) AS attended FROM (
       SELECT ma.memberId, a.id, MAX(COALESCE(t.present, 0)) AS present FROM activity a
         JOIN member_assignment ma ON ma.unitId = a.unitId AND ma.kind = 'OFFICIAL' AND ma.validFrom <= a.heldOn AND (ma.validTo IS NULL OR ma.validTo > a.heldOn)
         LEFT JOIN attendance t ON t.activityId = a.id AND t.memberId = ma.memberId
        WHERE a.kind = 'CELL_MEETING' AND a.heldOn BETWEEN ? AND ? GROUP BY ma.memberId, a.id) x GROUP BY x.memberId`,
    [pass.from, pass.to],
  );
  const study = await byMember(
    `SELECT r.memberId, COUNT(e.id) AS entries, SUM(e.specificity = 'GENERIC') AS generic FROM study_registration r LEFT JOIN study_entry e ON e.registrationId = r.id AND e.month BETWEEN 1 AND 12 WHERE r.year = ? GROUP BY r.memberId`,
    [YEAR],
  );
  const commendations = await byMember(`SELECT memberId, COUNT(*) AS n FROM commendation WHERE subject = 'INDIVIDUAL' AND decidedOn BETWEEN ? AND ? GROUP BY memberId`, [pass.from, pass.to]);
  const discipline = await byMember(`SELECT memberId, COUNT(*) AS n FROM discipline WHERE subject = 'INDIVIDUAL' AND decidedOn BETWEEN ? AND ? GROUP BY memberId`, [pass.from, pass.to]);
  let rated = 0;
  let checksum = 0;
  const lines = [];
  await new Promise((resolve, reject) => {
    conn
      .query(
        `SELECT m.id, m.status, m.admittedOn, ${write ? 'm.fullName, ' : ''}MIN(a.unitId) AS cellId FROM member m JOIN member_assignment a ON a.memberId = m.id AND a.kind = 'OFFICIAL' AND a.validFrom <= ? AND (a.validTo IS NULL OR a.validTo > ?)
          WHERE a.unitId IN (?) GROUP BY m.id, m.status, m.admittedOn ORDER BY m.id`,
        [end, end, subtree],
      )
      .stream()
      .on('data', (r) => {
        const id = Number(r.id);
        const att = attendance.get(id);
        const st = study.get(id);
        const held = Number(att?.held ?? 0);
        const metrics = {
          attendance_rate: held ? Math.round((Number(att.attended ?? 0) / held) * 10000) / 100 : 100,
          study_registered: st ? 1 : 0,
          study_months_reported: Number(st?.entries ?? 0),
          study_generic_count: Number(st?.generic ?? 0),
          commendations: Number(commendations.get(id)?.n ?? 0),
          discipline_level: discipline.has(id) ? 1 : 0,
        };
        const facts = { tasks_assigned: 0, tasks_on_time: 0, tasks_late: 0, tasks_missed: 0, tasks_exceeded: 0, shortcomings_fixed_pct: 0, degeneration_signs: 0, forbidden_acts_breach: 0 };
        const scores = { lap_truong_chinh_tri: 0, tu_phe_binh: 0, quyen_nghia_vu: 0, nhiem_vu_dot_xuat: 0, vi_pham_noi_cu_tru: 0 };
        checksum += rateByHand({ scores, checks: {}, facts, metrics }).total;
        rated += 1;
        // The job's loaded columns (rating-job.processor.ts LOADED); names carry no tab or line feed.
        if (write) lines.push(`M:${id}\tMEMBER_OUTSIDE_SYSTEM\t${id}\t\\N\t${r.fullName}\t${r.cellId}\t${r.cellId}\t\\N\t\\N\tMEMBER@${r.cellId}\t${JSON.stringify(metrics)}\n`);
      })
      .on('end', resolve)
      .on('error', reject);
  });
  if (write) {
    const now = new Date();
    await new Promise((resolve, reject) =>
      conn.query(
        {
          sql: `LOAD DATA LOCAL INFILE 'evaluations' IGNORE INTO TABLE by_hand_evaluation CHARACTER SET utf8mb4 (subjectKey, subjectKind, memberId, subjectUnitId, subjectName, unitId, decidingUnitId, ledUnitId, criteriaSetId, peerGroup, metrics)
                 SET periodId = ?, stage = 'PENDING', status = 'ACTIVE', metricsAt = ?, version = 1, createdAt = ?, updatedAt = ?`,
          values: [pass.periodId, now, now, now],
          // mysql2 sends the file as Buffers, a few hundred lines each.
          infileStreamFactory: () => Readable.from((function* () { for (let i = 0; i < lines.length; i += 500) yield Buffer.from(lines.slice(i, i + 500).join('')); })()),
        },
        (error, result) => {
          // Every row loaded, and none bent to fit (IGNORE turns a bad value into a warning).
          if (!error && (result.affectedRows !== rated || result.warningStatus)) error = new Error(`by hand: ${result.info}`);
          return error ? reject(error) : resolve(result);
        },
      ),
    );
  }
  const seconds = (performance.now() - startedAt) / 1000;
  await db.end();
  return { rated, seconds, checksum };
}

/** The by-hand pass that also writes its rows, into a fresh table like `evaluation` (same columns and indexes). */
async function byHandWriting(pass) {
  const db = connect(DATABASE).promise();
  await db.query('DROP TABLE IF EXISTS by_hand_evaluation');
  await db.query('CREATE TABLE by_hand_evaluation LIKE evaluation');
  try {
    return await byHand(pass, { write: true });
  } finally {
    await db.query('DROP TABLE by_hand_evaluation');
    await db.end();
  }
}

/**
 * What writing the job's rows costs the database alone: the period's evaluations copied inside MariaDB into a table
 * like `evaluation` (same indexes), no client, no parsing. No write-back can be faster than this.
 */
async function writeFloor(pass) {
  const db = connect(DATABASE).promise();
  await db.query('CREATE TEMPORARY TABLE floor_copy LIKE evaluation');
  const t = performance.now();
  const [res] = await db.query('INSERT INTO floor_copy SELECT * FROM evaluation WHERE periodId = ?', [pass.periodId]);
  const seconds = (performance.now() - t) / 1000;
  const [[pool]] = await db.query('SELECT @@innodb_buffer_pool_size AS bytes');
  await db.end();
  return { rows: res.affectedRows, seconds, bufferPoolMiB: Math.round(Number(pool.bytes) / 2 ** 20) };
}

/**
 * The period back to unopened for another round: its evaluations and jobs deleted, a wait until InnoDB has purged
 * the deleted rows (history list near empty), so that a round does not pay for the purge of the one before, and the
 * table rebuilt: emptied by a delete, its indexes keep half-empty pages that make the next load a third slower than
 * into the table the first round found.
 */
async function resetPass(pass) {
  const db = connect(DATABASE).promise();
  await db.query('DELETE FROM evaluation WHERE periodId = ?', [pass.periodId]);
  await db.query('DELETE FROM rating_job WHERE periodId = ?', [pass.periodId]);
  for (let i = 0; i < 300; i += 1) {
    const [[h]] = await db.query(`SELECT COUNT AS n FROM information_schema.INNODB_METRICS WHERE NAME = 'trx_rseg_history_len'`);
    if (!h || Number(h.n) < 100) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await db.query('OPTIMIZE TABLE evaluation');
  await db.end();
}

/** One scale: a fresh database, the API in its own process, the job, the pages, the memory, then the baseline. */
async function measure(members) {
  const t0 = performance.now();
  if (process.env.BENCH_REUSE !== 'true') {
    // A fresh database each run: a second open over the same data would refresh, not create.
    const conn = connect().promise();
    await conn.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
    await conn.end();
  }
  const seedStart = performance.now();
  execFileSync('node', ['apps/api/dist/tools/seed-scale.js', String(members)], { env: { ...process.env, DATABASE_URL: DB }, stdio: 'inherit' });
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const pass = await findPass();
  console.log(`pass: period ${pass.periodId} "${pass.periodName}" over unit ${pass.unitId} (${pass.unitName})${pass.own ? ', declared by the benchmark' : ''}`);

  const api = start('node', ['--require', './tools/bench/rating-job/count-sql.cjs', 'apps/api/dist/main.js'], {
    DATABASE_URL: DB, PORT: String(API_PORT), NODE_ENV: 'test', SEED_DEMO: 'false', EXPOSE_SQL_COUNT: 'true', BENCH_COUNTER_PORT: String(COUNTER_PORT),
  });
  const killApi = () => api.kill();
  process.on('exit', killApi);
  try {
    let token;
    const gql = async (query, variables) => {
      const res = await fetch(`http://127.0.0.1:${API_PORT}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return { data: body.data, statements: Number(res.headers.get('x-sql-statements') ?? 0) };
    };
    const counted = async () => (await fetch(`http://127.0.0.1:${COUNTER_PORT}/`)).json();
    const memory = () => {
      const status = readFileSync(`/proc/${api.pid}/status`, 'utf8');
      const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)[1]);
      return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
    };
    const PAGE = `query($page: Int, $perPage: Int) { allMembers(page: $page, perPage: $perPage, sortField: "fullName", sortOrder: "ASC") { id fullName cell { name parent { name } } } }`;
    let pageStatements = 0;
    const onePage = async (i) => {
      const t = performance.now();
      const r = await gql(PAGE, { page: (i * 7919) % Math.floor(members / 50), perPage: 50 });
      pageStatements += r.statements;
      return performance.now() - t;
    };

    await waitFor(`http://127.0.0.1:${API_PORT}/readyz`);
    token = (await gql('mutation { login(username: "admin", password: "dangbo-demo") { token } }')).data.login.token;
    for (let i = 0; i < 20; i += 1) await onePage(i); // warm-up
    const idle = [];
    // Deep pages of a million members take a second or more each: fewer of them at the memory scale.
    for (let i = 0; i < (members > 200000 ? 60 : 300); i += 1) idle.push(await onePage(i + 100));
    const before = memory();

    /**
     * One opening of the period, from a period with no evaluation: statements and the thread's time by kind, counted
     * around it. With `pages`, members pages are requested one after another while it runs (the p99 under load);
     * without, the API is left to the job as the baseline is left to itself, and its end is seen within 50 ms.
     */
    const openOnce = async ({ pages }) => {
      const busy = [];
      let running = true;
      let measuring = false;
      // Under load the pages start a second before the job, so that the API is busy when the job begins, as it is
      // when somebody opens a period while others work in the panel.
      const requested = (async () => {
        for (let i = 0; running && pages; i += 1) {
          const ms = await onePage(i + 1000);
          if (measuring) busy.push(ms);
        }
      })();
      if (pages) await new Promise((r) => setTimeout(r, 1000));
      let pollStatements = 0;
      pageStatements = 0;
      const sqlBefore = await counted();
      measuring = true;
      const jobStart = performance.now();
      const opened = await gql(`mutation($id: ID!, $unitId: ID) { openRatingPeriod(id: $id, unitId: $unitId) { id } }`, { id: String(pass.periodId), unitId: String(pass.unitId) });
      pollStatements += opened.statements;
      const jobId = opened.data.openRatingPeriod.id;
      let job;
      let peak = memory().rss;
      while (true) {
        await new Promise((r) => setTimeout(r, pages ? 200 : 50));
        const r = await gql(`query($id: ID!) { RatingJob(id: $id) { state processed total created error } }`, { id: jobId });
        pollStatements += r.statements;
        job = r.data.RatingJob;
        peak = Math.max(peak, memory().rss);
        if (job.state === 'DONE' || job.state === 'FAILED') break;
      }
      const seconds = (performance.now() - jobStart) / 1000;
      measuring = false;
      const sqlAfter = await counted();
      // The counter sees the whole process: the pages and the polls ran through requests that report their own count
      // (taken before the pages still running add theirs).
      const statements = sqlAfter.statements - sqlBefore.statements - pageStatements - pollStatements;
      running = false;
      await requested;
      if (job.state !== 'DONE') throw new Error(`job failed: ${job.error}`);
      // Where the job's time went: its thread's statements, call to answer, by kind (count-sql.cjs).
      const spent = Object.fromEntries(['reads', 'writes', 'transaction'].map((k) => [k, (sqlAfter.thread[k] - sqlBefore.thread[k]) / 1000]));
      return { seconds, job, statements, spent, busy, peak };
    };

    // The API left idle for two seconds first: the job works on a second connection when the API was quiet over the
    // last second (rating-job.runner.ts), and the pages just asked would count against it.
    await new Promise((r) => setTimeout(r, 2000));
    // Alternated rounds of the job (each from a period with no evaluation) and the baseline: medians, not one draw.
    const rounds = [];
    let after;
    for (let r = 0; r < (members > 200000 ? 1 : ROUNDS); r += 1) {
      if (r > 0) await resetPass(pass);
      const run = await openOnce({ pages: false });
      // Peak memory after one opening, the same at every scale.
      if (r === 0) after = memory();
      rounds.push({ ...run, hand: await byHand(pass) });
    }
    const check = connect(DATABASE).promise();
    const [[evaluated]] = await check.query('SELECT COUNT(*) AS n, SUM(memberId IS NOT NULL) AS members FROM evaluation WHERE periodId = ?', [pass.periodId]);
    await check.end();
    // Then once more with pages requested all along: their p99 against idle (at the main scale only).
    let loaded = null;
    if (members <= 200000) {
      await resetPass(pass);
      loaded = await openOnce({ pages: true });
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const middle = rounds.find((r) => r.seconds === median(rounds.map((x) => x.seconds)));
    const hand = rounds.find((r) => r.hand.seconds === median(rounds.map((x) => x.hand.seconds))).hand;
    const handWriting = await byHandWriting(pass);
    const floor = await writeFloor(pass);
    // Both sides must have worked the scale communes under the unit (the job rates only the eligible: about 93% here).
    if (hand.rated < members || Number(evaluated.members) < members * 0.8) {
      throw new Error(`the pass missed the scale data: ${hand.rated} members by hand, ${evaluated.members} member evaluations`);
    }
    const { job, statements: jobStatements, spent, peak } = rounds[0];
    return {
      members, pass, seedSeconds, rounds, jobSeconds: middle.seconds, job, evaluated, hand, handWriting, floor, jobStatements, spent: middle.spent, before, after, peak,
      idle, busy: loaded?.busy ?? [], loadedSeconds: loaded?.seconds ?? null, totalSeconds: (performance.now() - t0) / 1000,
    };
  } finally {
    api.kill();
    process.off('exit', killApi);
    await new Promise((r) => (api.exitCode !== null ? r() : api.once('exit', r)));
  }
}

function report(main, big, load) {
  const apiRate = main.job.processed / main.jobSeconds;
  const handRate = main.hand.rated / main.hand.seconds;
  const ratio = apiRate / handRate;
  const per10k = (main.jobStatements / main.job.processed) * 10000;
  const p99 = { idle: percentile(main.idle, 99), busy: percentile(main.busy, 99) };
  const p99Ratio = p99.busy / p99.idle;
  const ok = (cond) => (cond ? '✅' : '❌');
  const row = (a, b, c, d) => `| ${a} | ${b} | ${c} | ${d} |`;
  const n = (x) => Math.round(x).toLocaleString('en');
  const mem = (r) => `VmHWM **${r.after.hwm.toFixed(0)} MiB** (sampled peak during the job ${r.peak.toFixed(0)} MiB; ${r.before.rss.toFixed(0)} MiB before it)`;
  const memRatio = big ? big.after.hwm / main.after.hwm : null;
  const bigRow = big
    ? [
        row(`API peak RSS at ${n(big.members)} members`, `${mem(big)}; job ${big.jobSeconds.toFixed(1)} s for ${n(big.job.processed)} subjects (${n(big.job.processed / big.jobSeconds)} subjects/s; by hand ${n(big.hand.rated / big.hand.seconds)} members/s, ratio ${(big.job.processed / big.jobSeconds / (big.hand.rated / big.hand.seconds)).toFixed(2)}); ${n((big.jobStatements / big.job.processed) * 10000)} statements per 10,000; seeded in ${big.seedSeconds.toFixed(0)} s, whole run ${big.totalSeconds.toFixed(0)} s`, '', ''),
        row(`ratio of peak RSS, ${n(big.members)} / ${n(main.members)}`, `**${memRatio.toFixed(2)}**`, '≤ 1.2', ok(memRatio <= 1.2)),
      ]
    : [row('API peak RSS at 1,000,000 members, ratio to 100,000', 'not measured in this run (BENCH_MEMORY_MEMBERS=0)', '≤ 1.2', '—')];
  const where = main.pass.own
    ? `a period "${main.pass.periodName}" declared by the benchmark over ${main.pass.unitName} (no demo period reached it at the year's end)`
    : `the ${YEAR} period "${main.pass.periodName}" (id ${main.pass.periodId}) over ${main.pass.unitName} (id ${main.pass.unitId}), the unit holding the scale communes at the year's end, both looked up in the data`;
  return {
    figures: { apiRate, handRate, ratio, per10k, p99, p99Ratio, memRatio },
    md: [
      '## Rating job: opening a period through the API vs a by-hand pass',
      '',
      `Machine: ${machine()}; load average before the run ${load}. Date: ${new Date().toISOString().slice(0, 10)}. Data: ${n(main.members)} scale members plus the demo world (seeded in ${main.seedSeconds.toFixed(0)} s); \`openRatingPeriod\` of ${where} (${n(main.job.processed)} candidates: collectives and members; ${n(main.job.created)} evaluations created, ${n(Number(main.evaluated.members))} member evaluations in the period afterwards). Script: \`tools/bench/rating-job/bench.mjs\` (\`npm run bench:rating-job\`), whole run ${main.totalSeconds.toFixed(0)} s${big ? ` at ${n(main.members)} and ${big.totalSeconds.toFixed(0)} s at ${n(big.members)}` : ''}.`,
      '',
      '| measure | value | target | met |',
      '|---|---|---|---|',
      row(
        'job, end to end through the API (queue, read, metrics, write back), the API otherwise idle',
        `${main.jobSeconds.toFixed(2)} s, **${n(apiRate)} subjects/s** (median of ${main.rounds.length}: ${main.rounds.map((r) => r.seconds.toFixed(2)).join(', ')} s)`,
        '',
        '',
      ),
      row(
        'by hand: mysql2 stream + grouped metric reads + hand-written rules, no write',
        `${main.hand.seconds.toFixed(2)} s for ${n(main.hand.rated)} members, **${n(handRate)} members/s** (median of ${main.rounds.length}, each after a job: ${main.rounds.map((r) => r.hand.seconds.toFixed(2)).join(', ')} s)`,
        '',
        '',
      ),
      row('ratio API / by hand', `**${ratio.toFixed(3)}**`, '≥ 0.3', ok(ratio >= 0.3)),
      row('by hand and writing a row per member as the job does (the same pass, then one LOAD DATA of its rows into a table like `evaluation`)', `${main.handWriting.seconds.toFixed(2)} s for ${n(main.handWriting.rated)} members, **${n(main.handWriting.rated / main.handWriting.seconds)} members/s**`, '', ''),
      row('ratio API / by hand and writing', `**${(apiRate / (main.handWriting.rated / main.handWriting.seconds)).toFixed(3)}**`, '', ''),
      row('for scale: the same rows copied inside MariaDB (INSERT … SELECT into a table like `evaluation`, no client)', `${main.floor.seconds.toFixed(2)} s for ${n(main.floor.rows)} rows: a job that reads as the baseline does and writes these rows needs at least the sum, a ratio of at most ${(main.job.processed / (main.hand.seconds + main.floor.seconds) / handRate).toFixed(2)}`, '', ''),
      row('where the job\'s time went (statements of its thread, call to answer)', spentText(main), '', ''),
      row('SQL statements of the job per 10,000 subjects', `**${n(per10k)}** (${n(main.jobStatements)} in all)`, '≤ 25', ok(per10k <= 25)),
      row(`API peak RSS at ${n(main.members)} members`, mem(main), '', ''),
      ...bigRow,
      row('members page (perPage 50) p99 idle', `${p99.idle.toFixed(1)} ms (${main.idle.length} requests)`, '', ''),
      row('members page p99 while the job runs', `${p99.busy.toFixed(1)} ms (${main.busy.length} requests; the job took ${main.loadedSeconds?.toFixed(1)} s beside them, reading no chunk ahead)`, '', ''),
      row('ratio p99 busy / idle', `**${p99Ratio.toFixed(2)}**`, '≤ 2', ok(p99Ratio <= 2)),
      '',
      ...unmet({ ratio, per10k, p99Ratio, memRatio, load, main }),
      'How: statements are counted inside the API process (`tools/bench/rating-job/count-sql.cjs`, preloaded, wraps mysql2',
      "`query`/`execute`, so `START TRANSACTION` and `COMMIT` count too), minus what the page and poll requests report in",
      '`x-sql-statements`; other clients of the shared MariaDB do not count. Memory is the API process\'s VmHWM (its peak',
      'resident set since it started, from `/proc/<pid>/status`) after the first opening; each scale runs in a fresh API',
      'process through the same steps (fewer idle pages at the larger scale, whose deep pages take seconds, and one round).',
      'The rounds alternate an opening (the period\'s evaluations deleted and purged before each) and the baseline, with',
      'nothing else asked of the API, as nothing else is asked of the baseline: there the job reads its next chunk while',
      'a chunk writes (rating-job.runner.ts). Then one more opening with members pages requested one at a time all along,',
      'in the same process, the job on its worker thread (rating-job.thread.ts): the API busy, the job reads no chunk',
      'ahead, and the pages\' p99 is compared with idle.',
      'The baseline reads what the job reads for a member (membership, attendance, study, commendations, discipline) in',
      'five statements and rates every member with the hand-written rules (with nothing entered yet), in the benchmark',
      'process, writing nothing; the job also reads statuses, posts and the evaluations already there, computes the',
      'collectives\' metrics over their subtrees, and writes a PENDING evaluation per rated subject (it does not rate at',
      'open: nothing is entered yet). The period and unit are looked up in the seeded data, not fixed ids.',
    ].join('\n'),
  };
}

/** The job's statements by kind against its time: with the next chunk read while one writes, they overlap. */
function spentText({ spent, jobSeconds }) {
  const sum = spent.reads + spent.writes + spent.transaction;
  const parts = `reads ${spent.reads.toFixed(2)} s, writes ${spent.writes.toFixed(2)} s, transaction control ${spent.transaction.toFixed(2)} s`;
  return sum > jobSeconds
    ? `${parts}: ${sum.toFixed(2)} s of statements in a ${jobSeconds.toFixed(2)} s job, the next chunk read while one writes (the job's own work, the queue and the 50 ms polls run beside them)`
    : `${parts}; the other ${(jobSeconds - sum).toFixed(2)} s are its own work between statements (rows to text, metrics, JSON), the queue and the 50 ms polls`;
}

/** A plain sentence for each target this run did not meet, and why. */
function unmet({ ratio, per10k, p99Ratio, memRatio, load, main }) {
  const out = [];
  if (ratio < 0.3) {
    out.push(
      `Not met: the ratio (${ratio.toFixed(3)} < 0.3). The baseline writes nothing, and writing the ${main.floor.rows.toLocaleString('en')} evaluations alone, copied inside MariaDB with no client at all, took ${main.floor.seconds.toFixed(2)} s against the baseline's ${main.hand.seconds.toFixed(2)} s for everything. The job loads those rows (one LOAD DATA per chunk: ${main.spent.writes.toFixed(2)} s of writes, the server updating five indexes of \`evaluation\` per row, with a ${main.floor.bufferPoolMiB} MiB InnoDB buffer pool), reads each member's status, posts and existing evaluation with its membership and metrics (${main.spent.reads.toFixed(2)} s of reads), computes the collectives over their subtrees, in chunks of 10,000 that each commit with their cursor, on ${os.cpus().length} cores shared with the rest of the machine.`,
    );
  }
  if (per10k > 25) out.push(`Not met: statements per 10,000 subjects (${Math.round(per10k)} > 25).`);
  if (memRatio !== null && memRatio > 1.2) out.push(`Not met: peak memory at ten times the members (ratio ${memRatio.toFixed(2)} > 1.2).`);
  if (p99Ratio > 2) {
    out.push(
      `Not met in this run: the page p99 during the job (ratio ${p99Ratio.toFixed(2)} > 2). The job runs on a worker thread of the API (the event loop answering pages is not held by it), but pages and job share 2 cores and one MariaDB with whatever else runs on the machine (load average ${load} when the run began), and it moves from run to run with that load.`,
    );
  }
  return out.length ? [...out, ''] : [];
}

async function main() {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(', ');
  const primary = await measure(MEMBERS);
  const big = MEMORY_MEMBERS > 0 && MEMORY_MEMBERS !== MEMBERS ? await measure(MEMORY_MEMBERS) : null;
  const { md } = report(primary, big, load);
  console.log(md, `\n(by-hand checksum ${primary.hand.checksum.toFixed(2)})`);
  if (MEMBERS !== 100000) console.log('BENCH_MEMBERS is not 100,000: BENCHMARKS.md left alone');
  else writeSection('rating-job', md);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
