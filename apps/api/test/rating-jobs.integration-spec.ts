/**
 * Opening and recomputing a period run as jobs kept in the database: claimed by one runner at a time, worked a
 * chunk at a time, taken over from the cursor when a runner dies, and never writing a subject twice.
 */
import { DataSource, DataSourceOptions } from 'typeorm';
import { PERIOD } from '../src/database/seeds/demo.constants';
import { sqlCounter } from '../src/database/sql-counter';
import { collectiveMetricsOf, memberMetricsOf } from '../src/modules/evaluation/chunk-metrics.queries';
import { metricsOf } from '../src/modules/evaluation/evaluation.engine';
import { subtreeUnitIds } from '../src/modules/org-unit/tree.queries';
import { JobRunner } from '../src/modules/rating-job/rating-job.runner';
import { requestActivity } from '../src/core/request-activity';
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

describe('where the server refuses LOAD DATA LOCAL', () => {
  it('a job inserts its new evaluations as statements', async () => {
    const PHONG_NAM = 30;
    // A client without the local-file capability is refused as a server with local_infile off refuses everyone.
    const refusing = new DataSource({ ...api.dataSource.options, flags: ['-LOCAL_FILES'], poolSize: 2 } as DataSourceOptions);
    await refusing.initialize();
    try {
      const job = dataOf(await api.gql(`mutation { openRatingPeriod(id: ${P}, unitId: ${PHONG_NAM}) { id } }`)).openRatingPeriod;
      await new JobRunner(refusing, { chunkSize: 10 }).drain();
      const [done] = await q('SELECT state, error, created FROM rating_job WHERE id = ?', [job.id]);
      expect(done).toMatchObject({ state: 'DONE', error: null });
      const cells = `SELECT l.unitId FROM org_unit_link l WHERE l.parentId = ${PHONG_NAM} AND l.validFrom <= '2025-12-31' AND (l.validTo IS NULL OR l.validTo > '2025-12-31')`;
      const [{ n }] = await q(`SELECT COUNT(*) AS n FROM evaluation WHERE periodId = ? AND (subjectUnitId = ? OR unitId IN (${cells}))`, [P, PHONG_NAM]);
      expect(Number(n)).toBe(Number(done.created));
      expect(Number(done.created)).toBeGreaterThan(10);
    } finally {
      await refusing.destroy();
    }
  });
});

