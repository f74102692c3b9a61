import { CriterionKind, Level, SubjectKind } from '@dangbo/shared-types';
import { compile } from '../compile';
import type { CompiledSet } from '../compile';
import { evaluate } from '../evaluate';
import { sampleInputs } from '../sample';
import { allCriteria } from '../scope';
import { inputs } from '../testing';
import type { CriteriaSetDefinition } from '../types';
import { FRAME_366 } from '../types';
import { ALL_TEMPLATES, FRAMEWORK_TEMPLATES, MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET } from './index';

function compiled(set: CriteriaSetDefinition): CompiledSet {
  const r = compile(set);
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 2));
  return r.compiled;
}

describe.each(ALL_TEMPLATES.map((t) => [t.code, t] as const))('template %s', (_, set) => {
  it('compiles without warnings', () => {
    const r = compile(set);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('is the 366 frame: a 30-point common group and a 70-point task group, standard bands', () => {
    expect(set.totalMax).toBe(100);
    expect(set.items.map((i) => [i.kind, i.max])).toEqual([
      [CriterionKind.GROUP, 30],
      [CriterionKind.GROUP, 70],
    ]);
    expect(set.bands).toEqual([
      { level: Level.EXCELLENT, min: 90 },
      { level: Level.GOOD, min: 70 },
      { level: Level.COMPLETED, min: 50 },
    ]);
    expect(set.downgrades.map((d) => d.expression)).toContain('discipline_level >= 1');
    expect(set.quota).toEqual({ share: 0.2, outstandingShare: 0.25 });
    expect(set.frame).toBe(FRAME_366);
  });

  it('has Vietnamese names and rates its sample data', () => {
    for (const c of allCriteria(set.items)) expect(c.name).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳý]/i);
    const e = evaluate(compiled(set), sampleInputs(set));
    expect(e.errors).toEqual([]);
    expect(e.level).not.toBeNull();
  });

  it('is JSON (seed data)', () => {
    expect(JSON.parse(JSON.stringify(set))).toEqual(set);
  });
});

it('covers the four subject kinds', () => {
  expect(FRAMEWORK_TEMPLATES.map((t) => t.subjectKind)).toEqual([
    SubjectKind.COLLECTIVE,
    SubjectKind.LEADER,
    SubjectKind.MEMBER_IN_SYSTEM,
    SubjectKind.MEMBER_OUTSIDE_SYSTEM,
  ]);
});

describe('Mỹ Thạnh set: Directive 05 in the year-end rating', () => {
  const set = compiled(MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET);
  const member = (m: Record<string, number>, scores: Record<string, number> = {}) =>
    evaluate(set, inputs({ lap_truong_chinh_tri: 14, tu_phe_binh: 6, quyen_nghia_vu: 25, nhiem_vu_dot_xuat: 10, vi_pham_noi_cu_tru: 0, ...scores }, {
      checks: { hoc_tap_nghi_quyet: true },
      metrics: { ...inputs().metrics, ...m },
    }));

  it.each([
    ['registered, 12 specific months', { study_registered: 1, study_months_reported: 12, study_generic_count: 0 }, 10],
    ['registered, 12 months, all generic', { study_registered: 1, study_months_reported: 12, study_generic_count: 12 }, 5],
    ['registered, 9 months, 2 generic', { study_registered: 1, study_months_reported: 9, study_generic_count: 2 }, 6.67],
    ['not registered', { study_registered: 0, study_months_reported: 12, study_generic_count: 0 }, 0],
  ])('%s → %d points', (_, m, points) => {
    expect(member(m).points.hoc_tap_lam_theo_bac).toBe(points);
  });

  it('never leaves its range, whatever the data', () => {
    for (const registered of [0, 1])
      for (let months = 0; months <= 14; months++)
        for (let generic = 0; generic <= 14; generic++)
          for (const attendance of [0, 33.33, 50, 89.99, 90, 100]) {
            const e = member({ study_registered: registered, study_months_reported: months, study_generic_count: generic, attendance_rate: attendance });
            expect(e.errors).toEqual([]);
          }
  });

  it('a perfect member is EXCELLENT; one generic month keeps the points but only GOOD', () => {
    expect(member({ commendations: 1 })).toMatchObject({ total: 100, level: Level.EXCELLENT });
    const e = member({ study_generic_count: 1, commendations: 2 });
    expect(e).toMatchObject({ total: 99.58, bandLevel: Level.EXCELLENT, level: Level.GOOD });
    expect(e.points).toMatchObject({ hoc_tap_lam_theo_bac: 9.58, neu_guong_noi_cu_tru: 9.79, khen_thuong: 3 });
    expect(e.trace.find((s) => s.kind === 'gate')?.message).toContain('Chỉ thị 05-CT/TW');
  });

  it('without a registration a member cannot reach the EXCELLENT band', () => {
    expect(member({ study_registered: 0, commendations: 2 })).toMatchObject({ total: 88, level: Level.GOOD });
  });

  it('exemplary conduct follows Directive 05 and attendance', () => {
    const e = member({ study_registered: 1, study_months_reported: 6, study_generic_count: 0, attendance_rate: 45 });
    expect(e.points).toMatchObject({ hoc_tap_lam_theo_bac: 5, sinh_hoat_chi_bo: 7.5, neu_guong_noi_cu_tru: 5 });
  });
});
