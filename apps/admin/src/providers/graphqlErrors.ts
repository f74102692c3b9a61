/**
 * Turns the API's GraphQL errors into react-admin errors.
 *
 * The API answers a refused mutation with `extensions.code` and, for bad input, `extensions.field` naming the
 * argument (= the form input's source). react-admin shows `body.errors` of a rejected save next to the inputs
 * (pessimistic saves only) and `root.serverError` as a notification, so a server rule appears where the clerk
 * typed the value, in the server's words. A request the server refuses to run (HTTP 400: GraphQL validation, the
 * API's depth and cost limits) carries its message the same way (graphqlLink.ts), and is shown as the server wrote it.
 */
import { ErrorCode } from '@dangbo/shared-types';
import { HttpError } from 'react-admin';

export interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

const STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.QUOTA_EXCEEDED]: 422,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  // The database is down (the banner of layout/ConnectionBanner.tsx; authProvider.checkError keeps the session).
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  // Apollo Server's own codes for a request it refuses to run (answered with HTTP 400).
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
};

type ErrorList = GraphQLErrorLike[] | undefined;

/**
 * The GraphQL errors carried by what ra-data-graphql threw (an HttpError whose body is Apollo's error), by a
 * response body (`{ errors }`), or by an HTTP error answer: Apollo's ServerError keeps the body in `result`,
 * alone or as an ApolloError's `networkError`.
 */
export function graphQLErrorsOf(error: unknown): GraphQLErrorLike[] {
  const body = (error as { body?: unknown } | null)?.body ?? error;
  const apollo = body as { graphQLErrors?: ErrorList; errors?: ErrorList; result?: { errors?: ErrorList }; networkError?: { result?: { errors?: ErrorList } } } | null;
  const candidates = [apollo?.graphQLErrors, apollo?.errors, apollo?.networkError?.result?.errors, apollo?.result?.errors];
  for (const list of candidates) {
    const errors = Array.isArray(list) ? list.filter((e) => typeof e?.message === 'string') : [];
    if (errors.length) return errors;
  }
  return [];
}

/** Field errors in the shape react-admin's forms read, plus the first message as the form-level error. */
export function formErrorsOf(errors: GraphQLErrorLike[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of errors) {
    const field = e.extensions?.field;
    // A duplicate (CONFLICT on a unique field) belongs next to its field as much as a bad value does; a stale
    // version concerns the whole form.
    const fieldError = e.extensions?.code === ErrorCode.BAD_USER_INPUT || (e.extensions?.code === ErrorCode.CONFLICT && field !== 'version');
    if (fieldError && field && !field.includes('.') && !(field in out)) {
      out[field] = e.message;
    }
  }
  if (errors.length) out.root = { serverError: errors[0].message };
  return out;
}

/**
 * Maps an error of the GraphQL provider to an HttpError react-admin understands. Network failures keep their HTTP
 * status (a later authProvider's checkError reads 401/403) but get a translated message.
 */
export function toReactAdminError(error: unknown, { forForm }: { forForm: boolean }): unknown {
  const errors = graphQLErrorsOf(error);
  if (!errors.length) {
    // ra-data-graphql throws an HttpError without a body for network failures (no status when offline).
    if (error instanceof HttpError && error.status !== 200) return new HttpError('ra.notification.http_error', error.status ?? 0);
    return error;
  }
  const first = errors[0];
  const code = first.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
  const body = { code, field: first.extensions?.field, ...(forForm ? { errors: formErrorsOf(errors) } : {}) };
  return new HttpError(first.message, STATUS[code] ?? httpStatusOf(error) ?? 500, body);
}

/** The HTTP status of an error answer (ServerError's `statusCode`, possibly as an ApolloError's network error). */
function httpStatusOf(error: unknown): number | undefined {
  const body = ((error as { body?: unknown } | null)?.body ?? error) as { statusCode?: unknown; networkError?: { statusCode?: unknown } } | null;
  const status = body?.statusCode ?? body?.networkError?.statusCode;
  return typeof status === 'number' && status >= 400 ? status : undefined;
}
