import { compile, MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET } from '@dangbo/rating-engine';
import type { CriteriaSetDefinition, CriterionDefinition } from '@dangbo/rating-engine';
import { codesWithProblems, criterionAtPath, formatNumber, parseNumber, problemsByPath, problemsOfCriterion, problemTarget, publishProblemsOf, splitAt } from './problems';

const SET = MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET;

/** The Mỹ Thạnh set with four mistakes: a group that no longer adds up, a bad formula, a gate that is a number, a total. */
function broken(): CriteriaSetDefinition {
  const def: CriteriaSetDefinition = JSON.parse(JSON.stringify(SET));
  const [common, tasks] = def.items as [Required<CriterionDefinition>, Required<CriterionDefinition>];
  common.children[2].max = 4; // tu_phe_binh 6 → 4: tieu_chi_chung (max 30) adds up to 28
  def.totalMax = 120; // the groups add up to 100
  delete def.frame; // a set claiming the 366 frame would also be told to keep 30 + 70 = 100
  tasks.children[4].formula = 'hoc_tap_lam_theo_bac +'; // neu_guong_noi_cu_tru
  def.gates[0].expression = 'tasks_on_time_share';
  return def;
}

describe('where a problem points', () => {
  it('finds the criterion of a definition path and the field after it', () => {
    expect(criterionAtPath(SET, 'items[1].children[4].formula')).toEqual({ code: 'neu_guong_noi_cu_tru', field: 'formula' });
    expect(criterionAtPath(SET, 'items[0]')).toEqual({ code: 'tieu_chi_chung' });
    expect(criterionAtPath(SET, 'items[9].max')).toBeNull();
    expect(criterionAtPath(SET, 'gates[0]')).toBeNull();
  });

  it('sends criteria problems to the tree, rule problems to their section, and knows what it cannot place', () => {
    expect(problemTarget(SET, { path: 'items[0].max', criterionCode: 'tieu_chi_chung' })).toEqual({ tab: 'criteria', code: 'tieu_chi_chung', field: 'max' });
    expect(problemTarget(SET, { path: 'items[1].children[1].formula' })).toEqual({ tab: 'criteria', code: 'sinh_hoat_chi_bo', field: 'formula' });
    expect(problemTarget(SET, { path: 'gates[2].expression' })).toEqual({ tab: 'rules', section: 'gates', index: 2, field: 'expression' });
    expect(problemTarget(SET, { path: 'quota.share' })).toEqual({ tab: 'rules', section: 'quota', field: 'share' });
    expect(problemTarget(SET, { path: 'bands' })).toEqual({ tab: 'rules', section: 'bands' });
    expect(problemTarget(SET, { path: 'totalMax' })).toEqual({ tab: 'rules', section: 'general', field: 'totalMax' });
    expect(problemTarget(null, { path: '' })).toEqual({ tab: 'none' });
  });

  it('places every problem the engine finds in a broken set', () => {
    const def = broken();
    const result = compile(def);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => problemTarget(def, e).tab).sort()).toEqual(['criteria', 'criteria', 'rules', 'rules']);
    expect([...codesWithProblems(def, errors)].sort()).toEqual(['neu_guong_noi_cu_tru', 'tieu_chi_chung']);
    expect(Object.keys(problemsOfCriterion(def, errors, 'neu_guong_noi_cu_tru'))).toEqual(['formula']);
    expect(problemsOfCriterion(def, errors, 'tieu_chi_chung').max).toMatch(/cộng lại 28/);
    const byPath = problemsByPath(errors);
    expect(byPath.get('gates[0].expression')).toMatch(/điều kiện đúng\/sai/);
    expect(byPath.get('totalMax')).toMatch(/120 nhưng .* cộng lại 100/);
  });
});

describe('a refused publish', () => {
  it('lists every error of extensions.errors', () => {
    const errors = [
      { path: 'items[0].max', code: 'GROUP_MAX_MISMATCH', message: 'Nhóm "A" có điểm tối đa 50 nhưng các tiêu chí con cộng lại 10', criterionCode: 'a' },
      { path: 'totalMax', code: 'TOTAL_MAX_MISMATCH', message: 'Tổng điểm tối đa là 100 nhưng cộng lại 50.' },
    ];
    expect(publishProblemsOf({ message: 'Chưa ban hành được', extensions: { code: 'BAD_USER_INPUT', errors } })).toEqual(errors);
  });

  it('falls back to the message alone, and drops malformed entries', () => {
    expect(publishProblemsOf({ message: 'Lỗi', extensions: {} })).toEqual([{ path: '', code: 'ERROR', message: 'Lỗi' }]);
    expect(publishProblemsOf({ message: 'Lỗi', extensions: { errors: [null, { message: 'x' }] } })).toEqual([{ message: 'x', path: '' }]);
    expect(publishProblemsOf(null)).toEqual([]);
  });
});

describe('the caret under a formula error', () => {
  it('cuts the formula around the position', () => {
    expect(splitAt('7,5', 1)).toEqual({ before: '7', at: ',', after: '5' });
    expect(splitAt('a +', 3)).toEqual({ before: 'a +', at: '', after: '' });
    expect(splitAt('abc', 99)).toEqual({ before: 'abc', at: '', after: '' });
    expect(splitAt('abc', undefined)).toBeNull();
    expect(splitAt('abc', -1)).toBeNull();
  });
});

describe('numbers as people type them', () => {
  it('takes a decimal comma or point, blank as null, anything else as NaN', () => {
    expect(parseNumber('7,5')).toBe(7.5);
    expect(parseNumber(' 7.5 ')).toBe(7.5);
    expect(parseNumber('100')).toBe(100);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('7,')).toBeNaN();
    expect(parseNumber('1.000,5')).toBeNaN();
    expect(parseNumber('abc')).toBeNaN();
  });

  it('writes them back the Vietnamese way in Vietnamese', () => {
    expect(formatNumber(7.5, 'vi')).toBe('7,5');
    expect(formatNumber(7.5, 'en')).toBe('7.5');
    expect(formatNumber(0.1 + 0.2, 'vi')).toBe('0,3');
    expect(formatNumber(null, 'vi')).toBe('');
    expect(formatNumber(Number.NaN, 'vi')).toBe('');
  });
});
