/** Per-request loaders of every module: a page of 500 rows costs the same statements as a page of 10. */
import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { CriterionEntity } from '../modules/criteria/criteria.entity';
import { RoleGrantEntity } from '../modules/user/user.entity';
import { createMemberLoaders } from '../modules/member/member.loaders';
import { createOrgUnitLoaders } from '../modules/org-unit/org-unit.loaders';
import { createOrgEventLoaders } from '../modules/org-event/org-event.loaders';

export function createLoaders(em: EntityManager) {
  const orgUnit = createOrgUnitLoaders(em);
  const member = createMemberLoaders(em, (u) => orgUnit.unitById.prime(u.id, u));
  const grantsOfUser = new DataLoader<number, RoleGrantEntity[]>(async (ids) => {
    const rows = await em.find(RoleGrantEntity, { where: { userId: In([...ids]) }, order: { id: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.userId === id));
  });
  const criteriaOfSet = new DataLoader<number, CriterionEntity[]>(async (ids) => {
    const rows = await em.find(CriterionEntity, { where: { setId: In([...ids]) }, order: { position: 'ASC', id: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.setId === id));
  });
  return { ...orgUnit, ...member, ...createOrgEventLoaders(em), grantsOfUser, criteriaOfSet };
}

export type Loaders = ReturnType<typeof createLoaders>;
