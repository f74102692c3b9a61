/** Criteria sets through GraphQL, as the inspection committee of Mỹ Thạnh uses them. */
import { CELL, CRITERIA_SET, PERIOD, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
let ubkt: string;
let xa: string;
beforeAll(async () => {
  api = await startTestApi();
  ubkt = await api.login('ubkt.mythanh');
  xa = await api.login('xa.mythanh');
});
afterAll(() => api.close());

const CREATE_SET = `mutation { createCriteriaSet(unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}, periodId: ${PERIOD.YEAR_2026}, subjectKind: MEMBER_OUTSIDE_SYSTEM, name: "Tiêu chí đảng viên ngoài hệ thống chính trị 2026") { id status revision version } }`;
const ADD = `mutation($setId: ID!, $parentId: ID, $code: String!, $name: String!, $kind: CriterionKind!, $max: Float!, $formula: String) {
  createCriterion(setId: $setId, parentId: $parentId, code: $code, name: $name, kind: $kind, max: $max, formula: $formula) { id code }
}`;
const add = (vars: Record<string, unknown>, token = ubkt) => api.gql(ADD, vars, token);
const publishedCount = async () => Number((await api.dataSource.query("SELECT COUNT(*) AS n FROM criteria_set WHERE status = 'PUBLISHED'"))[0].n);

describe('building, publishing and previewing a set', () => {
  let setId: string;

  it('ubkt.mythanh creates a set; publishing it lists every error; fixing them publishes it', async () => {
    setId = dataOf(await api.gql(CREATE_SET, {}, ubkt)).createCriteriaSet.id;
    const chung = dataOf(await add({ setId, code: 'chung', name: 'Nhóm tiêu chí chung', kind: 'GROUP', max: 30 })).createCriterion.id;
    const nv = dataOf(await add({ setId, code: 'nhiem_vu', name: 'Kết quả thực hiện nhiệm vụ', kind: 'GROUP', max: 70 })).createCriterion.id;
    dataOf(await add({ setId, parentId: chung, code: 'chinh_tri', name: 'Tư tưởng chính trị', kind: 'SCORE', max: 20 }));
    dataOf(await add({ setId, parentId: nv, code: 'hoc_tap', name: 'Học tập và làm theo Bác (Chỉ thị 05)', kind: 'METRIC', max: 40, formula: 'min(40, study_months_reported / 12 * 40)' }));
    dataOf(await add({ setId, parentId: nv, code: 'sinh_hoat', name: 'Dự sinh hoạt chi bộ', kind: 'METRIC', max: 30, formula: 'attendance_rate * 30 / 100' }));
    // A cycle can only be made in steps: each formula names an existing criterion when it is saved.
    const a = dataOf(await add({ setId, code: 'a', name: 'Vòng A', kind: 'FORMULA', max: 0, formula: '0' })).createCriterion.id;
    dataOf(await add({ setId, code: 'b', name: 'Vòng B', kind: 'FORMULA', max: 0, formula: 'a + 0' }));
    dataOf(await api.gql(`mutation { updateCriterion(id: ${a}, formula: "b + 0") { id } }`, {}, ubkt));

    const before = await publishedCount();
    const refused = await api.gql(`mutation { publishCriteriaSet(id: ${setId}) { id } }`, {}, ubkt);
    const e = refused.errors?.[0];
    expect(e?.extensions?.code).toBe('BAD_USER_INPUT');
    const errors = e?.extensions?.errors as { code: string; path: string; criterionCode?: string; message: string }[];
    const codes = errors.map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['GROUP_MAX_MISMATCH', 'CYCLE']));
    expect(errors.find((x) => x.code === 'GROUP_MAX_MISMATCH')?.criterionCode).toBe('chung');
    for (const x of errors) expect(x.message).toMatch(/[à-ỹ]/);
    expect(await publishedCount()).toBe(before);
    expect(dataOf(await api.gql(`{ CriteriaSet(id: ${setId}) { status } }`, {}, ubkt)).CriteriaSet.status).toBe('DRAFT');

    // Fix: the common group gets its missing 10 points; the cycle goes.
    const all = dataOf(await api.gql(`{ allCriteria(filter: {setId: ${setId}}) { id code } }`, {}, ubkt)).allCriteria;
    const id = (code: string) => all.find((c: { code: string }) => c.code === code).id;
    dataOf(await api.gql(`mutation { deleteCriterion(id: ${id('a')}) { id } }`, {}, ubkt));
    dataOf(await api.gql(`mutation { deleteCriterion(id: ${id('b')}) { id } }`, {}, ubkt));
    dataOf(await add({ setId, parentId: chung, code: 'tu_phe_binh', name: 'Tự phê bình và phê bình', kind: 'CHECK', max: 10 }));
    const published = dataOf(await api.gql(`mutation { publishCriteriaSet(id: ${setId}) { status revision } }`, {}, ubkt)).publishCriteriaSet;
    expect(published).toEqual({ status: 'PUBLISHED', revision: 1 });
  });

  it('previews a sample whose trace shows band, gate and downgrade', async () => {
    const inputs = {
      scores: { chinh_tri: 20 },
      checks: { tu_phe_binh: true },
      metrics: { study_months_reported: 12, attendance_rate: 100, discipline_level: 1 },
      facts: { tasks_assigned: 10, tasks_on_time: 10, tasks_late: 0, tasks_missed: 0, tasks_exceeded: 1, shortcomings_fixed_pct: 100, degeneration_signs: 0, forbidden_acts_breach: 0 },
    };
    const p = dataOf(
      await api.gql(`query($inputs: JSON) { previewCriteriaSet(id: ${setId}, inputs: $inputs) { errors { code } total bandLevel level trace { kind message } } }`, { inputs }, xa),
    ).previewCriteriaSet;
    expect(p.errors).toEqual([]);
    expect(p.total).toBe(100);
    expect(p.bandLevel).toBe('EXCELLENT');
    expect(p.level).toBe('NOT_COMPLETED');
    const kinds = p.trace.map((t: { kind: string }) => t.kind);
    expect(kinds).toEqual(expect.arrayContaining(['band', 'gate', 'downgrade']));
  });

  it('reorders siblings in one step, and previews an unsaved draft as given', async () => {
    const top = dataOf(await api.gql(`{ allCriteria(filter: {setId: ${setId}}, perPage: 100) { id code parentId } }`, {}, ubkt)).allCriteria.filter(
      (c: { parentId: string | null }) => c.parentId === null,
    );
    // The set is published by now: reordering a frozen set is refused like any edit.
    expect(errorOf(await api.gql(`mutation($ids: [ID!]!) { reorderCriteria(setId: ${setId}, ids: $ids) { id } }`, { ids: top.map((c: { id: string }) => c.id).reverse() }, ubkt)).code).toBe('CONFLICT');
    const definition = dataOf(await api.gql(`{ CriteriaSet(id: ${setId}) { definition } }`, {}, ubkt)).CriteriaSet.definition;
    definition.items[0].max = 25;
    const p = dataOf(await api.gql(`query($d: JSON) { previewCriteriaSet(id: ${setId}, definition: $d) { errors { code criterionCode } } }`, { d: definition }, ubkt)).previewCriteriaSet;
    expect(p.errors.map((e: { code: string }) => e.code)).toContain('GROUP_MAX_MISMATCH');
  });

  it('xa.mythanh can read the set but not edit it', async () => {
    expect(dataOf(await api.gql(`{ CriteriaSet(id: ${setId}) { name viewerCanManage } }`, {}, xa)).CriteriaSet).toMatchObject({ viewerCanManage: false });
    expect(dataOf(await api.gql(`{ CriteriaSet(id: ${setId}) { viewerCanManage } }`, {}, ubkt)).CriteriaSet.viewerCanManage).toBe(true);
    expect(dataOf(await api.gql(`{ CriteriaSet(id: ${setId}) { name } }`, {}, xa)).CriteriaSet.name).toMatch(/2026/);
    expect(errorOf(await api.gql(`mutation { updateCriteriaSet(id: ${setId}, name: "x") { id } }`, {}, xa)).code).toBe('FORBIDDEN');
    expect(errorOf(await api.gql(`mutation { cloneCriteriaSet(id: ${setId}) { id } }`, {}, xa)).code).toBe('FORBIDDEN');
  });

  it('a frozen set refuses edits with CONFLICT; its clone is editable and publishes as version 2', async () => {
    const frozen = errorOf(await api.gql(`mutation { updateCriteriaSet(id: ${setId}, name: "Sửa") { id } }`, {}, ubkt));
    expect(frozen.code).toBe('CONFLICT');
    const crit = dataOf(await api.gql(`{ allCriteria(filter: {setId: ${setId}}, perPage: 1) { id } }`, {}, ubkt)).allCriteria[0].id;
    expect(errorOf(await api.gql(`mutation { updateCriterion(id: ${crit}, name: "Sửa") { id } }`, {}, ubkt)).code).toBe('CONFLICT');
    const clone = dataOf(await api.gql(`mutation { cloneCriteriaSet(id: ${setId}) { id status revision } }`, {}, ubkt)).cloneCriteriaSet;
    expect(clone).toMatchObject({ status: 'DRAFT', revision: 2 });
    dataOf(await api.gql(`mutation { updateCriteriaSet(id: ${clone.id}, name: "Tiêu chí 2026 (sửa đổi)") { id } }`, {}, ubkt));
    const v2 = dataOf(await api.gql(`mutation { publishCriteriaSet(id: ${clone.id}) { status revision } }`, {}, ubkt)).publishCriteriaSet;
    expect(v2).toEqual({ status: 'PUBLISHED', revision: 2 });
    expect(dataOf(await api.gql(`{ CriteriaSet(id: ${setId}) { status } }`, {}, ubkt)).CriteriaSet.status).toBe('ARCHIVED');
  });
});

