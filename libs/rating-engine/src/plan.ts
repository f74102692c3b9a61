import type { Level } from '@dangbo/shared-types';
import { CriterionKind, LEVEL_ORDER } from '@dangbo/shared-types';
import { formatNumberVi } from './format';
import { emitExpression } from './formula/emit';
import type { AnalysedFormula } from './formula/validate';
import type { CriteriaSetDefinition, EngineError } from './types';
import type { Located } from './validate-set';
import { TOTAL_NAME, VARIABLES } from './variables';

/** How a node gets its points. */
export const OP_ENTERED = 0;
export const OP_CHECK = 1;
export const OP_FORMULA = 2;
export const OP_GROUP = 3;

/** Layout of the outcome buffer `R` written by the generated core. */
export const R_LEVEL = 0; // final level rank, -1 when there are errors
export const R_BAND = 1; // band level rank, -1 when the total could not be computed
export const R_GATES = 2; // per level rank 0..2: index of the failing gate, -1 all passed, -2 not evaluated
export const R_DOWNGRADES = 5; // per downgrade: 1 fired, 0 not

/** A formula of the set, with what it reads so that missing data is reported instead of computed. */
export interface PlanFormula {
  /** JavaScript expression (see emitExpression) and the temporaries it uses, unique within the set. */
  js: string;
  temps: string[];
  path: string;
  criterionCode?: string;
  /** Slots of the metrics and facts it reads, and their names. */
  vars: number[];
  varNames: string[];
  /** Slots of the criteria (or the total) it reads; an error upstream makes it skip silently. */
  deps: number[];
}

/** One criterion or group, everything precomputed. */
export interface PlanNode {
  index: number;
  code: string;
  name: string;
  path: string;
  op: number;
  min: number;
  max: number;
  /** Where its points live in `V`. */
  slot: number;
  /** Index into the entered values (`N`, `NS`), or -1. */
  entry: number;
  /** Index into `Plan.formulas`, or -1. */
  formula: number;
  /** For a group: its children's slots and +1 / -1 (penalty) for each. */
  childSlots: number[];
  childSigns: number[];
  /** "Tên (mã): " and "/10 điểm": the fixed parts of its trace messages. */
  label: string;
  outOf: string;
  maxText: string;
}

export interface PlanRule {
  code: string;
  level: Level | null;
  message: string;
  formula: number;
}

/** The generated evaluator of one set (see codegen.ts). */
export type Core = (I: unknown, errs: EngineError[]) => void;
/**
 * The gates of one level (rank as LEVEL_ORDER, 0..2) against the values the last `core` call left: -1 all hold,
 * the index of the first that fails, or -3 when one could not be computed (its error is in `errs`).
 */
export type LevelGates = (rank: number, errs: EngineError[]) => number;

/**
 * Everything `evaluate` needs, computed once per set. The buffers are reused by every evaluation (evaluation is
 * synchronous and formulas cannot call back), so rating a subject allocates only its result.
 */
export interface Plan {
  /** Variables, then the points of every node, then the total. */
  V: Float64Array;
  /** State of each variable slot: 0 present, 1 missing, 2 not a finite number. */
  S: Uint8Array;
  /** Entered values (scores, checks as 1 / 0) and their states. */
  N: Float64Array;
  NS: Uint8Array;
  /** Sums before clamping, per node index (groups) and at `nodes.length` (total). */
  W: Float64Array;
  R: Int32Array;
  varNames: string[];
  nodes: PlanNode[];
  /** Node indexes, each after everything it reads. */
  order: number[];
  topSlots: number[];
  topSigns: number[];
  totalSlot: number;
  totalMax: number;
  /** Sorted best first. */
  bands: { level: Level; min: number }[];
  formulas: PlanFormula[];
  /** Gates per level rank (0..2, as LEVEL_ORDER). */
  gates: PlanRule[][];
  downgrades: PlanRule[];
  entered: { code: string; check: boolean }[];
  core: Core;
  levelGates: LevelGates;
  makePoints: (V: Float64Array) => Record<string, number>;
  makeGroups: (V: Float64Array) => Record<string, number>;
}

