/**
 * A tokenizer that mirrors filtrex 3.1's lexical rules (same rules, same order, first match wins), so that the
 * positions we report point at what filtrex sees. It is stricter than filtrex where filtrex would silently do
 * something surprising: a keyword must be followed by a space (filtrex's `and[^\w]` swallows the next character,
 * so `x and(y)` loses its parenthesis), and constructs we do not allow (`~=`, `of`, dotted names, strings, quoted
 * names, the deprecated `?:` and `%`) are reported with a Vietnamese hint.
 */

export type TokenType = 'num' | 'name' | 'op' | 'kw' | 'eof';

export interface Token {
  type: TokenType;
  /** Operator or keyword text (`notIn` for `not in`), the name, or the number's source text. */
  text: string;
  pos: number;
  end: number;
}

export interface LexError {
  code: string;
  message: string;
  /** 0-based offset; absent only when filtrex rejected a formula at a place we could not recover. */
  position?: number;
}

const OPERATORS = ['==', '!=', '~=', '>=', '<=', '*', '/', '-', '+', '^', '(', ')', ',', '<', '>'];
const KEYWORDS = ['and', 'or', 'not', 'in', 'of', 'if', 'then', 'else', 'mod'];
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?![0-9.])/y;
const SYMBOL = /[a-zA-Z$_][.a-zA-Z0-9$_]*/y;
const NOT_IN = /not\s+in(?=[^\w])/y;
const WORD_CHAR = /\w/;

function fail(code: string, message: string, position: number): { error: LexError } {
  return { error: { code, message, position } };
}

/** Splits an expression into tokens, or returns the first lexical problem. */
export function tokenize(src: string): { tokens: Token[] } | { error: LexError } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op === '~=') {
      return fail('FORBIDDEN_OPERATOR', 'Không dùng phép so khớp biểu thức chính quy "~=" trong công thức.', i);
    }
    if (op) {
      tokens.push({ type: 'op', text: op, pos: i, end: i + op.length });
      i += op.length;
      continue;
    }
    NOT_IN.lastIndex = i;
    const notIn = NOT_IN.exec(src);
    if (notIn) {
      if (!/\s/.test(src[i + notIn[0].length])) {
        return fail('FORMULA_SYNTAX', 'Cần có dấu cách sau từ khóa "in".', i + notIn[0].length);
      }
      tokens.push({ type: 'kw', text: 'notIn', pos: i, end: i + notIn[0].length });
      i += notIn[0].length;
      continue;
    }
    const kw = KEYWORDS.find((k) => src.startsWith(k, i) && i + k.length < src.length && !WORD_CHAR.test(src[i + k.length]));
    if (kw) {
      const next = src[i + kw.length];
      if (kw === 'of') {
        return fail('PROPERTY_ACCESS', 'Không được truy cập thuộc tính ("of") trong công thức; hãy dùng trực tiếp tên biến.', i);
      }
      if (!/\s/.test(next)) {
        return fail('FORMULA_SYNTAX', `Cần có dấu cách sau từ khóa "${kw}".`, i + kw.length);
      }
      tokens.push({ type: 'kw', text: kw, pos: i, end: i + kw.length });
      i += kw.length;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(src);
    if (num) {
      tokens.push({ type: 'num', text: num[0], pos: i, end: i + num[0].length });
      i += num[0].length;
      continue;
    }
    if (/[0-9]/.test(ch)) {
      return fail('FORMULA_SYNTAX', 'Số không hợp lệ; số thập phân viết bằng dấu chấm, ví dụ 7.5.', i);
    }
    SYMBOL.lastIndex = i;
    const sym = SYMBOL.exec(src);
    if (sym) {
      const name = sym[0];
      const dot = name.indexOf('.');
      if (dot >= 0) {
        return fail('PROPERTY_ACCESS', `Không được truy cập thuộc tính ("${name}"); tên biến không chứa dấu chấm.`, i + dot);
      }
      if (i + name.length < src.length && /[^\u0020-\u007E]/.test(src[i + name.length])) {
        return fail('FORMULA_SYNTAX', 'Tên biến chỉ gồm chữ cái không dấu, chữ số và "_" (ví dụ attendance_rate).', i);
      }
      tokens.push({ type: 'name', text: name, pos: i, end: i + name.length });
      i += name.length;
      continue;
    }
    return fail('FORMULA_SYNTAX', explainCharacter(ch), i);
  }
  tokens.push({ type: 'eof', text: '', pos: src.length, end: src.length });
  return { tokens };
}

function explainCharacter(ch: string): string {
  switch (ch) {
    case "'":
      return 'Tên biến không đặt trong dấu nháy; hãy viết trực tiếp mã (ví dụ attendance_rate).';
    case '"':
      return 'Công thức chỉ tính trên số; không dùng chuỗi ký tự trong dấu nháy kép.';
    case '=':
      return 'Dùng "==" để so sánh bằng.';
    case '!':
      return 'Dùng "not" để phủ định, "!=" để so sánh khác.';
    case '&':
      return 'Dùng "and" thay cho "&".';
    case '|':
      return 'Dùng "or" thay cho "|".';
    case '%':
      return 'Dùng "mod" để lấy phần dư; tỷ lệ phần trăm viết bằng số, ví dụ 50.';
    case '?':
    case ':':
      return 'Dùng "if … then … else …" thay cho "? :".';
    default:
      return /[^\u0020-\u007E]/.test(ch)
        ? 'Tên biến chỉ gồm chữ cái không dấu, chữ số và "_" (ví dụ attendance_rate).'
        : `Ký tự "${ch}" không hợp lệ trong công thức.`;
  }
}
