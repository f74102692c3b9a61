// Benchmark: the members page and the tree as the panel asks for them, (a) through the GraphQL API and (b) by
// hand-written SQL through mysql2 behind a minimal node:http handler (raw-server.mjs), on the same data, with the
// same pages, the same concurrency and alternated rounds. Reports the p50 latency ratio (a)/(b), SQL statements per
// GraphQL request, and, when given two sizes, the ratio of each p50 at the larger size to the smaller (issue 13 §2).
//
// Usage: npm run bench:members   (needs a built API: npx nx run api:build)
//   BENCH_SIZES=21000,1000000   member counts, each in its own database (dangbo_bench, dangbo_bench_1m, …); seeded
//                               by seed-scale when short of members, reused otherwise
//   BENCH_SCENARIOS=a,b         a subset of SCENARIOS below (default: those of §1, or all when two sizes are given)
//   BENCH_CONCURRENCY=4  BENCH_ROUNDS=5  BENCH_WRITE=0 (print only; default writes the members-page section)
//   BENCH_PROFILE=dir           run the API of the first size under `node --cpu-prof` into dir
//   BENCH_BUFFER_POOL_MB=1024   size MariaDB's InnoDB buffer pool for the run (SET GLOBAL; the size before is put
//                               back at the end), as a server holding that many members would be sized
import { execFileSync, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { machine, percentile, root, start, waitFor, writeSection } from '../lib.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '21000').split(',').map(Number);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WRITE = process.env.BENCH_WRITE !== '0';
const PROFILE = process.env.BENCH_PROFILE;

const BUFFER_POOL_MB = Number(process.env.BENCH_BUFFER_POOL_MB ?? 0);

const dbName = (size) => (size === 21000 ? 'dangbo_bench' : `dangbo_bench_${size % 1e6 === 0 ? `${size / 1e6}m` : `${Math.round(size / 1e3)}k`}`);
const dbUrl = (size) => process.env[`BENCH_DATABASE_URL_${size}`] ?? `mysql://root@127.0.0.1:3306/${dbName(size)}`;

/** What the panel asks for a members list (apps/admin/src/providers/dataProvider.ts LIST_FIELDS, ra-data-graphql-simple getList). */
const MEMBER_FIELDS = 'id fullName familyName middleName givenName namePartsOverridden gender birthDate citizenId cardNumber recordNumber admittedOn officialOn partyAgeYears status cellId note version';
const ADMIN_PAGE = `query allMembers($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: MemberFilter) {
  items: allMembers(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) { ${MEMBER_FIELDS} }
  total: _allMembersMeta(page: $page, perPage: $perPage, filter: $filter) { count }
}`;
/** One level of the tree as the panel opens it (apps/admin/src/resources/org-units/tree: TREE_FIELDS, perPage 500). */
const TREE_FIELDS = 'id name shortName kind childCount memberCount parentId';
const TREE = `query allOrgUnits($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: OrgUnitFilter) {
  items: allOrgUnits(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) { ${TREE_FIELDS} }
  total: _allOrgUnitsMeta(page: $page, perPage: $perPage, filter: $filter) { count }
}`;
const COUNT = `query($filter: MemberFilter) { total: _allMembersMeta(filter: $filter) { count } }`;
/** The page without its total (the panel always asks both; this isolates the page statement from the count). */
const PAGE_ONLY = `query allMembers($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: MemberFilter) {
  items: allMembers(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) { ${MEMBER_FIELDS} }
}`;
/** The page of the first measurements (issue 10): the cell and the commune of each member, nested. */
const CELL_PAGE = `query($page: Int, $perPage: Int) { allMembers(page: $page, perPage: $perPage, sortField: "fullName", sortOrder: "ASC") { id fullName cell { name parent { name } } } }`;

const PROVINCE = 1; // the demo province: every scale commune sits directly under it (seed-scale)
const SCALE_COMMUNE = 100000; // the first commune seed-scale writes: 14 cells of 25 members
/** Pages are drawn from the first rows (those of the smallest size), so every size serves the same offsets. */
const SHALLOW_ROWS = Math.min(...SIZES);

function pagesFor(perPage, count, seed, rows = SHALLOW_ROWS) {
  const last = Math.max(1, Math.floor(rows / perPage) - 1);
  let s = seed;
  return Array.from({ length: count }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % last;
  });
}

