import { LEVEL_ORDER } from '@dangbo/shared-types';
import { formatNumberVi as fmt, round2 } from './format';
import { DIVISION_BY_ZERO, HELPERS } from './formula/emit';
import type { Core, LevelGates, Plan, PlanFormula } from './plan';
import { OP_CHECK, OP_ENTERED, OP_FORMULA, OP_GROUP, R_BAND, R_DOWNGRADES, R_GATES, R_LEVEL } from './plan';
import { TASK_INDEX, TASK_NAMES, TASK_REPORTED, readTasks } from './tasks';
import type { EngineError } from './types';
import { VARIABLES } from './variables';

const EMPTY = Object.freeze({});
const LAST = LEVEL_ORDER.length - 1;
const q = (s: string): string => JSON.stringify(s);
const num = (x: number): string => `(${String(x)})`;

/**
 * Generates the evaluator of one set: a single function that reads a subject's inputs, computes every
 * criterion in dependency order, the groups, the total, the band, the gates and the downgrades, writing numbers
 * into the plan's buffers and problems into `errs`. Generating it (once, in `compile`) is what makes rating a
 * subject cost about what hand-written code costs: no lookups by name, no interpretation, one call per subject.
 *
 * What the source is made of: slot numbers, limits that passed validation as finite numbers, formula
 * expressions from emitExpression, and metric / criterion names that passed `codeProblem` or come from the
 * catalogue, quoted with JSON.stringify. No label, message or other text a person typed goes into it.
 */
