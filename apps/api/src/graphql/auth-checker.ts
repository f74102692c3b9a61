/**
 * `@Authorized(...capabilities)` on every query and mutation: the caller must be signed in and hold the
 * capabilities somewhere. Where exactly (which subtree) is the service's check, from `ctx.access`.
 */
import { Capability } from '@dangbo/shared-types';
import { AuthChecker } from 'type-graphql';
import { Context } from '../context';
import { ForbiddenError, SessionRequiredError } from '../core/errors';

export const authChecker: AuthChecker<Context, Capability> = ({ context }, capabilities) => {
  if (!context.access.authenticated) throw new SessionRequiredError(context.authFailure ?? undefined);
  const held = context.access.capabilities();
  if (capabilities.length > 0 && !capabilities.every((c) => held.has(c))) {
    throw new ForbiddenError(context.access.readOnly ? 'Mã truy cập phân tích chỉ được đọc dữ liệu' : undefined);
  }
  return true;
};
