/**
 * Queries asked again and again run compiled by graphql-jit: such a query is turned once into a function that walks
 * exactly its fields, instead of graphql-js building an info object and an argument map for every field of every row
 * (the largest per-request cost left on the members page, BENCHMARKS.md). Compiling costs tens of milliseconds for a
 * large query, so a query is compiled on its third run, not its first: a form or a report asked once answers as fast
 * as before (the panel's first visit to each screen), a list paged through is compiled. Mutations keep graphql-js,
 * whose serial execution every write path has been tested with.
 *
 * Apollo Server 5 has no executor option; its gateway interface is the documented way to hand it one. This
 * "gateway" serves our own schema, once, and never changes it.
 */
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { DocumentNode, execute, GraphQLError, GraphQLSchema, printSchema } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/** Runs of a query (by its text and operation) through graphql-js before it is compiled. */
export const RUNS_BEFORE_COMPILING = 2;

/** Per parsed document and operation: its runs so far, then its compiled form (null: jit could not compile it).
 * Apollo keeps one document per query text (its document store, bounded), so this lives as long as the document
 * does and never grows past it. */
const queries = new WeakMap<DocumentNode, Map<string, { runs: number; compiled?: CompiledQuery | null }>>();

function compiledFor(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): CompiledQuery | null {
  let byName = queries.get(document);
  if (!byName) queries.set(document, (byName = new Map()));
  const key = operationName ?? '';
  let query = byName.get(key);
  if (!query) byName.set(key, (query = { runs: 0 }));
  if (query.compiled !== undefined) return query.compiled;
  query.runs += 1;
  if (query.runs <= RUNS_BEFORE_COMPILING) return null;
  // Apollo has validated the document already; a query jit cannot compile stays with graphql-js.
  const result = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
  query.compiled = isCompiledQuery(result) ? result : null;
  return query.compiled;
}

/** jit's errors are its own class (a graphql-js GraphQLError by prototype only, with read-only fields that Apollo's
 * plugins rewrite); Apollo and format-error.ts need real graphql-js errors carrying the resolver's error as
 * originalError (an AppError keeps its code and Vietnamese message). */
function asGraphQLError(error: Pick<GraphQLError, 'message' | 'path' | 'originalError' | 'extensions' | 'locations'>): GraphQLError {
  const { message, path, originalError, extensions, locations } = error;
  const converted = new GraphQLError(message, { path, originalError: originalError ?? undefined, extensions });
  // graphql-js derives locations from AST nodes, which jit does not keep on its errors; its computed ones are kept.
  Object.defineProperty(converted, 'locations', { value: locations, enumerable: Boolean(locations?.length) });
  return converted;
}

export function compiledExecutor(schema: GraphQLSchema): Gateway {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async load() {
      return {
        async executor({ document, operation, context, request }) {
          // The operation name as the client sent it: when it names no operation of the document, Apollo resolved
          // none, and graphql-js answers with its own error (which Apollo expects there).
          const operationName = request.operationName ?? null;
          const query = operation?.operation === 'query' ? compiledFor(schema, document, operationName) : null;
          const run = () => execute({ schema, document, operationName, contextValue: context, variableValues: request.variables });
          if (!query) return run();
          const result = await query.query(undefined, context, request.variables);
          // No data at all: the variables were refused before any resolver ran. graphql-js answers those, so that
          // the client gets the same coercion errors (and Apollo the same BAD_USER_INPUT) on every path.
          if (result.data === undefined) return run();
          return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
        },
      };
    },
    async stop() {
      // Nothing to release: the schema is ours and static.
    },
  };
}
