// Benchmark (issue 10, "Speed"): opening a rating period of BENCH_MEMBERS scale members (default 100,000) through the
// API, end to end (queue, read, compute metrics, write back), against a by-hand baseline that streams the same member
// rows with mysql2 and rates them with the hand-written rules of tools/bench/rating-engine/by-hand.ts, writing
// nothing. Also: SQL statements of the job (counted inside the API process by count-sql.cjs), the API's peak RSS,
// and the p99 of a members page (perPage 50) while the job runs versus idle.
// Usage: npm run bench:rating-job   (needs a built API: npx nx run api:build)
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machine, percentile, root, start, waitFor, writeSection } from '../lib.mjs';

const require = createRequire(import.meta.url);
const DB = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dangbo_bench_rj';
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100000);
const API_PORT = 4321;
const COUNTER_PORT = 4322;
/** The demo's 2025 period (published province frameworks cover the scale communes) over the district that holds them. */
const PERIOD_ID = '1';
const UNIT_ID = '2';
const PERIOD = { from: '2025-01-01', to: '2025-12-31' };
const t0 = performance.now();

const url = new URL(DB);
const mysql = require('mysql2');
const connect = (database) => mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), database });
if (process.env.BENCH_REUSE !== 'true') {
  // A fresh database each run: a second open over the same data would refresh, not create.
  const conn = connect().promise();
  await conn.query(`DROP DATABASE IF EXISTS \`${url.pathname.slice(1)}\``);
  await conn.end();
}
const seedStart = performance.now();
execFileSync('node', ['apps/api/dist/tools/seed-scale.js', String(MEMBERS)], { env: { ...process.env, DATABASE_URL: DB }, stdio: 'inherit' });
const seedSeconds = (performance.now() - seedStart) / 1000;

const api = start('node', ['--require', './tools/bench/rating-job/count-sql.cjs', 'apps/api/dist/main.js'], {
  DATABASE_URL: DB, PORT: String(API_PORT), NODE_ENV: 'test', SEED_DEMO: 'false', EXPOSE_SQL_COUNT: 'true', BENCH_COUNTER_PORT: String(COUNTER_PORT),
});
process.on('exit', () => api.kill());

