// Benchmark: a page of members with their cell and commune, (a) through the GraphQL API and (b) by hand-written SQL
// through mysql2 behind a minimal node:http handler. Same data (≥ 20,000 members), same pages, same concurrency,
// alternated rounds; reports the p50 latency ratio (a)/(b) for pages of 50 and 500 and statements per request.
// Usage: npm run bench:members   (needs a built API: npx nx run api:build)
import { execFileSync } from 'node:child_process';
import { machine, percentile, start, waitFor, writeSection } from '../lib.mjs';

const DB = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dangbo_bench';
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 21000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const API_PORT = 4301;
const RAW_PORT = 4302;

execFileSync('node', ['apps/api/dist/tools/seed-scale.js', String(MEMBERS)], { env: { ...process.env, DATABASE_URL: DB }, stdio: 'inherit' });

const api = start('node', ['apps/api/dist/main.js'], { DATABASE_URL: DB, PORT: String(API_PORT), NODE_ENV: 'test', SEED_DEMO: 'false', EXPOSE_SQL_COUNT: 'true' });
const raw = start('node', ['tools/bench/members-page/raw-server.mjs'], { DATABASE_URL: DB, PORT: String(RAW_PORT) });
const stopAll = () => {
  api.kill();
  raw.kill();
};
process.on('exit', stopAll);

const QUERY = `query($page: Int, $perPage: Int) { allMembers(page: $page, perPage: $perPage, sortField: "fullName", sortOrder: "ASC") { id fullName cell { name parent { name } } } }`;
let token = process.env.BENCH_TOKEN;

const targets = {
  graphql: (page, perPage) =>
    fetch(`http://127.0.0.1:${API_PORT}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: QUERY, variables: { page, perPage } }),
    }),
  sql: (page, perPage) => fetch(`http://127.0.0.1:${RAW_PORT}/?page=${page}&perPage=${perPage}`),
};

async function run(name, pages, perPage) {
  const latencies = [];
  let statements = 0;
  let next = 0;
  const worker = async () => {
    while (next < pages.length) {
      const page = pages[next++];
      const t0 = performance.now();
      const res = await targets[name](page, perPage);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      statements = Number(res.headers.get('x-sql-statements'));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { latencies, statements };
}

function pagesFor(perPage, count, seed) {
  const last = Math.floor(MEMBERS / perPage) - 1;
  let s = seed;
  return Array.from({ length: count }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % last;
  });
}

async function main() {
  await waitFor(`http://127.0.0.1:${API_PORT}/readyz`);
  await waitFor(`http://127.0.0.1:${RAW_PORT}/?page=0&perPage=1`);
  if (!token) {
    // The demo administrator (development data): every row, like the hand-written SQL.
    const res = await fetch(`http://127.0.0.1:${API_PORT}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(username: "admin", password: "dangbo-demo") { token } }' }),
    });
    token = (await res.json()).data.login.token;
  }
  // Same JSON from both, or the comparison means nothing.
  const a = await (await targets.graphql(3, 50)).json();
  const b = await (await targets.sql(3, 50)).json();
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('GraphQL and SQL pages differ:\n' + JSON.stringify(a).slice(0, 400) + '\n' + JSON.stringify(b).slice(0, 400));

  const rows = [];
  for (const perPage of [50, 500]) {
    const requests = perPage === 50 ? 200 : 60;
    await run('graphql', pagesFor(perPage, 20, 1), perPage); // warm-up
    await run('sql', pagesFor(perPage, 20, 1), perPage);
    const all = { graphql: [], sql: [] };
    let statements = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const pages = pagesFor(perPage, requests, round + 7);
      const order = round % 2 === 0 ? ['graphql', 'sql'] : ['sql', 'graphql'];
      for (const name of order) {
        const r = await run(name, pages, perPage);
        all[name].push(...r.latencies);
        if (name === 'graphql') statements = r.statements;
      }
    }
    const p50 = { graphql: percentile(all.graphql, 50), sql: percentile(all.sql, 50) };
    const p95 = { graphql: percentile(all.graphql, 95), sql: percentile(all.sql, 95) };
    rows.push({ perPage, p50, p95, ratio: p50.graphql / p50.sql, statements, n: all.graphql.length });
    console.log(`perPage ${perPage}: graphql p50 ${p50.graphql.toFixed(1)} ms, sql p50 ${p50.sql.toFixed(1)} ms, ratio ${(p50.graphql / p50.sql).toFixed(2)}, ${statements} statements`);
  }
  const target = { 50: 2.0, 500: 2.5 };
  const md = [
    '## Members page: GraphQL API vs hand-written SQL',
    '',
    `Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}. Data: ${MEMBERS.toLocaleString('en')} members (demo world + scale data). Concurrency ${CONCURRENCY}, ${ROUNDS} alternated rounds after a warm-up. Script: \`tools/bench/members-page/bench.mjs\`.`,
    '',
    '| page size | requests each | GraphQL p50 (ms) | SQL p50 (ms) | ratio p50 | target | GraphQL p95 (ms) | SQL p95 (ms) | SQL statements per GraphQL request |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.perPage} | ${r.n} | ${r.p50.graphql.toFixed(1)} | ${r.p50.sql.toFixed(1)} | **${r.ratio.toFixed(2)}** | ≤ ${target[r.perPage]} ${r.ratio <= target[r.perPage] ? '✅' : '❌'} | ${r.p95.graphql.toFixed(1)} | ${r.p95.sql.toFixed(1)} | ${r.statements} |`,
    ),
  ].join('\n');
  writeSection('members-page', md);
  console.log(md);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(stopAll);
