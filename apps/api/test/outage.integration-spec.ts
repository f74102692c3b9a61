/**
 * The database cut off behind a TCP proxy the test controls (support/tcp-proxy.ts), while clients keep asking:
 * every failed answer is SERVICE_UNAVAILABLE with HTTP 503 and nothing of the driver; requests succeed again within
 * 2 s of the database coming back; a mutation cut midway leaves nothing half-written, and one cut after its COMMIT
 * was sent is answered "outcome unknown", never as a plain failure.
 */
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from '../src/database/data-source';
import { dataOf, GqlResponse, startTestApi, TestApi } from './support/harness';
import { sqlPacket, TcpProxy } from './support/tcp-proxy';

const BASE = parseDatabaseUrl(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dangbo');
const RECOVERY_MS = 2000;
const LIST = `{ allMembers(perPage: 20, sortField: "id", sortOrder: "ASC") { id fullName cell { name } } }`;

let proxy: TcpProxy;
let api: TestApi;
let direct: mysql.Connection;

beforeAll(async () => {
  proxy = await TcpProxy.start(BASE.host, BASE.port);
  api = await startTestApi({
    databaseUrlForServer: (url) => {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(proxy.port);
      return u.toString();
    },
  });
  const t = parseDatabaseUrl(api.directDatabaseUrl);
  direct = await mysql.createConnection({ host: t.host, port: t.port, user: t.user, password: t.password, database: t.database });
});
afterAll(async () => {
  await direct?.end();
  await proxy?.restore();
  await api?.close();
  await proxy?.close();
});

// Each test starts with the database reachable, whatever the one before left.
afterEach(async () => {
  if (!proxy.isUp) await restoreAndTimeRecovery();
});

const ok = (res: GqlResponse) => res.status === 200 && !res.errors?.length;

/** An outage answer: 503, SERVICE_UNAVAILABLE in Vietnamese, and no host, port, errno, SQL or stack. */
function expectOutageAnswer(res: GqlResponse): void {
  expect(res.status).toBe(503);
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
  expect(res.errors?.[0].message).toMatch(/máy chủ dữ liệu/);
  const shown = JSON.stringify({ data: res.data, errors: res.errors?.map(({ extensions, ...e }) => ({ ...e, extensions: { ...extensions, requestId: undefined } })) });
  for (const leak of ['ECONN', 'PROTOCOL_', '127.0.0.1', 'localhost', 'Error:', String(proxy.port), String(BASE.port), ' at ', 'SELECT', 'Context creation', 'errno']) {
    expect(shown).not.toContain(leak);
  }
}

/** Restores the database and answers how long until a request succeeded (bounded: gives up after 50 tries). */
async function restoreAndTimeRecovery(): Promise<number> {
  await proxy.restore();
  const restoredAt = Date.now();
  for (let i = 0; i < 50; i += 1) {
    if (ok(await api.gql(LIST))) return Date.now() - restoredAt;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no request succeeded after the database came back');
}

/** Two clients asking for members in a loop until told to stop. */
function startLoad() {
  const answers: GqlResponse[][] = [[], []];
  let running = true;
  const loops = answers.map(async (log) => {
    while (running) log.push(await api.gql(LIST));
  });
  return {
    answers,
    async until(predicate: () => boolean) {
      for (let i = 0; i < 1000 && !predicate(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      if (!predicate()) throw new Error('the load never reached the expected state');
    },
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

describe('a database outage under load', () => {
  it('answers every request in the outage SERVICE_UNAVAILABLE with 503 and no driver text, and recovers within 2 s', async () => {
    const load = startLoad();
    try {
      await load.until(() => load.answers.every((log) => log.some(ok)));
      await proxy.cut();
      const cutAt = load.answers.map((log) => log.length);
      // Enough answers from each client after the cut (requests in flight at the cut may still have succeeded).
      await load.until(() => load.answers.every((log, i) => log.length - cutAt[i] >= 15));
      const afterCut = load.answers.flatMap((log, i) => log.slice(cutAt[i]));
      const failed = afterCut.filter((res) => !ok(res));
      for (const res of failed) expectOutageAnswer(res);
      // The outage is real: each client's latest answers all failed.
      for (const [i, log] of load.answers.entries()) expect(log.slice(cutAt[i] + 5).filter(ok)).toEqual([]);

      expect(await restoreAndTimeRecovery()).toBeLessThan(RECOVERY_MS);
      const restoredAt = load.answers.map((log) => log.length);
      await load.until(() => load.answers.every((log, i) => log.slice(restoredAt[i]).some(ok)));
    } finally {
      await load.stop();
      await proxy.restore();
    }
    // Once back, both clients' answers are successes again.
    for (const log of load.answers) expect(ok(log[log.length - 1])).toBe(true);
  });

  it('answers /readyz "database unavailable" during the outage and "ready" after', async () => {
    await proxy.cut();
    const down = await fetch(`${api.url}/readyz`);
    expect([down.status, await down.json()]).toEqual([503, { status: 'database unavailable' }]);
    await restoreAndTimeRecovery();
    const up = await fetch(`${api.url}/readyz`);
    expect([up.status, await up.json()]).toEqual([200, { status: 'ready' }]);
  });
});

describe('a mutation cut by the outage', () => {
  const memberIds = async () => dataOf(await api.gql(`{ allMembers(perPage: 5, sortField: "id", sortOrder: "ASC") { id } }`)).allMembers.map((m: { id: string }) => m.id) as string[];
  const auditsMarked = async (marker: string) => {
    const [rows] = await direct.query('SELECT COUNT(*) AS n FROM audit_entry WHERE `after` LIKE ?', [`%${marker}%`]);
    return Number((rows as { n: number }[])[0].n);
  };

  it('a bulk update cut at its third row writes nothing; the same update after recovery writes every row', async () => {
    const officials = dataOf(await api.gql(`{ allMembers(perPage: 5, filter: { status: OFFICIAL }, sortField: "id", sortOrder: "ASC") { id } }`)).allMembers;
    const ids = officials.map((m: { id: string }) => m.id) as string[];
    expect(ids).toHaveLength(5);
    const exempted = async () => {
      const [rows] = await direct.query('SELECT COUNT(*) AS n FROM member WHERE status = ? AND id IN (?)', ['EXEMPTED', ids]);
      return Number((rows as { n: number }[])[0].n);
    };
    const audited = async () => {
      const [rows] = await direct.query("SELECT COUNT(*) AS n FROM audit_entry WHERE operation = 'updateMembers' AND entityId IN (?)", [ids]);
      return Number((rows as { n: number }[])[0].n);
    };
    const UPDATE = `mutation($ids: [ID!]!) { updateMembers(ids: $ids, data: { status: EXEMPTED }) { ids } }`;
    let audits = 0;
    const cut = proxy.cutWhen((chunk) => sqlPacket('INSERT INTO `audit_entry`')(chunk) && ++audits === 3);
    const answer = await api.gql(UPDATE, { ids });
    expect(proxy.isUp).toBe(false);
    await cut;
    expectOutageAnswer(answer);
    expect(answer.errors?.[0].extensions?.outcome).toBeUndefined();
    expect([await exempted(), await audited()]).toEqual([0, 0]);

    await restoreAndTimeRecovery();
    dataOf(await api.gql(UPDATE, { ids }));
    expect([await exempted(), await audited()]).toEqual([5, 5]);
  });

  it('a mutation whose COMMIT was sent when the connection dropped is answered "outcome unknown", and the version tells', async () => {
    const [id] = await memberIds();
    const before = dataOf(await api.gql(`query($id: ID!) { Member(id: $id) { version note } }`, { id })).Member;
    const marker = `outage-commit-${Date.now()}`;
    const cut = proxy.cutWhen((chunk) => chunk.subarray(4).toString('latin1') === '\u0003COMMIT', { forwardFirst: true });
    const answer = await api.gql(`mutation($id: ID!, $note: String, $version: Int) { updateMember(id: $id, note: $note, version: $version) { id version } }`, {
      id,
      note: marker,
      version: before.version,
    });
    await cut;
    expectOutageAnswer(answer);
    expect(answer.errors?.[0].extensions?.outcome).toBe('UNKNOWN');
    expect(answer.errors?.[0].message).toMatch(/tải lại/);

    await restoreAndTimeRecovery();
    // All or nothing, and the client can tell which by the version it read before.
    const after = dataOf(await api.gql(`query($id: ID!) { Member(id: $id) { version note } }`, { id })).Member;
    const committed = after.version !== before.version;
    expect(after.note === marker).toBe(committed);
    expect(await auditsMarked(marker)).toBe(committed ? 1 : 0);
  });

  it('a mutation saved before the database went, while its answer was read back, is answered "saved, reload", never SERVICE_UNAVAILABLE', async () => {
    const [id] = await memberIds();
    const before = dataOf(await api.gql(`query($id: ID!) { Member(id: $id) { version } }`, { id })).Member;
    const marker = `outage-after-commit-${Date.now()}`;
    // Cut at the first statement after the COMMIT: the answer's history lists are read after the transaction.
    let committedSeen = false;
    const cut = proxy.cutWhen((chunk) => {
      if (chunk.subarray(4).toString('latin1') === '\u0003COMMIT') committedSeen = true;
      else if (committedSeen) return true;
      return false;
    });
    const answer = await api.gql(
      `mutation($id: ID!, $note: String, $version: Int) { updateMember(id: $id, note: $note, version: $version) { id version statusHistory { id } positions { id } } }`,
      { id, note: marker, version: before.version },
    );
    await cut;
    expect(answer.status).toBe(200);
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['SAVED_RELOAD_NEEDED']);
    expect(answer.errors?.[0].message).toMatch(/^Đã lưu thay đổi/);
    expect(JSON.stringify(answer.errors)).not.toMatch(/ECONN|PROTOCOL_|SELECT|127\.0\.0\.1/);

    await restoreAndTimeRecovery();
    const after = dataOf(await api.gql(`query($id: ID!) { Member(id: $id) { version note } }`, { id })).Member;
    expect(after).toEqual({ version: before.version + 1, note: marker });
    expect(await auditsMarked(marker)).toBe(1);
  });
});
