/**
 * Re-rating belongs to the committee above the one that decided (366 Điều 13): `viewerCanRerate` says so per
 * evaluation, so the panel offers the button only to it, and `rerateEvaluation` refuses everyone else.
 */
import { UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const DECIDED = `{ allEvaluations(perPage: 50, filter: {stage: DECIDED, unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}}) { id decidingUnitId viewerCanRerate version } }`;

it("the commune's own deciders are not offered a re-rating of what the commune decided, and are refused it", async () => {
  const btv = await api.login('btv.mythanh');
  const rows = dataOf(await api.gql(DECIDED, {}, btv)).allEvaluations.filter((e: { decidingUnitId: string }) => e.decidingUnitId === String(UNIT.COMMUNE_MY_TAN_HUNG));
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((e: { viewerCanRerate: boolean }) => e.viewerCanRerate === false)).toBe(true);
  const e = errorOf(await api.gql(`mutation { rerateEvaluation(id: ${rows[0].id}, level: COMPLETED, reason: "Thử", version: ${rows[0].version}) { id } }`, {}, btv));
  expect(e.code).toBe('FORBIDDEN');
});

it('the level above is offered it on decided evaluations only', async () => {
  const decided = dataOf(await api.gql(DECIDED)).allEvaluations;
  expect(decided.length).toBeGreaterThan(0);
  expect(decided.every((e: { viewerCanRerate: boolean }) => e.viewerCanRerate)).toBe(true);
  const pending = dataOf(await api.gql(`{ allEvaluations(perPage: 20, filter: {stage: PENDING}) { viewerCanRerate } }`)).allEvaluations;
  expect(pending.every((e: { viewerCanRerate: boolean }) => e.viewerCanRerate === false)).toBe(true);
});
