// The baseline: the same page of members as the GraphQL API returns, by hand-written SQL through mysql2 and a
// minimal node:http handler. Usage: DATABASE_URL=… PORT=… node raw-server.mjs
import http from 'node:http';
import mysql from 'mysql2/promise';

const url = new URL(process.env.DATABASE_URL);
const pool = mysql.createPool({
  host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password),
  database: url.pathname.slice(1), connectionLimit: 10, dateStrings: true,
});
const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

// The page's ids are cut from the name index alone (a covering index scan), then joined: the fastest plain SQL
// for this page that we found (a plain ORDER BY … LIMIT over whole rows sorts the table on every request).
const SQL = `SELECT m.id, m.fullName, c.name AS cellName, p.name AS parentName
  FROM (SELECT id FROM member ORDER BY sortGiven, sortFamily, sortMiddle, birthDate, id LIMIT ? OFFSET ?) page
  JOIN member m ON m.id = page.id
  LEFT JOIN member_assignment a ON a.memberId = m.id AND a.kind = 'OFFICIAL' AND a.validFrom <= ? AND (a.validTo IS NULL OR a.validTo > ?)
  LEFT JOIN org_unit c ON c.id = a.unitId
  LEFT JOIN org_unit_link l ON l.unitId = c.id AND l.validFrom <= ? AND (l.validTo IS NULL OR l.validTo > ?)
  LEFT JOIN org_unit p ON p.id = l.parentId
  ORDER BY m.sortGiven, m.sortFamily, m.sortMiddle, m.birthDate, m.id`;

http
  .createServer(async (req, res) => {
    const q = new URL(req.url, 'http://x').searchParams;
    const perPage = Number(q.get('perPage'));
    const page = Number(q.get('page'));
    const [rows] = await pool.query(SQL, [perPage, page * perPage, today, today, today, today]);
    const allMembers = rows.map((r) => ({ id: String(r.id), fullName: r.fullName, cell: r.cellName === null ? null : { name: r.cellName, parent: r.parentName === null ? null : { name: r.parentName } } }));
    const body = JSON.stringify({ data: { allMembers } });
    res.writeHead(200, { 'content-type': 'application/json', 'x-sql-statements': '1' });
    res.end(body);
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