export function generateCore(p: Omit<Plan, 'core' | 'makePoints' | 'makeGroups' | 'levelGates'>): { core: Core; levelGates: LevelGates } {
  const L: string[] = [];
  const temps = p.formulas.flatMap((f) => f.temps);
  L.push(`var m = I && I.metrics, f = I && I.facts, s = I && I.scores, c = I && I.checks, x, y, r, b;`);
  for (const [v, key] of [['m', 'metrics'], ['f', 'facts'], ['s', 'scores'], ['c', 'checks']]) L.push(`if (${v} === null || typeof ${v} !== "object") ${v} = E; // ${key}`);
  L.push(`R[${R_LEVEL}] = -1; R[${R_BAND}] = -1; R[${R_GATES}] = -2; R[${R_GATES + 1}] = -2; R[${R_GATES + 2}] = -2;`);
  // Task counts are read, checked against each other and turned into shares together (tasks.ts), once.
  if (p.varNames.some((n) => TASK_INDEX.has(n))) L.push(`H.tasks(f, errs);`);
  // Finite numbers only: NaN - NaN and Infinity - Infinity are NaN.
  p.varNames.forEach((n, i) => {
    const t = TASK_INDEX.get(n);
    if (t !== undefined) return L.push(`V[${i}] = H.TV[${t}]; S[${i}] = H.TS[${t}];`);
    const src = VARIABLES.get(n)?.source === 'metric' ? 'm' : 'f';
    L.push(`x = ${src}[${q(n)}]; if (typeof x === "number" && x - x === 0) { V[${i}] = x; S[${i}] = 0; } else { V[${i}] = NaN; S[${i}] = x === undefined ? 1 : 2; }`);
  });
  p.entered.forEach((e, i) => {
    if (e.check) L.push(`x = c[${q(e.code)}]; N[${i}] = x === true ? 1 : 0; NS[${i}] = x === true || x === false ? 0 : x === undefined ? 1 : 2;`);
    else L.push(`x = s[${q(e.code)}]; if (typeof x === "number" && x - x === 0) { N[${i}] = x; NS[${i}] = 0; } else { N[${i}] = 0; NS[${i}] = x === undefined ? 1 : 2; }`);
  });
  for (const k of p.order) {
    const n = p.nodes[k];
    const [lo, hi] = [num(n.min), num(n.max)];
    if (n.op === OP_ENTERED) {
      L.push(`if (NS[${n.entry}] === 2) { V[${n.slot}] = NaN; H.bad(errs, ${k}); } else { x = N[${n.entry}]; V[${n.slot}] = H.r2(x < ${lo} ? ${lo} : x > ${hi} ? ${hi} : x); }`);
    } else if (n.op === OP_CHECK) {
      L.push(`if (NS[${n.entry}] === 2) { V[${n.slot}] = NaN; H.bad(errs, ${k}); } else V[${n.slot}] = N[${n.entry}] === 1 ? ${hi} : 0;`);
    } else if (n.op === OP_FORMULA) {
      const f = p.formulas[n.formula];
      const compute = `y = ${f.js}; x = H.r2(y); if (!(x >= ${lo} && x <= ${hi})) { H.range(errs, ${k}, y); x = NaN; }`;
      const guarded = mayThrow(f) ? `try { ${compute} } catch (e) { H.thrown(errs, ${n.formula}, e); x = NaN; }` : compute;
      const deps = f.deps.map((d) => `V[${d}] === V[${d}]`).join(' && ');
      const body = deps ? `if (${deps}) { ${guarded} } else x = NaN;` : guarded;
      L.push(f.vars.length ? `if (${varsOk(f)}) { ${body} } else { H.missing(errs, ${n.formula}); x = NaN; }` : body, `V[${n.slot}] = x;`);
    } else if (n.op === OP_GROUP) {
      L.push(`x = ${sum(n.childSlots, n.childSigns)};`, `if (x === x) { x = H.r2(x); W[${k}] = x; V[${n.slot}] = x < 0 ? 0 : x > ${hi} ? ${hi} : x; } else V[${n.slot}] = NaN;`);
    }
  }
  const T = p.totalSlot;
  L.push(`x = ${sum(p.topSlots, p.topSigns)};`, `if (x === x) { x = H.r2(x); W[${p.nodes.length}] = x; V[${T}] = x < 0 ? 0 : x > ${num(p.totalMax)} ? ${num(p.totalMax)} : x; } else V[${T}] = NaN;`);
  L.push(`if (errs.length !== 0 || V[${T}] !== V[${T}]) return;`, `x = V[${T}];`);
  const band = p.bands.map((b) => `x >= ${num(b.min)} ? ${LEVEL_ORDER.indexOf(b.level)} : `).join('');
  L.push(`r = ${band}${LAST};`, `R[${R_BAND}] = r;`);
  // The gates of each level are a function of their own, so that a decided level can be checked against them.
  const G: string[] = [];
  p.gates.forEach((gates, rank) => {
    G.push(`function G${rank}(errs) {`, `var b;`);
    gates.forEach((g, j) => {
      const f = p.formulas[g.formula];
      if (f.vars.length) G.push(`if (!(${varsOk(f)})) { H.missing(errs, ${g.formula}); return -3; }`);
      G.push(mayThrow(f) ? `try { b = ${f.js}; } catch (e) { H.thrown(errs, ${g.formula}, e); return -3; }` : `b = ${f.js};`);
      G.push(`if (b !== true) return ${j};`);
    });
    G.push('return -1;', '}');
    L.push(`if (r === ${rank}) { y = G${rank}(errs); if (y === -3) return; R[${R_GATES + rank}] = y; if (y >= 0) r = ${rank + 1}; }`);
  });
  p.downgrades.forEach((d, j) => {
    const f = p.formulas[d.formula];
    const run = mayThrow(f) ? `try { b = ${f.js}; } catch (e) { b = false; H.thrown(errs, ${d.formula}, e); }` : `b = ${f.js};`;
    const body = `${run} if (b === true) { R[${R_DOWNGRADES + j}] = 1; r = ${LAST}; }`;
    L.push(`R[${R_DOWNGRADES + j}] = 0;`, f.vars.length ? `if (${varsOk(f)}) { ${body} } else H.missing(errs, ${d.formula});` : body);
  });
  L.push(`if (errs.length === 0) R[${R_LEVEL}] = r;`);
  const gateList = p.gates.map((_, rank) => `G${rank}`).join(', ');
  const tempDecl = temps.length ? `var ${temps.join(', ')};\n` : '';
  const source = `"use strict";\n${tempDecl}${G.join('\n')}\nvar G = [${gateList}];\nreturn { core: function core(I, errs) {\n${L.join('\n')}\n}, levelGates: function levelGates(rank, errs) { return G[rank](errs); } };`;
  const factory = new Function('V', 'S', 'N', 'NS', 'W', 'R', 'H', 'E', source);
  return factory(p.V, p.S, p.N, p.NS, p.W, p.R, makeHelpers(p), EMPTY) as { core: Core; levelGates: LevelGates };
}

