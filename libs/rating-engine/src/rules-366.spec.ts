/** The defects found reading the engine against Quy định 366-QĐ/TW (issue 10), pinned on the shipped templates. */
import { CriterionKind, Level, SubjectKind } from '@dangbo/shared-types';
import { compile } from './compile';
import type { CompiledSet } from './compile';
import { evaluate } from './evaluate';
import { allCriteria } from './scope';
import { taskFactsProblems } from './tasks';
import { ALL_TEMPLATES, COLLECTIVE_SET, LEADER_SET, MEMBER_IN_SYSTEM_SET, MEMBER_OUTSIDE_SYSTEM_SET, MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET, templateFor } from './templates';
import { GOOD_FACTS, inputs, makeSet, score } from './testing';
import type { CriteriaSetDefinition, Evaluation, LevelOverride } from './types';
import { FRAME_366 } from './types';

function compiled(set: CriteriaSetDefinition): CompiledSet {
  const r = compile(set);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.compiled;
}

/** Rates with every SCORE at `ratio` of its max and every CHECK met, on facts where every condition holds. */
function rate(set: CriteriaSetDefinition, ratio: number, facts: Record<string, number> = {}, override?: LevelOverride): Evaluation {
  const scores: Record<string, number> = {};
  const checks: Record<string, boolean> = {};
  for (const c of allCriteria(set.items)) {
    if (c.kind === CriterionKind.SCORE) scores[c.code] = Math.round(c.max * ratio * 100) / 100;
    if (c.kind === CriterionKind.PENALTY && !c.formula) scores[c.code] = 0;
    if (c.kind === CriterionKind.CHECK) checks[c.code] = true;
  }
  return evaluate(compiled(set), { ...inputs(scores, { checks }), facts: { ...GOOD_FACTS, ...facts }, ...(override ? { override } : {}) });
}
const tasks = (assigned: number, onTime: number, late: number, missed: number, exceeded = 0) => ({
  tasks_assigned: assigned,
  tasks_on_time: onTime,
  tasks_late: late,
  tasks_missed: missed,
  tasks_exceeded: exceeded,
});
const fired = (e: Evaluation) => e.trace.filter((s) => s.kind === 'downgrade').map((s) => s.code);
const MEMBER = MEMBER_IN_SYSTEM_SET; // every criterion entered: 0.85 of each max is 85 points

describe('1. task facts are counts that must add up; the bands are stated on them', () => {
  it('contradictory task counts are refused, once, naming the facts (10 assigned, 10 on time, 6 missed)', () => {
    const e = rate(MEMBER, 1, tasks(10, 10, 0, 6));
    expect(e.level).toBeNull();
    expect(e.errors).toEqual([expect.objectContaining({ code: 'INCONSISTENT_TASKS', path: 'facts.tasks_assigned' })]);
    for (const name of ['tasks_on_time', 'tasks_late', 'tasks_missed', 'tasks_assigned']) expect(e.errors[0].message).toContain(name);
  });

  it('more tasks exceeded than done are refused', () => {
    const e = rate(MEMBER, 1, tasks(10, 4, 0, 6, 5));
    expect(e.errors).toEqual([expect.objectContaining({ code: 'INCONSISTENT_TASKS', path: 'facts.tasks_exceeded' })]);
  });

  it.each([[-1], [2.5], [Number.NaN]])('a task count of %p is not a count', (bad) => {
    const e = rate(MEMBER, 1, { ...tasks(10, 10, 0, 0), tasks_late: bad });
    expect(e.level).toBeNull();
    expect(e.errors[0]).toMatchObject({ code: 'INVALID_INPUT' });
    expect(taskFactsProblems({ ...tasks(10, 10, 0, 0), tasks_late: bad })[0]).toMatchObject({ code: 'INVALID_INPUT', path: 'facts.tasks_late' });
  });

  it('taskFactsProblems checks entered facts whatever the set reads', () => {
    expect(taskFactsProblems(tasks(10, 10, 0, 0, 3))).toEqual([]);
    expect(taskFactsProblems({})).toEqual([]);
    expect(taskFactsProblems(tasks(10, 9, 2, 0)).map((e) => e.code)).toEqual(['INCONSISTENT_TASKS']);
  });

  it('15% late is not tốt: 85 points with 3 of 20 tasks late is hoàn thành', () => {
    const e = rate(MEMBER, 0.85, tasks(20, 17, 3, 0));
    expect(e).toMatchObject({ total: 85, bandLevel: Level.GOOD, level: Level.COMPLETED });
    expect(e.trace.find((s) => s.kind === 'gate')?.message).toContain('đúng tiến độ');
  });

  it('tốt needs every task on time: 85 points, all 20 on time, is tốt', () => {
    expect(rate(MEMBER, 0.85, tasks(20, 20, 0, 0))).toMatchObject({ level: Level.GOOD });
  });

  it.each([
    ['20% late is hoàn thành', tasks(10, 8, 2, 0), Level.COMPLETED],
    ['30% late is không hoàn thành', tasks(10, 7, 3, 0), Level.NOT_COMPLETED],
    ['one task missed is không hoàn thành (hoàn thành needs every task done)', tasks(10, 9, 0, 1), Level.NOT_COMPLETED],
  ])('hoàn thành allows at most 20%% late: %s', (_, f, level) => {
    expect(rate(MEMBER, 0.6, f)).toMatchObject({ total: 60, level });
  });

  it('more than 50% missed is không hoàn thành by the downgrade, whatever the points; 50% is not the downgrade', () => {
    expect(fired(rate(MEMBER, 1, tasks(10, 4, 0, 6)))).toContain('khong_hoan_thanh_tren_50');
    expect(rate(MEMBER, 1, tasks(10, 4, 0, 6)).level).toBe(Level.NOT_COMPLETED);
    expect(fired(rate(MEMBER, 1, tasks(10, 5, 0, 5)))).not.toContain('khong_hoan_thanh_tren_50');
  });

  it('xuất sắc needs at least 30% exceeded: 3 of 10 is enough, 2 of 10 is not', () => {
    expect(rate(MEMBER, 0.95, tasks(10, 10, 0, 0, 3)).level).toBe(Level.EXCELLENT);
    expect(rate(MEMBER, 0.95, tasks(10, 10, 0, 0, 2)).level).toBe(Level.GOOD);
  });

  it('a missing count is reported on the share that needs it', () => {
    const e = evaluate(compiled(MEMBER), { ...inputs({}), facts: { ...GOOD_FACTS, tasks_late: undefined as unknown as number } });
    expect(e.errors[0]).toMatchObject({ code: 'MISSING_VALUE' });
    expect(e.errors[0].message).toContain('tasks_late');
  });
});

