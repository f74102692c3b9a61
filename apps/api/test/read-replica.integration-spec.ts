/**
 * Read replicas (issue 13 §4): a real MariaDB replica of a real primary (support/mariadb-replication.ts starts both
 * and sets up the replication), and the built API (apps/api/dist/main.js) given both, as Docker runs it. Shown: list
 * queries are answered by the replica; a mutation's answer shows its own write while the replica lags; a request
 * that wrote reads the rest from the primary; a replica that stops answering sends reads back to the primary.
 * The API logs in to both as an ordinary user, so the replica's read_only refuses any write sent to it by mistake.
 * Relies on the build: `npm test` builds before the integration tests; alone, run `npx nx run api:build` first.
 */
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '../src/database/seeds/demo.constants';
import { ReplicatedPair, SpawnedApi, spawnApi, startReplicatedPair } from './support/mariadb-replication';
import { sqlPacket, TcpProxy } from './support/tcp-proxy';

const DB = 'dangbo';
const APP_USER = 'dangbo_app';
const APP_PASSWORD = randomBytes(12).toString('hex');
const ONLY_ON_REPLICA = 'Ghi chú chỉ có trên bản sao';

const LIST = `{ allMembers(perPage: 20, sortField: "id", sortOrder: "ASC") { id fullName note cell { id name } } }`;
const ONE = `query($id: ID!) { allMembers(filter: { ids: [$id] }) { id note cell { id } } }`;

interface Row {
  id: string;
  note: string | null;
  cell: { id: string; name?: string } | null;
}

let pair: ReplicatedPair;
/** Between the API and the replica, to cut a connection in the middle of a read. */
let proxy: TcpProxy;
let api: SpawnedApi;
let admin: string;

function data<T>(res: { data?: T; errors?: unknown[] }): T {
  if (res.errors?.length || !res.data) throw new Error(`unexpected answer: ${JSON.stringify(res)}\n${api?.output().slice(-4000)}`);
  return res.data;
}

/** Changes a member's note on the replica only (kept out of its binary log), as data only a replica read can show. */
async function setNoteOnReplicaOnly(id: string, note: string | null): Promise<void> {
  const conn = await pair.replica.connect(DB);
  try {
    await conn.query('SET SESSION sql_log_bin = 0');
    await conn.query('UPDATE member SET note = ? WHERE id = ?', [note, id]);
  } finally {
    await conn.end();
  }
}

/** SELECT statements each server ran while `work` did. */
async function selectsDuring(work: () => Promise<void>): Promise<{ primary: number; replica: number }> {
  const before = [await pair.primary.counter('Com_select'), await pair.replica.counter('Com_select')];
  await work();
  const after = [await pair.primary.counter('Com_select'), await pair.replica.counter('Com_select')];
  return { primary: after[0] - before[0], replica: after[1] - before[1] };
}

beforeAll(async () => {
  pair = await startReplicatedPair();
  // Made on the primary and replicated like everything else: the database and the application's own account.
  await pair.primary.query(`CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`);
  await pair.primary.query(`CREATE USER ?@'127.0.0.1' IDENTIFIED BY ?`, [APP_USER, APP_PASSWORD]);
  await pair.primary.query(`GRANT ALL PRIVILEGES ON ${DB}.* TO ?@'127.0.0.1'`, [APP_USER]);
  // The API migrates and seeds the primary on start; the replica follows.
  proxy = await TcpProxy.start('127.0.0.1', pair.replica.port);
  const replicaUrl = Object.assign(new URL(pair.replica.url(DB, APP_USER, APP_PASSWORD)), { port: String(proxy.port) }).toString();
  api = await spawnApi({
    DATABASE_URL: pair.primary.url(DB, APP_USER, APP_PASSWORD),
    DATABASE_REPLICA_URLS: replicaUrl,
    // No background job polling the primary between the counts below; the caller's grants stay cached.
    JOB_RUNNER: 'false',
    AUTH_CACHE_MS: '600000',
  });
  await pair.caughtUp();
  const login = await api.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: 'admin', p: DEMO_PASSWORD });
  admin = data<{ login: { token: string } }>(login).login.token;
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await proxy?.close();
  await pair?.close();
});

