/**
 * Tree reads as of a date. Parent links are dated, so every query takes `asOf` and keeps the links valid then:
 * validFrom <= asOf < validTo. Recursive CTEs run on MariaDB 10.2+ and MySQL 8.
 */
import { EntityManager } from 'typeorm';
import { keptCountAt, sqlDay } from '../member/member-counts';

export const LINK_VALID_AT = (alias: string) =>
  `${alias}.\`validFrom\` <= ? AND (${alias}.\`validTo\` IS NULL OR ${alias}.\`validTo\` > ?)`;

/** The roots and every unit below them as of `asOf`. */
export async function subtreeUnitIds(em: EntityManager, rootIds: number[], asOf: string): Promise<number[]> {
  if (rootIds.length === 0) return [];
  const rows: { id: number }[] = await em.query(
    `WITH RECURSIVE sub (id) AS (
       SELECT id FROM org_unit WHERE id IN (${rootIds.map(() => '?').join(',')})
       UNION
       SELECT l.\`unitId\` FROM org_unit_link l JOIN sub ON l.\`parentId\` = sub.id WHERE ${LINK_VALID_AT('l')}
     ) SELECT id FROM sub`,
    [...rootIds, asOf, asOf],
  );
  return rows.map((r) => Number(r.id));
}

/** For each unit, its ancestors from the parent up to the root, as of `asOf`. */
export async function ancestorIdsOf(em: EntityManager, unitIds: readonly number[], asOf: string): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(unitIds.map((id) => [id, []]));
  if (unitIds.length === 0) return out;
  const rows: { start: number; id: number; depth: number }[] = await em.query(
    `WITH RECURSIVE up (start, id, depth) AS (
       SELECT l.\`unitId\`, l.\`parentId\`, 1 FROM org_unit_link l
        WHERE l.\`unitId\` IN (${unitIds.map(() => '?').join(',')}) AND ${LINK_VALID_AT('l')}
       UNION ALL
       SELECT up.start, l.\`parentId\`, up.depth + 1 FROM org_unit_link l JOIN up ON l.\`unitId\` = up.id
        WHERE ${LINK_VALID_AT('l')} AND up.depth < 50
     ) SELECT start, id, depth FROM up ORDER BY start, depth`,
    [...unitIds, asOf, asOf, asOf, asOf],
  );
  for (const r of rows) out.get(Number(r.start))?.push(Number(r.id));
  return out;
}

/** Number of members officially in each unit's subtree as of `asOf`, from the counts kept per unit (member/member-counts.ts). */
export async function subtreeMemberCounts(em: EntityManager, unitIds: readonly number[], asOf: string, within?: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>(unitIds.map((id) => [id, 0]));
  if (unitIds.length === 0 || within?.length === 0) return out;
  // `within`: only these units of the subtrees count (a caller's scope).
  const inside = within ? `AND sub.id IN (${within.map(() => '?').join(',')})` : '';
  const rows: { root: number; n: string | number }[] = await em.query(
    `WITH RECURSIVE sub (root, id) AS (
       SELECT id, id FROM org_unit WHERE id IN (${unitIds.map(() => '?').join(',')})
       UNION ALL
       SELECT sub.root, l.\`unitId\` FROM org_unit_link l JOIN sub ON l.\`parentId\` = sub.id WHERE ${LINK_VALID_AT('l')}
     )
     SELECT sub.root AS root, SUM(${keptCountAt('b', sqlDay(asOf))}) AS n
       FROM sub JOIN member_count b ON b.\`unitId\` = sub.id ${inside}
      GROUP BY sub.root`,
    [...unitIds, asOf, asOf, ...(within ?? [])],
  );
  for (const r of rows) out.set(Number(r.root), Number(r.n));
  return out;
}
