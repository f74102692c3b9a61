// The baseline: the same answers as the GraphQL API, by hand-written SQL through mysql2 and a minimal node:http
// handler, for the caller the benchmark signs in as (the demo administrator: every row, no scope join). Every route
// answers exactly the JSON the API answers for the same request (bench.mjs compares them before measuring).
// Usage: DATABASE_URL=… PORT=… node raw-server.mjs
import http from 'node:http';
import mysql from 'mysql2/promise';

const url = new URL(process.env.DATABASE_URL);
const pool = mysql.createPool({
  host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password),
  database: url.pathname.slice(1), connectionLimit: 10, dateStrings: true,
});
const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
const VALID = (a) => `${a}.validFrom <= '${today}' AND (${a}.validTo IS NULL OR ${a}.validTo > '${today}')`;
const NAME_ORDER = (a) => `${a}.sortGiven, ${a}.sortFamily, ${a}.sortMiddle, ${a}.birthDate, ${a}.id`;

// The page's ids are cut from the name index alone (a covering index scan), then joined: the fastest plain SQL
// for this page that we found (a plain ORDER BY … LIMIT over whole rows sorts the table on every request).
const CELL_PAGE = `SELECT m.id, m.fullName, c.name AS cellName, p.name AS parentName
  FROM (SELECT id FROM member ORDER BY ${NAME_ORDER('member')} LIMIT ? OFFSET ?) page
  JOIN member m ON m.id = page.id
  LEFT JOIN member_assignment a ON a.memberId = m.id AND a.kind = 'OFFICIAL' AND ${VALID('a')}
  LEFT JOIN org_unit c ON c.id = a.unitId
  LEFT JOIN org_unit_link l ON l.unitId = c.id AND ${VALID('l')}
  LEFT JOIN org_unit p ON p.id = l.parentId
  ORDER BY ${NAME_ORDER('m')}`;

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** The members matching the admin list's filter (unitId: the unit's subtree today; q: every word starts a name word). */
function memberWhere(q) {
  const joins = [];
  const where = [];
  const params = [];
  let cte = '';
  if (q.get('unitId')) {
    cte = `WITH RECURSIVE sub (id) AS (SELECT ? UNION SELECT l.unitId FROM org_unit_link l JOIN sub ON l.parentId = sub.id WHERE ${VALID('l')}) `;
    params.push(Number(q.get('unitId')));
    joins.push(`JOIN member_assignment ua ON ua.memberId = m.id AND ua.kind = 'OFFICIAL' AND ${VALID('ua')} AND ua.unitId IN (SELECT id FROM sub)`);
  }
  if (q.get('q')) {
    for (const word of fold(q.get('q')).split(' ').slice(0, 6)) {
      where.push('m.id IN (SELECT memberId FROM member_search_word WHERE word LIKE ?)');
      params.push(`${word}%`);
    }
  }
  return { cte, from: `member m ${joins.join(' ')}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`, params };
}

/** Members officially in the unit of `member_count` row `b` today (apps/api/src/modules/member/member-counts.ts). */
const KEPT = (b) => `CASE WHEN '${today}' >= ${b}.day
  THEN ${b}.members + COALESCE((SELECT SUM(kl.delta) FROM member_count_later kl WHERE kl.unitId = ${b}.unitId AND kl.day <= '${today}'), 0)
  ELSE COALESCE((SELECT SUM(kc.delta) FROM member_count_change kc WHERE kc.unitId = ${b}.unitId AND kc.day <= '${today}'), 0) END`;

/**
 * The list's total. With a name query, counted from the matching rows; otherwise from the counts the database keeps
 * (apps/api/src/modules/member/member-counts.ts): every member record (the administrator's list has no scope), or
 * the members officially in the unit's subtree today, about one row per unit.
 */
function totalQuery(q) {
  const { cte, from, params } = memberWhere(q);
  if (q.get('q')) return [`${cte}SELECT COUNT(*) AS n FROM ${from}`, params];
  if (!q.get('unitId')) return ['SELECT COALESCE(SUM(members), 0) AS n FROM member_tally', []];
  return [`${cte}SELECT COALESCE(SUM(${KEPT('b')}), 0) AS n FROM sub JOIN member_count b ON b.unitId = sub.id`, params];
}

