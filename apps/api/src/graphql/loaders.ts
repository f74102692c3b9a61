/** Per-request loaders of every module: a page of 500 rows costs the same statements as a page of 10. */
import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { RoleGrantEntity } from '../modules/user/user.entity';
import { createMemberLoaders } from '../modules/member/member.loaders';
import { createOrgUnitLoaders } from '../modules/org-unit/org-unit.loaders';

export function createLoaders(em: EntityManager) {
  const orgUnit = createOrgUnitLoaders(em);
  const member = createMemberLoaders(em, (u) => orgUnit.unitById.prime(u.id, u));
  const grantsOfUser = new DataLoader<number, RoleGrantEntity[]>(async (ids) => {
    const rows = await em.find(RoleGrantEntity, { where: { userId: In([...ids]) }, order: { id: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.userId === id));
  });
  return { ...orgUnit, ...member, grantsOfUser };
}

export type Loaders = ReturnType<typeof createLoaders>;
