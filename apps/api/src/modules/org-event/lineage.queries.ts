/**
 * Scope across structural events, in one statement each (README "Scope across reorganisations"):
 *
 * - A role held on a unit that has ended (validTo <= today) grants nothing: its subtree is empty. A structural event
 *   moves the grant to the successor (a new dated grant) or ends it.
 * - A role held on a live unit reads its subtree as of today, plus the history it inherited: the units it (or a unit
 *   of its subtree) was made of (lineage predecessors, recursively), and the units that ended while they sat under
 *   one of those. A unit that is alive today elsewhere (the part of a split that went to the other successor) is not
 *   inherited: whoever holds it today reads it, so its records after the event never leak to the other side.
 *
 * Reading an ended unit's records is reading history: such a unit has no records after its end date, so the extra
 * units give exactly "the predecessors' records dated before the event". Changing anything still needs a capability
 * on a unit of today's tree (Access.can), which follows today's links only.
 */
import { EntityManager } from 'typeorm';
import { LINK_VALID_AT } from '../org-unit/tree.queries';

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** Live roots, their subtrees today and everything they inherited (see above). */
export async function readableUnitIds(em: EntityManager, rootIds: number[], today: string): Promise<number[]> {
  if (rootIds.length === 0) return [];
  const rows: { id: number }[] = await em.query(
    `WITH RECURSIVE sub (id) AS (
       SELECT id FROM org_unit WHERE id IN (${marks(rootIds.length)}) AND (\`validTo\` IS NULL OR \`validTo\` > ?)
       UNION
       SELECT l.\`unitId\` FROM org_unit_link l JOIN sub ON l.\`parentId\` = sub.id WHERE ${LINK_VALID_AT('l')}
       UNION
       SELECT g.\`predecessorId\` FROM org_lineage g JOIN sub ON g.\`successorId\` = sub.id WHERE g.\`effectiveDate\` <= ?
       UNION
       SELECT l.\`unitId\` FROM org_unit_link l JOIN sub ON l.\`parentId\` = sub.id JOIN org_unit c ON c.id = l.\`unitId\`
        WHERE c.\`validTo\` IS NOT NULL AND c.\`validTo\` <= ? AND (l.\`validTo\` IS NULL OR l.\`validTo\` >= c.\`validTo\`)
     ) SELECT id FROM sub`,
    [...rootIds, today, today, today, today, today],
  );
  return rows.map((r) => Number(r.id));
}

/** A live unit and its subtree today; nothing for a unit that has ended (a grant on it grants nothing). */
export async function liveSubtreeUnitIds(em: EntityManager, rootId: number, today: string): Promise<number[]> {
  const rows: { id: number }[] = await em.query(
    `WITH RECURSIVE sub (id) AS (
       SELECT id FROM org_unit WHERE id = ? AND (\`validTo\` IS NULL OR \`validTo\` > ?)
       UNION
       SELECT l.\`unitId\` FROM org_unit_link l JOIN sub ON l.\`parentId\` = sub.id WHERE ${LINK_VALID_AT('l')}
     ) SELECT id FROM sub`,
    [rootId, today, today, today],
  );
  return rows.map((r) => Number(r.id));
}
