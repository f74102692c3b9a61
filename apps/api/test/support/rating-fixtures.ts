/** Helpers of the rating tests: the entries of a member rated tốt or xuất sắc on the 366 member frameworks, and the three steps. */
import { FACTS } from '@dangbo/rating-engine';
import { JobRunner } from '../../src/modules/rating-job/rating-job.runner';
import { dataOf, GqlResponse, TestApi } from './harness';

export type Profile = 'EXCELLENT' | 'GOOD';

/** Entered points at 95% (xuất sắc) or 85% (tốt) of every scored criterion of the set, and consistent facts. */
export async function entriesFor(api: TestApi, evaluationId: number, profile: Profile) {
  const [row] = await api.dataSource.query('SELECT criteriaSetId FROM evaluation WHERE id = ?', [evaluationId]);
  const criteria: { code: string; kind: string; max: string }[] = await api.dataSource.query('SELECT code, kind, max FROM criterion WHERE setId = ?', [row.criteriaSetId]);
  const f = profile === 'EXCELLENT' ? 0.95 : 0.85;
  const scores = Object.fromEntries(criteria.filter((c) => c.kind === 'SCORE').map((c) => [c.code, Math.round(Number(c.max) * f * 2) / 2]));
  const checks = Object.fromEntries(criteria.filter((c) => c.kind === 'CHECK').map((c) => [c.code, true]));
  const facts = {
    ...Object.fromEntries(FACTS.map((x) => [x.name, x.sample])),
    tasks_assigned: 10,
    tasks_on_time: 10,
    tasks_late: 0,
    tasks_missed: 0,
    tasks_exceeded: profile === 'EXCELLENT' ? 4 : 1,
    shortcomings_fixed_pct: 100,
    led_units_done_pct: 100,
    led_units_exceeding_share: profile === 'EXCELLENT' ? 0.4 : 0.1,
  };
  return { scores, checks, facts };
}

const FIELDS = 'id version stage level engineLevel proposedLevel total';

export function step(api: TestApi, name: 'submitEvaluation' | 'appraiseEvaluation' | 'decideEvaluation', vars: Record<string, unknown>, token?: string): Promise<GqlResponse<Record<string, any>>> {
  return api.gql(
    `mutation($id: ID!, $version: Int!, $scores: JSON, $checks: JSON, $facts: JSON, $level: Level, $reason: String) {
       ${name}(id: $id, version: $version, scores: $scores, checks: $checks, facts: $facts, level: $level, reason: $reason) { ${FIELDS} } }`,
    vars,
    token,
  );
}

export async function versionOf(api: TestApi, id: number): Promise<number> {
  const [row] = await api.dataSource.query('SELECT version FROM evaluation WHERE id = ?', [id]);
  return Number(row.version);
}

/** Submits and appraises with a profile's entries (as admin); returns the version to decide on. */
export async function submitAndAppraise(api: TestApi, id: number, profile: Profile, extra: Record<string, unknown> = {}): Promise<number> {
  const entries = await entriesFor(api, id, profile);
  const submitted = dataOf(await step(api, 'submitEvaluation', { id, version: await versionOf(api, id), ...entries, ...extra })).submitEvaluation;
  const appraised = dataOf(await step(api, 'appraiseEvaluation', { id, version: submitted.version })).appraiseEvaluation;
  return appraised.version;
}

/** The three steps; the decision at the engine's level unless `level` is given. */
export async function rateFully(api: TestApi, id: number, profile: Profile, decide: Record<string, unknown> = {}): Promise<GqlResponse<Record<string, any>>> {
  const version = await submitAndAppraise(api, id, profile);
  return step(api, 'decideEvaluation', { id, version, ...decide });
}

export async function evaluationId(api: TestApi, periodId: number, key: string): Promise<number | null> {
  const rows = await api.dataSource.query('SELECT id FROM evaluation WHERE periodId = ? AND subjectKey = ?', [periodId, key]);
  return rows.length ? Number(rows[0].id) : null;
}

/** Opens the period over a unit through the API and works the job to the end with a runner of the test's own. */
export async function openAndRun(api: TestApi, periodId: number, unitId: number): Promise<{ id: string; state: string; processed: number; total: number; created: number }> {
  const job = dataOf(await api.gql(`mutation { openRatingPeriod(id: ${periodId}, unitId: ${unitId}) { id state } }`)).openRatingPeriod;
  await new JobRunner(api.dataSource, { chunkSize: 100 }).drain();
  return dataOf(await api.gql(`{ RatingJob(id: ${job.id}) { id state processed total created progress } }`)).RatingJob;
}

