import type { LexError, Token } from './lexer';
import { tokenize } from './lexer';

/** Comparison operators; a run of them is a chained relation, as in filtrex (`0 <= x < 10`). */
export type RelOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type BinOp = '+' | '-' | '*' | '/' | '^' | 'mod' | 'and' | 'or';

interface Span {
  pos: number;
  end: number;
}

/** Syntax tree of a formula; `pos`/`end` are character offsets in the source. */
export type Expr =
  | (Span & { t: 'num'; value: number })
  | (Span & { t: 'name'; name: string })
  | (Span & { t: 'list'; items: Expr[] })
  | (Span & { t: 'neg' | 'not'; arg: Expr })
  | (Span & { t: 'bin'; op: BinOp; left: Expr; right: Expr })
  | (Span & { t: 'rel'; ops: RelOp[]; args: Expr[] })
  | (Span & { t: 'in'; negated: boolean; left: Expr; right: Expr })
  | (Span & { t: 'if'; cond: Expr; then: Expr; else: Expr })
  | (Span & { t: 'call'; name: string; args: Expr[] });

const REL_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);

class ParseError extends Error {
  constructor(
    readonly detail: LexError,
  ) {
    super(detail.message);
  }
}

/**
 * Recursive-descent parser for the filtrex grammar, with filtrex's precedences (lowest first): `if…then…else`,
 * `or`, `and`, `in`/`not in`, comparisons (chained), `+ -`, `* / mod`, unary `-` and `not`, `^` (right
 * associative). Note that `not` binds tighter than comparisons, exactly as in filtrex: `not a == 1` is
 * `(not a) == 1`, which the type check then rejects.
 */
export function parseFormula(src: string): { expr: Expr } | { error: LexError } {
  const lexed = tokenize(src);
  if ('error' in lexed) return lexed;
  const p = new Parser(src, lexed.tokens);
  try {
    const expr = p.expression();
    p.expectEnd();
    return { expr };
  } catch (e) {
    if (e instanceof ParseError) return { error: e.detail };
    throw e;
  }
}

class Parser {
  private i = 0;

  constructor(
    private readonly src: string,
    private readonly tokens: Token[],
  ) {}

  private get tok(): Token {
    return this.tokens[this.i];
  }

  private is(type: Token['type'], text?: string): boolean {
    return this.tok.type === type && (text === undefined || this.tok.text === text);
  }

  private fail(message: string, position = this.tok.pos): never {
    throw new ParseError({ code: 'FORMULA_SYNTAX', message, position });
  }

  expectEnd(): void {
    if (this.is('eof')) return;
    const t = this.tok;
    const prev = this.tokens[this.i - 1];
    const next = this.tokens[this.i + 1];
    if (t.text === ',' && prev?.type === 'num' && prev.end === t.pos && next?.type === 'num' && next.pos === t.end) {
      this.fail(`Số thập phân viết bằng dấu chấm (${prev.text}.${next.text}), không dùng dấu phẩy.`);
    }
    if (t.text === ')') this.fail('Thừa dấu ")".');
    this.fail(`Không mong đợi "${this.show(t)}" ở đây; có thể thiếu phép toán (+, -, *, /, and, or…).`);
  }

  expression(): Expr {
    return this.binary(0);
  }

  /** Levels 0..4 are or, and, in, (comparisons handled apart), additive, multiplicative. */
  private binary(level: number): Expr {
    if (level === 3) return this.relation();
    if (level === 6) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.tok;
      let op: BinOp | 'in' | 'notIn' | undefined;
      if (level === 0 && this.is('kw', 'or')) op = 'or';
      else if (level === 1 && this.is('kw', 'and')) op = 'and';
      else if (level === 2 && (this.is('kw', 'in') || this.is('kw', 'notIn'))) op = t.text as 'in' | 'notIn';
      else if (level === 4 && (this.is('op', '+') || this.is('op', '-'))) op = t.text as BinOp;
      else if (level === 5 && (this.is('op', '*') || this.is('op', '/') || this.is('kw', 'mod'))) op = t.text as BinOp;
      if (!op) return left;
      this.i++;
      const right = this.binary(level + 1);
      left =
        op === 'in' || op === 'notIn'
          ? { t: 'in', negated: op === 'notIn', left, right, pos: left.pos, end: right.end }
          : { t: 'bin', op, left, right, pos: left.pos, end: right.end };
    }
  }

  private relation(): Expr {
    const first = this.binary(4);
    const args = [first];
    const ops: RelOp[] = [];
    while (this.tok.type === 'op' && REL_OPS.has(this.tok.text)) {
      ops.push(this.tok.text as RelOp);
      this.i++;
      args.push(this.binary(4));
    }
    if (ops.length === 0) return first;
    return { t: 'rel', ops, args, pos: first.pos, end: args[args.length - 1].end };
  }

  private unary(): Expr {
    const t = this.tok;
    if (this.is('op', '-') || this.is('kw', 'not')) {
      this.i++;
      const arg = this.unary();
      return { t: t.text === '-' ? 'neg' : 'not', arg, pos: t.pos, end: arg.end };
    }
    const base = this.primary();
    if (this.is('op', '^')) {
      this.i++;
      const right = this.unary();
      return { t: 'bin', op: '^', left: base, right, pos: base.pos, end: right.end };
    }
    return base;
  }

  private primary(): Expr {
    const t = this.tok;
    if (t.type === 'num') {
      this.i++;
      const value = Number(t.text);
      if (!Number.isFinite(value)) this.fail('Số quá lớn.', t.pos);
      return { t: 'num', value, pos: t.pos, end: t.end };
    }
    if (t.type === 'name') {
      this.i++;
      if (!this.is('op', '(')) return { t: 'name', name: t.text, pos: t.pos, end: t.end };
      this.i++;
      const args = this.is('op', ')') ? [] : this.commaList();
      const end = this.close();
      return { t: 'call', name: t.text, args, pos: t.pos, end };
    }
    if (this.is('op', '(')) {
      this.i++;
      const items = this.commaList();
      const end = this.close();
      return items.length === 1 ? items[0] : { t: 'list', items, pos: t.pos, end };
    }
    if (this.is('kw', 'if')) {
      this.i++;
      const cond = this.expression();
      this.keyword('then');
      const then = this.expression();
      this.keyword('else');
      const otherwise = this.expression();
      return { t: 'if', cond, then, else: otherwise, pos: t.pos, end: otherwise.end };
    }
    if (t.type === 'eof') this.fail('Công thức chưa trọn: còn thiếu một giá trị ở cuối.');
    if (t.text === ')') this.fail('Thiếu giá trị trước dấu ")".');
    this.fail(`Cần một số, một tên biến hoặc "(" nhưng gặp "${this.show(t)}".`);
  }

  private commaList(): Expr[] {
    const items = [this.expression()];
    while (this.is('op', ',')) {
      this.i++;
      items.push(this.expression());
    }
    return items;
  }

  private close(): number {
    if (!this.is('op', ')')) this.fail('Thiếu dấu ")".');
    return this.tokens[this.i++].end;
  }

  private keyword(kw: string): void {
    if (!this.is('kw', kw)) this.fail(`Thiếu "${kw}" trong "if … then … else …".`);
    this.i++;
  }

  private show(t: Token): string {
    return t.type === 'eof' ? 'hết công thức' : this.src.slice(t.pos, t.end);
  }
}
