/**
 * Every word a user reads comes from the message files. This parses each .tsx under src with the TypeScript
 * compiler and fails on JSX text, string literals rendered as JSX children, and literal user-facing props
 * (label, title, placeholder, helperText, ...) that are not translation keys present in vi.ts; it also checks
 * that every literal key passed to translate() exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { vi } from './i18n/vi';

const SRC = __dirname;
// `help`: the help line of our section headings (SectionHeading, FormSection, the rules tab's sections).
const TEXT_PROPS = new Set(['label', 'title', 'placeholder', 'helperText', 'help', 'emptyText', 'primaryText', 'aria-label', 'alt', 'tooltip', 'subheader']);
const LETTER = /\p{L}/u;

type Messages = { [key: string]: string | Messages };
function keysOf(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keysOf(v, `${prefix}${k}.`)));
}
const KEYS = new Set(keysOf(vi as unknown as Messages));

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

interface Finding {
  where: string;
  text: string;
}

/** Literal strings an expression can evaluate to (a ? 'x' : 'y', 'x' || y, ...). */
function literals(node: ts.Node): ts.StringLiteralLike[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isParenthesizedExpression(node)) return literals(node.expression);
  if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) {
    return [...literals(node.left), ...literals(node.right)];
  }
  return [];
}

export function scan(fileName: string, source: string): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const at = (node: ts.Node) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    return `${relative(SRC, fileName)}:${line + 1}`;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) {
      findings.push({ where: at(node), text: node.text.trim() });
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const lit of literals(node.expression)) if (LETTER.test(lit.text)) findings.push({ where: at(lit), text: lit.text });
    } else if (ts.isJsxAttribute(node) && TEXT_PROPS.has(node.name.getText(file)) && node.initializer) {
      const candidates = ts.isStringLiteral(node.initializer)
        ? [node.initializer]
        : ts.isJsxExpression(node.initializer) && node.initializer.expression
          ? literals(node.initializer.expression)
          : [];
      for (const lit of candidates) {
        if (LETTER.test(lit.text) && !KEYS.has(lit.text)) findings.push({ where: at(lit), text: `${node.name.getText(file)}="${lit.text}"` });
      }
    } else if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'translate' &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0]) &&
      !KEYS.has(node.arguments[0].text)
    ) {
      findings.push({ where: at(node), text: `translate('${node.arguments[0].text}') is not in vi.ts` });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

describe('no user-facing text is hard-coded in a component', () => {
  const files = tsxFiles(SRC);

  it('finds the components', () => {
    expect(files.length).toBeGreaterThan(15);
  });

  it.each(files.map((f) => [relative(SRC, f), f]))('%s', (_name, path) => {
    expect(scan(path, readFileSync(path, 'utf8'))).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    const bad = `
      const A = () => <p>Xin chào</p>;
      const B = () => <TextInput source="x" label="Họ và tên" />;
      const C = () => <Button title={ok ? 'Lưu' : 'app.title'} />;
      const D = () => <span>{'Danh sách'}</span>;
      const E = () => { const translate = useTranslate(); return <b>{translate('app.no_such_key')}</b>; };
      const F = () => <TextInput source="x" label="app.not.a.key" />;
      const G = () => <FormSection title="app.record.general" help="app.not.a.help" />;`;
    expect(scan(join(SRC, 'bad.tsx'), bad).map((f) => f.text)).toEqual([
      'Xin chào',
      'label="Họ và tên"',
      'title="Lưu"',
      'Danh sách',
      "translate('app.no_such_key') is not in vi.ts",
      'label="app.not.a.key"',
      'help="app.not.a.help"',
    ]);
  });

  it('lets translation keys, punctuation and non-text props through', () => {
    const good = `
      const A = () => <TextInput source="fullName" label="app.member.unit_filter" sx={{ p: 1 }} />;
      const B = () => <Title title="app.tree.title" />;
      const C = () => <span>{' · '}</span>;
      const D = () => <Box component="li" role="treeitem" />;`;
    expect(scan(join(SRC, 'good.tsx'), good)).toEqual([]);
  });
});