describe('reordering a draft', () => {
  it('puts siblings in the given order in one transaction and refuses a list that is not exactly the siblings', async () => {
    const setId = dataOf(await api.gql(CREATE_SET.replace('MEMBER_OUTSIDE_SYSTEM', 'MEMBER_IN_SYSTEM'), {}, ubkt)).createCriteriaSet.id;
    const ids: string[] = [];
    for (const code of ['mot', 'hai', 'ba']) ids.push(dataOf(await add({ setId, code, name: code, kind: 'SCORE', max: 10 })).createCriterion.id);
    const order = [ids[2], ids[0], ids[1]];
    const res = dataOf(await api.gql(`mutation($ids: [ID!]!) { reorderCriteria(setId: ${setId}, ids: $ids) { code position } }`, { ids: order }, ubkt)).reorderCriteria;
    expect(res).toEqual([{ code: 'ba', position: 0 }, { code: 'mot', position: 1 }, { code: 'hai', position: 2 }]);
    const bad = errorOf(await api.gql(`mutation($ids: [ID!]!) { reorderCriteria(setId: ${setId}, ids: $ids) { code } }`, { ids: [ids[0], ids[1]] }, ubkt));
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    const after = dataOf(await api.gql(`{ CriteriaSet(id: ${setId}) { definition } }`, {}, ubkt)).CriteriaSet.definition.items.map((c: { code: string }) => c.code);
    expect(after).toEqual(['ba', 'mot', 'hai']);
  });
});