const adminPage = (perPage, filter, pageRows) => (page) => ({
  gql: { query: ADMIN_PAGE, variables: { page, perPage, sortField: 'fullName', sortOrder: 'ASC', filter: filter ?? {} } },
  sql: `/admin-page?${new URLSearchParams({ page, perPage, ...(filter ?? {}) })}`,
  pageRows,
});
const TODAY = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
/** The tree page's first request (its tops, perPage 100) and opening a unit (its children, perPage 500), as of today. */
const treeTops = () => ({
  gql: { query: TREE, variables: { page: 0, perPage: 100, sortField: 'name', sortOrder: 'ASC', filter: { root: true, asOf: TODAY } } },
  sql: `/tree?root=1&perPage=100`,
});
const pageOnly = (perPage) => (page) => ({
  gql: { query: PAGE_ONLY, variables: { page, perPage, sortField: 'fullName', sortOrder: 'ASC', filter: {} } },
  sql: `/admin-page?${new URLSearchParams({ page, perPage, total: 'no' })}`,
});
const treeOf = (parentId) => () => ({
  gql: { query: TREE, variables: { page: 0, perPage: 500, sortField: 'name', sortOrder: 'ASC', filter: { parentId: String(parentId), asOf: TODAY } } },
  sql: `/tree?parentId=${parentId}&perPage=500`,
});

/** Each scenario: what one request asks, requests per round, and the pages it walks (null: always the same request). */
const SCENARIOS = {
  'members-50': { label: 'members page, 50 rows (`allMembers` + `_allMembersMeta` as the panel asks)', requests: 200, perPage: 50, make: adminPage(50) },
  'members-500': { label: 'members page, 500 rows (same query)', requests: 60, perPage: 500, make: adminPage(500) },
  'page-50': { label: 'the page alone, 50 rows (`allMembers` without `_allMembersMeta`)', requests: 200, perPage: 50, make: pageOnly(50) },
  'tree-tops': { label: 'tree: its tops (`allOrgUnits(filter: { root })` + `childCount`, `memberCount` + `_allOrgUnitsMeta`): the province with all its members', requests: 8, make: treeTops },
  'tree-province': { label: 'tree: the province opened (its communes, 500 per page, each with `childCount` and `memberCount`)', requests: 20, make: treeOf(PROVINCE) },
  'cell-50': { label: 'members with cell and commune (`cell { name parent { name } }`), 50 rows', requests: 200, perPage: 50, make: (page) => ({ gql: { query: CELL_PAGE, variables: { page, perPage: 50 } }, sql: `/cell-page?page=${page}&perPage=50` }) },
  'cell-500': { label: 'members with cell and commune, 500 rows', requests: 60, perPage: 500, make: (page) => ({ gql: { query: CELL_PAGE, variables: { page, perPage: 500 } }, sql: `/cell-page?page=${page}&perPage=500` }) },
  'commune-50': { label: 'subtree page of one commune (`filter: { unitId }`, 350 members), 50 rows', requests: 100, perPage: 50, rows: 350, make: adminPage(50, { unitId: String(SCALE_COMMUNE) }) },
  'province-count': {
    label: '`_allMembersMeta` for the province (`filter: { unitId }`)',
    requests: 8,
    make: () => ({ gql: { query: COUNT, variables: { filter: { unitId: String(PROVINCE) } } }, sql: `/count?unitId=${PROVINCE}` }),
  },
  'search-diacritics': { label: '`q: "Trương Công Tín"` (a full name), first 50', requests: 20, make: () => adminPage(50, { q: 'Trương Công Tín' })(0) },
  'search-folded': { label: '`q: "truong cong tin"` (the same, typed without diacritics), first 50', requests: 20, make: () => adminPage(50, { q: 'truong cong tin' })(0) },
  'search-common': { label: '`q: "nguyen van"` (the commonest family and middle names), first 50', requests: 20, make: () => adminPage(50, { q: 'nguyen van' })(0) },
  'members-50-deep': { label: 'members page, 50 rows, pages anywhere in the whole list (OFFSET up to the size)', requests: 20, perPage: 50, deep: true, make: adminPage(50) },
};
const SECTION_1 = ['members-50', 'members-500', 'tree-tops', 'tree-province', 'cell-50', 'cell-500'];
const chosen = process.env.BENCH_SCENARIOS?.split(',') ?? (SIZES.length > 1 ? Object.keys(SCENARIOS) : SECTION_1);

// Another process on one of our ports would be measured instead of ours (the API exits when its port is taken).
const PORTS = SIZES.flatMap((_, i) => [4301 + 10 * i, 4302 + 10 * i]);
for (const port of PORTS) {
  const taken = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
  if (taken) throw new Error(`port ${port} is already in use: stop what runs there first`);
}