let token;
async function gql(query, variables) {
  const res = await fetch(`http://127.0.0.1:${API_PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { data: body.data, statements: Number(res.headers.get('x-sql-statements') ?? 0) };
}
const counted = async () => Number(await (await fetch(`http://127.0.0.1:${COUNTER_PORT}/`)).text());
const memory = () => {
  const status = readFileSync(`/proc/${api.pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)[1]);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
};

const PAGE = `query($page: Int, $perPage: Int) { allMembers(page: $page, perPage: $perPage, sortField: "fullName", sortOrder: "ASC") { id fullName cell { name parent { name } } } }`;
let pageStatements = 0;
async function onePage(i) {
  const t = performance.now();
  const r = await gql(PAGE, { page: (i * 7919) % Math.floor(MEMBERS / 50), perPage: 50 });
  pageStatements += r.statements;
  return performance.now() - t;
}

/** The by-hand baseline: one streamed read of the members, four grouped reads of their metric inputs, no write. */
async function byHand() {
  const ts = require('typescript');
  const source = readFileSync(path.join(root, 'tools/bench/rating-engine/by-hand.ts'), 'utf8');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'by-hand-'));
  writeFileSync(path.join(dir, 'by-hand.mjs'), ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
  const { rateByHand } = await import(path.join(dir, 'by-hand.mjs'));
  const conn = connect(url.pathname.slice(1));
  const db = conn.promise();
  const start = performance.now();
  const end = PERIOD.to;
  const [units] = await db.query(
    `WITH RECURSIVE t AS (SELECT ? AS id UNION ALL SELECT l.unitId FROM org_unit_link l JOIN t ON l.parentId = t.id WHERE l.validFrom <= ? AND (l.validTo IS NULL OR l.validTo > ?)) SELECT id FROM t`,
    [Number(UNIT_ID), end, end],
  );
  const subtree = units.map((u) => Number(u.id));
  const byMember = async (sql, params) => new Map((await db.query(sql, params))[0].map((r) => [Number(r.memberId), r]));
  const attendance = await byMember(
    `SELECT x.memberId, COUNT(*) AS held, SUM(x.present) AS attended FROM (
       SELECT ma.memberId, a.id, MAX(COALESCE(t.present, 0)) AS present FROM activity a
         JOIN member_assignment ma ON ma.unitId = a.unitId AND ma.kind = 'OFFICIAL' AND ma.validFrom <= a.heldOn AND (ma.validTo IS NULL OR ma.validTo > a.heldOn)
         LEFT JOIN attendance t ON t.activityId = a.id AND t.memberId = ma.memberId
        WHERE a.kind = 'CELL_MEETING' AND a.heldOn BETWEEN ? AND ? GROUP BY ma.memberId, a.id) x GROUP BY x.memberId`,
    [PERIOD.from, PERIOD.to],
  );
  const study = await byMember(
    `SELECT r.memberId, COUNT(e.id) AS entries, SUM(e.specificity = 'GENERIC') AS generic FROM study_registration r LEFT JOIN study_entry e ON e.registrationId = r.id AND e.month BETWEEN 1 AND 12 WHERE r.year = 2025 GROUP BY r.memberId`,
    [],
  );
  const commendations = await byMember(`SELECT memberId, COUNT(*) AS n FROM commendation WHERE subject = 'INDIVIDUAL' AND decidedOn BETWEEN ? AND ? GROUP BY memberId`, [PERIOD.from, PERIOD.to]);
  const discipline = await byMember(`SELECT memberId, COUNT(*) AS n FROM discipline WHERE subject = 'INDIVIDUAL' AND decidedOn BETWEEN ? AND ? GROUP BY memberId`, [PERIOD.from, PERIOD.to]);
  let rated = 0;
  let checksum = 0;
  await new Promise((resolve, reject) => {
    conn
      .query(
        `SELECT m.id, m.status, m.admittedOn, MIN(a.unitId) AS cellId FROM member m JOIN member_assignment a ON a.memberId = m.id AND a.kind = 'OFFICIAL' AND a.validFrom <= ? AND (a.validTo IS NULL OR a.validTo > ?)
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
      })
      .on('end', resolve)
      .on('error', reject);
  });
  const seconds = (performance.now() - start) / 1000;
  await db.end();
  return { rated, seconds, checksum };
}

