/** Everything an ended unit still holds on the event's date: what the plan moves or ends. */
import { EntityManager, In } from 'typeorm';
import { CriteriaSetEntity } from '../criteria/criteria.entity';
import { MemberAssignmentEntity, MemberPositionEntity } from '../member/member.entity';
import { OrgUnitEntity, OrgUnitLinkEntity } from '../org-unit/org-unit.entity';
import { RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { RoleGrantEntity } from '../user/user.entity';

/** Parenthesised: TypeORM joins andWhere() conditions with AND as they are, without wrapping them. */
export const OPEN_ON = (alias: string) => `(${alias}.validTo IS NULL OR ${alias}.validTo > :date)`;

export interface Contents {
  children: { unitId: number; name: string; kind: OrgUnitEntity['kind']; link: OrgUnitLinkEntity }[];
  assignments: (MemberAssignmentEntity & { fullName: string })[];
  positions: (MemberPositionEntity & { fullName: string })[];
  grants: (RoleGrantEntity & { username: string; displayName: string })[];
  criteriaSets: CriteriaSetEntity[];
  periods: RatingPeriodEntity[];
}

/** Everything still open on `date` that the ended units hold, in a stable order (so both runs list it alike). */
export async function contentsOf(em: EntityManager, ids: number[], date: string): Promise<Contents> {
  const links = await em.createQueryBuilder(OrgUnitLinkEntity, 'l').where('l.parentId IN (:...ids)', { ids }).andWhere(OPEN_ON('l'), { date }).orderBy('l.parentId').addOrderBy('l.id').getMany();
  const units = links.length ? await em.find(OrgUnitEntity, { where: { id: In(links.map((l) => l.unitId)) } }) : [];
  const children = links.map((link) => {
    const u = units.find((x) => x.id === link.unitId) as OrgUnitEntity;
    return { unitId: u.id, name: u.name, kind: u.kind, link };
  });
  const assignments = await em.query(
    `SELECT a.*, m.fullName FROM member_assignment a JOIN member m ON m.id = a.memberId
      WHERE a.unitId IN (${ids.map(() => '?').join(',')}) AND (a.validTo IS NULL OR a.validTo > ?) ORDER BY a.unitId, m.sortGiven, a.id`,
    [...ids, date],
  );
  const positions = await em.query(
    `SELECT p.*, m.fullName FROM member_position p JOIN member m ON m.id = p.memberId
      WHERE p.unitId IN (${ids.map(() => '?').join(',')}) AND p.validFrom < ? AND (p.validTo IS NULL OR p.validTo > ?) ORDER BY p.unitId, p.id`,
    [...ids, date, date],
  );
  const grants = await em.query(
    `SELECT g.*, u.username, u.displayName FROM role_grant g JOIN app_user u ON u.id = g.userId
      WHERE g.unitId IN (${ids.map(() => '?').join(',')}) AND (g.validTo IS NULL OR g.validTo > ?) ORDER BY g.unitId, g.id`,
    [...ids, date],
  );
  const periods = await em.createQueryBuilder(RatingPeriodEntity, 'p').where('p.unitId IN (:...ids)', { ids }).andWhere('p.lockedAt IS NULL AND p.endDate >= :date', { date }).orderBy('p.id').getMany();
  const criteriaSets = await em
    .createQueryBuilder(CriteriaSetEntity, 's')
    .innerJoin(RatingPeriodEntity, 'p', 'p.id = s.periodId')
    .where('s.unitId IN (:...ids)', { ids })
    .andWhere('p.lockedAt IS NULL AND p.endDate >= :date', { date })
    .orderBy('s.id')
    .getMany();
  return { children, assignments, positions, grants, criteriaSets, periods };
}
