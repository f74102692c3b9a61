/**
 * The stock react-admin GraphQL client, as an outside user would set it up: `ra-data-graphql-simple` with
 * `@apollo/client` 3 and nothing custom but the endpoint and the bearer token. It introspects the schema itself, so
 * a test through it proves the schema follows the provider's conventions, not only that our own panel copes.
 */
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import type { DataProvider } from 'ra-core';
import { leakIn, type TestApi } from './harness';

export interface StockProviderOptions {
  /** Send `updateXs(ids, data)` / `deleteXs(ids)` instead of one request per id. */
  bulkActionsEnabled?: boolean;
}

/** The plain fetch, reading each answer on the side: no error answer may show the server's insides (harness.ts). */
async function watchedFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const res = await fetch(input, init);
  const text = await res.clone().text();
  let errors: unknown = null;
  try {
    errors = (JSON.parse(text) as { errors?: unknown }).errors;
  } catch {
    errors = text;
  }
  const leak = leakIn(errors);
  if (leak) throw new Error(`an error answer shows ${leak}: ${text.slice(0, 500)}`);
  return res;
}

/** An Apollo Client to the test API's /graphql; `token` '' sends no Authorization header. */
export function stockApolloClient(api: Pick<TestApi, 'url'>, token: string): ApolloClient<unknown> {
  return new ApolloClient({
    link: new HttpLink({ uri: `${api.url}/graphql`, headers: token ? { authorization: `Bearer ${token}` } : {}, fetch: watchedFetch }),
    cache: new InMemoryCache(),
  });
}

/**
 * The stock data provider signed in with `token`. Each call builds a new client (and a new introspection), so
 * tests never share a cache. Resource names are the GraphQL type names (`Member`, `OrgUnit`, …).
 */
export function stockProvider(api: Pick<TestApi, 'url'>, token: string, options: StockProviderOptions = {}): DataProvider & { client: ApolloClient<unknown> } {
  const client = stockApolloClient(api, token);
  const provider = buildGraphQLProvider({ client, bulkActionsEnabled: options.bulkActionsEnabled ?? false });
  return Object.assign(provider, { client });
}

/** What a stock-provider call rejected with: react-admin's HttpError (status, body = ApolloError) or a raw ApolloError. */
export interface StockFailure {
  message: string;
  /** HttpError status: the HTTP status for a network error, 200 for GraphQL errors. */
  status?: number;
  /** errors[0].extensions.code, wherever the client put it. */
  code?: string;
  field?: string;
}

/** The refusal of a stock-provider call that must fail (throws if it succeeded). */
export async function stockFailure(call: Promise<unknown>): Promise<StockFailure> {
  let result: unknown;
  try {
    result = await call;
  } catch (error) {
    return describeFailure(error);
  }
  throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
}

export function describeFailure(error: unknown): StockFailure {
  const e = error as Record<string, any>;
  // HttpError keeps the ApolloError as its body; the introspection step rejects with the ApolloError itself.
  const apollo = e?.body?.graphQLErrors || e?.body?.networkError ? e.body : e;
  const gqlError = apollo?.graphQLErrors?.[0] ?? apollo?.networkError?.result?.errors?.[0];
  return {
    message: String(e?.message ?? e),
    status: typeof e?.status === 'number' ? e.status : apollo?.networkError?.statusCode,
    code: gqlError?.extensions?.code,
    field: gqlError?.extensions?.field,
  };
}
