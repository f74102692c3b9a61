/**
 * Criteria sets are bounded in size before any work, heavy engine work runs off the event loop, and a set rates
 * against a period of its owner or of a unit above it.
 */
import { ErrorCode } from '@dangbo/shared-types';
import { CELL, CRITERIA_SET, PERIOD, UNIT } from '../src/database/seeds/demo.constants';
import { AppError } from '../src/core/errors';
import { LIMITS } from '../src/modules/criteria/criteria.limits';
import { EnginePool, enginePool } from '../src/modules/criteria/engine-pool';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
let ubkt: string;
beforeAll(async () => {
  api = await startTestApi();
  ubkt = await api.login('ubkt.mythanh');
});
afterAll(async () => {
  await enginePool.close();
  await api.close();
});

const RULES = {
  bands: [{ level: 'EXCELLENT', min: 90 }, { level: 'GOOD', min: 70 }, { level: 'COMPLETED', min: 50 }],
  gates: [],
  downgrades: [],
  quota: { share: 0.2, outstandingShare: 0.25 },
};

/** A valid draft of `groups` groups of `per` METRIC criteria, each formula padded to `formulaChars`. */
function draft({ groups = 10, per = 49, formulaChars = 60, nameChars = 40, descriptionChars = 0 } = {}) {
  const formula = (i: number) => {
    let f = 'min(2, attendance_rate / 50)';
    for (let k = i; f.length + 30 <= formulaChars; k++) f += ` + 0 * (attendance_rate + ${k})`;
    return f;
  };
  const items = Array.from({ length: groups }, (_, g) => ({
    code: `nhom_${g}`,
    name: `Nhóm ${g} `.padEnd(nameChars, 'n'),
    kind: 'GROUP',
    max: per * 2,
    children: Array.from({ length: per }, (_, i) => ({
      code: `tc_${g}_${i}`,
      name: `Tiêu chí ${g}.${i} `.padEnd(nameChars, 't'),
      ...(descriptionChars ? { description: 'Mô tả '.padEnd(descriptionChars, 'ạ') } : {}),
      kind: 'METRIC',
      max: 2,
      formula: formula(i),
    })),
  }));
  return { name: 'Bộ tiêu chí lớn', subjectKind: 'MEMBER_OUTSIDE_SYSTEM', totalMax: groups * per * 2, items, ...RULES, bands: RULES.bands.map((b) => ({ ...b, min: b.min * per * groups * 2 / 100 })) };
}

const PREVIEW = `query($d: JSON, $i: JSON) { previewCriteriaSet(id: ${CRITERIA_SET.MY_THANH_MEMBER_OUTSIDE_SYSTEM}, definition: $d, inputs: $i) { errors { code path } total level } }`;
const preview = (d: unknown, i?: unknown) => api.gql(PREVIEW, { d, i }, ubkt);
const newDraftSet = async (periodId: number | string = PERIOD.YEAR_2026) =>
  dataOf(await api.gql(`mutation { createCriteriaSet(unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}, periodId: ${periodId}, subjectKind: LEADER, name: "Nháp ${Math.random()}") { id } }`, {}, ubkt)).createCriteriaSet
    .id as string;

