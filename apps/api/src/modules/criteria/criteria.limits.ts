/**
 * Size bounds of everything a criteria set is made of, checked before any work (no compile, no query), so one
 * request cannot hold the server: a 750 KiB draft of 15,000 criteria once ran 7.8 s on the event loop.
 *
 * The numbers, against the shipped templates (libs/rating-engine/src/templates): the largest holds 12 criteria
 * in 3.4 KiB, nested 2 deep, with 3 bands, at most 4 gates and 4 downgrades, formulas up to 130 characters. 500
 * criteria is 40 times that, more than any 366 framework a committee would write, and compiles in about a second
 * with every formula at its maximum. A draft of 500 criteria at the template's density weighs about 140 KiB;
 * 512 KiB leaves room for long descriptions. Text limits are the column widths (criteria.entity.ts), formulas the
 * engine's own MAX_FORMULA_LENGTH.
 */
import { MAX_FORMULA_LENGTH } from '@dangbo/rating-engine';
import { BadInputError } from '../../core/errors';

export const LIMITS = {
  criteriaPerSet: 500,
  /** JSON nesting of a draft: the engine allows 6 levels of groups (2 JSON levels each), rules nest 3. */
  draftDepth: 20,
  draftBytes: 512 * 1024,
  setName: 255,
  /** Criterion codes: the column is 40 ASCII characters. */
  code: 40,
  criterionName: 500,
  description: 2000,
  formula: MAX_FORMULA_LENGTH,
  /** Levels are 4, so at most 3 bands are meaningful; 10 leaves a wrong draft to the engine's clear errors. */
  bands: 10,
  gates: 30,
  downgrades: 30,
  ruleMessage: 500,
  /** Preview inputs: one entry per criterion at most; the catalogue has 8 facts and 10 metrics. */
  inputsBytes: 64 * 1024,
  inputsDepth: 4,
  facts: 100,
  metrics: 100,
  overrideReason: 2000,
} as const;

/** One exceeded bound: the field (a path into the argument) and a Vietnamese message. */
export interface LimitProblem {
  path: string;
  message: string;
}

const KIB = 1024;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The size of a JSON value in bytes as sent, and its nesting, without recursion (a deep value cannot overflow
 * the stack) and stopping as soon as a bound is passed.
 */
export function jsonSizeProblem(value: unknown, path: string, maxBytes: number, maxDepth: number, label: string): LimitProblem | null {
  let bytes = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v === 'string') bytes += Buffer.byteLength(v) + 2;
    else if (v === null || typeof v !== 'object') bytes += String(v).length;
    else {
      if (depth > maxDepth) return { path, message: `${label} lồng nhau quá ${maxDepth} cấp` };
      const entries = Array.isArray(v) ? v.map((x) => ['', x] as const) : Object.entries(v);
      bytes += 2 + entries.length;
      for (const [key, child] of entries) {
        if (key) bytes += Buffer.byteLength(key) + 3;
        stack.push([child, depth + 1]);
      }
    }
    if (bytes > maxBytes) return { path, message: `${label} quá lớn: tối đa ${Math.round(maxBytes / KIB)} KiB` };
  }
  return null;
}

function textProblem(value: unknown, path: string, max: number, label: string): LimitProblem | null {
  return typeof value === 'string' && value.length > max ? { path, message: `${label} dài ${value.length} ký tự, tối đa ${max}` } : null;
}

/** Bounds of a list of bands, gates or downgrades (saved rules and a draft's alike). */
export function rulesProblem(key: 'bands' | 'gates' | 'downgrades', list: unknown, path: string = key): LimitProblem | null {
  if (!Array.isArray(list)) return null;
  const labels = { bands: 'mức điểm xếp loại', gates: 'điều kiện', downgrades: 'trường hợp không hoàn thành nhiệm vụ' };
  if (list.length > LIMITS[key]) return { path, message: `Có ${list.length} ${labels[key]}, tối đa ${LIMITS[key]}` };
  for (const [i, item] of list.entries()) {
    if (!isObject(item)) continue;
    const at = `${path}[${i}]`;
    const problem =
      textProblem(item.expression, `${at}.expression`, LIMITS.formula, 'Biểu thức') ??
      textProblem(item.message, `${at}.message`, LIMITS.ruleMessage, 'Lời giải thích') ??
      textProblem(item.code, `${at}.code`, LIMITS.code, 'Mã') ??
      textProblem(item.level, `${at}.level`, LIMITS.code, 'Mức xếp loại');
    if (problem) return problem;
  }
  return null;
}

