import { CriterionKind, Level } from '@dangbo/shared-types';
import { compile } from './compile';
import type { CompiledSet } from './compile';
import { evaluate } from './evaluate';
import { standardGates } from './templates';
import { group, inputs, makeSet, score } from './testing';
import type { CriteriaSetDefinition, SubjectInputs } from './types';

function compiled(set: CriteriaSetDefinition): CompiledSet {
  const r = compile(set);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.compiled;
}

/** One 100-point SCORE, the standard gates and the discipline downgrade: the total is what is entered. */
const RULES = compiled(
  makeSet([score('diem', 100)], {
    gates: standardGates(),
    downgrades: [{ code: 'ky_luat', expression: 'discipline_level >= 1', message: 'Bị kỷ luật từ khiển trách trở lên' }],
  }),
);
const rate = (points: number, extra: Partial<SubjectInputs> = {}) => evaluate(RULES, inputs({ diem: points }, extra));
const facts = (f: Record<string, number>) => ({ facts: { ...inputs().facts, ...f } });
const metrics = (m: Record<string, number>) => ({ metrics: { ...inputs().metrics, ...m } });

describe('bands (366-QĐ/TW, Điều 11)', () => {
  it.each([
    [100, Level.EXCELLENT],
    [90, Level.EXCELLENT],
    [89.99, Level.GOOD],
    [70, Level.GOOD],
    [69.99, Level.COMPLETED],
    [50, Level.COMPLETED],
    [49.99, Level.NOT_COMPLETED],
    [0, Level.NOT_COMPLETED],
  ])('%d points → %s', (points, level) => {
    const e = rate(points);
    expect(e.errors).toEqual([]);
    expect(e).toMatchObject({ total: points, bandLevel: level, level });
  });
});

describe('gates lower the level while one of them fails', () => {
  it.each([
    ['30% exceeded missing (2 of 10)', 95, { tasks_exceeded: 2 }, Level.EXCELLENT, Level.GOOD, 1],
    ['a shortcoming not fixed', 95, { shortcomings_fixed_pct: 90 }, Level.EXCELLENT, Level.GOOD, 1],
    ['a task not done cascades to the bottom', 95, { tasks_on_time: 9, tasks_missed: 1 }, Level.EXCELLENT, Level.NOT_COMPLETED, 3],
    ['too many late tasks (3 of 10)', 60, { tasks_on_time: 7, tasks_late: 3 }, Level.COMPLETED, Level.NOT_COMPLETED, 1],
    ['20% late is still fine (2 of 10)', 60, { tasks_on_time: 8, tasks_late: 2 }, Level.COMPLETED, Level.COMPLETED, 0],
  ])('%s', (_, points, f, band, level, lowered) => {
    const e = rate(points, facts(f));
    expect(e).toMatchObject({ bandLevel: band, level });
    const steps = e.trace.filter((s) => s.kind === 'gate' && s.before !== s.after);
    expect(steps).toHaveLength(lowered);
    if (lowered > 0) expect(steps[0]).toMatchObject({ before: band, code: expect.stringMatching(/^gates\[\d\]$/) });
  });

  it('traces each step of a cascade', () => {
    const e = rate(95, facts({ tasks_on_time: 9, tasks_missed: 1 }));
    expect(e.trace.filter((s) => s.kind === 'gate').map((s) => [s.before, s.after])).toEqual([
      [Level.EXCELLENT, Level.GOOD],
      [Level.GOOD, Level.COMPLETED],
      [Level.COMPLETED, Level.NOT_COMPLETED],
    ]);
  });
});

describe('downgrades', () => {
  it.each([
    [0, Level.EXCELLENT],
    [1, Level.NOT_COMPLETED], // khiển trách
    [2, Level.NOT_COMPLETED], // cảnh cáo
    [4, Level.NOT_COMPLETED], // khai trừ
  ])('discipline level %d → %s', (discipline, level) => {
    const e = rate(98, metrics({ discipline_level: discipline }));
    expect(e).toMatchObject({ total: 98, bandLevel: Level.EXCELLENT, level });
    expect(e.trace.some((s) => s.kind === 'downgrade' && s.code === 'ky_luat')).toBe(discipline > 0);
  });
});

