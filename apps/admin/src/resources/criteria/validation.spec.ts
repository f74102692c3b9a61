import { namesInScope, MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET } from '@dangbo/rating-engine';
import { CriterionKind } from '@dangbo/shared-types';
import type { CriterionRow } from './tree';
import { criterionErrors, hasMin, needsFormula, usesFormula } from './validation';

const base: CriterionRow = {
  id: '1',
  setId: '9',
  parentId: null,
  code: 'hoan_thanh',
  name: 'Hoàn thành nhiệm vụ',
  kind: CriterionKind.FORMULA,
  max: 40,
  min: null,
  formula: 'min(40, tasks_on_time_share * 40)',
  description: null,
  position: 0,
  version: 1,
};
const other: CriterionRow = { ...base, id: '2', code: 'tu_danh_gia', kind: CriterionKind.SCORE, formula: null };
const names = namesInScope(MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET); // metrics, facts, codes and total: wide enough here

describe('what stops a criterion from being saved', () => {
  it('lets a good criterion through', () => {
    expect(criterionErrors(base, [base, other], names)).toEqual({});
  });

  it('refuses a code that is not ASCII or already used', () => {
    expect(criterionErrors({ ...base, code: 'hoàn_thành' }, [base], names).code).toMatch(/chữ thường không dấu/);
    expect(criterionErrors({ ...base, code: 'tu_danh_gia' }, [base, other], names).code).toBe('app.criteria.code_taken');
    expect(criterionErrors({ ...base, code: 'attendance_rate' }, [base], names).code).toMatch(/trùng tên một chỉ số/);
  });

  it('needs a name and sane maxima', () => {
    const e = criterionErrors({ ...base, name: ' ', max: Number.NaN, min: Number.NaN }, [base], names);
    expect(e).toMatchObject({ name: 'app.criteria.name_required', max: 'app.criteria.invalid_max', min: 'app.criteria.invalid_min' });
    expect(criterionErrors({ ...base, max: -1 }, [base], names).max).toBe('app.criteria.invalid_max');
    expect(criterionErrors({ ...base, max: 10, min: 20 }, [base], names).min).toBe('app.criteria.invalid_min');
  });

  it('checks the formula with the engine: a decimal comma, an unknown name, a condition instead of points', () => {
    expect(criterionErrors({ ...base, formula: '7,5' }, [base], names).formula).toMatch(/dấu chấm/);
    expect(criterionErrors({ ...base, formula: 'khong_co + 1' }, [base], names).formula).toMatch(/Không có biến "khong_co"/);
    expect(criterionErrors({ ...base, formula: 'tasks_on_time_share == 1' }, [base], names).formula).toMatch(/số điểm/);
    expect(criterionErrors({ ...base, formula: '' }, [base], names).formula).toMatch(/Chưa nhập công thức/);
  });

  it('lets a bonus or penalty go without a formula, and ignores the formula of a scored criterion', () => {
    expect(criterionErrors({ ...base, kind: CriterionKind.BONUS, formula: '' }, [base], names)).toEqual({});
    expect(criterionErrors({ ...base, kind: CriterionKind.SCORE, formula: '7,5' }, [base], names)).toEqual({});
  });

  it('knows which kinds take a formula and a minimum', () => {
    expect(Object.values(CriterionKind).filter(usesFormula)).toEqual([CriterionKind.METRIC, CriterionKind.FORMULA, CriterionKind.BONUS, CriterionKind.PENALTY]);
    expect(Object.values(CriterionKind).filter(needsFormula)).toEqual([CriterionKind.METRIC, CriterionKind.FORMULA]);
    expect(hasMin(CriterionKind.GROUP) || hasMin(CriterionKind.CHECK)).toBe(false);
    expect(hasMin(CriterionKind.SCORE)).toBe(true);
  });
});