/** Sets the server's buffer pool size in bytes (0 leaves it as it is) and answers the size it had before. */
async function bufferPool(bytes) {
  const mysql = createRequire(import.meta.url)('mysql2/promise');
  const db = await mysql.createConnection(dbUrl(SIZES[0]).replace(/\/[^/]*$/, '/'));
  const [[{ size }]] = await db.query('SELECT @@innodb_buffer_pool_size AS size');
  if (bytes) await db.query('SET GLOBAL innodb_buffer_pool_size = ?', [bytes]);
  await db.end();
  return Number(size);
}
const poolBefore = BUFFER_POOL_MB ? await bufferPool(BUFFER_POOL_MB * 2 ** 20) : null;
const poolDuring = BUFFER_POOL_MB ? await bufferPool(0) : null;

// Seed (or reuse) one database per size and start an API and a baseline server on it.
const servers = SIZES.map((size, i) => {
  const t0 = performance.now();
  execFileSync('node', ['apps/api/dist/tools/seed-scale.js', String(size)], { env: { ...process.env, DATABASE_URL: dbUrl(size) }, stdio: 'inherit' });
  console.log(`${dbName(size)}: ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const apiPort = 4301 + 10 * i;
  const rawPort = 4302 + 10 * i;
  const profile = PROFILE && i === 0 ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : [];
  // The API's request log (one JSON line per request) goes to a file, as it would to a log collector.
  const log = openSync(`/tmp/bench-members-api-${size}.log`, 'w');
  const api = spawn('node', [...profile, 'apps/api/dist/main.js'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: dbUrl(size), PORT: String(apiPort), NODE_ENV: 'test', SEED_DEMO: 'false', EXPOSE_SQL_COUNT: 'true' },
    stdio: ['ignore', log, 'inherit'],
  });
  const raw = start('node', ['tools/bench/members-page/raw-server.mjs'], { DATABASE_URL: dbUrl(size), PORT: String(rawPort) });
  return { size, apiPort, rawPort, api, raw, token: null };
});
const stopAll = () => servers.forEach((s) => (s.api.kill('SIGTERM'), s.raw.kill()));
process.on('exit', stopAll);

async function request(server, target, req) {
  if (target === 'graphql') {
    return fetch(`http://127.0.0.1:${server.apiPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: JSON.stringify(req.gql),
    });
  }
  return fetch(`http://127.0.0.1:${server.rawPort}${req.sql}`);
}

async function run(server, target, requests) {
  const latencies = [];
  const statements = new Set();
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const req = requests[next++];
      const t0 = performance.now();
      const res = await request(server, target, req);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (!res.ok) throw new Error(`${target} answered ${res.status}`);
      statements.add(Number(res.headers.get('x-sql-statements')));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { latencies, statements };
}

function requestsOf(scenario, server, count, seed) {
  if (!scenario.perPage) return Array.from({ length: count }, () => scenario.make());
  const rows = scenario.rows ?? (scenario.deep ? server.size : SHALLOW_ROWS);
  return pagesFor(scenario.perPage, count, seed, rows).map((page) => scenario.make(page));
}

