/**
 * Queries run compiled by graphql-jit: each parsed query is turned once into a function that walks exactly its
 * fields, instead of graphql-js building an info object and an argument map for every field of every row (the
 * largest per-request cost left on the members page, BENCHMARKS.md). Mutations keep graphql-js, whose serial
 * execution every write path has been tested with.
 *
 * Apollo Server 5 has no executor option; its gateway interface is the documented way to hand it one. This
 * "gateway" serves our own schema, once, and never changes it.
 */
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { DocumentNode, execute, GraphQLError, GraphQLSchema, printSchema } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/** Compiled queries by parsed document and operation. Apollo keeps one document per query text (its document
 * store, bounded), so this cache lives as long as the document does and never grows past it. */
const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

function compiledFor(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): CompiledQuery | null {
  let byName = compiled.get(document);
  if (!byName) compiled.set(document, (byName = new Map()));
  const key = operationName ?? '';
  if (!byName.has(key)) {
    // Apollo has validated the document already; a query jit cannot compile runs through graphql-js.
    const result = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
    byName.set(key, isCompiledQuery(result) ? result : null);
  }
  return byName.get(key) ?? null;
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
        async executor({ document, operation, operationName, context, request }) {
          const query = operation.operation === 'query' ? compiledFor(schema, document, operationName) : null;
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
