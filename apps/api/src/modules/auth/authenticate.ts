/**
 * Turns `Authorization: Bearer …` into the actor and their access, on every request. A missing header is an
 * anonymous caller (who may only log in); a tampered, expired or revoked token is UNAUTHENTICATED.
 */
import { Role } from '@dangbo/shared-types';
import { todayIso } from '@dangbo/vn';
import { IsNull } from 'typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/env';
import { readRouting } from '../../database/read-replicas';
import { Actor } from '../../context';
import { UnauthenticatedError } from '../../core/errors';
import { Access } from './access';
import { ApiTokenEntity } from './api-token.entity';
import { grantsCache } from './grants-cache';
import { sha256, verifyToken } from './tokens';

export interface Caller {
  actor: Actor | null;
  access: Access;
}

const EXPIRED = 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại';
const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticate(config: AppConfig, dataSource: DataSource, header: string | undefined): Promise<Caller> {
  // From the primary: a replica a second behind would let a revoked token, a disabled account or a removed role
  // through (read-replicas.ts).
  return readRouting.onPrimary(() => authenticateOnPrimary(config, dataSource, header));
}

async function authenticateOnPrimary(config: AppConfig, dataSource: DataSource, header: string | undefined): Promise<Caller> {
  if (!header) return { actor: null, access: Access.anonymous() };
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new UnauthenticatedError(EXPIRED);
  const token = match[1];
  const claims = verifyToken(config.authSecret, token);
  if (!claims) throw new UnauthenticatedError(EXPIRED);
  const em = dataSource.manager;

  if (claims.typ === 'user') {
    const userId = Number(claims.sub);
    const today = todayIso();
    const key = grantsCache.key(userId, claims.pwv, today);
    let user = grantsCache.get(dataSource, key);
    if (!user) {
      const since = grantsCache.generation();
      // One statement for the caller and their roles, skipped while the short-lived cache holds them.
      const rows: { username: string; active: number; demo: number; passwordVersion: number; role: Role | null; unitId: number | null }[] = await em.query(
        // Grants are dated (a structural event moves or ends them): only those in force today count.
        `SELECT u.username, u.active, u.demo, u.passwordVersion, g.role, g.unitId FROM app_user u
           LEFT JOIN role_grant g ON g.userId = u.id AND (g.validFrom IS NULL OR g.validFrom <= ?) AND (g.validTo IS NULL OR g.validTo > ?)
          WHERE u.id = ?`,
        [today, today, userId],
      );
      if (!rows[0]) throw new UnauthenticatedError(EXPIRED);
      user = {
        username: rows[0].username,
        active: Boolean(rows[0].active),
        demo: Boolean(rows[0].demo),
        passwordVersion: Number(rows[0].passwordVersion),
        grants: rows.filter((r) => r.role !== null).map((r) => ({ role: r.role as Role, unitId: Number(r.unitId) })),
      };
      grantsCache.set(dataSource, key, user, config.authCacheMs, since);
    }
    if (!user.active || user.passwordVersion !== claims.pwv) throw new UnauthenticatedError(EXPIRED);
    if (user.demo && config.nodeEnv === 'production') throw new UnauthenticatedError('Tài khoản trình diễn không dùng được khi chạy thật');
    return { actor: { userId, tokenId: null, name: user.username }, access: new Access(user.grants, false, true) };
  }

  const row = await em.findOne(ApiTokenEntity, { where: { id: Number(claims.sub), revokedAt: IsNull() } });
  if (!row || row.tokenHash !== sha256(token) || row.expiresAt.getTime() < Date.now()) throw new UnauthenticatedError(EXPIRED);
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await em.update(ApiTokenEntity, { id: row.id }, { lastUsedAt: new Date() });
  }
  // Read-only over the token's unit, whatever its creator holds.
  return {
    actor: { userId: null, tokenId: row.id, name: `token:${row.name}` },
    access: new Access([{ role: Role.ANALYST, unitId: row.unitId }], true, true),
  };
}
