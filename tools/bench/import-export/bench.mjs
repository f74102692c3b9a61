// Benchmark: the member import (a 10,000-row .xlsx: dry run, commit, then the same file again) and the member export
// (the whole list as .xlsx, ≥ 100,000 rows, streamed), through the real API over HTTP. Reports rows per second and
// the API process's peak resident memory during the export (streaming should keep it flat as the list grows).
// Usage: npm run bench:import-export   (builds the API; scale data goes to BENCH_DATABASE_URL, never to a working one)
// BENCH_WRITE=0 runs without writing BENCHMARKS.md (a check of the script on a busy machine).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { machine, start, waitFor, writeSection } from '../lib.mjs';

const require = createRequire(import.meta.url);
const ExcelJS = require('exceljs');

const DB = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dangbo_bench_io';
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10000);
const PORT = 4303;
const BASE = `http://127.0.0.1:${PORT}`;
const CELL_ID = 101; // Chi bộ ấp Bến Đò of the demo world (a name may repeat among the scale data's cells; the id does not)

// A fresh bench database each run, so the export really has MEMBERS rows (seed-scale refuses to add to old scale data).
{
  const mysql = require('mysql2/promise');
  const url = new URL(DB);
  const conn = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
  await conn.query(`DROP DATABASE IF EXISTS \`${url.pathname.slice(1)}\``);
  await conn.end();
}
execFileSync('node', ['apps/api/dist/tools/seed-scale.js', String(MEMBERS)], { env: { ...process.env, DATABASE_URL: DB }, stdio: 'inherit' });
const api = start('node', ['apps/api/dist/main.js'], { DATABASE_URL: DB, PORT: String(PORT), NODE_ENV: 'test', SEED_DEMO: 'false' });
process.on('exit', () => api.kill());

/** Resident memory of the API process (kB), from /proc. */
const rssKb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))?.[1] ?? 0);

async function importFile(stamp) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đảng viên');
  ws.addRow(['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số thẻ đảng viên', 'Số lý lịch', 'Số CCCD', 'Ngày vào Đảng', 'Ngày chính thức', 'Chi bộ', 'Ghi chú']);
  for (let i = 1; i <= IMPORT_ROWS; i += 1) {
    const n = String(i).padStart(6, '0');
    ws.addRow([`Trần Thị Bench ${i}`, i % 2 ? 'Nữ' : 'Nam', '05/03/1970', `B${stamp}${n}`, null, `9${stamp}${n}`, '19/05/1995', '19/05/1996', String(CELL_ID), null]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function timed(label, work) {
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  console.log(`${label}: ${(ms / 1000).toFixed(2)} s`);
  return { ms, result };
}

async function main() {
  await waitFor(`${BASE}/readyz`);
  const login = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(username: "admin", password: "dangbo-demo") { token } }' }),
  });
  const token = (await login.json()).data.login.token;
  const auth = { authorization: `Bearer ${token}` };
  const stamp = String(Date.now() % 1e5).padStart(5, '0');
  const file = await importFile(stamp);
  const upload = async (dryRun) => {
    const res = await fetch(`${BASE}/imports/members?dryRun=${dryRun ? 1 : 0}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: file });
    const body = await res.json();
    if (!Array.isArray(body.problems) || body.problems.length) throw new Error(`import refused: ${JSON.stringify(body).slice(0, 500)}`);
    return body;
  };
  const dry = await timed('import dry run', () => upload(true));
  const commit = await timed('import commit', () => upload(false));
  if (commit.result.created !== IMPORT_ROWS) throw new Error(`created ${commit.result.created} of ${IMPORT_ROWS}`);
  const again = await timed('import again (no-op)', () => upload(false));
  if (again.result.unchanged !== IMPORT_ROWS) throw new Error(`second import changed rows: ${JSON.stringify(again.result)}`);

  const before = rssKb();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb())), 50);
  const exp = await timed('export', async () => {
    const res = await fetch(`${BASE}/exports/members.xlsx?columns=fullName,gender,birthDate,cardNumber,status,cellId`, { headers: auth });
    if (res.status !== 200) throw new Error(`export: ${res.status} ${await res.text()}`);
    let bytes = 0;
    for await (const chunk of res.body) bytes += chunk.length;
    return { rows: Number(res.headers.get('x-total-count')), bytes };
  });
  clearInterval(sampler);

  const rate = (rows, ms) => Math.round(rows / (ms / 1000)).toLocaleString('en');
  const md = [
    '## Member import and export (.xlsx)',
    '',
    `Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}. Data: ${MEMBERS.toLocaleString('en')} scale members plus the demo world. Through the API over HTTP, one client. Script: \`tools/bench/import-export/bench.mjs\`.`,
    '',
    '| step | rows | time (s) | rows per second |',
    '|---|---|---|---|',
    `| import ${IMPORT_ROWS.toLocaleString('en')} rows: dry run (read + every check) | ${IMPORT_ROWS.toLocaleString('en')} | ${(dry.ms / 1000).toFixed(2)} | ${rate(IMPORT_ROWS, dry.ms)} |`,
    `| import ${IMPORT_ROWS.toLocaleString('en')} rows: commit (checks + one transaction) | ${IMPORT_ROWS.toLocaleString('en')} | ${(commit.ms / 1000).toFixed(2)} | **${rate(IMPORT_ROWS, commit.ms)}** |`,
    `| the same file again (matched, nothing written) | ${IMPORT_ROWS.toLocaleString('en')} | ${(again.ms / 1000).toFixed(2)} | ${rate(IMPORT_ROWS, again.ms)} |`,
    `| export of every member, 6 columns (${(exp.result.bytes / 2 ** 20).toFixed(1)} MB .xlsx) | ${exp.result.rows.toLocaleString('en')} | ${(exp.ms / 1000).toFixed(2)} | **${rate(exp.result.rows, exp.ms)}** |`,
    '',
    `API resident memory during the export: ${Math.round(before / 1024)} MB before, ${Math.round(peak / 1024)} MB at the peak (rows are read and written 1,000 at a time; only the ordered ids, 8 bytes a row, are held whole).`,
  ].join('\n');
  console.log(md);
  if (process.env.BENCH_WRITE !== '0') writeSection('import-export', md);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => api.kill());
