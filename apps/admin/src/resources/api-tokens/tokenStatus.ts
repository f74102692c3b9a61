/** Whether an API token still opens the API: revoked wins over expired. */
export type TokenStatus = 'active' | 'revoked' | 'expired';

export function tokenStatus(token: { revokedAt?: string | null; expiresAt?: string | null }, now = Date.now()): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}
