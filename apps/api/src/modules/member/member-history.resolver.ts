/**
 * The unit of each membership and post of a member. A member's history may name a cell elsewhere (before a transfer
 * in) or a committee above the caller; the unit comes back as OrgUnit, whose own fields reduce a unit outside the
 * caller's subtrees to a stub of id, kind and name (org-unit.fields.ts).
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { MemberAssignmentEntity, MemberPositionEntity } from './member.entity';

@Resolver(() => MemberAssignmentEntity)
export class MemberAssignmentResolver {
  @FieldResolver(() => OrgUnitEntity, { nullable: true, description: 'Chi bộ sinh hoạt (ngoài phạm vi: chỉ mã, loại và tên)' })
  unit(@Root() row: MemberAssignmentEntity, @Ctx() ctx: Context): Promise<OrgUnitEntity | null> {
    return ctx.loaders.unitById.load(row.unitId);
  }
}

@Resolver(() => MemberPositionEntity)
export class MemberPositionResolver {
  @FieldResolver(() => OrgUnitEntity, { nullable: true, description: 'Đơn vị giữ chức vụ (ngoài phạm vi: chỉ mã, loại và tên)' })
  unit(@Root() row: MemberPositionEntity, @Ctx() ctx: Context): Promise<OrgUnitEntity | null> {
    return ctx.loaders.unitById.load(row.unitId);
  }
}
