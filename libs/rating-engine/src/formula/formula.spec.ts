import { compileExpression } from 'filtrex';
import { emitFormula, HELPERS } from './emit';
import { parseFormula } from './parser';
import { filtrexErrorPosition, MAX_FORMULA_LENGTH, validateFormula } from './validate';

const NAMES = ['a', 'b', 'x', 'study_registered', 'attendance_rate'];

describe('validateFormula: problems are named, with their position', () => {
  it.each([
    ['7,5', 'FORMULA_SYNTAX', 1],
    ['a + 7,5', 'FORMULA_SYNTAX', 5],
    ['constructor', 'FORBIDDEN_NAME', 0],
    ['a + __proto__', 'FORBIDDEN_NAME', 4],
    ['a.b', 'PROPERTY_ACCESS', 1],
    ['b of a', 'PROPERTY_ACCESS', 2],
    ['a + unknown_thing', 'UNKNOWN_NAME', 4],
    ['a ~= "x"', 'FORBIDDEN_OPERATOR', 2],
    ['điểm + 1', 'FORMULA_SYNTAX', 0],
    ["'a' + 1", 'FORMULA_SYNTAX', 0],
    ['"text"', 'FORMULA_SYNTAX', 0],
    ['a = 1', 'FORMULA_SYNTAX', 2],
    ['a ? 1 : 2', 'FORMULA_SYNTAX', 2],
    ['a % 2', 'FORMULA_SYNTAX', 2],
    ['a and(b == 1)', 'FORMULA_SYNTAX', 5],
    ['1 +', 'FORMULA_SYNTAX', 3],
    ['max(1, 2', 'FORMULA_SYNTAX', 8],
    ['(a + 1))', 'FORMULA_SYNTAX', 7],
    ['a b', 'FORMULA_SYNTAX', 2],
    ['1.', 'FORMULA_SYNTAX', 0],
    ['exists(a)', 'UNKNOWN_FUNCTION', 0],
    ['round(a, 2)', 'WRONG_ARGUMENTS', 0],
    ['if study_registered then 10 else 0', 'TYPE_MISMATCH', 3],
    ['a and b', 'TYPE_MISMATCH', 0],
    ['not a == 1', 'TYPE_MISMATCH', 4],
    ['(a > 1) + 1', 'TYPE_MISMATCH', 1],
    ['if a > 1 then 1 else a > 2', 'TYPE_MISMATCH', 21],
    ['(1, 2) + a', 'TYPE_MISMATCH', 0],
    ['', 'MISSING_FORMULA', 0],
    ['   ', 'MISSING_FORMULA', 0],
    ['a + '.repeat(2500) + '1', 'FORMULA_TOO_LONG', MAX_FORMULA_LENGTH],
  ])('%j → %s at %i', (expression, code, position) => {
    const error = validateFormula(expression, NAMES);
    expect(error).toMatchObject({ code, position });
    expect(error?.message).toMatch(/\S/);
  });

  it('reports a 10,000-character expression as too long without parsing it', () => {
    const expression = 'a'.repeat(10_000);
    expect(expression).toHaveLength(10_000);
    expect(validateFormula(expression, NAMES)).toMatchObject({ code: 'FORMULA_TOO_LONG', position: 500 });
  });

  it.each([
    ['if study_registered == 1 then min(10, attendance_rate / 10) else 0', 'number'],
    ['attendance_rate >= 80 and study_registered == 1', 'boolean'],
    ['0 <= a < 10', 'boolean'],
    ['a in (1, 2, 3)', 'boolean'],
    ['a not in (1, 2)', 'boolean'],
    ['-a ^ 2 + a mod 3', 'number'],
    ['max(a,b)', 'number'],
    ['a\n+ b', 'number'],
  ] as const)('accepts %j', (expression, type) => {
    expect(validateFormula(expression, NAMES)).toBeNull();
    expect(validateFormula(expression, NAMES, type)).toBeNull();
    const other = type === 'number' ? 'boolean' : 'number';
    expect(validateFormula(expression, NAMES, other)).toMatchObject({ code: 'TYPE_MISMATCH' });
  });
});

describe('our compiled formulas agree with filtrex', () => {
  const data = { a: 7, b: -2.5, x: 0, study_registered: 1, attendance_rate: 93.5 };
  const slots = Object.keys(data);
  const V = Float64Array.from(Object.values(data));
  it.each([
    '1 + 2 * 3 - 4 / 2',
    '2 ^ 3 ^ 2',
    '-2 ^ 2',
    '2 ^ -1',
    '-a mod 3',
    'b mod 2',
    'a - b - 1',
    'a / 2 * 3',
    'round(b)',
    'round(2.5) + round(-2.5)',
    'floor(b) + ceil(b) + abs(b)',
    'sqrt(a) + log(a) + log2(a) + log10(a)',
    'min(a, b, x) + max(a, b)',
    'if a > 5 then a * 2 else b',
    'if a > 5 then 1 else if b > 0 then 2 else 3',
    '1 + if a > 9 then 1 else 2 + 10',
    'a > 1 and b < 0 or x == 1',
    'not (a > 1)',
    '0 <= a < 10',
    '0 <= a < 5',
    'a == 7 == 7',
    'a in (1, 7, 9)',
    'a not in (1, 7, 9)',
    'a in (7)',
    'x + 1 in (1, 2)',
    'if study_registered == 1 then max(0, min(10, round((12 - 0.5 * 3) / 12 * 1000) / 100)) else 0',
    'round(attendance_rate / 90 * 1500) / 100',
  ])('%s', (expression) => {
    const parsed = parseFormula(expression);
    if ('error' in parsed) throw new Error(parsed.error.message);
    const ours = emitFormula(parsed.expr, (n) => slots.indexOf(n))(V, HELPERS);
    const theirs = compileExpression(expression)(data);
    expect(theirs).not.toBeInstanceOf(Error);
    expect(ours).toBe(theirs);
  });

  it('makes division by zero an error instead of Infinity', () => {
    const parsed = parseFormula('a / x');
    if ('error' in parsed) throw new Error(parsed.error.message);
    expect(() => emitFormula(parsed.expr, (n) => slots.indexOf(n))(V, HELPERS)).toThrow();
    expect(compileExpression('a / x')(data)).toBe(Infinity);
  });
});

describe('filtrexErrorPosition', () => {
  it.each(['7,5', '1 + + * 2', `${'a + '.repeat(30)}* 2`, `${'abc + '.repeat(20)}) + 1`])('finds where filtrex stopped in %j', (src) => {
    let message = '';
    try {
      compileExpression(src);
    } catch (e) {
      message = (e as Error).message;
    }
    const at = filtrexErrorPosition(message, src);
    const ours = parseFormula(src);
    expect('error' in ours && ours.error.position).toBe(at);
  });
});