it('list queries are answered by the replica; a request that wrote reads the rest from the primary', async () => {
  const [member] = data<{ allMembers: Row[] }>(await api.gql(LIST, {}, admin)).allMembers;
  const [root] = data<{ allOrgUnits: { id: string }[] }>(await api.gql(`{ allOrgUnits(filter: { root: true }, perPage: 1) { id } }`, {}, admin)).allOrgUnits;
  const token = data<{ createApiToken: { secret: string } }>(
    await api.gql(`mutation($unit: ID!) { createApiToken(name: "Đọc bản sao", unitId: $unit) { secret } }`, { unit: root.id }, admin),
  ).createApiToken.secret;
  await api.gql(ONE, { id: member.id }, admin); // the caller's grants, read from the primary once and cached
  await pair.caughtUp();

  await pair.pauseReplica();
  await setNoteOnReplicaOnly(member.id, ONLY_ON_REPLICA);
  try {
    const notes: (string | null)[] = [];
    const counts = await selectsDuring(async () => {
      for (let i = 0; i < 5; i += 1) notes.push(data<{ allMembers: Row[] }>(await api.gql(LIST, {}, admin)).allMembers[0].note);
    });
    // Only the replica holds that note, and the replica ran the statements.
    expect(notes).toEqual(Array(5).fill(ONLY_ON_REPLICA));
    expect(counts.replica).toBeGreaterThanOrEqual(5);
    expect(counts.primary).toBeLessThan(5);

    // A mutation reads from the primary from its first statement: a login (reads the account, then writes) runs
    // nothing on the replica.
    const login = await selectsDuring(async () => {
      await api.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: 'admin', p: DEMO_PASSWORD });
    });
    expect(login.primary).toBeGreaterThan(0);
    expect(login.replica).toBe(0);

    // An API token's first request records its use (a write): that request reads the rest from the primary, and
    // the same token's next request, which writes nothing, reads the replica again.
    expect(data<{ allMembers: Row[] }>(await api.gql(ONE, { id: member.id }, token)).allMembers[0].note).toBe(member.note);
    expect(data<{ allMembers: Row[] }>(await api.gql(ONE, { id: member.id }, token)).allMembers[0].note).toBe(ONLY_ON_REPLICA);
  } finally {
    await setNoteOnReplicaOnly(member.id, member.note);
    await pair.resumeReplica();
  }
  await pair.caughtUp();
});

it("a mutation's answer shows its own write while the replica lags behind", async () => {
  const [member] = data<{ allMembers: Row[] }>(await api.gql(LIST, {}, admin)).allMembers;
  const cells = data<{ allOrgUnits: { id: string }[] }>(await api.gql(`{ allOrgUnits(filter: { kind: CELL }, perPage: 50, sortField: "id") { id } }`, {}, admin)).allOrgUnits;
  const other = cells.find((c) => c.id !== member.cell?.id);
  if (!member.cell || !other) throw new Error('the demo data should have a member in a cell and another cell');

  await pair.pauseReplica();
  try {
    const moved = await api.gql(`mutation($id: ID!, $cell: ID!) { updateMember(id: $id, cellId: $cell) { id cell { id name } } }`, { id: member.id, cell: other.id }, admin);
    expect(data<{ updateMember: Row }>(moved).updateMember.cell?.id).toBe(other.id);
    // The replica has not applied it yet: the next request, which writes nothing, still sees the old cell there.
    expect(data<{ allMembers: Row[] }>(await api.gql(ONE, { id: member.id }, admin)).allMembers[0].cell?.id).toBe(member.cell.id);
  } finally {
    await pair.resumeReplica();
  }
  await pair.caughtUp();
  expect(data<{ allMembers: Row[] }>(await api.gql(ONE, { id: member.id }, admin)).allMembers[0].cell?.id).toBe(other.id);
});

it('a replica that stops answering sends reads back to the primary: queries still succeed', async () => {
  const expected = data<{ allMembers: Row[] }>(await api.gql(LIST, {}, admin)).allMembers;

  // The replica's connection dies in the middle of a read: the read is sent again to the primary.
  const cut = proxy.cutWhen(sqlPacket(/SELECT/i), { forwardFirst: true }).then(() => 'cut');
  const during = await api.gql(LIST, {}, admin);
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise((resolve) => (timer = setTimeout(() => resolve('the read never reached the replica'), 5000)));
  expect(await Promise.race([cut, guard])).toBe('cut');
  clearTimeout(timer);
  expect(during.errors).toBeUndefined();
  expect(during.data?.allMembers).toEqual(expected);
  await proxy.restore();

  // The replica is killed: every read goes to the primary.
  await pair.replica.kill();
  const before = await pair.primary.counter('Com_select');
  for (let i = 0; i < 5; i += 1) {
    const res = await api.gql(LIST, {}, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data?.allMembers).toEqual(expected);
  }
  expect((await pair.primary.counter('Com_select')) - before).toBeGreaterThanOrEqual(5);
});
