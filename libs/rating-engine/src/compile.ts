import { CriterionKind } from '@dangbo/shared-types';
import { evaluate } from './evaluate';
import type { ExprType } from './formula/typecheck';
import type { AnalysedFormula } from './formula/validate';
import { analyseFormula } from './formula/validate';
import { generateCore, generateRecord } from './codegen';
import type { Plan } from './plan';
import { layoutPlan } from './plan';
import { sampleInputs } from './sample';
import { readsCriteria } from './scope';
import type { CriteriaSetDefinition, EngineError } from './types';
import type { Located } from './validate-set';
import { validateStructure } from './validate-set';
import { TOTAL_NAME, VARIABLES } from './variables';

/**
 * A criteria set checked and compiled once, ready to rate any number of subjects. Holds functions, so it is
 * not JSON: keep it in memory (e.g. cached per published set version) and compile again after a restart.
 */
export interface CompiledSet {
  readonly definition: CriteriaSetDefinition;
  /** @internal Precomputed evaluation plan. */
  readonly plan: Plan;
}

/** Outcome of {@link compile}. */
export type CompileResult = { ok: true; compiled: CompiledSet; warnings: EngineError[] } | { ok: false; errors: EngineError[] };

/**
 * Validates a whole criteria set, collecting every problem (not just the first), and compiles its formulas
 * once. Checks: ASCII codes, unique; kinds and maxima; a group's children (bonus and penalty excluded) add up
 * to its max and the top level to `totalMax`; every formula is valid filtrex, at most 500 characters, names only
 * what {@link namesInScope} allows, has no property access, `~=` or JavaScript internals, and yields a number
 * (criteria) or a truth value (gates, downgrades); no cycle between formulas; bands descending within
 * `0..totalMax`; gates, downgrades and quota well formed.
 */
export function compile(set: CriteriaSetDefinition): CompileResult {
  const errors: EngineError[] = [];
  const warnings: EngineError[] = [];
  const flat = validateStructure(set, errors, warnings);
  const codes = new Set(flat.map((l) => l.def.code));
  const formulas = new Map<string, AnalysedFormula>();

  const check = (key: string, source: string | undefined, path: string, expect: ExprType, inScope: (n: string) => boolean, criterionCode?: string): void => {
    const r = analyseFormula(source, inScope, expect);
    if (r.ok) {
      formulas.set(key, r.formula);
      return;
    }
    for (const e of r.errors) {
      const out: EngineError = { path, code: e.code, message: e.message };
      if (criterionCode !== undefined) out.criterionCode = criterionCode;
      if (e.position !== undefined) out.position = e.position;
      errors.push(out);
    }
  };

  for (const { def: c, path } of flat) {
    const optional = c.kind === CriterionKind.BONUS || c.kind === CriterionKind.PENALTY;
    const required = c.kind === CriterionKind.METRIC || c.kind === CriterionKind.FORMULA;
    if (!required && !(optional && typeof c.formula === 'string' && c.formula.trim() !== '')) continue;
    const inScope =
      c.kind === CriterionKind.METRIC ? (n: string) => VARIABLES.has(n) : (n: string) => VARIABLES.has(n) || (codes.has(n) && n !== c.code);
    check(`c:${c.code}`, c.formula, `${path}.formula`, 'number', inScope, c.code);
  }
  const ruleScope = (n: string): boolean => VARIABLES.has(n) || codes.has(n) || n === TOTAL_NAME;
  (Array.isArray(set?.gates) ? set.gates : []).forEach((g, i) => check(`g:${i}`, g?.expression, `gates[${i}].expression`, 'boolean', ruleScope));
  (Array.isArray(set?.downgrades) ? set.downgrades : []).forEach((d, i) =>
    check(`d:${i}`, d?.expression, `downgrades[${i}].expression`, 'boolean', ruleScope),
  );

  const order = orderCriteria(flat, formulas, errors);
  if (errors.length > 0) return { ok: false, errors };
  const layout = layoutPlan(set, flat, order, formulas);
  const plan: Plan = { ...layout, ...generateCore(layout), makePoints: generateRecord(layout, false), makeGroups: generateRecord(layout, true) };
  const compiled: CompiledSet = { definition: set, plan };
  // A preview on sample data catches what no static check can, such as a formula that leaves its range.
  for (const e of evaluate(compiled, sampleInputs(set), { trace: false }).errors) {
    warnings.push({ ...e, code: `SAMPLE_${e.code}`, message: `Với dữ liệu mẫu: ${e.message}` });
  }
  return { ok: true, compiled, warnings };
}

/**
 * Depth-first order in which every criterion comes after what it reads (formula references, a group's
 * children). A back edge is a cycle: reported once, with its path, on the criterion where it closes.
 */
function orderCriteria(flat: Located[], formulas: Map<string, AnalysedFormula>, errors: EngineError[]): number[] {
  const index = new Map<string, number>();
  flat.forEach((l, i) => {
    if (!index.has(l.def.code)) index.set(l.def.code, i);
  });
  const deps = flat.map((l, i) => {
    const out = flat.map((x, k) => (x.parent === i ? k : -1)).filter((k) => k >= 0);
    const f = readsCriteria(l.def.kind) ? formulas.get(`c:${l.def.code}`) : undefined;
    for (const n of f?.names ?? []) {
      const k = index.get(n);
      if (k !== undefined) out.push(k);
    }
    return out;
  });
  const state = new Uint8Array(flat.length); // 0 new, 1 on the stack, 2 done
  const stack: number[] = [];
  const order: number[] = [];
  const reported = new Set<string>();
  const visit = (i: number): void => {
    state[i] = 1;
    stack.push(i);
    for (const k of deps[i]) {
      if (state[k] === 0) visit(k);
      else if (state[k] === 1) {
        const cycle = stack.slice(stack.indexOf(k)).map((x) => flat[x].def.code);
        const key = [...cycle].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          const at = flat[i];
          const hasFormula = formulas.has(`c:${at.def.code}`);
          errors.push({
            path: hasFormula ? `${at.path}.formula` : at.path,
            code: 'CYCLE',
            message: `Các công thức tham chiếu vòng tròn: ${[...cycle, flat[k].def.code].join(' → ')}.`,
            criterionCode: at.def.code,
          });
        }
      }
    }
    stack.pop();
    state[i] = 2;
    order.push(i);
  };
  flat.forEach((_, i) => {
    if (state[i] === 0) visit(i);
  });
  return order;
}
