/**
 * Login against the API: `login(username, password)` returns a bearer token that every GraphQL request then
 * carries (dataProvider's headers). The token, the caller's roles and capabilities (`me`, `myAccess`) are kept in
 * localStorage until they expire or the API answers UNAUTHENTICATED. `canAccess` uses the capability map shared
 * with the API (@dangbo/shared-types), so the panel hides what the server would refuse; the server still decides.
 */
import { canAccessResource, Capability, Role } from '@dangbo/shared-types';
import type { AuthProvider } from 'react-admin';
import { graphqlRequest } from './graphqlRequest';

const STORAGE_KEY = 'dangbo.session';

export interface Session {
  token: string;
  expiresAt: string;
  user: { id: string; username: string; displayName: string; roles?: { role: Role; unitId: string }[] };
  capabilities: Capability[];
  /** API tokens are read-only; a person's session never is, but the panel honours the flag all the same. */
  readOnly?: boolean;
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

/** Whether the signed-in user is a system administrator (the only one who may grant that role). */
export function isSystemAdmin(session: Session | null = readSession()): boolean {
  return !!session?.user.roles?.some((g) => g.role === Role.SYSTEM_ADMIN);
}

const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { token expiresAt user { id username displayName } }
}`;
const MY_ACCESS = `query MyAccess { me { roles { role unitId } } myAccess { capabilities readOnly } }`;
const CHANGE_OWN_PASSWORD = `mutation ChangeOwnPassword($oldPassword: String!, $newPassword: String!) {
  changeOwnPassword(oldPassword: $oldPassword, newPassword: $newPassword)
}`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { login } = await graphqlRequest<{ login: Omit<Session, 'capabilities'> }>(LOGIN, { username, password });
    const { me, myAccess } = await graphqlRequest<{ me?: { roles: Session['user']['roles'] } | null; myAccess: { capabilities: Capability[]; readOnly?: boolean } }>(
      MY_ACCESS,
      {},
      bearer(login.token),
    );
    const session: Session = {
      ...login,
      user: { ...login.user, roles: me?.roles ?? [] },
      capabilities: myAccess.capabilities,
      readOnly: myAccess.readOnly ?? false,
    };
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
    // 403, 503 (the database is down: the outage banner) and the rest: stay logged in, react-admin shows the message.
  },
  async getIdentity() {
    const session = readSession();
    if (!session) throw new Error('ra.auth.auth_check_error');
    return { id: session.user.id, fullName: session.user.displayName, username: session.user.username };
  },
  async getPermissions() {
    return readSession()?.capabilities ?? [];
  },
  async canAccess({ resource, action }: { resource?: string; action: string }) {
    if (!resource) return true;
    const session = readSession();
    if (session?.readOnly && !['list', 'show', 'export', 'read'].includes(action)) return false;
    return canAccessResource(new Set(session?.capabilities ?? []), resource, action);
  },
};

/** What became of the session after a password change. */
export type PasswordChangeOutcome = 'signed_in_again' | 'login_needed';

/**
 * Changes the signed-in user's password. The server then refuses every token issued before the change, this
 * session's included, so the panel logs in again with the new password; should that fail, the session is dropped
 * and the caller sends the user to the login page. A refusal (wrong current password, too short) is thrown as an
 * HttpError whose `body.errors` names the input.
 */
export async function changeOwnPassword(oldPassword: string, newPassword: string): Promise<PasswordChangeOutcome> {
  const session = readSession();
  if (!session) throw new Error('ra.auth.auth_check_error');
  await graphqlRequest<{ changeOwnPassword: boolean }>(CHANGE_OWN_PASSWORD, { oldPassword, newPassword }, bearer(session.token));
  try {
    await authProvider.login({ username: session.user.username, password: newPassword });
    return 'signed_in_again';
  } catch {
    localStorage.removeItem(STORAGE_KEY);
    return 'login_needed';
  }
}
