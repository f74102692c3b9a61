/**
 * Opening and recomputing a period run as jobs kept in the database: claimed by one runner at a time, worked a
 * chunk at a time, taken over from the cursor when a runner dies, and never writing a subject twice.
 */
import { PERIOD } from '../src/database/seeds/demo.constants';
import { JobRunner } from '../src/modules/rating-job/rating-job.runner';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';
import { evaluationId, ratingAuditCalls } from './support/rating-fixtures';

let api: TestApi;
const P = PERIOD.YEAR_2025;
const SON_PHU = 40;
const q = (sql: string, params: unknown[] = []) => api.dataSource.query(sql, params);
const JOB = 'id state processed total created progress claimedBy';

beforeAll(async () => {
  api = await startTestApi();
}, 120_000);
afterAll(() => api.close());

/** Members with an official cell of Sơn Phú at the end of 2025, and the rated ones among them (counted here by SQL). */
async function sonPhu() {
  const members: { id: number; status: string; admittedOn: string }[] = await q(
    `SELECT DISTINCT m.id, (SELECT s.status FROM member_status s WHERE s.memberId = m.id AND s.validFrom <= '2025-12-31' AND (s.validTo IS NULL OR s.validTo > '2025-12-31')) AS status, m.admittedOn
       FROM member m JOIN member_assignment a ON a.memberId = m.id AND a.kind = 'OFFICIAL' AND a.validFrom <= '2025-12-31' AND (a.validTo IS NULL OR a.validTo > '2025-12-31')
      WHERE a.unitId IN (401, 402, 403, 404)`,
  );
  const rated = members.filter((m) => ['OFFICIAL', 'PROBATIONARY'].includes(m.status) && String(m.admittedOn) <= '2025-06-30');
  return { members: members.length, rated: rated.length, collectives: 5 };
}

describe('a job killed midway', () => {
  it('is taken over from its cursor by another runner and writes each evaluation once', async () => {
    const job = dataOf(await api.gql(`mutation { openRatingPeriod(id: ${P}, unitId: ${SON_PHU}) { ${JOB} } }`)).openRatingPeriod;
    expect(job).toMatchObject({ state: 'QUEUED', processed: 0, progress: 0 });
    // Asking again while it waits gives the same job, not a second one.
    expect(dataOf(await api.gql(`mutation { openRatingPeriod(id: ${P}, unitId: ${SON_PHU}) { id } }`)).openRatingPeriod.id).toBe(job.id);

    const first = new JobRunner(api.dataSource, { chunkSize: 10, name: 'runner-1' });
    expect(await first.claim()).toBe(Number(job.id));
    await first.runChunk(Number(job.id));
    const midway = dataOf(await api.gql(`{ RatingJob(id: ${job.id}) { ${JOB} } }`)).RatingJob;
    const expected = await sonPhu();
    expect(midway).toMatchObject({ state: 'RUNNING', processed: 10, total: expected.members + expected.collectives, claimedBy: 'runner-1' });
    expect(midway.progress).toBeCloseTo(10 / midway.total, 5);
    // runner-1 dies here, holding its claim. A second runner leaves a freshly beating claim alone…
    expect(await new JobRunner(api.dataSource, { name: 'runner-2' }).claim()).toBeNull();
    // …and takes it over once the heartbeat is stale, from the cursor.
    const second = new JobRunner(api.dataSource, { chunkSize: 10, name: 'runner-2', staleAfterMs: 0 });
    await second.drain();
    const done = dataOf(await api.gql(`{ RatingJob(id: ${job.id}) { ${JOB} } }`)).RatingJob;
    expect(done).toMatchObject({ state: 'DONE', processed: done.total, progress: 1, claimedBy: null, created: expected.rated + expected.collectives });

    const dupes = await q(`SELECT subjectKey, COUNT(*) n FROM evaluation WHERE periodId = ? GROUP BY subjectKey HAVING COUNT(*) > 1`, [P]);
    expect(dupes).toEqual([]);
    const [{ n }] = await q(`SELECT COUNT(*) n FROM evaluation WHERE periodId = ? AND (unitId = ? OR unitId IN (401, 402, 403, 404))`, [P, SON_PHU]);
    expect(Number(n)).toBe(expected.rated + expected.collectives);
  });

  it('a chunk done again (its cursor lost) writes nothing twice', async () => {
    const [job] = await q(`SELECT id FROM rating_job WHERE unitId = ? ORDER BY id DESC LIMIT 1`, [SON_PHU]);
    const before = (await q(`SELECT COUNT(*) n FROM evaluation WHERE periodId = ?`, [P]))[0].n;
    await q(`UPDATE rating_job SET state = 'RUNNING', resumeAfter = NULL, processed = 0, claimedBy = NULL WHERE id = ?`, [job.id]);
    await new JobRunner(api.dataSource, { chunkSize: 7 }).drain();
    expect((await q(`SELECT COUNT(*) n FROM evaluation WHERE periodId = ?`, [P]))[0].n).toBe(before);
    const [again] = await q(`SELECT state, created FROM rating_job WHERE id = ?`, [job.id]);
    expect(again.state).toBe('DONE');
  });

  it('two runners asking at once: only one gets the job', async () => {
    dataOf(await api.gql(`mutation { recomputeRatingPeriod(id: ${P}, unitId: ${SON_PHU}) { id } }`));
    const claims = await Promise.all([new JobRunner(api.dataSource, { name: 'a' }).claim(), new JobRunner(api.dataSource, { name: 'b' }).claim()]);
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    await new JobRunner(api.dataSource, { staleAfterMs: 0 }).drain();
  });
});

