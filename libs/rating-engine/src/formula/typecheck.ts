import type { LexError } from './lexer';
import type { Expr } from './parser';

/** Every formula value is a number or a truth value; lists exist only on the right of `in`. */
export type ExprType = 'number' | 'boolean';

/** Functions a formula may call, with their number of arguments (`Infinity` = one or more). */
export const FUNCTIONS: Readonly<Record<string, { min: number; max: number }>> = {
  abs: { min: 1, max: 1 },
  ceil: { min: 1, max: 1 },
  floor: { min: 1, max: 1 },
  round: { min: 1, max: 1 },
  sqrt: { min: 1, max: 1 },
  log: { min: 1, max: 1 },
  log2: { min: 1, max: 1 },
  log10: { min: 1, max: 1 },
  min: { min: 1, max: Infinity },
  max: { min: 1, max: Infinity },
};

/** Names that reach JavaScript internals; refused even before the scope check says they are unknown. */
export function isForbiddenName(name: string): boolean {
  return name.startsWith('__') || name in Object.prototype || name === 'prototype';
}

class TypeFailure extends Error {
  constructor(readonly detail: LexError) {
    super(detail.message);
  }
}

function fail(code: string, message: string, node: Expr): never {
  throw new TypeFailure({ code, message, position: node.pos });
}

/** Distinct variable names a formula reads, in order of first use. */
export function namesOf(expr: Expr): string[] {
  const out: string[] = [];
  const walk = (e: Expr): void => {
    switch (e.t) {
      case 'name':
        if (!out.includes(e.name)) out.push(e.name);
        return;
      case 'num':
        return;
      case 'list':
        e.items.forEach(walk);
        return;
      case 'neg':
      case 'not':
        walk(e.arg);
        return;
      case 'bin':
      case 'in':
        walk(e.left);
        walk(e.right);
        return;
      case 'rel':
      case 'call':
        e.args.forEach(walk);
        return;
      case 'if':
        walk(e.cond);
        walk(e.then);
        walk(e.else);
        return;
    }
  };
  walk(expr);
  return out;
}

/**
 * Checks every name against the scope (all problems, one per name) and then the types (first problem).
 * Static types replace filtrex's run-time coercion errors: `if study_registered then …` is refused here,
 * with a hint, instead of returning an error value for every subject.
 */
export function checkFormula(expr: Expr, inScope: (name: string) => boolean): { type: ExprType } | { errors: LexError[] } {
  const errors: LexError[] = [];
  const seen = new Set<string>();
  const walkNames = (e: Expr): void => {
    if (e.t === 'name' && !seen.has(e.name)) {
      seen.add(e.name);
      if (isForbiddenName(e.name)) {
        errors.push({ code: 'FORBIDDEN_NAME', message: `Không được dùng tên "${e.name}" trong công thức.`, position: e.pos });
      } else if (!inScope(e.name)) {
        errors.push({ code: 'UNKNOWN_NAME', message: `Không có biến "${e.name}" trong phạm vi của công thức này.`, position: e.pos });
      }
    }
    if (e.t === 'call') {
      const f = Object.prototype.hasOwnProperty.call(FUNCTIONS, e.name) ? FUNCTIONS[e.name] : undefined;
      if (!f) {
        errors.push({ code: 'UNKNOWN_FUNCTION', message: `Không có hàm "${e.name}". Các hàm dùng được: ${Object.keys(FUNCTIONS).join(', ')}.`, position: e.pos });
      } else if (e.args.length < f.min || e.args.length > f.max) {
        const n = f.max === Infinity ? 'ít nhất 1' : String(f.min);
        errors.push({ code: 'WRONG_ARGUMENTS', message: `Hàm "${e.name}" cần ${n} đối số.`, position: e.pos });
      }
    }
    forChildren(e, walkNames);
  };
  walkNames(expr);
  if (errors.length > 0) return { errors };
  try {
    return { type: typeOf(expr) };
  } catch (e) {
    if (e instanceof TypeFailure) return { errors: [e.detail] };
    throw e;
  }
}

function forChildren(e: Expr, f: (x: Expr) => void): void {
  if (e.t === 'list') e.items.forEach(f);
  else if (e.t === 'neg' || e.t === 'not') f(e.arg);
  else if (e.t === 'bin' || e.t === 'in') [e.left, e.right].forEach(f);
  else if (e.t === 'rel' || e.t === 'call') e.args.forEach(f);
  else if (e.t === 'if') [e.cond, e.then, e.else].forEach(f);
}

const COND_HINT = 'một điều kiện đúng/sai (phép so sánh, ví dụ study_registered == 1)';

function expectNumber(e: Expr, what: string): void {
  if (typeOf(e) !== 'number') fail('TYPE_MISMATCH', `${what} cần một số, không phải điều kiện đúng/sai.`, e);
}

function expectBoolean(e: Expr, what: string): void {
  if (typeOf(e) !== 'boolean') fail('TYPE_MISMATCH', `${what} cần ${COND_HINT}.`, e);
}

function typeOf(e: Expr): ExprType {
  switch (e.t) {
    case 'num':
    case 'name':
      return 'number';
    case 'list':
      return fail('TYPE_MISMATCH', 'Danh sách (a, b, …) chỉ dùng sau "in", ví dụ discipline_level in (1, 2).', e);
    case 'neg':
      expectNumber(e.arg, 'Dấu "-"');
      return 'number';
    case 'not':
      expectBoolean(e.arg, '"not"');
      return 'boolean';
    case 'bin':
      if (e.op === 'and' || e.op === 'or') {
        expectBoolean(e.left, `"${e.op}"`);
        expectBoolean(e.right, `"${e.op}"`);
        return 'boolean';
      }
      expectNumber(e.left, `Phép "${e.op}"`);
      expectNumber(e.right, `Phép "${e.op}"`);
      return 'number';
    case 'rel':
      for (let k = 0; k < e.ops.length; k++) {
        const op = e.ops[k];
        if (op === '==' || op === '!=') {
          if (typeOf(e.args[k]) !== typeOf(e.args[k + 1])) {
            fail('TYPE_MISMATCH', `Hai vế của "${op}" phải cùng loại (cùng là số hoặc cùng là điều kiện).`, e.args[k + 1]);
          }
        } else {
          expectNumber(e.args[k], `Phép so sánh "${op}"`);
          expectNumber(e.args[k + 1], `Phép so sánh "${op}"`);
        }
      }
      return 'boolean';
    case 'in':
      expectNumber(e.left, '"in"');
      if (e.right.t === 'list') e.right.items.forEach((x) => expectNumber(x, 'Danh sách sau "in"'));
      else expectNumber(e.right, '"in"');
      return 'boolean';
    case 'if': {
      expectBoolean(e.cond, '"if"');
      const a = typeOf(e.then);
      if (typeOf(e.else) !== a) fail('TYPE_MISMATCH', 'Hai nhánh "then" và "else" phải cùng loại (cùng là số hoặc cùng là điều kiện).', e.else);
      return a;
    }
    case 'call':
      e.args.forEach((x) => expectNumber(x, `Hàm "${e.name}"`));
      return 'number';
  }
}