describe('2. the conditions the regulation names are in the catalogue and the templates', () => {
  const MEMBER_SETS = [MEMBER_IN_SYSTEM_SET, MEMBER_OUTSIDE_SYSTEM_SET, MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET];

  it.each([
    ['signs of degeneration (suy thoái)', { degeneration_signs: 1 }, 'suy_thoai'],
    ['a breach of what members must not do', { forbidden_acts_breach: 1 }, 'vi_pham_dieu_cam'],
  ])('a member with %s is không hoàn thành', (_, f, code) => {
    for (const set of MEMBER_SETS) {
      const e = rate(set, 1, f);
      expect(e.level).toBe(Level.NOT_COMPLETED);
      expect(fired(e)).toEqual([code]);
    }
  });

  it.each([
    ['cadre-work violations', { cadre_work_violation: 1 }, 'vi_pham_cong_tac_can_bo'],
    ['disunity', { internal_disunity: 1 }, 'mat_doan_ket'],
    ['a member of the leadership found degenerated', { degeneration_signs: 1 }, 'suy_thoai'],
    ['a member of the leadership disciplined', { leadership_members_disciplined: 1 }, 'thanh_vien_bi_ky_luat'],
    ['socio-economic targets missed', { socio_economic_targets_met: 0 }, 'chi_tieu_kinh_te_xa_hoi'],
    ['corruption or waste in the led area', { corruption_in_led_area: 1 }, 'tham_nhung_lang_phi'],
    ['under 70% of tasks done', tasks(10, 6, 0, 4), 'hoan_thanh_duoi_70'],
  ])('a collective with %s is không hoàn thành', (_, f, code) => {
    const e = rate(COLLECTIVE_SET, 1, f);
    expect(e.level).toBe(Level.NOT_COMPLETED);
    expect(fired(e)).toContain(code);
  });

  it('a collective’s xuất sắc is scoped to its leadership collective and subordinate units, not every member', () => {
    expect(rate(COLLECTIVE_SET, 1, {}).level).toBe(Level.EXCELLENT);
    const withDisciplinedMembers = evaluate(compiled(COLLECTIVE_SET), {
      ...inputs({}),
      scores: Object.fromEntries(allCriteria(COLLECTIVE_SET.items).map((c) => [c.code, c.max])),
      metrics: { ...inputs().metrics, members_disciplined_pct: 10 },
      facts: { ...GOOD_FACTS },
    });
    expect(withDisciplinedMembers.level).toBe(Level.EXCELLENT);
    const e = rate(COLLECTIVE_SET, 1, { subordinate_units_disciplined: 1 });
    expect(e).toMatchObject({ bandLevel: Level.EXCELLENT, level: Level.GOOD });
    expect(fired(e)).toEqual([]);
  });

  it('a leader is xuất sắc only when at least 30% of the led units exceed', () => {
    expect(rate(LEADER_SET, 1, { led_units_exceeding_share: 0.3 }).level).toBe(Level.EXCELLENT);
    expect(rate(LEADER_SET, 1, { led_units_exceeding_share: 0.29 })).toMatchObject({ bandLevel: Level.EXCELLENT, level: Level.GOOD });
  });

  it.each([
    ['signs of degeneration', { degeneration_signs: 1 }, 'suy_thoai'],
    ['corruption or waste in the led area', { corruption_in_led_area: 1 }, 'tham_nhung_lang_phi'],
    ['more than 50% low-confidence votes', { low_confidence_pct: 51 }, 'tin_nhiem_thap'],
  ])('a leader with %s is không hoàn thành', (_, f, code) => {
    expect(fired(rate(LEADER_SET, 1, f))).toEqual([code]);
  });
});