describe('override by the deciding body', () => {
  it('is honoured with a reason, and traced', () => {
    const e = rate(98, { ...metrics({ discipline_level: 1 }), override: { level: Level.COMPLETED, reason: 'Tự phát hiện và khắc phục xong hậu quả' } });
    expect(e.errors).toEqual([]);
    expect(e.level).toBe(Level.COMPLETED);
    expect(e.trace[e.trace.length - 1]).toMatchObject({ kind: 'override', before: Level.NOT_COMPLETED, after: Level.COMPLETED });
  });

  it.each(['', '   '])('is refused without a reason (%j)', (reason) => {
    const e = rate(98, { override: { level: Level.GOOD, reason } });
    expect(e.level).toBeNull();
    expect(e.errors).toEqual([expect.objectContaining({ code: 'OVERRIDE_REASON_REQUIRED', message: 'Cần ghi lý do khi quyết định mức khác với kết quả tính.' })]);
  });
});

describe('groups, bonus and penalty', () => {
  const set = compiled(
    makeSet([
      group('chung', 30, [
        group('chinh_tri', 20, [score('a', 12), score('b', 8), { code: 'thuong_a', name: 'Thưởng', kind: CriterionKind.BONUS, max: 5 }]),
        score('c', 10),
      ]),
      group('nhiem_vu', 70, [score('d', 70), { code: 'tru', name: 'Trừ', kind: CriterionKind.PENALTY, max: 10 }]),
      { code: 'thuong', name: 'Thưởng chung', kind: CriterionKind.BONUS, max: 5 },
    ]),
  );
  it.each([
    ['plain sums', { a: 10, b: 6, thuong_a: 0, c: 8, d: 50, tru: 0, thuong: 0 }, { chinh_tri: 16, chung: 24, nhiem_vu: 50 }, 74],
    ['a bonus fills its group up to the max', { a: 12, b: 7, thuong_a: 4, c: 10, d: 70, tru: 0, thuong: 0 }, { chinh_tri: 20, chung: 30, nhiem_vu: 70 }, 100],
    ['a bonus entered above its max counts its max', { a: 10, b: 5, thuong_a: 9, c: 0, d: 0, tru: 0, thuong: 0 }, { chinh_tri: 20, chung: 20, nhiem_vu: 0 }, 20],
    ['a penalty subtracts within its max', { a: 0, b: 0, thuong_a: 0, c: 0, d: 40, tru: 25, thuong: 0 }, { chinh_tri: 0, chung: 0, nhiem_vu: 30 }, 30],
    ['a penalty never makes a group negative', { a: 0, b: 0, thuong_a: 0, c: 0, d: 3, tru: 8, thuong: 0 }, { nhiem_vu: 0 }, 0],
    ['a top-level bonus stops at totalMax', { a: 12, b: 8, thuong_a: 0, c: 10, d: 70, tru: 0, thuong: 5 }, { chung: 30, nhiem_vu: 70 }, 100],
    ['scores above max are clamped', { a: 15, b: 8, thuong_a: 0, c: 10, d: 80, tru: 0, thuong: 0 }, { chinh_tri: 20, chung: 30, nhiem_vu: 70 }, 100],
    ['negative scores count 0', { a: -5, b: 8, thuong_a: 0, c: 10, d: 70, tru: 0, thuong: 0 }, { chinh_tri: 8 }, 88],
  ])('%s', (_, scores, groups, total) => {
    const e = evaluate(set, inputs(scores));
    expect(e.errors).toEqual([]);
    expect(e.groups).toMatchObject(groups);
    expect(e.total).toBe(total);
  });

  it('notes a clamped score and a clamped group in the trace', () => {
    const e = evaluate(set, inputs({ a: 15, b: 7, thuong_a: 4, c: 10, d: 70 }));
    expect(e.points.a).toBe(12);
    expect(e.trace.find((s) => s.code === 'a')).toMatchObject({ before: 15, after: 12 });
    expect(e.trace.find((s) => s.code === 'chinh_tri')).toMatchObject({ kind: 'group', before: 23, after: 20 });
  });

  it('rounds to 2 decimals explicitly', () => {
    const e = evaluate(set, inputs({ a: 1.005, b: 0.1, c: 0.2, d: 0.1 }));
    expect(e.points.a).toBe(1.01);
    expect(e.groups.chung).toBe(1.31);
    expect(e.total).toBe(1.41);
  });
});