async function adminPage(q) {
  const perPage = Number(q.get('perPage'));
  const page = Number(q.get('page'));
  const { cte, from, params } = memberWhere(q);
  // The page and the total go out together on two connections, as the API resolves its two root fields.
  const withTotal = q.get('total') !== 'no';
  const [[rows], [[total]]] = await Promise.all([
    pool.query(
      `${cte}SELECT m.id, m.fullName, m.familyName, m.middleName, m.givenName, m.namePartsOverridden, m.gender, m.birthDate, m.citizenId,
         m.cardNumber, m.recordNumber, m.admittedOn, m.officialOn,
         CASE WHEN m.admittedOn IS NULL OR m.officialOn IS NULL OR m.status = 'PROBATIONARY' THEN NULL ELSE TIMESTAMPDIFF(YEAR, m.admittedOn, '${today}') END AS partyAgeYears,
         m.status, a.unitId AS cellId, m.note, m.version
       FROM (SELECT m.id FROM ${from} ORDER BY ${NAME_ORDER('m')} LIMIT ? OFFSET ?) page
       JOIN member m ON m.id = page.id
       LEFT JOIN member_assignment a ON a.memberId = m.id AND a.kind = 'OFFICIAL' AND ${VALID('a')}
       ORDER BY ${NAME_ORDER('m')}`,
      [...params, perPage, page * perPage],
    ),
    withTotal ? pool.query(...totalQuery(q)) : [[null]],
  ]);
  const items = rows.map((r) => ({ ...r, id: String(r.id), namePartsOverridden: r.namePartsOverridden === 1, cellId: r.cellId === null ? null : String(r.cellId) }));
  if (!withTotal) return { body: { data: { items } }, statements: 1 };
  return { body: { data: { items, total: { count: Number(total.n) } } }, statements: 2 };
}

async function countOnly(q) {
  const [[total]] = await pool.query(...totalQuery(q));
  return { body: { data: { total: { count: Number(total.n) } } }, statements: 1 };
}

/** One level of the tree as the panel opens it: the children of a unit with child and member counts, and their number. */
async function tree(q) {
  const perPage = Number(q.get('perPage'));
  // The children of a unit, or (root) the units that have no parent today.
  const level = q.get('root')
    ? { from: `org_unit u LEFT JOIN org_unit_link l ON l.unitId = u.id AND ${VALID('l')}`, where: `l.id IS NULL AND ${VALID('u')}`, params: [] }
    : { from: 'org_unit_link l JOIN org_unit u ON u.id = l.unitId', where: `l.parentId = ? AND ${VALID('l')} AND ${VALID('u')}`, params: [Number(q.get('parentId'))] };
  const [[rows], [[total]]] = await Promise.all([
    pool.query(
      `WITH RECURSIVE page AS (
         SELECT u.id, u.name, u.shortName, u.kind, u.sortKey, l.parentId FROM ${level.from}
          WHERE ${level.where} ORDER BY u.sortKey, u.id LIMIT ?
       ), sub (root, id) AS (
         SELECT id, id FROM page UNION ALL SELECT sub.root, l.unitId FROM org_unit_link l JOIN sub ON l.parentId = sub.id WHERE ${VALID('l')}
       ), counts AS (
         SELECT sub.root, SUM(${KEPT('b')}) AS n FROM sub JOIN member_count b ON b.unitId = sub.id GROUP BY sub.root
       )
       SELECT page.id, page.name, page.shortName, page.kind,
         (SELECT COUNT(*) FROM org_unit_link cl WHERE cl.parentId = page.id AND ${VALID('cl')}) AS childCount,
         COALESCE(counts.n, 0) AS memberCount, page.parentId
       FROM page LEFT JOIN counts ON counts.root = page.id ORDER BY page.sortKey, page.id`,
      [...level.params, perPage],
    ),
    pool.query(`SELECT COUNT(*) AS n FROM ${level.from} WHERE ${level.where}`, level.params),
  ]);
  const items = rows.map((r) => ({ ...r, id: String(r.id), childCount: Number(r.childCount), memberCount: Number(r.memberCount), parentId: r.parentId === null ? null : String(r.parentId) }));
  return { body: { data: { items, total: { count: Number(total.n) } } }, statements: 2 };
}

async function cellPage(q) {
  const perPage = Number(q.get('perPage'));
  const page = Number(q.get('page'));
  const [rows] = await pool.query(CELL_PAGE, [perPage, page * perPage]);
  const allMembers = rows.map((r) => ({ id: String(r.id), fullName: r.fullName, cell: r.cellName === null ? null : { name: r.cellName, parent: r.parentName === null ? null : { name: r.parentName } } }));
  return { body: { data: { allMembers } }, statements: 1 };
}

const ROUTES = { '/cell-page': cellPage, '/admin-page': adminPage, '/count': countOnly, '/tree': tree };

http
  .createServer(async (req, res) => {
    const target = new URL(req.url, 'http://x');
    const route = ROUTES[target.pathname];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    try {
      const { body, statements } = await route(target.searchParams);
      res.writeHead(200, { 'content-type': 'application/json', 'x-sql-statements': String(statements) });
      res.end(JSON.stringify(body));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error?.message ?? error));
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
