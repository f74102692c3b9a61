/**
 * The HTTP end of the data provider's Apollo client, in place of Apollo's HttpLink.
 *
 * The API answers a request it refuses to run at all (GraphQL validation, e.g. the depth, alias, token and cost
 * limits of apps/api/src/graphql/hardening.ts; a variable of the wrong type) with HTTP 400 and its message in
 * `errors`. Apollo's HttpLink rejects every non-2xx answer as a ServerError (the errors only in `result.errors`),
 * and ra-data-graphql keeps of a network error just its message ("Response not successful: Received status code
 * 400") and status, so the user read "Lỗi kết nối tới máy chủ". This link hands an answer that carries GraphQL
 * `errors` or `data` on as the GraphQL result it is, whatever its status: Apollo then rejects with `graphQLErrors`
 * and graphqlErrors.ts shows the server's own message. Anything else (offline, a proxy's HTML page) stays a
 * network error with its status, shaped like Apollo's ServerError.
 *
 * It relies only on what Apollo Client asks of a terminating link: `request(operation)` returning something with
 * `subscribe(observer)` → `{ unsubscribe }`. (The panel may not import `@apollo/*` itself; see eslint.config.mjs.)
 */
import { print, type DocumentNode } from 'graphql';

/** What Apollo hands a link (createOperation). */
export interface LinkOperation {
  query: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string | null;
  getContext(): { headers?: Record<string, string>; fetchOptions?: { signal?: AbortSignal | null } };
}

export interface LinkObserver {
  next?: (result: unknown) => void;
  error?: (error: unknown) => void;
  complete?: () => void;
}

export interface Subscription {
  unsubscribe(): void;
  readonly closed: boolean;
}

/** A non-GraphQL answer, shaped like Apollo's ServerError (ra-data-graphql reads `message` and `statusCode`). */
export class ServerError extends Error {
  constructor(
    readonly statusCode: number,
    readonly result: unknown,
  ) {
    super(`Response not successful: Received status code ${statusCode}`);
    this.name = 'ServerError';
  }
}

/** A GraphQL response body: an object with `data` or a list of `errors`. */
function isGraphQLResult(body: unknown): body is { data?: unknown; errors?: unknown[] } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const b = body as { data?: unknown; errors?: unknown };
  return Array.isArray(b.errors) ? b.errors.length > 0 : b.data !== undefined && b.data !== null;
}

export function graphqlLink(uri: string, doFetch: () => typeof fetch = () => fetch) {
  return {
    request(operation: LinkOperation) {
      return {
        subscribe(observer: LinkObserver): Subscription {
          const controller = new AbortController();
          const outer = operation.getContext().fetchOptions?.signal;
          const onAbort = () => controller.abort();
          outer?.addEventListener('abort', onAbort);
          let closed = false;
          const done = () => {
            closed = true;
            outer?.removeEventListener('abort', onAbort);
          };
          const run = async () => {
            const response = await doFetch()(uri, {
              method: 'POST',
              headers: { accept: 'application/graphql-response+json, application/json;q=0.9', 'content-type': 'application/json', ...operation.getContext().headers },
              body: JSON.stringify({ operationName: operation.operationName ?? undefined, variables: operation.variables ?? {}, query: print(operation.query) }),
              signal: controller.signal,
            });
            const text = await response.text();
            let body: unknown = text;
            try {
              body = JSON.parse(text);
            } catch {
              // not JSON: kept as text in the ServerError
            }
            if (isGraphQLResult(body)) return body;
            throw new ServerError(response.status, body);
          };
          run().then(
            (result) => {
              if (closed) return;
              done();
              observer.next?.(result);
              observer.complete?.();
            },
            (error: unknown) => {
              if (closed) return;
              done();
              observer.error?.(error);
            },
          );
          return {
            unsubscribe() {
              if (closed) return;
              done();
              controller.abort();
            },
            get closed() {
              return closed;
            },
          };
        },
      };
    },
  };
}