async function main() {
  await waitFor(`http://127.0.0.1:${API_PORT}/readyz`);
  token = (await gql('mutation { login(username: "admin", password: "dangbo-demo") { token } }')).data.login.token;
  for (let i = 0; i < 20; i += 1) await onePage(i); // warm-up
  const idle = [];
  for (let i = 0; i < 300; i += 1) idle.push(await onePage(i + 100));
  const before = memory();

  let pollStatements = 0;
  pageStatements = 0;
  const sqlBefore = await counted();
  const jobStart = performance.now();
  const opened = await gql(`mutation($id: ID!, $unitId: ID) { openRatingPeriod(id: $id, unitId: $unitId) { id } }`, { id: PERIOD_ID, unitId: UNIT_ID });
  pollStatements += opened.statements;
  const jobId = opened.data.openRatingPeriod.id;
  let job;
  let peak = before.rss;
  const busy = [];
  let running = true;
  const pages = (async () => {
    for (let i = 0; running; i += 1) busy.push(await onePage(i + 1000));
  })();
  while (true) {
    await new Promise((r) => setTimeout(r, 200));
    const r = await gql(`query($id: ID!) { RatingJob(id: $id) { state processed total created error } }`, { id: jobId });
    pollStatements += r.statements;
    job = r.data.RatingJob;
    peak = Math.max(peak, memory().rss);
    if (job.state === 'DONE' || job.state === 'FAILED') break;
  }
  const jobSeconds = (performance.now() - jobStart) / 1000;
  running = false;
  await pages;
  const sqlAfter = await counted();
  const after = memory();
  if (job.state !== 'DONE') throw new Error(`job failed: ${job.error}`);
  // The counter sees the whole process: the pages and the polls ran through requests that report their own count.
  const jobStatements = sqlAfter - sqlBefore - pageStatements - pollStatements;

  const [evaluated] = await connect(url.pathname.slice(1)).promise().query('SELECT COUNT(*) AS n, SUM(memberId IS NOT NULL) AS members FROM evaluation WHERE periodId = ?', [Number(PERIOD_ID)]);
  const hand = await byHand();
  const totalSeconds = (performance.now() - t0) / 1000;

  const apiRate = job.processed / jobSeconds;
  const handRate = hand.rated / hand.seconds;
  const ratio = apiRate / handRate;
  const per10k = (jobStatements / job.processed) * 10000;
  const p99 = { idle: percentile(idle, 99), busy: percentile(busy, 99) };
  const p99Ratio = p99.busy / p99.idle;
  const ok = (cond) => (cond ? '✅' : '❌');
  const row = (a, b, c, d) => `| ${a} | ${b} | ${c} | ${d} |`;
  const md = [
    '## Rating job: opening a period through the API vs a by-hand pass',
    '',
    `Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}. Data: ${MEMBERS.toLocaleString('en')} scale members plus the demo world (seeded in ${seedSeconds.toFixed(0)} s); \`openRatingPeriod\` of the 2025 period over the district Giồng Trôm (${job.processed.toLocaleString('en')} candidates: collectives and members; ${job.created.toLocaleString('en')} evaluations created, ${Number(evaluated[0].members).toLocaleString('en')} member evaluations in the period afterwards). Script: \`tools/bench/rating-job/bench.mjs\` (\`npm run bench:rating-job\`), whole run ${totalSeconds.toFixed(0)} s.`,
    '',
    '| measure | value | target | met |',
    '|---|---|---|---|',
    row('job, end to end through the API (queue, read, metrics, write back)', `${jobSeconds.toFixed(1)} s, **${Math.round(apiRate).toLocaleString('en')} subjects/s**`, '', ''),
    row('by hand: mysql2 stream + grouped metric reads + hand-written rules, no write', `${hand.seconds.toFixed(1)} s for ${hand.rated.toLocaleString('en')} members, **${Math.round(handRate).toLocaleString('en')} members/s**`, '', ''),
    row('ratio API / by hand', `**${ratio.toFixed(3)}**`, '≥ 0.3', ok(ratio >= 0.3)),
    row('SQL statements of the job per 10,000 subjects', `**${Math.round(per10k).toLocaleString('en')}** (${jobStatements.toLocaleString('en')} in all)`, '≤ 25', ok(per10k <= 25)),
    row(`API peak RSS at ${MEMBERS.toLocaleString('en')} members`, `${peak.toFixed(0)} MiB sampled (VmHWM ${after.hwm.toFixed(0)} MiB; ${before.rss.toFixed(0)} MiB before the job)`, '', ''),
    row('API peak RSS at 1,000,000 members, ratio to 100,000', `not measured: seeding ${MEMBERS.toLocaleString('en')} took ${seedSeconds.toFixed(0)} s and the job ${jobSeconds.toFixed(0)} s, so at this rate 1,000,000 would take about ${Math.round((jobSeconds * 1e6) / MEMBERS / 60)} min for the job alone (run with BENCH_MEMBERS=1000000; that run prints its peak and leaves BENCHMARKS.md alone)`, '≤ 1.2', '—'),
    row('members page (perPage 50) p99 idle', `${p99.idle.toFixed(1)} ms (${idle.length} requests)`, '', ''),
    row('members page p99 while the job runs', `${p99.busy.toFixed(1)} ms (${busy.length} requests)`, '', ''),
    row('ratio p99 busy / idle', `**${p99Ratio.toFixed(2)}**`, '≤ 2', ok(p99Ratio <= 2)),
    '',
    'How: statements are counted inside the API process (`tools/bench/rating-job/count-sql.cjs`, preloaded, wraps mysql2',
    "`query`/`execute`), minus what the page and poll requests report in `x-sql-statements`; other clients of the shared",
    'MariaDB do not count. RSS is sampled from `/proc/<pid>/status` every 200 ms. Pages are requested one at a time.',
    'The baseline reads what the job reads for a member (membership, attendance, study, commendations, discipline) in',
    'five statements and rates every member with the hand-written rules (with nothing entered yet); the job at open',
    'computes metrics and writes PENDING evaluations without rating them.',
  ].join('\n');
  console.log(md, `\n(by-hand checksum ${hand.checksum.toFixed(2)})`);
  if (MEMBERS !== 100000) console.log('BENCH_MEMBERS is not 100,000: BENCHMARKS.md left alone');
  else writeSection('rating-job', md);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => api.kill());