function varsOk(f: PlanFormula): string {
  return f.vars.map((v) => `S[${v}] === 0`).join(' && ');
}

function mayThrow(f: PlanFormula): boolean {
  return f.js.includes('H.div(') || f.js.includes('H.mod(');
}

/** `0 + a + b - c`: the same left-to-right order of additions on every path, penalties subtracted. */
function sum(slots: number[], signs: number[]): string {
  return ['0', ...slots.map((s, i) => `${signs[i] < 0 ? '-' : '+'} V[${s}]`)].join(' ');
}

/** What the generated core calls: rounding, safe division, and the builders of its (rare) errors. */
function makeHelpers(p: Omit<Plan, 'core' | 'makePoints' | 'makeGroups' | 'levelGates'>) {
  const TV = new Float64Array(TASK_NAMES.length);
  const TS = new Uint8Array(TASK_NAMES.length);
  const withCode = (e: EngineError, f: PlanFormula): EngineError => (f.criterionCode === undefined ? e : { ...e, criterionCode: f.criterionCode });
  return {
    ...HELPERS,
    r2: round2,
    TV,
    TS,
    tasks(facts: unknown, errs: EngineError[]): void {
      const e = readTasks(facts, TV, TS);
      if (e) errs.push(e);
    },
    bad(errs: EngineError[], k: number): void {
      const n = p.nodes[k];
      const where = n.op === OP_CHECK ? 'checks' : 'scores';
      errs.push({ path: `${where}.${n.code}`, code: 'INVALID_INPUT', message: `Giá trị nhập cho "${n.name}" không hợp lệ.`, criterionCode: n.code });
    },
    missing(errs: EngineError[], fi: number): void {
      const f = p.formulas[fi];
      f.vars.forEach((slot, i) => {
        const state = p.S[slot];
        if (state === 0 || state === TASK_REPORTED) return;
        const name = f.varNames[i];
        const info = VARIABLES.get(name);
        const label = info?.label ?? name;
        const from = info?.from ? `, tính từ ${info.from.join(', ')}` : '';
        const message =
          state === 1 ? `Thiếu số liệu "${name}" (${label}${from}).` : `Số liệu "${name}" (${label}${from}) không phải là số hợp lệ.`;
        errs.push(withCode({ path: f.path, code: state === 1 ? 'MISSING_VALUE' : 'INVALID_INPUT', message }, f));
      });
    },
    thrown(errs: EngineError[], fi: number, e: unknown): void {
      const zero = e === DIVISION_BY_ZERO;
      const message = zero ? 'Phép chia cho 0 trong công thức.' : 'Không tính được công thức.';
      errs.push(withCode({ path: p.formulas[fi].path, code: zero ? 'DIVISION_BY_ZERO' : 'FORMULA_FAILED', message }, p.formulas[fi]));
    },
    range(errs: EngineError[], k: number, raw: number): void {
      const n = p.nodes[k];
      const f = p.formulas[n.formula];
      if (!Number.isFinite(raw)) {
        errs.push(withCode({ path: f.path, code: 'NOT_FINITE', message: `Công thức của "${n.name}" không cho ra một số hữu hạn.` }, f));
      } else {
        const message = `Công thức của "${n.name}" cho ${fmt(round2(raw))} điểm, ngoài khoảng ${fmt(n.min)}–${n.maxText}.`;
        errs.push(withCode({ path: f.path, code: 'OUT_OF_RANGE', message }, f));
      }
    },
  };
}

/** A record of the given nodes' points, as an object literal: one allocation, one hidden class. */
export function generateRecord(p: Pick<Plan, 'nodes'>, groups: boolean): (V: Float64Array) => Record<string, number> {
  const list = p.nodes.filter((n) => (n.op === OP_GROUP) === groups);
  return new Function('V', `"use strict";\nreturn {${list.map((n) => `${q(n.code)}: V[${n.slot}]`).join(', ')}};`) as (V: Float64Array) => Record<string, number>;
}
