/** Signed tokens (HS256 JWT): short-lived login tokens, and long-lived read-only API tokens that can be revoked. */
import { createHash, createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

/**
 * The secret as an HMAC key object, made once. Given a string, jsonwebtoken first tries to parse it as a PEM public
 * key and only falls back to an HMAC key after that throws: about 1 ms of every request (BENCHMARKS.md, members page).
 */
const keys = new Map<string, KeyObject>();
function hmacKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret));
    keys.set(secret, key);
  }
  return key;
}

export type TokenClaims = { typ: 'user'; sub: string; pwv: number } | { typ: 'api'; sub: string };

export function signUserToken(secret: string, userId: number, passwordVersion: number, ttlSeconds: number): string {
  return jwt.sign({ typ: 'user', pwv: passwordVersion }, hmacKey(secret), { algorithm: 'HS256', subject: String(userId), expiresIn: ttlSeconds, issuer: 'dangbo' });
}

export function signApiToken(secret: string, tokenId: number, expiresAt: Date): string {
  return jwt.sign({ typ: 'api' }, hmacKey(secret), {
    algorithm: 'HS256',
    subject: String(tokenId),
    expiresIn: Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000)),
    issuer: 'dangbo',
  });
}

/** The claims of a valid token, or null for a tampered, expired or malformed one. */
export function verifyToken(secret: string, token: string): TokenClaims | null {
  try {
    const claims = jwt.verify(token, hmacKey(secret), { algorithms: ['HS256'], issuer: 'dangbo' }) as jwt.JwtPayload;
    if (claims.typ === 'user' && typeof claims.sub === 'string') return { typ: 'user', sub: claims.sub, pwv: Number(claims.pwv) };
    if (claims.typ === 'api' && typeof claims.sub === 'string') return { typ: 'api', sub: claims.sub };
    return null;
  } catch {
    return null;
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
