/** Signed tokens (HS256 JWT): short-lived login tokens, and long-lived read-only API tokens that can be revoked. */
import { createHash } from 'node:crypto';
import jwt from 'jsonwebtoken';

export type TokenClaims = { typ: 'user'; sub: string; pwv: number } | { typ: 'api'; sub: string };

export function signUserToken(secret: string, userId: number, passwordVersion: number, ttlSeconds: number): string {
  return jwt.sign({ typ: 'user', pwv: passwordVersion }, secret, { algorithm: 'HS256', subject: String(userId), expiresIn: ttlSeconds, issuer: 'dangbo' });
}

export function signApiToken(secret: string, tokenId: number, expiresAt: Date): string {
  return jwt.sign({ typ: 'api' }, secret, {
    algorithm: 'HS256',
    subject: String(tokenId),
    expiresIn: Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000)),
    issuer: 'dangbo',
  });
}

/** The claims of a valid token, or null for a tampered, expired or malformed one. */
export function verifyToken(secret: string, token: string): TokenClaims | null {
  try {
    const claims = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: 'dangbo' }) as jwt.JwtPayload;
    if (claims.typ === 'user' && typeof claims.sub === 'string') return { typ: 'user', sub: claims.sub, pwv: Number(claims.pwv) };
    if (claims.typ === 'api' && typeof claims.sub === 'string') return { typ: 'api', sub: claims.sub };
    return null;
  } catch {
    return null;
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