async function main() {
  for (const s of servers) {
    await waitFor(`http://127.0.0.1:${s.apiPort}/readyz`, 600);
    await waitFor(`http://127.0.0.1:${s.rawPort}/count`, 60).catch(() => {});
    // The demo administrator (development data): every row, like the hand-written SQL.
    const res = await fetch(`http://127.0.0.1:${s.apiPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(username: "admin", password: "dangbo-demo") { token } }' }),
    });
    s.token = (await res.json()).data.login.token;
  }

  const results = [];
  for (const name of chosen) {
    const scenario = SCENARIOS[name];
    if (!scenario) throw new Error(`unknown scenario ${name}; one of ${Object.keys(SCENARIOS).join(', ')}`);
    for (const s of servers) {
      // Same JSON from both, or the comparison means nothing.
      const [probe] = requestsOf(scenario, s, 1, 3);
      const a = JSON.stringify(await (await request(s, 'graphql', probe)).json());
      const b = JSON.stringify(await (await request(s, 'sql', probe)).json());
      if (a !== b) {
        let at = 0;
        while (a[at] === b[at]) at += 1;
        throw new Error(`${name} at ${s.size}: GraphQL and SQL answers differ at ${at}:\n…${a.slice(Math.max(0, at - 300), at + 300)}\n…${b.slice(Math.max(0, at - 300), at + 300)}`);
      }
      // Warm-up.
      await run(s, 'graphql', requestsOf(scenario, s, Math.min(20, scenario.requests), 1));
      await run(s, 'sql', requestsOf(scenario, s, Math.min(20, scenario.requests), 1));
    }
    const all = new Map(servers.map((s) => [s, { graphql: [], sql: [], statements: new Set() }]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const s of round % 2 === 0 ? servers : [...servers].reverse()) {
        const requests = requestsOf(scenario, s, scenario.requests, round + 7);
        for (const target of round % 2 === 0 ? ['graphql', 'sql'] : ['sql', 'graphql']) {
          const r = await run(s, target, requests);
          all.get(s)[target].push(...r.latencies);
          if (target === 'graphql') r.statements.forEach((n) => all.get(s).statements.add(n));
        }
      }
    }
    for (const s of servers) {
      const m = all.get(s);
      const row = {
        name,
        size: s.size,
        n: m.graphql.length,
        p50: { graphql: percentile(m.graphql, 50), sql: percentile(m.sql, 50) },
        p95: { graphql: percentile(m.graphql, 95), sql: percentile(m.sql, 95) },
        statements: [...m.statements].sort((x, y) => x - y),
      };
      row.ratio = row.p50.graphql / row.p50.sql;
      results.push(row);
      console.log(`${name} @ ${s.size}: graphql p50 ${row.p50.graphql.toFixed(1)} ms, sql p50 ${row.p50.sql.toFixed(1)} ms, ratio ${row.ratio.toFixed(2)}, statements ${row.statements.join('/')}`);
    }
  }

  const target = { 'members-50': 2.0, 'members-500': 2.5, 'cell-50': 2.0, 'cell-500': 2.5, 'tree-tops': 2.0, 'tree-province': 2.5 };
  const mark = (ok) => (ok ? '✅' : '❌');
  const md = [
    `Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}. Data: ${SIZES.map((n) => n.toLocaleString('en')).join(' and ')} members (demo world + scale data).${poolDuring ? ` MariaDB buffer pool ${Math.round(poolDuring / 2 ** 20)} MiB for the run (BENCH_BUFFER_POOL_MB).` : ''} Concurrency ${CONCURRENCY}, ${ROUNDS} alternated rounds after a warm-up. Caller: the demo administrator. Script: \`tools/bench/members-page/bench.mjs\`.`,
    '',
    '| what | members | requests each | GraphQL p50 (ms) | SQL p50 (ms) | ratio p50 | target | GraphQL p95 (ms) | SQL p95 (ms) | SQL statements per GraphQL request |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.map((r) => {
      const t = target[r.name];
      return `| ${SCENARIOS[r.name].label} | ${r.size.toLocaleString('en')} | ${r.n} | ${r.p50.graphql.toFixed(1)} | ${r.p50.sql.toFixed(1)} | **${r.ratio.toFixed(2)}** | ${t ? `≤ ${t} ${mark(r.ratio <= t)}` : ''} | ${r.p95.graphql.toFixed(1)} | ${r.p95.sql.toFixed(1)} | ${r.statements.join(', ')}${r.statements.some((n) => n > 3) ? ' ❌' : ''} |`;
    }),
  ];
  if (SIZES.length > 1) {
    const [small, large] = [SIZES[0], SIZES[SIZES.length - 1]];
    md.push('', `Growth from ${small.toLocaleString('en')} to ${large.toLocaleString('en')} members (same script, same run):`, '');
    md.push(`| what | GraphQL p50 ${small.toLocaleString('en')} (ms) | GraphQL p50 ${large.toLocaleString('en')} (ms) | ratio | SQL p50 ratio |`, '|---|---|---|---|---|');
    for (const name of chosen) {
      const a = results.find((r) => r.name === name && r.size === small);
      const b = results.find((r) => r.name === name && r.size === large);
      const ratio = b.p50.graphql / a.p50.graphql;
      md.push(`| ${SCENARIOS[name].label} | ${a.p50.graphql.toFixed(1)} | ${b.p50.graphql.toFixed(1)} | **${ratio.toFixed(2)}**${name === 'members-50' || name === 'members-500' ? ` (≤ 1.5 ${mark(ratio <= 1.5)})` : ''} | ${(b.p50.sql / a.p50.sql).toFixed(2)} |`);
    }
  }
  const text = md.join('\n');
  console.log(text);
  // A run with a sized buffer pool is kept beside the one with the server's default, not in its place.
  if (WRITE && poolDuring) writeSection('members-page-sized-pool', `### Members page and tree with a buffer pool that holds the data\n\n${text}`);
  else if (WRITE) writeSection('members-page', `## Members page and tree: GraphQL API vs hand-written SQL\n\n${text}`);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(async () => {
    stopAll();
    if (poolBefore) await bufferPool(poolBefore);
  });
