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

/**
 * Claims of tokens verified lately, per secret, until they expire and for at most a minute: a panel sends the same
 * token with every request, and verifying it again (decoding, the HMAC, the JSON) was about 0.25 ms of each
 * (BENCHMARKS.md, members page). Only tokens that passed are kept, and revocation, a disabled account or a changed
 * password are still checked on every request after this (authenticate.ts). Bounded: emptied when full.
 */
const VERIFIED_MS = 60_000;
const VERIFIED_MAX = 1000;
const verified = new Map<string, Map<string, { claims: TokenClaims; until: number }>>();

/** The claims of a valid token, or null for a tampered, expired or malformed one. */
export function verifyToken(secret: string, token: string): TokenClaims | null {
  let bySecret = verified.get(secret);
  if (!bySecret) verified.set(secret, (bySecret = new Map()));
  const known = bySecret.get(token);
  if (known && known.until > Date.now()) return known.claims;
  const claims = verifySigned(secret, token);
  if (known) bySecret.delete(token);
  if (claims) {
    if (bySecret.size >= VERIFIED_MAX) bySecret.clear();
    bySecret.set(token, { claims: claims.claims, until: Math.min(claims.expiresAt, Date.now() + VERIFIED_MS) });
  }
  return claims?.claims ?? null;
}

function verifySigned(secret: string, token: string): { claims: TokenClaims; expiresAt: number } | null {
  try {
    const claims = jwt.verify(token, hmacKey(secret), { algorithms: ['HS256'], issuer: 'dangbo' }) as jwt.JwtPayload;
    // Every token dangbo signs expires; one without `exp` is not ours to keep.
    const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : 0;
    if (claims.typ === 'user' && typeof claims.sub === 'string') return { claims: { typ: 'user', sub: claims.sub, pwv: Number(claims.pwv) }, expiresAt };
    if (claims.typ === 'api' && typeof claims.sub === 'string') return { claims: { typ: 'api', sub: claims.sub }, expiresAt };
    return null;
  } catch {
    return null;
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
