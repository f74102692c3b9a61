import type { Options } from 'filtrex';
import { compileExpression } from 'filtrex';
import type { EngineError } from '../types';
import type { LexError } from './lexer';
import type { Expr } from './parser';
import { parseFormula } from './parser';
import type { ExprType } from './typecheck';
import { checkFormula, namesOf } from './typecheck';

/** Longest formula accepted (stack.md §6): long enough for any rule, short enough to read and to parse fast. */
export const MAX_FORMULA_LENGTH = 500;

/** A formula that passed every check, ready to be emitted. */
export interface AnalysedFormula {
  expr: Expr;
  type: ExprType;
  names: string[];
}

/** filtrex's own `~=` would build a RegExp from user text (ReDoS); even for the syntax check it is replaced. */
const FILTREX_OPTIONS: Options = {
  operators: {
    '==': (a: unknown, b: unknown) => a === b,
    '!=': (a: unknown, b: unknown) => a !== b,
    '~=': (): boolean => {
      throw new Error('~= is disabled');
    },
  },
};

/**
 * Full check of one expression, in this order: presence and length; our tokenizer and parser (positions and
 * Vietnamese hints); filtrex itself, which stays the authority on what is a valid formula; names in scope; types.
 */
export function analyseFormula(
  source: string | undefined,
  inScope: (name: string) => boolean,
  expect?: ExprType,
): { ok: true; formula: AnalysedFormula } | { ok: false; errors: LexError[] } {
  if (source === undefined || source.trim() === '') {
    return { ok: false, errors: [{ code: 'MISSING_FORMULA', message: 'Chưa nhập công thức.', position: 0 }] };
  }
  if (source.length > MAX_FORMULA_LENGTH) {
    return {
      ok: false,
      errors: [{ code: 'FORMULA_TOO_LONG', message: `Công thức dài ${source.length} ký tự, tối đa ${MAX_FORMULA_LENGTH}.`, position: MAX_FORMULA_LENGTH }],
    };
  }
  // Same length, so positions still match; filtrex's error excerpts drop line breaks.
  const src = source.replace(/[\r\n\t]/g, ' ');
  const parsed = parseFormula(src);
  if ('error' in parsed) return { ok: false, errors: [parsed.error] };
  try {
    compileExpression(src, FILTREX_OPTIONS);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ code: 'FORMULA_SYNTAX', message: 'Công thức sai cú pháp.', position: filtrexErrorPosition(message, src) }] };
  }
  const checked = checkFormula(parsed.expr, inScope);
  if ('errors' in checked) return { ok: false, errors: checked.errors };
  if (expect && checked.type !== expect) {
    const message =
      expect === 'number'
        ? 'Công thức phải cho ra một số điểm, không phải điều kiện đúng/sai.'
        : 'Biểu thức phải là một điều kiện đúng/sai (phép so sánh), ví dụ tasks_done_pct == 100.';
    return { ok: false, errors: [{ code: 'TYPE_MISMATCH', message, position: 0 }] };
  }
  return { ok: true, formula: { expr: parsed.expr, type: checked.type, names: namesOf(parsed.expr) } };
}

/**
 * Recovers the offset from a Jison message ("Parse error on line 1:\n<past><upcoming>\n---^"). The past part
 * is cut to its last 20 characters behind "...", so a long formula is searched for the excerpt.
 */
export function filtrexErrorPosition(message: string, src: string): number | undefined {
  const lines = message.split('\n');
  const caret = lines[2]?.indexOf('^') ?? -1;
  if (caret < 0) return undefined;
  const past = lines[1].slice(0, caret);
  let upcoming = lines[1].slice(caret);
  if (upcoming.endsWith('...')) upcoming = upcoming.slice(0, -3);
  if (!past.startsWith('...')) return past.length;
  const tail = past.slice(3);
  for (let k = tail.length; k <= src.length; k++) {
    if (src.startsWith(tail, k - tail.length) && src.startsWith(upcoming, k)) return k;
  }
  return undefined;
}

/**
 * As-you-type check for the criteria editor: returns the first problem of `expression` with its position, or
 * null when it is a valid formula over `names`. `expect` also checks what it yields: `'number'` for points,
 * `'boolean'` for gates and downgrades.
 */
export function validateFormula(expression: string, names: readonly string[], expect?: ExprType): EngineError | null {
  const known = new Set(names);
  const result = analyseFormula(expression, (n) => known.has(n), expect);
  if (result.ok) return null;
  const first = result.errors[0];
  const error: EngineError = { path: 'formula', code: first.code, message: first.message };
  if (first.position !== undefined) error.position = first.position;
  return error;
}
