/**
 * Turns `Authorization: Bearer …` into the actor and their access, on every request. A missing header is an
 * anonymous caller (who may only log in); a tampered, expired or revoked token is UNAUTHENTICATED.
 */
import { Role } from '@dangbo/shared-types';
import { IsNull } from 'typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/env';
import { Actor } from '../../context';
import { UnauthenticatedError } from '../../graphql/errors';
import { RoleGrantEntity, UserEntity } from '../user/user.entity';
import { Access } from './access';
import { ApiTokenEntity } from './api-token.entity';
import { sha256, verifyToken } from './tokens';

export interface Caller {
  actor: Actor | null;
  access: Access;
}

const EXPIRED = 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại';
const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticate(config: AppConfig, dataSource: DataSource, header: string | undefined): Promise<Caller> {
  if (!header) return { actor: null, access: Access.anonymous() };
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new UnauthenticatedError(EXPIRED);
  const token = match[1];
  const claims = verifyToken(config.authSecret, token);
  if (!claims) throw new UnauthenticatedError(EXPIRED);
  const em = dataSource.manager;

  if (claims.typ === 'user') {
    const user = await em.findOne(UserEntity, { where: { id: Number(claims.sub) } });
    if (!user || !user.active || user.passwordVersion !== claims.pwv) throw new UnauthenticatedError(EXPIRED);
    if (user.demo && config.nodeEnv === 'production') throw new UnauthenticatedError('Tài khoản trình diễn không dùng được khi chạy thật');
    const grants = await em.find(RoleGrantEntity, { where: { userId: user.id } });
    return { actor: { userId: user.id, tokenId: null, name: user.username }, access: new Access(grants, false, true) };
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
