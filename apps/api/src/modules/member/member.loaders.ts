import DataLoader from 'dataloader';
import { MembershipKind } from '@dangbo/shared-types';
import { EntityManager, In } from 'typeorm';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { DatedKey, datedKey, unitFromRow } from '../org-unit/org-unit.loaders';
import { LINK_VALID_AT } from '../org-unit/tree.queries';
import { MemberAssignmentEntity, MemberNumberHistoryEntity, MemberPositionEntity } from './member.entity';
import { MemberStatusEntity } from './member-status.entity';

export function createMemberLoaders(em: EntityManager, primeUnit: (u: OrgUnitEntity) => void) {
  /** The cell a member officially belongs to at a date, joined to the unit in the same statement. */
  const cellOf = new DataLoader<DatedKey, OrgUnitEntity | null>(async (keys) => {
    const byDate = new Map<string, number[]>();
    for (const k of keys) {
      const at = k.indexOf('@');
      const asOf = k.slice(at + 1);
      byDate.set(asOf, [...(byDate.get(asOf) ?? []), Number(k.slice(0, at))]);
    }
    const found = new Map<DatedKey, OrgUnitEntity>();
    for (const [asOf, ids] of byDate) {
      const rows: (Record<string, unknown> & { _member: number })[] = await em.query(
        `SELECT a.memberId AS _member, u.* FROM member_assignment a JOIN org_unit u ON u.id = a.unitId
          WHERE a.memberId IN (${ids.map(() => '?').join(',')}) AND a.kind = ? AND ${LINK_VALID_AT('a')}`,
        [...ids, MembershipKind.OFFICIAL, asOf, asOf],
      );
      const units = new Map<number, OrgUnitEntity>();
      for (const row of rows) {
        const id = Number(row.id);
        let unit = units.get(id);
        if (!unit) {
          unit = unitFromRow(row);
          units.set(id, unit);
          primeUnit(unit);
        }
        found.set(datedKey(Number(row._member), asOf), unit);
      }
    }
    return keys.map((k) => found.get(k) ?? null);
  });

  const positionsOf = byMember(em, MemberPositionEntity, { validFrom: 'DESC' });
  const membershipsOf = byMember(em, MemberAssignmentEntity, { validFrom: 'ASC' });
  const numberHistoryOf = byMember(em, MemberNumberHistoryEntity, { replacedAt: 'ASC' });
  const statusHistoryOf = byMember(em, MemberStatusEntity, { validFrom: 'ASC', id: 'ASC' });

  return { cellOf, positionsOf, membershipsOf, numberHistoryOf, statusHistoryOf };
}

/** Rows of a member-owned table, grouped by member, in one statement per batch. */
function byMember<T extends { memberId: number }>(em: EntityManager, target: new () => T, order: Record<string, 'ASC' | 'DESC'>) {
  return new DataLoader<number, T[]>(async (ids) => {
    const rows = await em.find(target, { where: { memberId: In([...ids]) } as never, order: order as never });
    const grouped = new Map<number, T[]>();
    for (const r of rows) grouped.set(r.memberId, [...(grouped.get(r.memberId) ?? []), r]);
    return ids.map((id) => grouped.get(id) ?? []);
  });
}