describe('the grouped reads of a job', () => {
  it('give every subject the metrics the evaluation form computes for that subject alone', async () => {
    const [period] = await q('SELECT unitId, startDate, endDate FROM rating_period WHERE id = ?', [P]);
    const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));
    const dates = { from: iso(period.startDate), to: iso(period.endDate) };
    // Records of every kind the metrics count, on a member with an evaluation and on their cell.
    const [{ memberId, unitId }] = await q(`SELECT memberId, unitId FROM evaluation WHERE periodId = ? AND memberId IS NOT NULL ORDER BY id LIMIT 1`, [P]);
    for (const [subject, who, on, form] of [['INDIVIDUAL', memberId, '2025-05-02', 'GIAY_KHEN'], ['COLLECTIVE', null, '2025-05-03', 'BANG_KHEN']]) {
      await q(`INSERT INTO commendation (subject, memberId, unitId, decidedOn, form, version, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 1, NOW(), NOW())`, [subject, who, unitId, on, form]);
    }
    // A member in two cells of one commune at the year's end, and disciplined in both: counted once above them.
    const [{ sibling }] = await q(
      `SELECT MIN(b.unitId) AS sibling FROM org_unit_link a JOIN org_unit_link b ON b.parentId = a.parentId AND b.unitId <> a.unitId AND b.validFrom <= ? AND (b.validTo IS NULL OR b.validTo > ?)
        WHERE a.unitId = ? AND a.validFrom <= ? AND (a.validTo IS NULL OR a.validTo > ?)`,
      [dates.to, dates.to, unitId, dates.to, dates.to],
    );
    const twice = await q(`INSERT INTO member_assignment (memberId, unitId, kind, validFrom, validTo) VALUES (?, ?, 'OFFICIAL', '2025-03-01', NULL)`, [memberId, sibling]);
    // …with a study registration and a generic entry in the period, counted once there too.
    const year = Number(dates.to.slice(0, 4));
    await q(`INSERT INTO study_registration (memberId, year, commitment, version) SELECT ?, ?, 'Học tập và làm theo', 1 FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM study_registration WHERE memberId = ? AND year = ?)`, [memberId, year, memberId, year]);
    const [{ id: registrationId }] = await q(`SELECT id FROM study_registration WHERE memberId = ? AND year = ?`, [memberId, year]);
    await q(`INSERT INTO study_entry (registrationId, month, content, specificity, version) VALUES (?, 5, 'Giúp đỡ hộ nghèo', 'GENERIC', 1) ON DUPLICATE KEY UPDATE specificity = 'GENERIC'`, [registrationId]);
    for (const [subject, who, level, where] of [['INDIVIDUAL', memberId, 'CANH_CAO', unitId], ['INDIVIDUAL', memberId, 'KHIEN_TRACH', sibling], ['COLLECTIVE', null, 'KHIEN_TRACH', unitId]]) {
      await q(`INSERT INTO discipline (subject, memberId, unitId, decidedOn, level, violation, version, createdAt, updatedAt) VALUES (?, ?, ?, '2025-06-02', ?, 'Vi phạm', 1, NOW(), NOW())`, [subject, who, where, level]);
    }
    const subjects: { memberId: number | null; subjectUnitId: number | null }[] = (await q(`SELECT memberId, subjectUnitId FROM evaluation WHERE periodId = ? ORDER BY id`, [P])).map(
      (r: { memberId: number | null; subjectUnitId: number | null }) => ({ memberId: r.memberId === null ? null : Number(r.memberId), subjectUnitId: r.subjectUnitId === null ? null : Number(r.subjectUnitId) }),
    );
    // The period's own unit too: its subtree is the whole demo.
    subjects.push({ memberId: null, subjectUnitId: Number(period.unitId) });
    const em = api.dataSource.manager;
    const memberIds = subjects.filter((s) => s.memberId !== null).map((s) => s.memberId as number);
    const unitIds = subjects.filter((s) => s.memberId === null).map((s) => s.subjectUnitId as number);
    // As a job over the period's whole unit reads them: the collectives' figures summed up its tree.
    const scope = { periodId: P, periodEnd: dates.to, subtree: await subtreeUnitIds(em, [Number(period.unitId)], dates.to) };
    const grouped = { members: await memberMetricsOf(em, memberIds, dates), units: await collectiveMetricsOf(em, scope, unitIds, dates) };
    const mismatches: string[] = [];
    const seen = new Set<string>();
    for (const s of subjects) {
      const alone = await metricsOf(em, { periodId: P, ...s }, dates);
      const together = s.memberId !== null ? grouped.members.get(s.memberId) : grouped.units.get(s.subjectUnitId as number);
      if (JSON.stringify(together) !== JSON.stringify(alone)) mismatches.push(`${JSON.stringify(s)}: ${JSON.stringify(together)} ≠ ${JSON.stringify(alone)}`);
      for (const [name, value] of Object.entries(alone)) if (value) seen.add(name);
    }
    await q('DELETE FROM member_assignment WHERE id = ?', [twice.insertId]);
    expect(mismatches).toEqual([]);
    // Not a comparison of zeros: every metric is non-zero for some subject here.
    expect([...seen]).toEqual(expect.arrayContaining(['attendance_rate', 'meetings_held', 'study_registered', 'commendations', 'discipline_level', 'members_disciplined_pct', 'members_good_pct']));
  });

  it('cost a few statements per chunk, whatever the chunk holds', async () => {
    // Over the period's whole unit: the communes opened above are refreshed, the others opened.
    const [period] = await q('SELECT unitId FROM rating_period WHERE id = ?', [P]);
    const job = dataOf(await api.gql(`mutation { recomputeRatingPeriod(id: ${P}, unitId: ${period.unitId}) { id } }`)).recomputeRatingPeriod;
    const runner = new JobRunner(api.dataSource, { chunkSize: 40, staleAfterMs: 0 });
    const statements = await sqlCounter.run(async () => {
      await runner.drain();
      return sqlCounter.current();
    });
    const done = dataOf(await api.gql(`{ RatingJob(id: ${job.id}) { state processed } }`)).RatingJob;
    expect(done.state).toBe('DONE');
    const chunks = Math.ceil(done.processed / 40);
    expect(done.processed).toBeGreaterThan(200);
    // At most a dozen per chunk (transaction, job row, subjects, evaluations, metrics, writes, cursor) and a few for
    // the pass (claim, tree, sets, total): not a statement per subject.
    expect(statements).toBeLessThanOrEqual(12 * chunks + 12);
  });
});