describe('every input of a criteria set is bounded, refused with the field before any work', () => {
  it('a draft of more than 500 criteria is refused on definition.items', async () => {
    const e = errorOf(await preview(draft({ groups: 1, per: LIMITS.criteriaPerSet, formulaChars: 0 })));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'definition.items' });
    expect(e.message).toMatch(/tối đa 500 tiêu chí|quá 500 tiêu chí/);
  });

  it('a draft of the 750 KiB / 15,000-criteria kind is refused, not run', async () => {
    const items = Array.from({ length: 15_000 }, (_, i) => ({ code: `c${i}`, name: 'Tiêu chí', kind: 'SCORE', max: 0 }));
    const huge = { ...draft({ groups: 1, per: 1 }), items };
    expect(Buffer.byteLength(JSON.stringify(huge))).toBeGreaterThan(700 * 1024);
    const e = errorOf(await preview(huge));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'definition' });
    expect(e.message).toMatch(/quá lớn: tối đa 512 KiB/);
  });

  it('a draft over 512 KiB is refused on definition even with few criteria', async () => {
    const big = draft({ groups: 4, per: 99, formulaChars: 60, nameChars: 400, descriptionChars: 500 });
    expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(LIMITS.draftBytes);
    expect(errorOf(await preview(big))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'definition' });
  });

  it('a formula, a name and a description over their lengths are refused naming their path', async () => {
    const d = draft({ groups: 2, per: 2 });
    d.items[1].children[1].formula = `1 + ${'0 + '.repeat(130)}0`;
    expect(errorOf(await preview(d))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'definition.items[1].children[1].formula' });
    const named = draft({ groups: 2, per: 2 });
    named.items[0].name = 'N'.repeat(LIMITS.criterionName + 1);
    expect(errorOf(await preview(named))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'definition.items[0].name' });
    const described = draft({ groups: 2, per: 2 });
    Object.assign(described.items[0].children[0], { description: 'm'.repeat(LIMITS.description + 1) });
    expect(errorOf(await preview(described))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'definition.items[0].children[0].description' });
  });

  it('a draft with too many gates, or nested deeper than any set, is refused', async () => {
    const gates = Array.from({ length: LIMITS.gates + 1 }, () => ({ level: 'GOOD', expression: 'tasks_on_time_share == 1', message: 'Đủ việc' }));
    expect(errorOf(await preview({ ...draft({ groups: 2, per: 2 }), gates }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'definition.gates' });
    // 200 levels where a real set has at most 13, written by hand as a client could send it.
    const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
    const body = `{"query": ${JSON.stringify(PREVIEW)}, "variables": {"d": {"name": "Sâu", "items": ${deep}}}}`;
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ubkt}` }, body });
    const answer = (await res.json()) as { errors?: { extensions?: { code?: string; field?: string } }[] };
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'definition' });
  });

  it('preview inputs are bounded: entries per kind and bytes', async () => {
    const facts = Object.fromEntries(Array.from({ length: LIMITS.facts + 1 }, (_, i) => [`f${i}`, 1]));
    expect(errorOf(await preview(undefined, { facts }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs.facts' });
    expect(errorOf(await preview(undefined, { scores: {}, facts: { note: 'x'.repeat(LIMITS.inputsBytes) } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
  });

  it('saved rules are bounded: gate count and expression length', async () => {
    const id = await newDraftSet();
    const update = (gates: unknown) => api.gql(`mutation($g: JSON) { updateCriteriaSet(id: ${id}, gates: $g) { id } }`, { g: gates }, ubkt);
    const many = Array.from({ length: LIMITS.gates + 1 }, () => ({ level: 'GOOD', expression: 'tasks_on_time_share == 1', message: 'Đủ việc' }));
    expect(errorOf(await update(many))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gates' });
    const long = [{ level: 'GOOD', expression: `tasks_on_time_share == 1${' and total >= 0'.repeat(40)}`, message: 'Đủ việc' }];
    expect(errorOf(await update(long))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gates[0].expression' });
  });

  it('a saved set holds at most 500 criteria, and a criterion code fits its column', async () => {
    const id = await newDraftSet();
    const add = (code: string) =>
      api.gql(`mutation($c: String!) { createCriterion(setId: ${id}, code: $c, name: "Tiêu chí", kind: SCORE, max: 1) { id } }`, { c: code }, ubkt);
    expect(errorOf(await add('m'.repeat(LIMITS.code + 1)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const rows = Array.from({ length: LIMITS.criteriaPerSet - 1 }, (_, i) => [Number(id), null, i, `c_${i}`, 'Tiêu chí', 'SCORE', 1, 1]);
    await api.dataSource.query('INSERT INTO criterion (setId, parentId, position, code, name, kind, max, version) VALUES ?', [rows]);
    dataOf(await add('the_500th'));
    expect(errorOf(await add('the_501st'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'setId' });
  });

  it('publishing a stored set over the bounds (saved before they existed) is refused on id', async () => {
    const id = await newDraftSet();
    const rows = Array.from({ length: LIMITS.criteriaPerSet + 1 }, (_, i) => [Number(id), null, i, `c_${i}`, 'Tiêu chí', 'SCORE', 0, 1]);
    await api.dataSource.query('INSERT INTO criterion (setId, parentId, position, code, name, kind, max, version) VALUES ?', [rows]);
    expect(errorOf(await api.gql(`mutation { publishCriteriaSet(id: ${id}) { id } }`, {}, ubkt))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(errorOf(await api.gql(`{ previewCriteriaSet(id: ${id}) { total } }`, {}, ubkt))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('a heavy preview does not block other requests', () => {
  it('a preview at the maximum sizes runs in a worker: /healthz requests made meanwhile all answer before it', async () => {
    const heavy = draft({ groups: 10, per: LIMITS.criteriaPerSet / 10 - 1, formulaChars: LIMITS.formula, nameChars: 100 });
    expect(Buffer.byteLength(JSON.stringify(heavy))).toBeLessThanOrEqual(LIMITS.draftBytes);
    const order: string[] = [];
    let settled = false;
    const running = preview(heavy).then((res) => {
      settled = true;
      order.push('preview');
      return res;
    });
    // Wait (by state, not by time) until the engine is at work in the pool, then ask the process for its health.
    while (!settled && enginePool.running === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    const health = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${api.url}/healthz`).then((res) => {
          order.push('healthz');
          return res.status;
        }),
      ),
    );
    const p = dataOf(await running).previewCriteriaSet;
    expect(health).toEqual([200, 200, 200, 200, 200]);
    expect(order).toEqual(['healthz', 'healthz', 'healthz', 'healthz', 'healthz', 'preview']);
    expect(p.errors).toEqual([]);
    expect(p.total).toBeGreaterThan(0);
  });

  it('a job that outlives its time is answered TIMEOUT, its worker ended, and the pool works on', async () => {
    const pool = new EnginePool({ size: 1, timeoutMs: 60_000, maxQueue: 1, idleMs: 60_000 });
    try {
      const definition = draft({ groups: 10, per: 49, formulaChars: LIMITS.formula, nameChars: 20 }) as never;
      const stopped = await pool.run({ op: 'compile', definition }, 1).catch((e: unknown) => e);
      expect(stopped).toBeInstanceOf(AppError);
      expect((stopped as AppError).code).toBe(ErrorCode.TIMEOUT);
      expect(pool.running).toBe(0);
      expect(await pool.run({ op: 'compile', definition: draft({ groups: 2, per: 2 }) as never })).toEqual([]);
    } finally {
      await pool.close();
    }
  });

  it('jobs beyond the queue are refused TOO_MANY_REQUESTS at once', async () => {
    const pool = new EnginePool({ size: 1, timeoutMs: 60_000, maxQueue: 1, idleMs: 60_000 });
    try {
      const definition = draft({ groups: 2, per: 2 }) as never;
      const jobs = [pool.run({ op: 'compile', definition }), pool.run({ op: 'compile', definition }), pool.run({ op: 'compile', definition }).catch((e: unknown) => e)];
      const third = await jobs[2];
      expect((third as AppError).code).toBe(ErrorCode.TOO_MANY_REQUESTS);
      expect(await Promise.all(jobs.slice(0, 2))).toEqual([[], []]);
    } finally {
      await pool.close();
    }
  });
});