describe('recomputing a period', () => {
  it('refreshes the metrics of undecided evaluations and withdraws those no longer rated', async () => {
    const [a, b] = (await q(`SELECT memberId FROM evaluation WHERE periodId = ? AND unitId = 402 AND memberId IS NOT NULL AND ledUnitId IS NULL ORDER BY memberId`, [P])).map((r: { memberId: number }) => Number(r.memberId));
    await q(`INSERT INTO discipline (subject, memberId, unitId, decidedOn, level, violation, version, createdAt, updatedAt) VALUES ('INDIVIDUAL', ?, 402, '2025-09-01', 'KHIEN_TRACH', 'Vi phạm', 1, NOW(), NOW())`, [a]);
    dataOf(await api.gql(`mutation { updateMember(id: ${b}, status: SUSPENDED, statusFrom: "2025-10-01") { id } }`));
    const job = dataOf(await api.gql(`mutation { recomputeRatingPeriod(id: ${P}, unitId: ${SON_PHU}) { id kind state } }`)).recomputeRatingPeriod;
    expect(job).toMatchObject({ kind: 'RECOMPUTE', state: 'QUEUED' });
    await new JobRunner(api.dataSource, { chunkSize: 50 }).drain();
    const [ea] = await q(`SELECT metrics, status FROM evaluation WHERE id = ?`, [await evaluationId(api, P, `M:${a}`)]);
    expect(JSON.parse(ea.metrics).discipline_level).toBe(1);
    const [eb] = await q(`SELECT status FROM evaluation WHERE id = ?`, [await evaluationId(api, P, `M:${b}`)]);
    expect(eb.status).toBe('WITHDRAWN');
  });

  it('is refused on a locked period, and a job cannot be seen outside the caller\'s scope', async () => {
    const btv = await api.login('btv.mythanh');
    expect(errorOf(await api.gql(`mutation { openRatingPeriod(id: ${P}, unitId: ${SON_PHU}) { id } }`, {}, btv)).code).toBe('FORBIDDEN');
    const [job] = await q(`SELECT id FROM rating_job WHERE unitId = ? ORDER BY id LIMIT 1`, [SON_PHU]);
    expect(errorOf(await api.gql(`{ RatingJob(id: ${job.id}) { id } }`, {}, btv)).code).toBe('NOT_FOUND');
    dataOf(await api.gql(`mutation { lockRatingPeriod(id: ${P}, unitId: ${SON_PHU}) { id } }`));
    const refused = await api.gql(`mutation { recomputeRatingPeriod(id: ${P}, unitId: ${SON_PHU}) { id } }`);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PERIOD_LOCKED' });
  });
});

it('every rating mutation leaves exactly one audit entry under its own name', async () => {
  const count = async () => Number((await q('SELECT COUNT(*) AS n FROM audit_entry'))[0].n);
  const problems: string[] = [];
  for (const [name, call] of Object.entries(ratingAuditCalls(api, count))) {
    try {
      const start = (await call()) as number;
      const [last] = await q('SELECT operation FROM audit_entry ORDER BY id DESC LIMIT 1');
      expect({ entries: (await count()) - start, operation: last.operation }).toEqual({ entries: 1, operation: name });
    } catch (error) {
      problems.push(`${name}: ${String((error as Error).message).replace(/\s+/g, ' ').slice(0, 300)}`);
    }
  }
  expect(problems).toEqual([]);
});