describe('formula errors at evaluation carry the criterion code', () => {
  const set = compiled(
    makeSet([
      { code: 'ty_le', name: 'Tỷ lệ làm theo', kind: CriterionKind.METRIC, max: 40, formula: 'study_generic_count / study_months_reported * 40' },
      { code: 'du_hop', name: 'Dự họp', kind: CriterionKind.METRIC, max: 30, formula: 'attendance_rate * 3' },
      { code: 'tong_hop', name: 'Tổng hợp', kind: CriterionKind.FORMULA, max: 30, formula: 'ty_le / 4 + du_hop / 3' },
    ]),
  );
  const run = (m: Record<string, number>) => evaluate(set, inputs({}, metrics(m)));

  it('division by zero', () => {
    const e = run({ study_months_reported: 0, study_generic_count: 0, attendance_rate: 5 });
    expect(e.errors).toEqual([expect.objectContaining({ code: 'DIVISION_BY_ZERO', criterionCode: 'ty_le', path: 'items[0].formula' })]);
    expect(e).toMatchObject({ level: null, total: null, bandLevel: null });
    expect(e.points).toEqual({ du_hop: 15 });
  });

  it('a result outside [min, max]', () => {
    const e = run({ attendance_rate: 50 });
    expect(e.errors).toEqual([expect.objectContaining({ code: 'OUT_OF_RANGE', criterionCode: 'du_hop' })]);
    expect(e.level).toBeNull();
  });

  it.each([
    [{ attendance_rate: undefined }, 'MISSING_VALUE'],
    [{ attendance_rate: Number.NaN }, 'INVALID_INPUT'],
    [{ attendance_rate: Infinity }, 'INVALID_INPUT'],
  ])('a metric that is %p', (m, code) => {
    const e = run(m as Record<string, number>);
    expect(e.errors).toEqual([expect.objectContaining({ code, criterionCode: 'du_hop' })]);
    expect(e.errors[0].message).toContain('attendance_rate');
  });

  it('a score that is not a number', () => {
    const s = compiled(makeSet([score('a', 100)]));
    const e = evaluate(s, inputs({ a: '5' as unknown as number }));
    expect(e.errors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', criterionCode: 'a' })]);
  });

  it('a gate that needs a missing fact', () => {
    const e = rate(95, { facts: {} });
    expect(e.level).toBeNull();
    expect(e.total).toBe(95);
    expect(e.errors[0]).toMatchObject({ code: 'MISSING_VALUE', path: 'gates[0].expression' });
  });
});

describe('output', () => {
  it('is plain JSON and the same without the trace', () => {
    const e = rate(91.5);
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
    expect(evaluate(RULES, inputs({ diem: 91.5 }), { trace: false })).toEqual({ ...e, trace: [] });
  });

  it('a CHECK gives its max when met', () => {
    const s = compiled(makeSet([{ code: 'dat', name: 'Đạt', kind: CriterionKind.CHECK, max: 100 }]));
    expect(evaluate(s, { ...inputs(), checks: { dat: true } }).total).toBe(100);
    expect(evaluate(s, { ...inputs(), checks: { dat: false } }).total).toBe(0);
    expect(evaluate(s, inputs()).trace[0].message).toContain('chưa đánh giá');
  });
});
