jest.mock('../config', () => ({ GRAPHQL_URL: 'http://api.test/graphql' }));

import { Capability } from '@dangbo/shared-types';
import { authHeaders, authProvider, readSession, type Session } from './authProvider';

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
    await expect(authProvider.getIdentity?.()).resolves.toEqual({ id: '1', fullName: 'Quản trị' });
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
});
