/** Per-request loaders of the event log: names as of a date, lineage in both directions, an event's units. */
import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { DatedKey, datedKey } from '../org-unit/org-unit.loaders';
import { OrgEventUnitEntity, OrgLineageEntity } from './org-event.entity';

const splitKey = (key: DatedKey): [number, string] => {
  const at = key.indexOf('@');
  return [Number(key.slice(0, at)), key.slice(at + 1)];
};

export function createOrgEventLoaders(em: EntityManager) {
  /** The name a unit had on a date before its last renaming (null: the current name); one statement per date. */
  const earlierName = new DataLoader<DatedKey, string | null>(async (keys) => {
    const dates = new Map<string, number[]>();
    for (const k of keys) {
      const [id, asOf] = splitKey(k);
      dates.set(asOf, [...(dates.get(asOf) ?? []), id]);
    }
    const found = new Map<DatedKey, string>();
    for (const [asOf, ids] of dates) {
      // The earliest name still valid after `asOf` is the one in force on `asOf`.
      const rows: { unitId: number; name: string }[] = await em.query(
        `SELECT n.unitId, n.name FROM org_unit_name n
          WHERE n.unitId IN (${ids.map(() => '?').join(',')}) AND n.validTo > ?
          ORDER BY n.unitId, n.validTo DESC`,
        [...ids, asOf],
      );
      for (const r of rows) found.set(datedKey(Number(r.unitId), asOf), r.name);
    }
    return keys.map((k) => found.get(k) ?? null);
  });

  const lineageBy = (column: 'predecessorId' | 'successorId') =>
    new DataLoader<number, OrgLineageEntity[]>(async (ids) => {
      const rows = await em.find(OrgLineageEntity, { where: { [column]: In([...ids]) }, order: { effectiveDate: 'ASC', id: 'ASC' } });
      return ids.map((id) => rows.filter((r) => r[column] === id));
    });

  const unitsOfEvent = new DataLoader<number, OrgEventUnitEntity[]>(async (ids) => {
    const rows = await em.find(OrgEventUnitEntity, { where: { eventId: In([...ids]) }, order: { id: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.eventId === id));
  });

  return { earlierName, predecessorsOf: lineageBy('successorId'), successorsOf: lineageBy('predecessorId'), unitsOfEvent };
}