describe('a criteria set uses only a rating period of its own unit or an ancestor', () => {
  const periodOf = async (unitId: number, year: number) =>
    dataOf(await api.gql(`mutation { createRatingPeriod(unitId: ${unitId}, kind: YEAR, year: ${year}) { id } }`)).createRatingPeriod.id as string;
  let sibling: string;
  let child: string;
  let own: string;
  beforeAll(async () => {
    sibling = await periodOf(UNIT.COMMUNE_LUONG_HOA, 2030);
    child = await periodOf(CELL.BEN_DO, 2030);
    own = await periodOf(UNIT.COMMUNE_MY_TAN_HUNG, 2030);
  });

  it('create: a period of a sibling unit or of a unit below is refused on periodId; its own or the province’s is taken', async () => {
    for (const periodId of [sibling, child, '999999']) {
      const res = await api.gql(`mutation { createCriteriaSet(unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}, periodId: ${periodId}, subjectKind: LEADER, name: "Sai kỳ") { id } }`, {}, ubkt);
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodId' });
    }
    expect(await newDraftSet(own)).toBeTruthy();
    expect(await newDraftSet(PERIOD.YEAR_2026)).toBeTruthy();
  });

  it('update: a draft moves only to a period of its owner or above', async () => {
    const id = await newDraftSet();
    const move = (periodId: string) => api.gql(`mutation { updateCriteriaSet(id: ${id}, periodId: ${periodId}) { periodId } }`, {}, ubkt);
    expect(errorOf(await move(sibling))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodId' });
    expect(errorOf(await move(child))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodId' });
    expect(dataOf(await move(own)).updateCriteriaSet.periodId).toBe(own);
  });

  it('clone: a set whose period is not its owner’s or above is not copied', async () => {
    const id = await newDraftSet();
    await api.dataSource.query('UPDATE criteria_set SET periodId = ? WHERE id = ?', [Number(sibling), Number(id)]);
    expect(errorOf(await api.gql(`mutation { cloneCriteriaSet(id: ${id}) { id } }`, {}, ubkt))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodId' });
  });
});
