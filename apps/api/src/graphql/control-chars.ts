/**
 * Control characters never enter the database: a NUL or an escape sequence in a name breaks exports, reports and
 * terminals long after it was typed. One check at the edge covers every argument of every operation, in variables
 * and in inline literals; line breaks and tabs stay allowed here (long text), and the short-text parsers
 * (graphql/input.ts) refuse them in one-line fields.
 */
import { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@dangbo/shared-types';
import { DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import { Context } from '../context';
import { FORBIDDEN_CONTROL } from '../core/input';


/** The path of the first string with a forbidden character; iterative, so a deeply nested variable cannot overflow the stack. */
function findInValue(root: unknown): string | null {
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (FORBIDDEN_CONTROL.test(value)) return path;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push([value[i], `${path}.${i}`]);
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i -= 1) stack.push([entries[i][1], path ? `${path}.${entries[i][0]}` : entries[i][0]]);
    }
  }
  return null;
}

// Apollo hands every request of the same query text the same parsed document (its document cache), so the
// literals of a document are checked once, not on every request (the members page asks the same query each time).
const checked = new WeakMap<DocumentNode, string | null>();

function findInDocument(document: DocumentNode): string | null {
  const known = checked.get(document);
  if (known !== undefined) return known;
  const found = scanDocument(document);
  checked.set(document, found);
  return found;
}

function scanDocument(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    [Kind.ARGUMENT](node) {
      if (found) return;
      visit(node.value, {
        [Kind.STRING](str) {
          if (!found && FORBIDDEN_CONTROL.test(str.value)) found = node.name.value;
        },
      });
    },
  });
  return found;
}

export function controlCharacterGuard(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const field = findInValue(request.variables ?? {}) ?? findInDocument(document);
          if (field === null) return;
          throw new GraphQLError('Dữ liệu có ký tự điều khiển không hợp lệ; hãy nhập lại văn bản thường', {
            extensions: { code: ErrorCode.BAD_USER_INPUT, field, http: { status: 200 } },
          });
        },
      };
    },
  };
}
