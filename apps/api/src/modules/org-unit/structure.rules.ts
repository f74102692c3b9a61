/**
 * Who may change a unit's place in the tree, and which kinds fit together. A unit's kind and parent are decided by
 * the level above it: the admin of a commune manages what is inside the commune, not what the commune is or where
 * it stands. A kind that contradicts the unit's parent or children is refused for everyone, system admins included.
 */
import { Capability, MEMBER_HOLDING_KINDS, OrgUnitKind } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { BadInputError, ForbiddenError } from '../../core/errors';
import { MemberAssignmentEntity } from '../member/member.entity';
import { OrgUnitEntity, OrgUnitLinkEntity } from './org-unit.entity';

/** Which kinds may sit under which: cells hold members, not units; the Front holds only mass organisations. */
export function checkPlacement(kind: OrgUnitKind, parent: Pick<OrgUnitEntity, 'kind' | 'name'>, field = 'parentId'): void {
  if (MEMBER_HOLDING_KINDS.includes(parent.kind)) {
    throw new BadInputError(field, `"${parent.name}" là chi bộ, không có đơn vị trực thuộc`);
  }
  if (parent.kind === OrgUnitKind.MASS_ORG) throw new BadInputError(field, `"${parent.name}" là đoàn thể, không có đơn vị trực thuộc`);
  // The Front is a parallel hierarchy: a lower-level Front or the mass organisations sit under a Front.
  if (parent.kind === OrgUnitKind.FRONT && kind !== OrgUnitKind.MASS_ORG && kind !== OrgUnitKind.FRONT) {
    throw new BadInputError(field, 'Dưới Mặt trận Tổ quốc chỉ có Mặt trận cấp dưới và các tổ chức đoàn thể');
  }
}

/** Changing what a unit is or where it stands needs the right to manage units on its current parent. */
export async function requireLevelAbove(ctx: Context, parentId: number | null, what: string): Promise<void> {
  if (parentId === null) {
    if (!ctx.access.isSystemAdmin) throw new ForbiddenError(`Chỉ quản trị hệ thống mới ${what} của đơn vị cao nhất`);
    return;
  }
  if (!(await ctx.access.can(ctx.em, ctx.today, Capability.MANAGE_UNITS, parentId))) {
    throw new ForbiddenError(`Chỉ cấp trên trực tiếp mới ${what} của đơn vị này`);
  }
}

/**
 * A new kind must fit every child and every member the unit has had over its whole life, not only today's: the kind
 * is not dated, so a commune whose cells have moved on (or that has ended) is still, in its history, a unit that
 * held cells, and turning it into a cell would make its past tree contradict itself.
 */
export async function checkKindFitsContents(em: EntityManager, unit: OrgUnitEntity, kind: OrgUnitKind): Promise<void> {
  const children = await em
    .createQueryBuilder(OrgUnitEntity, 'u')
    .innerJoin(OrgUnitLinkEntity, 'l', 'l.unitId = u.id')
    .where('l.parentId = :id', { id: unit.id })
    .getMany();
  for (const child of children) checkPlacement(child.kind, { kind, name: unit.name }, 'kind');
  if (!MEMBER_HOLDING_KINDS.includes(kind)) {
    const heldMembers = await em.createQueryBuilder(MemberAssignmentEntity, 'a').where('a.unitId = :id', { id: unit.id }).getExists();
    if (heldMembers) throw new BadInputError('kind', `"${unit.name}" đang có hoặc từng có đảng viên sinh hoạt; chỉ chi bộ mới có đảng viên`);
  }
}