describe('which set applies', () => {
  it('a unit uses its own published set, else the nearest one above it', async () => {
    const q = (unit: number) =>
      api.gql(`{ applicableCriteriaSet(unitId: ${unit}, periodId: ${PERIOD.YEAR_2025}, subjectKind: MEMBER_OUTSIDE_SYSTEM) { id unitId } }`);
    expect(dataOf(await q(CELL.BEN_DO)).applicableCriteriaSet.id).toBe(String(CRITERIA_SET.MY_THANH_MEMBER_OUTSIDE_SYSTEM));
    expect(dataOf(await q(UNIT.COMMUNE_LUONG_HOA * 10 + 1)).applicableCriteriaSet.id).toBe(String(CRITERIA_SET.MEMBER_OUTSIDE_SYSTEM));
  });

  it('ships the four 366 frameworks and Mỹ Thạnh’s Directive 05 set, all publishable as they are', async () => {
    const sets = dataOf(await api.gql(`{ allCriteriaSets(filter: {periodId: ${PERIOD.YEAR_2025}}) { id subjectKind status definition } }`)).allCriteriaSets;
    expect(sets.map((s: { subjectKind: string }) => s.subjectKind).sort()).toEqual(['COLLECTIVE', 'LEADER', 'MEMBER_IN_SYSTEM', 'MEMBER_OUTSIDE_SYSTEM', 'MEMBER_OUTSIDE_SYSTEM']);
    const myThanh = sets.find((s: { id: string }) => s.id === String(CRITERIA_SET.MY_THANH_MEMBER_OUTSIDE_SYSTEM));
    expect(JSON.stringify(myThanh.definition)).toMatch(/study_months_reported/);
    const preview = dataOf(await api.gql(`{ previewCriteriaSet(id: ${CRITERIA_SET.MY_THANH_MEMBER_OUTSIDE_SYSTEM}) { errors { code } level } }`)).previewCriteriaSet;
    expect(preview.errors).toEqual([]);
    expect(preview.level).toBeTruthy();
  });
});

describe('bad formulas and bad sets: a clear error naming the element, nothing saved or published', () => {
  let setId: string;
  beforeAll(async () => {
    setId = dataOf(
      await api.gql(`mutation { createCriteriaSet(unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}, periodId: ${PERIOD.YEAR_2026}, subjectKind: LEADER, name: "Bộ thử lỗi") { id } }`, {}, ubkt),
    ).createCriteriaSet.id;
    dataOf(await add({ setId, code: 'diem', name: 'Điểm', kind: 'SCORE', max: 100 }));
  });
  const count = async () => Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM criterion WHERE setId = ?', [setId]))[0].n);

  it.each([
    ['a decimal comma', '7,5', /./],
    ['constructor', 'constructor', /constructor/],
    ['property access', 'a.b', /./],
    ['an unknown name', 'khong_co_ten * 2', /khong_co_ten/],
    ['a 10,000-character expression', '1 + '.repeat(2500) + '1', /500/],
  ])('formula with %s', async (_label, formula, message) => {
    const before = await count();
    const e = errorOf(await add({ setId, code: 'cong_thuc', name: 'Công thức', kind: 'FORMULA', max: 10, formula: formula as string }));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.field).toBe('formula');
    expect(e.message).toMatch(message as RegExp);
    expect(await count()).toBe(before);
  });

  it('two criteria with one code', async () => {
    const e = errorOf(await add({ setId, code: 'diem', name: 'Trùng mã', kind: 'SCORE', max: 1 }));
    // A duplicate is CONFLICT, the same answer the unique index gives a concurrent duplicate (races-and-lengths).
    expect(e).toMatchObject({ code: 'CONFLICT', field: 'code' });
    expect(e.message).toMatch(/diem/);
  });

  it('a code that is not ASCII', async () => {
    expect(errorOf(await add({ setId, code: 'điểm', name: 'Mã có dấu', kind: 'SCORE', max: 1 })).field).toBe('code');
  });
});