/** Bounds of a whole definition (an editor's draft, or a stored set before publishing). */
export function definitionProblem(definition: unknown, root = 'definition'): LimitProblem | null {
  const size = jsonSizeProblem(definition, root, LIMITS.draftBytes, LIMITS.draftDepth, 'Bộ tiêu chí');
  if (size) return size;
  if (!isObject(definition)) return null;
  const name = textProblem(definition.name, `${root}.name`, LIMITS.setName, 'Tên bộ tiêu chí') ?? textProblem(definition.code, `${root}.code`, LIMITS.code, 'Mã bộ tiêu chí');
  if (name) return name;
  let count = 0;
  // Depth is bounded above, so walking the tree recursively is safe.
  const walk = (list: unknown, path: string): LimitProblem | null => {
    if (!Array.isArray(list)) return null;
    for (const [i, c] of list.entries()) {
      count += 1;
      if (count > LIMITS.criteriaPerSet) return { path: `${root}.items`, message: `Bộ tiêu chí có quá ${LIMITS.criteriaPerSet} tiêu chí (kể cả nhóm)` };
      if (!isObject(c)) continue;
      const at = `${path}[${i}]`;
      const problem =
        textProblem(c.code, `${at}.code`, LIMITS.code, 'Mã tiêu chí') ??
        textProblem(c.name, `${at}.name`, LIMITS.criterionName, 'Tên tiêu chí') ??
        textProblem(c.description, `${at}.description`, LIMITS.description, 'Mô tả') ??
        textProblem(c.formula, `${at}.formula`, LIMITS.formula, 'Công thức') ??
        walk(c.children, `${at}.children`);
      if (problem) return problem;
    }
    return null;
  };
  return (
    walk(definition.items, `${root}.items`) ??
    rulesProblem('bands', definition.bands, `${root}.bands`) ??
    rulesProblem('gates', definition.gates, `${root}.gates`) ??
    rulesProblem('downgrades', definition.downgrades, `${root}.downgrades`)
  );
}

/** Bounds of a preview's inputs: bytes, nesting, entries per kind, the override's reason. */
export function inputsProblem(inputs: unknown, root = 'inputs'): LimitProblem | null {
  const size = jsonSizeProblem(inputs, root, LIMITS.inputsBytes, LIMITS.inputsDepth, 'Dữ liệu chấm thử');
  if (size) return size;
  if (!isObject(inputs)) return { path: root, message: 'Dữ liệu chấm thử phải là một đối tượng { scores, checks, facts, metrics }' };
  const caps = { scores: LIMITS.criteriaPerSet, checks: LIMITS.criteriaPerSet, facts: LIMITS.facts, metrics: LIMITS.metrics } as const;
  for (const [key, cap] of Object.entries(caps)) {
    const part = inputs[key];
    if (part === undefined || part === null) continue;
    if (!isObject(part)) return { path: `${root}.${key}`, message: `"${key}" phải là một đối tượng tên → giá trị` };
    const n = Object.keys(part).length;
    if (n > cap) return { path: `${root}.${key}`, message: `"${key}" có ${n} mục, tối đa ${cap}` };
  }
  return isObject(inputs.override) ? textProblem(inputs.override.reason, `${root}.override.reason`, LIMITS.overrideReason, 'Lý do') : null;
}

/** Throws the first problem as BAD_USER_INPUT naming its path as the field. */
export function refuse(problem: LimitProblem | null): void {
  if (problem) throw new BadInputError(problem.path, problem.message);
}