describe('a second connection beside the chunk', () => {
  /** Static columns of a period's evaluations under Sơn Phú, by subject. */
  const rowsOf = async (periodId: number | string) =>
    q(
      `SELECT subjectKey, subjectKind, memberId, subjectUnitId, subjectName, unitId, decidingUnitId, ledUnitId, peerGroup FROM evaluation
        WHERE periodId = ? AND (subjectUnitId = ? OR unitId IN (401, 402, 403, 404)) ORDER BY subjectKey`,
      [periodId, SON_PHU],
    );
  let quarter: number;

  it('a first opening read ahead writes each subject once, as the year\'s opening did', async () => {
    // A period with no evaluation yet: the pass reads none with its subjects (PassScope.noneWritten).
    quarter = Number(dataOf(await api.gql(`mutation { createRatingPeriod(unitId: ${SON_PHU}, kind: QUARTER, year: 2025, quarter: 4) { id } }`)).createRatingPeriod.id);
    const job = dataOf(await api.gql(`mutation { openRatingPeriod(id: ${quarter}, unitId: ${SON_PHU}) { id } }`)).openRatingPeriod;
    await new JobRunner(api.dataSource, { chunkSize: 3, readAhead: 'always' }).drain();
    const expected = await sonPhu();
    const [done] = await q('SELECT state, created, processed FROM rating_job WHERE id = ?', [job.id]);
    expect(done).toMatchObject({ state: 'DONE', created: expected.rated + expected.collectives });
    // The quarter ends with the year: the same subjects, kinds, deciding units and peer groups (no set is published for it).
    const year = await rowsOf(P);
    const opened = await rowsOf(quarter);
    expect(opened).toHaveLength(expected.rated + expected.collectives);
    const active = await q(`SELECT subjectKey FROM evaluation WHERE periodId = ? AND status = 'ACTIVE' AND (subjectUnitId = ? OR unitId IN (401, 402, 403, 404))`, [P, SON_PHU]);
    const stillRated = new Set(active.map((r: { subjectKey: string }) => r.subjectKey));
    expect(opened).toEqual(year.filter((r: { subjectKey: string }) => stillRated.has(r.subjectKey)));
    // Opening again refreshes: nothing is created, nothing doubled.
    dataOf(await api.gql(`mutation { recomputeRatingPeriod(id: ${quarter}, unitId: ${SON_PHU}) { id } }`));
    await new JobRunner(api.dataSource, { chunkSize: 3, readAhead: 'always' }).drain();
    expect(await rowsOf(quarter)).toEqual(opened);
  });

  it('a chunk read ahead leaves alone an evaluation saved after it was read', async () => {
    const job = dataOf(await api.gql(`mutation { recomputeRatingPeriod(id: ${quarter}, unitId: ${SON_PHU}) { id } }`)).recomputeRatingPeriod;
    // Collectives come first: Sơn Phú and 401 in the first chunk, 402 and 403 in the one read ahead.
    const runner = new JobRunner(api.dataSource, { chunkSize: 2, readAhead: 'always' });
    expect(await runner.claim()).toBe(Number(job.id));
    expect(await runner.runChunk(Number(job.id))).toBe(true);
    await runner['ahead']?.read;
    // Somebody saves 402's evaluation now, after the chunk holding it was read.
    await q(`UPDATE evaluation SET version = version + 1, metrics = '{"saved":1}' WHERE periodId = ? AND subjectKey = 'U:402'`, [quarter]);
    // …and 403's metrics go stale without a save (its version unchanged): the job refreshes them.
    await q(`UPDATE evaluation SET metrics = '{"stale":1}' WHERE periodId = ? AND subjectKey = 'U:403'`, [quarter]);
    const [saved] = await q(`SELECT version FROM evaluation WHERE periodId = ? AND subjectKey = 'U:402'`, [quarter]);
    await runner.drain();
    const [after] = await q(`SELECT version, metrics FROM evaluation WHERE periodId = ? AND subjectKey = 'U:402'`, [quarter]);
    expect(after).toEqual({ version: saved.version, metrics: '{"saved":1}' });
    // 403, read in the same chunk and saved by nobody, was refreshed.
    const [other] = await q(`SELECT metrics FROM evaluation WHERE periodId = ? AND subjectKey = 'U:403'`, [quarter]);
    expect(JSON.parse(other.metrics)).toHaveProperty('meetings_held');
  });

  it('is not used while the API is answering requests', async () => {
    const job = dataOf(await api.gql(`mutation { recomputeRatingPeriod(id: ${quarter}, unitId: ${SON_PHU}) { id } }`)).recomputeRatingPeriod;
    const runner = new JobRunner(api.dataSource, { chunkSize: 2 });
    expect(await runner.claim()).toBe(Number(job.id));
    // A request in flight for the last two seconds: the API is busy.
    requestActivity.begin(Date.now() - 2000);
    try {
      expect(await runner.runChunk(Number(job.id))).toBe(true);
      expect(runner['ahead']).toBeNull();
    } finally {
      requestActivity.end(Date.now() - 1500);
    }
    // Quiet again (the spell ended more than a second ago): the next chunk is read while this one writes.
    expect(await runner.runChunk(Number(job.id))).toBe(true);
    expect(runner['ahead']).not.toBeNull();
    await runner.drain();
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
