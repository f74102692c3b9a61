import { tokenStatus } from './tokenStatus';

describe('token status', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');
  it.each([
    [{ revokedAt: null, expiresAt: '2027-01-01T00:00:00Z' }, 'active'],
    [{ revokedAt: '2026-05-01T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' }, 'revoked'],
    [{ revokedAt: null, expiresAt: '2026-05-31T23:59:59Z' }, 'expired'],
    [{ revokedAt: '2026-05-01T00:00:00Z', expiresAt: '2026-05-02T00:00:00Z' }, 'revoked'],
  ])('%j is %s', (token, expected) => {
    expect(tokenStatus(token, now)).toBe(expected);
  });
});
