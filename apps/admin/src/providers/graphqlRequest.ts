/**
 * One GraphQL call outside the ra-data-graphql-simple grammar (login, changing one's password, revoking a token):
 * a plain POST with the session's bearer token. A refusal becomes the same react-admin HttpError the data provider
 * throws (graphqlErrors.ts), so a form shows a BAD_USER_INPUT message on the input its `extensions.field` names.
 */
import { HttpError } from 'react-admin';
import { GRAPHQL_URL } from '../config';
import { reportingConnection } from './connectionStatus';
import { toReactAdminError, type GraphQLErrorLike } from './graphqlErrors';

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorLike[];
}

export function graphqlRequest<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<T> {
  return reportingConnection(() => send<T>(query, variables, headers));
}

async function send<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new HttpError('ra.notification.http_error', 0);
  }
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
  if (body.errors?.length) throw toReactAdminError({ errors: body.errors }, { forForm: true });
  if (!response.ok || !body.data) throw new HttpError('ra.notification.http_error', response.status);
  return body.data;
}
