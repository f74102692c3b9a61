import type { Expr } from './parser';
import { FUNCTIONS } from './typecheck';

/** Thrown by `div` and `mod` inside a compiled formula; caught by the evaluator and reported with the code. */
export const DIVISION_BY_ZERO: unique symbol = Symbol('DIVISION_BY_ZERO');

/** Run-time helpers handed to every compiled formula. */
export const HELPERS = {
  div(a: number, b: number): number {
    if (b === 0) throw DIVISION_BY_ZERO;
    return a / b;
  },
  /** `in` compares like filtrex's `Array.prototype.includes`: SameValueZero, so NaN is in a list holding NaN. */
  same(a: number, b: number): boolean {
    return a === b || (a !== a && b !== b);
  },
  /** filtrex's modulo: always non-negative (`-1 mod 3 == 2`). */
  mod(a: number, b: number): number {
    if (b === 0) throw DIVISION_BY_ZERO;
    return ((a % b) + b) % b;
  },
};

/** A compiled formula: reads variables from `V` by slot, returns a number or a boolean. */
export type CompiledFormula = (V: Float64Array, H: typeof HELPERS) => number | boolean;

const REL_JS: Record<string, string> = { '==': '===', '!=': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/**
 * Turns a checked syntax tree into a JavaScript expression, once per formula at compile time, so that rating a
 * subject costs what hand-written code costs. The source is built only from this fixed vocabulary: numeric
 * literals that parsed as finite numbers, `V[<slot>]` for variables (names never reach the source), the
 * operators below, `Math.<fn>` for the whitelisted functions, `H.div` / `H.mod`, and temporaries named by
 * `temp()`. Nothing a person typed is copied into the generated code, so it is as closed as filtrex's own.
 */
export function emitExpression(expr: Expr, slotOf: (name: string) => number, temp: () => string): string {
  const go = (e: Expr): string => {
    switch (e.t) {
      case 'num':
        return `(${String(e.value)})`;
      case 'name':
        return `V[${slotOf(e.name) | 0}]`;
      case 'list':
        throw new Error('list outside "in"');
      case 'neg':
        return `(-${go(e.arg)})`;
      case 'not':
        return `(!${go(e.arg)})`;
      case 'bin':
        switch (e.op) {
          case '/':
            return `H.div(${go(e.left)}, ${go(e.right)})`;
          case 'mod':
            return `H.mod(${go(e.left)}, ${go(e.right)})`;
          case '^':
            return `Math.pow(${go(e.left)}, ${go(e.right)})`;
          case 'and':
            return `(${go(e.left)} && ${go(e.right)})`;
          case 'or':
            return `(${go(e.left)} || ${go(e.right)})`;
          default:
            return `(${go(e.left)} ${e.op} ${go(e.right)})`;
        }
      case 'rel': {
        // Chains keep filtrex's order: each middle operand is evaluated once, left to right, short-circuited.
        const parts: string[] = [];
        let prev = go(e.args[0]);
        for (let k = 0; k < e.ops.length; k++) {
          const last = k === e.ops.length - 1;
          const t = last ? '' : temp();
          const next = last ? go(e.args[k + 1]) : `(${t} = ${go(e.args[k + 1])})`;
          parts.push(`(${prev} ${REL_JS[e.ops[k]]} ${next})`);
          prev = t;
        }
        return `(${parts.join(' && ')})`;
      }
      case 'in': {
        const items = e.right.t === 'list' ? e.right.items : [e.right];
        const t = temp();
        const first = `(${t} = ${go(e.left)})`;
        const test = items
          .map((x, k) => {
            const lhs = k === 0 ? first : t;
            return x.t === 'num' ? `${lhs} === ${go(x)}` : `H.same(${lhs}, ${go(x)})`;
          })
          .join(' || ');
        return e.negated ? `(!(${test}))` : `(${test})`;
      }
      case 'if':
        return `(${go(e.cond)} ? ${go(e.then)} : ${go(e.else)})`;
      case 'call':
        if (!Object.prototype.hasOwnProperty.call(FUNCTIONS, e.name)) throw new Error(`function ${e.name} was not checked`);
        return `Math.${e.name}(${e.args.map(go).join(', ')})`;
    }
  };
  return go(expr);
}

/** One formula as a function of its own (for tests and tools; the evaluator inlines the expression). */
export function emitFormula(expr: Expr, slotOf: (name: string) => number): CompiledFormula {
  let n = 0;
  const temps: string[] = [];
  const body = emitExpression(expr, slotOf, () => {
    temps.push(`t${n++}`);
    return temps[temps.length - 1];
  });
  const decl = temps.length > 0 ? `var ${temps.join(', ')};\n` : '';
  return new Function('V', 'H', `"use strict";\n${decl}return ${body};`) as CompiledFormula;
}