describe('4. guard rails', () => {
  const DISCIPLINED = { ...GOOD_FACTS };
  const disciplined = (override?: LevelOverride) =>
    evaluate(compiled(MEMBER), { ...inputs(Object.fromEntries(allCriteria(MEMBER.items).map((c) => [c.code, c.max * 0.85]))), metrics: { ...inputs().metrics, discipline_level: 1 }, facts: DISCIPLINED, ...(override ? { override } : {}) });

  it('a decided level that differs from the engine’s needs a reason', () => {
    const e = disciplined({ level: Level.GOOD, reason: ' ' });
    expect(e.level).toBeNull();
    expect(e.errors).toEqual([expect.objectContaining({ code: 'OVERRIDE_REASON_REQUIRED', path: 'override.reason' })]);
  });

  it('with a reason it lifts a downgrade, and the trace keeps the engine’s level, the decision and the reason', () => {
    const e = disciplined({ level: Level.GOOD, reason: 'Tự phát hiện, khắc phục xong hậu quả' });
    expect(e).toMatchObject({ errors: [], engineLevel: Level.NOT_COMPLETED, level: Level.GOOD });
    expect(e.trace[e.trace.length - 1]).toMatchObject({ kind: 'override', before: Level.NOT_COMPLETED, after: Level.GOOD });
    expect(e.trace[e.trace.length - 1].message).toContain('Tự phát hiện, khắc phục xong hậu quả');
  });

  it('deciding the engine’s own level needs no reason', () => {
    expect(rate(MEMBER, 0.85, {}, { level: Level.GOOD, reason: '' })).toMatchObject({ errors: [], level: Level.GOOD, engineLevel: Level.GOOD });
  });

  it('no xuất sắc at 40 points', () => {
    const e = rate(MEMBER, 0.4, {}, { level: Level.EXCELLENT, reason: 'Có nhiều đóng góp' });
    expect(e.level).toBeNull();
    expect(e.errors).toEqual([expect.objectContaining({ code: 'OVERRIDE_CONDITIONS_FAIL', path: 'override.level' })]);
    expect(e.errors[0].message).toContain('40');
  });

  it('no level whose gates fail: xuất sắc at 95 points with 2 of 10 tasks exceeded, tốt with a task late', () => {
    const a = rate(MEMBER, 0.95, tasks(10, 10, 0, 0, 2), { level: Level.EXCELLENT, reason: 'Đề nghị của chi bộ' });
    expect(a.errors).toEqual([expect.objectContaining({ code: 'OVERRIDE_CONDITIONS_FAIL' })]);
    expect(a.errors[0].message).toContain('30%');
    const b = rate(MEMBER, 0.85, tasks(10, 9, 1, 0), { level: Level.GOOD, reason: 'Đề nghị của chi bộ' });
    expect(b.errors).toEqual([expect.objectContaining({ code: 'OVERRIDE_CONDITIONS_FAIL' })]);
  });

  it('a lower level may always be decided with a reason (e.g. to keep the quota)', () => {
    expect(rate(MEMBER, 0.95, {}, { level: Level.GOOD, reason: 'Giữ tỷ lệ' })).toMatchObject({ errors: [], engineLevel: Level.EXCELLENT, level: Level.GOOD });
  });

  it('sets that claim the 366 frame keep 30 + 70', () => {
    for (const set of ALL_TEMPLATES) expect(set.frame).toBe(FRAME_366);
    const broken = { ...MEMBER, items: MEMBER.items.map((g, i) => ({ ...g, max: i === 0 ? 40 : 60, children: [score(`c${i}`, i === 0 ? 40 : 60)] })) };
    const r = compile(broken);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([expect.objectContaining({ code: 'FRAME_366_BROKEN', path: 'frame' })]);
    expect(compile({ ...broken, frame: undefined }).ok).toBe(true);
    expect(compile(makeSet([score('a', 100)], { frame: FRAME_366 })).ok).toBe(false);
  });

  it('a new set starts from its subject kind’s template: a leader set gets the leader’s downgrades', () => {
    for (const kind of Object.values(SubjectKind)) expect(templateFor(kind).subjectKind).toBe(kind);
    const leader = templateFor(SubjectKind.LEADER);
    expect(leader.downgrades.map((d) => d.code)).toEqual(LEADER_SET.downgrades.map((d) => d.code));
    expect(leader.downgrades.map((d) => d.code)).toContain('tin_nhiem_thap');
    expect(leader.downgrades.map((d) => d.code)).not.toContain('khong_hoan_thanh_tren_50');
    leader.downgrades.pop();
    expect(templateFor(SubjectKind.LEADER).downgrades).toHaveLength(LEADER_SET.downgrades.length);
  });
});
