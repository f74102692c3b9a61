import { compile, evaluate, MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET, sampleInputs } from '@dangbo/rating-engine';
import { inputCriteria, mergeInputs, sameResult, usedVariables } from './preview';

const SET = MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET;

describe('the preview inputs', () => {
  it('asks for entered points (scores, a hand-entered penalty) and checks, not for computed criteria', () => {
    const { scores, checks } = inputCriteria(SET);
    expect(scores.map((s) => s.code)).toEqual(['lap_truong_chinh_tri', 'tu_phe_binh', 'quyen_nghia_vu', 'nhiem_vu_dot_xuat', 'vi_pham_noi_cu_tru']);
    expect(checks.map((c) => c.code)).toEqual(['hoc_tap_nghi_quyet']);
  });

  it('keeps what was typed for names that still exist, samples new ones, forgets removed ones', () => {
    const sample = sampleInputs(SET);
    const typed = { ...sample, scores: { ...sample.scores, tu_phe_binh: 1, da_xoa: 3 }, facts: { ...sample.facts, tasks_on_time: 8 } };
    const merged = mergeInputs(typed, sample);
    expect(merged.scores.tu_phe_binh).toBe(1);
    expect(merged.scores).not.toHaveProperty('da_xoa');
    expect(merged.facts.tasks_on_time).toBe(8);
    expect(mergeInputs(null, sample)).toEqual({ scores: sample.scores, checks: sample.checks, metrics: sample.metrics, facts: sample.facts });
  });

  it('knows which metrics and facts the set reads (formulas, gates, downgrades), a derived share as its counts, in no particular order', () => {
    expect([...usedVariables(SET)].sort()).toEqual([
      'attendance_rate',
      'commendations',
      'degeneration_signs',
      'discipline_level',
      'forbidden_acts_breach',
      'shortcomings_fixed_pct',
      'study_generic_count',
      'study_months_reported',
      'study_registered',
      'tasks_assigned',
      'tasks_exceeded',
      'tasks_late',
      'tasks_missed',
      'tasks_on_time',
    ]);
    expect(usedVariables({ ...SET, items: [], gates: [], downgrades: [] }).size).toBe(0);
  });

  it('compares the browser and the server by numbers and levels', () => {
    const compiled = compile(SET);
    if (!compiled.ok) throw new Error('template must compile');
    const a = evaluate(compiled.compiled, sampleInputs(SET));
    expect(sameResult(a, { ...a })).toBe(true);
    expect(sameResult(a, { ...a, total: (a.total ?? 0) + 1 })).toBe(false);
    expect(sameResult(a, { ...a, points: { ...a.points, tu_phe_binh: 0 } })).toBe(false);
  });
});
