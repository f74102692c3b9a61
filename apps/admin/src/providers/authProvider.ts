/**
 * Login against the API: `login(username, password)` returns a bearer token that every GraphQL request then
 * carries (dataProvider's headers). The token and the caller's capabilities (`myAccess`) are kept in
 * localStorage until they expire or the API answers UNAUTHENTICATED. `canAccess` uses the capability map shared
 * with the API (@dangbo/shared-types), so the panel hides what the server would refuse; the server still decides.
 */
import { canAccessResource, Capability } from '@dangbo/shared-types';
import type { AuthProvider } from 'react-admin';
import { GRAPHQL_URL } from '../config';

const STORAGE_KEY = 'dangbo.session';

export interface Session {
  token: string;
  expiresAt: string;
  user: { id: string; username: string; displayName: string };
  capabilities: Capability[];
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export function readSession(storage: Storage = localStorage): Session | null {
  try {
    const session = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    if (!session?.token || !(Date.parse(session.expiresAt) > Date.now())) return null;
    return session;
  } catch {
    return null;
  }
}

/** The headers the data provider adds to each request. */
export function authHeaders(): Record<string, string> {
  const session = readSession();
  return session ? { authorization: `Bearer ${session.token}` } : {};
}

async function graphql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
  if (body.errors?.length) throw new Error(body.errors[0].message);
  if (!response.ok || !body.data) throw new Error('ra.notification.http_error');
  return body.data;
}

const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { token expiresAt user { id username displayName } }
}`;
const MY_ACCESS = `query MyAccess { myAccess { capabilities } }`;

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { login } = await graphql<{ login: Omit<Session, 'capabilities'> }>(LOGIN, { username, password });
    const { myAccess } = await graphql<{ myAccess: { capabilities: Capability[] } }>(MY_ACCESS, {}, login.token);
    const session: Session = { ...login, capabilities: myAccess.capabilities };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  },
  async logout() {
    localStorage.removeItem(STORAGE_KEY);
  },
  async checkAuth() {
    if (!readSession()) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      localStorage.removeItem(STORAGE_KEY);
      throw new Error('ra.notification.logged_out');
    }
    // 403 and the rest: stay logged in, react-admin shows the message.
  },
  async getIdentity() {
    const session = readSession();
    if (!session) throw new Error('ra.auth.auth_check_error');
    return { id: session.user.id, fullName: session.user.displayName };
  },
  async getPermissions() {
    return readSession()?.capabilities ?? [];
  },
  async canAccess({ resource, action }: { resource?: string; action: string }) {
    if (!resource) return true;
    return canAccessResource(new Set(readSession()?.capabilities ?? []), resource, action);
  },
};