/**
 * One call per rating mutation for the audit test (access.integration-spec.ts: `Object.assign(calls, ratingAuditCalls(api, count))`):
 * each prepares what it needs, takes the count, then runs the one mutation measured. Locks and jobs use the 2026
 * period or a quarter of 2031 made for the call, so no other call of that test meets them.
 */
export function ratingAuditCalls(api: TestApi, count: () => Promise<number>): Record<string, () => Promise<unknown>> {
  const pending = async () => {
    const [row] = await api.dataSource.query(
      `SELECT id FROM evaluation WHERE periodId = 1 AND stage = 'PENDING' AND memberId IS NOT NULL AND ledUnitId IS NULL AND unitId BETWEEN 201 AND 205 ORDER BY id LIMIT 1`,
    );
    return Number(row.id);
  };
  const measured = (prepare: () => Promise<unknown>, run: () => Promise<unknown>) => async () => {
    await prepare();
    const before = await count();
    dataOf((await run()) as GqlResponse);
    return before;
  };
  let id = 0;
  let period = 0;
  // A period of its own for each period-level call: a lock left by one call meets no other.
  const freshPeriod = async (quarter: number) =>
    Number(dataOf(await api.gql(`mutation { createRatingPeriod(unitId: 10, kind: QUARTER, year: 2031, quarter: ${quarter}) { id } }`)).createRatingPeriod.id);
  return {
    submitEvaluation: measured(
      async () => (id = await pending()),
      async () => step(api, 'submitEvaluation', { id, version: await versionOf(api, id), ...(await entriesFor(api, id, 'GOOD')) }),
    ),
    appraiseEvaluation: measured(
      async () => {
        id = await pending();
        dataOf(await step(api, 'submitEvaluation', { id, version: await versionOf(api, id), ...(await entriesFor(api, id, 'GOOD')) }));
      },
      async () => step(api, 'appraiseEvaluation', { id, version: await versionOf(api, id) }),
    ),
    decideEvaluation: measured(
      async () => {
        id = await pending();
        await submitAndAppraise(api, id, 'GOOD');
      },
      async () => step(api, 'decideEvaluation', { id, version: await versionOf(api, id) }),
    ),
    decideEvaluations: measured(
      async () => {
        id = await pending();
        await submitAndAppraise(api, id, 'GOOD');
      },
      async () => api.gql(`mutation { decideEvaluations(ids: [${id}]) { ids } }`),
    ),
    rerateEvaluation: measured(
      async () => {
        const [row] = await api.dataSource.query(`SELECT id FROM evaluation WHERE periodId = 1 AND stage = 'DECIDED' AND level = 'GOOD' AND memberId IS NOT NULL ORDER BY id DESC LIMIT 1`);
        id = Number(row.id);
      },
      async () => api.gql(`mutation { rerateEvaluation(id: ${id}, version: ${await versionOf(api, id)}, level: COMPLETED, reason: "Xếp loại lại") { id } }`),
    ),
    openRatingPeriod: measured(async () => undefined, () => api.gql(`mutation { openRatingPeriod(id: 2, unitId: 40) { id } }`)),
    recomputeRatingPeriod: measured(async () => undefined, () => api.gql(`mutation { recomputeRatingPeriod(id: 2, unitId: 30) { id } }`)),
    lockRatingPeriod: measured(async () => (period = await freshPeriod(1)), () => api.gql(`mutation { lockRatingPeriod(id: ${period}) { id } }`)),
    reopenRatingPeriod: measured(
      async () => {
        period = await freshPeriod(2);
        dataOf(await api.gql(`mutation { lockRatingPeriod(id: ${period}) { id } }`));
      },
      () => api.gql(`mutation { reopenRatingPeriod(id: ${period}, reason: "Bổ sung") { id } }`),
    ),
    configureRatingPeriod: measured(
      async () => (period = await freshPeriod(3)),
      () => api.gql(`mutation { configureRatingPeriod(id: ${period}, version: 1, outstandingShare: 0.25) { id } }`),
    ),
  };
}
