/**
 * Unit references of directive records (issuer, owner, recipient, organiser, outreach target): a unit the caller
 * cannot see is refused as bad input on the field that named it (as a member's cell or a unit's parent is), and a
 * unit in scope where the caller lacks the capability is FORBIDDEN.
 */
import { Capability } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { BadInputError } from '../../core/errors';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';

/** A unit inside the caller's subtrees, or BAD_USER_INPUT on `field`. */
export async function unitInScope(ctx: Context, em: EntityManager, field: string, unitId: number): Promise<OrgUnitEntity> {
  const unit = await em.findOne(OrgUnitEntity, { where: { id: unitId } });
  if (!unit || !(await ctx.scope.includesUnit(ctx.em, ctx.today, unitId))) {
    throw new BadInputError(field, `Không có đơn vị mã ${unitId} trong phạm vi của bạn`);
  }
  return unit;
}

/** The unit existed on `date` (founded on or before it, not yet ended). */
export function checkExistsOn(unit: OrgUnitEntity, date: string, field: string, what: string): void {
  if (unit.validFrom > date || (unit.validTo !== null && unit.validTo <= date)) {
    throw new BadInputError(field, `"${unit.name}" không hoạt động vào ngày ${date} (${what})`);
  }
}

/** The capability every write of these records needs on the unit they belong to. */
export function requireManage(ctx: Context, unitId: number, what: string, capability = Capability.MANAGE_ACTIVITIES): Promise<void> {
  return ctx.access.require(ctx.em, ctx.today, capability, unitId, what);
}