/** Lays out slots, order, formulas and rules of a set that passed every check (the core is added by codegen). */
export function layoutPlan(
  set: CriteriaSetDefinition,
  flat: Located[],
  order: number[],
  analysed: Map<string, AnalysedFormula>,
): Omit<Plan, 'core' | 'levelGates' | 'makePoints' | 'makeGroups'> {
  const used = new Set<string>();
  for (const f of analysed.values()) for (const n of f.names) if (VARIABLES.has(n)) used.add(n);
  const varNames = [...VARIABLES.keys()].filter((n) => used.has(n));
  const varSlot = new Map(varNames.map((n, i) => [n, i]));
  const codeSlot = new Map(flat.map((l, i) => [l.def.code, varNames.length + i]));
  const totalSlot = varNames.length + flat.length;
  const slotOf = (name: string): number => varSlot.get(name) ?? (name === TOTAL_NAME ? totalSlot : (codeSlot.get(name) as number));
  const formulas: PlanFormula[] = [];
  const prepare = (key: string, path: string, criterionCode?: string): number => {
    const f = analysed.get(key) as AnalysedFormula;
    const vars = f.names.filter((n) => varSlot.has(n));
    const deps = f.names.filter((n) => !varSlot.has(n)).map(slotOf);
    const temps: string[] = [];
    const temp = (): string => temps[temps.push(`t${formulas.length}_${temps.length}`) - 1];
    const js = emitExpression(f.expr, slotOf, temp);
    const pf: PlanFormula = { js, temps, path, vars: vars.map(slotOf), varNames: vars, deps };
    if (criterionCode !== undefined) pf.criterionCode = criterionCode;
    return formulas.push(pf) - 1;
  };

  const entered: { code: string; check: boolean }[] = [];
  const childrenOf = (i: number): number[] => flat.flatMap((x, k) => (x.parent === i ? [k] : []));
  const signOf = (k: number): number => (flat[k].def.kind === CriterionKind.PENALTY ? -1 : 1);
  const nodes: PlanNode[] = flat.map((l, i) => {
    const c = l.def;
    const key = `c:${c.code}`;
    const op = c.kind === CriterionKind.GROUP ? OP_GROUP : analysed.has(key) ? OP_FORMULA : c.kind === CriterionKind.CHECK ? OP_CHECK : OP_ENTERED;
    const children = childrenOf(i);
    return {
      index: i,
      code: c.code,
      name: c.name,
      path: l.path,
      op,
      min: c.min ?? 0,
      max: c.max,
      slot: varNames.length + i,
      entry: op === OP_ENTERED || op === OP_CHECK ? entered.push({ code: c.code, check: op === OP_CHECK }) - 1 : -1,
      formula: op === OP_FORMULA ? prepare(key, `${l.path}.formula`, c.code) : -1,
      childSlots: children.map((k) => varNames.length + k),
      childSigns: children.map(signOf),
      label: `${c.name} (${c.code}): `,
      outOf: `/${formatNumberVi(c.max)} điểm`,
      maxText: formatNumberVi(c.max),
    };
  });
  const top = childrenOf(-1);
  const gates: PlanRule[][] = LEVEL_ORDER.slice(0, -1).map(() => []);
  set.gates.forEach((g, i) => {
    const path = `gates[${i}].expression`;
    gates[LEVEL_ORDER.indexOf(g.level)].push({ code: `gates[${i}]`, level: g.level, message: g.message, formula: prepare(`g:${i}`, path) });
  });
  const downgrades = set.downgrades.map((d, i) => ({ code: d.code, level: null, message: d.message, formula: prepare(`d:${i}`, `downgrades[${i}].expression`) }));
  return {
    V: new Float64Array(totalSlot + 1),
    S: new Uint8Array(varNames.length),
    N: new Float64Array(entered.length),
    NS: new Uint8Array(entered.length),
    W: new Float64Array(flat.length + 1),
    R: new Int32Array(R_DOWNGRADES + downgrades.length),
    varNames,
    nodes,
    order,
    topSlots: top.map((k) => varNames.length + k),
    topSigns: top.map(signOf),
    totalSlot,
    totalMax: set.totalMax,
    bands: [...set.bands].sort((a, b) => b.min - a.min),
    formulas,
    gates,
    downgrades,
    entered,
  };
}
