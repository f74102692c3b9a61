/** Per-request loaders of every module: a page of 500 rows costs the same statements as a page of 10. */
import { EntityManager } from 'typeorm';
import { createMemberLoaders } from '../modules/member/member.loaders';
import { createOrgUnitLoaders } from '../modules/org-unit/org-unit.loaders';

export function createLoaders(em: EntityManager) {
  const orgUnit = createOrgUnitLoaders(em);
  const member = createMemberLoaders(em, (u) => orgUnit.unitById.prime(u.id, u));
  return { ...orgUnit, ...member };
}

export type Loaders = ReturnType<typeof createLoaders>;
