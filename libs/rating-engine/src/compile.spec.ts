import { CriterionKind, Level } from '@dangbo/shared-types';
import { compile } from './compile';
import { evaluate } from './evaluate';
import { namesInScope } from './scope';
import { group, inputs, makeSet, score } from './testing';
import type { CriteriaSetDefinition, EngineError } from './types';

function errorsOf(set: CriteriaSetDefinition): EngineError[] {
  const r = compile(set);
  if (r.ok) throw new Error('expected the set to be refused');
  return r.errors;
}

const formula = (code: string, max: number, f: string, kind = CriterionKind.FORMULA) => ({ code, name: code, kind, max, formula: f });

describe('compile refuses broken sets and names the element', () => {
  it.each<[string, CriteriaSetDefinition, Partial<EngineError>]>([
    [
      'a group whose maxima do not add up',
      makeSet([group('chung', 30, [score('a', 10), score('b', 15)]), score('c', 70)]),
      { code: 'GROUP_MAX_MISMATCH', path: 'items[0].max', criterionCode: 'chung' },
    ],
    ['top level not adding up to totalMax', makeSet([score('a', 30), score('b', 60)]), { code: 'TOTAL_MAX_MISMATCH', path: 'totalMax' }],
    [
      'two criteria with one code',
      makeSet([group('g', 30, [score('a', 10), score('b', 20)]), group('h', 70, [score('a', 70)])]),
      { code: 'DUPLICATE_CODE', path: 'items[1].children[0].code', criterionCode: 'a' },
    ],
    ['an upper-case code', makeSet([score('Diem', 100)]), { code: 'INVALID_CODE', path: 'items[0].code' }],
    ['a Vietnamese code', makeSet([score('điểm', 100)]), { code: 'INVALID_CODE', path: 'items[0].code' }],
    ['a code that is a keyword', makeSet([score('total', 100)]), { code: 'INVALID_CODE', path: 'items[0].code' }],
    ['a code that is JavaScript internals', makeSet([score('constructor', 100)]), { code: 'INVALID_CODE', path: 'items[0].code' }],
    ['a code that is a metric', makeSet([score('attendance_rate', 100)]), { code: 'INVALID_CODE', path: 'items[0].code' }],
    ['a METRIC without formula', makeSet([{ code: 'm', name: 'm', kind: CriterionKind.METRIC, max: 100 }]), { code: 'MISSING_FORMULA', path: 'items[0].formula', criterionCode: 'm' }],
    [
      'a decimal comma',
      makeSet([formula('m', 100, 'attendance_rate * 7,5', CriterionKind.METRIC)]),
      { code: 'FORMULA_SYNTAX', path: 'items[0].formula', criterionCode: 'm', position: 19 },
    ],
    ['constructor', makeSet([formula('m', 100, 'constructor', CriterionKind.METRIC)]), { code: 'FORBIDDEN_NAME', path: 'items[0].formula', criterionCode: 'm', position: 0 }],
    ['property access', makeSet([formula('m', 100, 'attendance_rate.x', CriterionKind.METRIC)]), { code: 'PROPERTY_ACCESS', path: 'items[0].formula', position: 15 }],
    ['an unknown name', makeSet([formula('m', 100, 'attendance_rat * 2', CriterionKind.METRIC)]), { code: 'UNKNOWN_NAME', path: 'items[0].formula', criterionCode: 'm', position: 0 }],
    [
      'a METRIC reading another criterion',
      makeSet([score('a', 50), formula('m', 50, 'a * 2', CriterionKind.METRIC)]),
      { code: 'UNKNOWN_NAME', path: 'items[1].formula', criterionCode: 'm' },
    ],
    [
      'a 10,000-character formula',
      makeSet([formula('m', 100, 'attendance_rate'.padEnd(10_000, ' '), CriterionKind.METRIC)]),
      { code: 'FORMULA_TOO_LONG', path: 'items[0].formula', criterionCode: 'm', position: 500 },
    ],
    ['a formula that yields a condition', makeSet([formula('m', 100, 'attendance_rate > 50', CriterionKind.METRIC)]), { code: 'TYPE_MISMATCH', criterionCode: 'm' }],
    ['a gate that yields a number', makeSet([score('a', 100)], { gates: [{ level: Level.GOOD, expression: 'tasks_on_time_share', message: 'x' }] }), { code: 'TYPE_MISMATCH', path: 'gates[0].expression' }],
    ['a gate on NOT_COMPLETED', makeSet([score('a', 100)], { gates: [{ level: Level.NOT_COMPLETED, expression: 'a > 1', message: 'x' }] }), { code: 'INVALID_GATE', path: 'gates[0].level' }],
    ['~= in a downgrade', makeSet([score('a', 100)], { downgrades: [{ code: 'd', expression: 'a ~= "1"', message: 'x' }] }), { code: 'FORBIDDEN_OPERATOR', path: 'downgrades[0].expression', position: 2 }],
    [
      'two downgrades with one code',
      makeSet([score('a', 100)], { downgrades: [{ code: 'd', expression: 'a > 1', message: 'x' }, { code: 'd', expression: 'a > 2', message: 'y' }] }),
      { code: 'DUPLICATE_CODE', path: 'downgrades[1].code' },
    ],
    ['bands ascending', makeSet([score('a', 100)], { bands: [{ level: Level.EXCELLENT, min: 50 }, { level: Level.GOOD, min: 70 }] }), { code: 'INVALID_BANDS', path: 'bands[1].min' }],
    ['a band above totalMax', makeSet([score('a', 100)], { bands: [{ level: Level.EXCELLENT, min: 120 }] }), { code: 'INVALID_BANDS', path: 'bands[0].min' }],
    ['bands out of level order', makeSet([score('a', 100)], { bands: [{ level: Level.GOOD, min: 90 }, { level: Level.EXCELLENT, min: 80 }] }), { code: 'INVALID_BANDS', path: 'bands[1].level' }],
    ['a quota above 1', makeSet([score('a', 100)], { quota: { share: 2, outstandingShare: 2 } }), { code: 'INVALID_QUOTA', path: 'quota.share' }],
    ['an empty group', makeSet([group('g', 100, [])]), { code: 'EMPTY_GROUP', path: 'items[0].children', criterionCode: 'g' }],
  ])('%s', (_, set, expected) => {
    expect(errorsOf(set)).toContainEqual(expect.objectContaining(expected));
  });

  it('reports a cycle between formulas with its path', () => {
    const set = makeSet([formula('a', 30, 'b + 1'), formula('b', 30, 'c'), formula('c', 40, 'a / 2')]);
    const cycles = errorsOf(set).filter((e) => e.code === 'CYCLE');
    expect(cycles).toHaveLength(1);
    expect(cycles[0].message).toContain('a → b → c → a');
    expect(cycles[0]).toMatchObject({ path: 'items[2].formula', criterionCode: 'c' });
  });

  it('reports a formula reading its own group as a cycle', () => {
    const set = makeSet([group('g', 100, [score('a', 60), formula('b', 40, 'g / 10')])]);
    expect(errorsOf(set)).toContainEqual(expect.objectContaining({ code: 'CYCLE', criterionCode: 'b' }));
  });

  it('collects every problem, not just the first', () => {
    const set = makeSet(
      [group('g', 30, [score('a', 10), score('a', 10)]), formula('m', 60, 'unknown + 1', CriterionKind.METRIC), score('Bad', 5)],
      { bands: [{ level: Level.EXCELLENT, min: 200 }], gates: [{ level: Level.GOOD, expression: '7,5', message: 'x' }] },
    );
    expect(errorsOf(set).map((e) => e.code).sort()).toEqual(
      ['DUPLICATE_CODE', 'FORMULA_SYNTAX', 'GROUP_MAX_MISMATCH', 'INVALID_BANDS', 'INVALID_CODE', 'TOTAL_MAX_MISMATCH', 'UNKNOWN_NAME'].sort(),
    );
  });

  it('never copies names or messages into generated code', () => {
    const evil = '"); throw new Error("pwned"); ("';
    const set = makeSet([{ ...score('a', 100), name: evil }], { gates: [{ level: Level.GOOD, expression: 'a >= 70', message: evil }] });
    const r = compile(set);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const e = evaluate(r.compiled, inputs({ a: 75 }));
    expect(e.level).toBe(Level.GOOD);
    expect(e.trace.map((s) => s.message).join('\n')).toContain(evil);
  });

  it('warns, on sample data, about a formula that can leave its range', () => {
    const r = compile(makeSet([formula('m', 100, 'attendance_rate * 2', CriterionKind.METRIC)]));
    expect(r.ok && r.warnings).toContainEqual(expect.objectContaining({ code: 'SAMPLE_OUT_OF_RANGE', criterionCode: 'm' }));
  });
});

describe('namesInScope', () => {
  const set = makeSet([group('g', 60, [score('a', 30), formula('m', 30, 'attendance_rate / 10', CriterionKind.METRIC)]), formula('f', 40, 'a + m')]);

  it('gives a METRIC metrics and facts only', () => {
    const names = namesInScope(set, 'm');
    expect(names).toContain('attendance_rate');
    expect(names).toContain('tasks_on_time_share');
    expect(names).not.toContain('a');
  });

  it('gives a FORMULA the other criteria too, not itself', () => {
    const names = namesInScope(set, 'f');
    expect(names).toEqual(expect.arrayContaining(['attendance_rate', 'g', 'a', 'm']));
    expect(names).not.toContain('f');
  });

  it('gives gates and downgrades every criterion and the total', () => {
    expect(namesInScope(set)).toEqual(expect.arrayContaining(['discipline_level', 'g', 'a', 'm', 'f', 'total']));
  });

  it('gives SCORE nothing', () => {
    expect(namesInScope(set, 'a')).toEqual([]);
  });
});
