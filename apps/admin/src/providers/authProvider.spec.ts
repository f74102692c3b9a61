jest.mock('../config', () => ({ GRAPHQL_URL: 'http://api.test/graphql' }));

import { Capability } from '@dangbo/shared-types';
import { authHeaders, authProvider, changeOwnPassword, isSystemAdmin, readSession, type Session } from './authProvider';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const session = (overrides: Partial<Session> = {}): Session => ({
  token: 't0ken',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id: '7', username: 'xa.mythanh', displayName: 'Văn phòng Đảng ủy xã' },
  capabilities: [Capability.READ, Capability.MANAGE_MEMBERS],
  ...overrides,
});

describe('the session kept by the authProvider', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  });

  it('sends the bearer token while the session lasts, and nothing once it has expired', async () => {
    localStorage.setItem('dangbo.session', JSON.stringify(session()));
    expect(authHeaders()).toEqual({ authorization: 'Bearer t0ken' });
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();

    localStorage.setItem('dangbo.session', JSON.stringify(session({ expiresAt: new Date(Date.now() - 1000).toISOString() })));
    expect(readSession()).toBeNull();
    expect(authHeaders()).toEqual({});
    await expect(authProvider.checkAuth({})).rejects.toThrow();
  });

  it('hides what the capabilities do not allow (the map shared with the API)', async () => {
    localStorage.setItem('dangbo.session', JSON.stringify(session()));
    const can = (resource: string, action: string) => authProvider.canAccess?.({ resource, action });
    await expect(can('Member', 'edit')).resolves.toBe(true);
    await expect(can('Member', 'list')).resolves.toBe(true);
    await expect(can('OrgUnit', 'create')).resolves.toBe(false);
    await expect(can('AuditEntry', 'list')).resolves.toBe(false);
  });

  it('logs out on 401 and stays on 403', async () => {
    localStorage.setItem('dangbo.session', JSON.stringify(session()));
    await expect(authProvider.checkError({ status: 403 })).resolves.toBeUndefined();
    expect(readSession()).not.toBeNull();
    await expect(authProvider.checkError({ status: 401 })).rejects.toThrow();
    expect(readSession()).toBeNull();
  });

  it('logs in with the login mutation, then reads the capabilities with the new token', async () => {
    const calls: { query: string; authorization?: string }[] = [];
    global.fetch = jest.fn(async (_url: unknown, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body));
      const headers = init?.headers as Record<string, string>;
      calls.push({ query: body.query, authorization: headers.authorization });
      const data = body.query.includes('login(')
        ? { login: { token: 'new', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: '1', username: 'admin', displayName: 'Quản trị' } } }
        : { myAccess: { capabilities: ['READ'] } };
      return new Response(JSON.stringify({ data }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    await authProvider.login({ username: 'admin', password: 'dangbo-demo' });
    expect(calls[1].authorization).toBe('Bearer new');
    expect(readSession()?.capabilities).toEqual(['READ']);
    await expect(authProvider.getIdentity?.()).resolves.toEqual({ id: '1', fullName: 'Quản trị', username: 'admin' });
  });

  it('rejects a refused login with the server message', async () => {
    global.fetch = jest.fn(async () =>
      new Response(JSON.stringify({ data: null, errors: [{ message: 'Sai tên đăng nhập hoặc mật khẩu', extensions: { code: 'UNAUTHENTICATED' } }] }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    ) as typeof fetch;
    await expect(authProvider.login({ username: 'admin', password: 'x' })).rejects.toThrow('Sai tên đăng nhập hoặc mật khẩu');
    expect(readSession()).toBeNull();
  });

  it('keeps the roles and the read-only flag of the new session', async () => {
    global.fetch = jest.fn(async (_url: unknown, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body));
      const data = body.query.includes('login(')
        ? { login: { token: 'new', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: '1', username: 'admin', displayName: 'Quản trị' } } }
        : { me: { roles: [{ role: 'SYSTEM_ADMIN', unitId: '1' }] }, myAccess: { capabilities: ['READ', 'MANAGE_USERS'], readOnly: false } };
      return new Response(JSON.stringify({ data }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    await authProvider.login({ username: 'admin', password: 'dangbo-demo' });
    expect(readSession()?.user.roles).toEqual([{ role: 'SYSTEM_ADMIN', unitId: '1' }]);
    expect(isSystemAdmin()).toBe(true);
    await expect(authProvider.canAccess?.({ resource: 'User', action: 'create' })).resolves.toBe(true);
  });

  it('hides every change from a read-only session whatever its capabilities say', async () => {
    localStorage.setItem('dangbo.session', JSON.stringify(session({ readOnly: true })));
    await expect(authProvider.canAccess?.({ resource: 'Member', action: 'edit' })).resolves.toBe(false);
    await expect(authProvider.canAccess?.({ resource: 'Member', action: 'list' })).resolves.toBe(true);
  });

  it('shows the account screens only to those who manage accounts', async () => {
    localStorage.setItem('dangbo.session', JSON.stringify(session({ capabilities: [Capability.READ] })));
    const can = (resource: string, action: string) => authProvider.canAccess?.({ resource, action });
    await expect(can('User', 'list')).resolves.toBe(false);
    await expect(can('ApiToken', 'list')).resolves.toBe(false);
    await expect(can('AuditEntry', 'list')).resolves.toBe(false);
    await expect(can('OrgUnit', 'edit')).resolves.toBe(false);
    await expect(can('Member', 'delete')).resolves.toBe(false);
  });

  describe('changing one\'s own password', () => {
    const answer = (data: unknown) => new Response(JSON.stringify(data), { status: 200, headers: { 'content-type': 'application/json' } });

    it('sends the old and new password with the current token, then logs in again with the new one', async () => {
      localStorage.setItem('dangbo.session', JSON.stringify(session()));
      const calls: { query: string; variables: Record<string, unknown>; authorization?: string }[] = [];
      global.fetch = jest.fn(async (_url: unknown, init?: RequestInit) => {
        const body = JSON.parse(String(init?.body));
        calls.push({ query: body.query, variables: body.variables, authorization: (init?.headers as Record<string, string>).authorization });
        if (body.query.includes('changeOwnPassword(')) return answer({ data: { changeOwnPassword: true } });
        if (body.query.includes('login(')) {
          return answer({ data: { login: { token: 'fresh', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: session().user } } });
        }
        return answer({ data: { me: { roles: [] }, myAccess: { capabilities: ['READ'], readOnly: false } } });
      }) as typeof fetch;
      await expect(changeOwnPassword('dangbo-demo', 'mat-khau-moi-2026')).resolves.toBe('signed_in_again');
      expect(calls[0]).toMatchObject({ variables: { oldPassword: 'dangbo-demo', newPassword: 'mat-khau-moi-2026' }, authorization: 'Bearer t0ken' });
      expect(calls[1].variables).toEqual({ username: 'xa.mythanh', password: 'mat-khau-moi-2026' });
      expect(readSession()?.token).toBe('fresh');
    });

    it('puts a refusal on the input the server names', async () => {
      localStorage.setItem('dangbo.session', JSON.stringify(session()));
      global.fetch = jest.fn(async () =>
        answer({ data: null, errors: [{ message: 'Mật khẩu hiện tại không đúng', extensions: { code: 'BAD_USER_INPUT', field: 'oldPassword' } }] }),
      ) as typeof fetch;
      const error = await changeOwnPassword('sai', 'mat-khau-moi-2026').catch((e: unknown) => e);
      expect((error as { body: { errors: unknown } }).body.errors).toEqual({
        oldPassword: 'Mật khẩu hiện tại không đúng',
        root: { serverError: 'Mật khẩu hiện tại không đúng' },
      });
      expect(readSession()?.token).toBe('t0ken');
    });

    it('drops the session when logging in again fails, so the user is sent to the login page', async () => {
      localStorage.setItem('dangbo.session', JSON.stringify(session()));
      global.fetch = jest.fn(async (_url: unknown, init?: RequestInit) => {
        const body = JSON.parse(String(init?.body));
        if (body.query.includes('changeOwnPassword(')) return answer({ data: { changeOwnPassword: true } });
        return answer({ data: null, errors: [{ message: 'Thử lại sau', extensions: { code: 'TOO_MANY_REQUESTS' } }] });
      }) as typeof fetch;
      await expect(changeOwnPassword('dangbo-demo', 'mat-khau-moi-2026')).resolves.toBe('login_needed');
      expect(readSession()).toBeNull();
    });
  });
});
