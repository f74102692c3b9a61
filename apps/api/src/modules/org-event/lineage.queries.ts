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
import { LINK_VALID_AT, subtreeUnitIds } from '../org-unit/tree.queries';
import { reportRoots } from './lineage.rules';

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

/**
 * The units the given units were made of, recursively through lineage (events effective by `today`), without the
 * given units themselves: whose ancestors on an earlier date are "above" a successor's history.
 */
export async function lineagePredecessorIds(em: EntityManager, unitIds: readonly number[], today: string): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const rows: { id: number }[] = await em.query(
    `WITH RECURSIVE pre (id) AS (
       SELECT g.\`predecessorId\` FROM org_lineage g WHERE g.\`successorId\` IN (${marks(unitIds.length)}) AND g.\`effectiveDate\` <= ?
       UNION
       SELECT g.\`predecessorId\` FROM org_lineage g JOIN pre ON g.\`successorId\` = pre.id WHERE g.\`effectiveDate\` <= ?
     ) SELECT id FROM pre`,
    [...unitIds, today, today],
  );
  return rows.map((r) => Number(r.id)).filter((id) => !unitIds.includes(id));
}

export interface LineageEdge {
  predecessorId: number;
  successorId: number;
  /** The predecessor's life: founded on `predecessorFrom`, ended before `predecessorTo` (exclusive; null: alive). */
  predecessorFrom: string;
  predecessorTo: string | null;
}

/** Every lineage row above a unit (what it was made of, recursively), with each predecessor's life. One statement. */
export async function lineageEdgesAbove(em: EntityManager, unitId: number): Promise<LineageEdge[]> {
  const rows: { predecessorId: number; successorId: number; validFrom: string; validTo: string | null }[] = await em.query(
    `WITH RECURSIVE up (predecessorId, successorId, depth) AS (
       SELECT g.\`predecessorId\`, g.\`successorId\`, 1 FROM org_lineage g WHERE g.\`successorId\` = ?
       UNION ALL
       SELECT g.\`predecessorId\`, g.\`successorId\`, up.depth + 1 FROM org_lineage g JOIN up ON g.\`successorId\` = up.predecessorId WHERE up.depth < 50
     ) SELECT DISTINCT up.predecessorId, up.successorId, u.\`validFrom\`, u.\`validTo\` FROM up JOIN org_unit u ON u.id = up.predecessorId`,
    [unitId],
  );
  return rows.map((r) => ({ predecessorId: Number(r.predecessorId), successorId: Number(r.successorId), predecessorFrom: String(r.validFrom).slice(0, 10), predecessorTo: r.validTo === null ? null : String(r.validTo).slice(0, 10) }));
}

/**
 * The units a unit's figures over a period read (lineage.rules.ts reportRoots): its subtree as of the period's end,
 * and for the part of the period before it was founded, the subtrees of the units it was made of.
 */
export async function reportUnitIds(em: EntityManager, unit: { id: number; validFrom: string }, period: { from: string; to: string }): Promise<number[]> {
  const roots = unit.validFrom > period.from ? reportRoots(unit, await lineageEdgesAbove(em, unit.id), period) : [{ unitId: unit.id, asOf: period.to }];
  const byDay = new Map<string, number[]>();
  for (const r of roots) byDay.set(r.asOf, [...(byDay.get(r.asOf) ?? []), r.unitId]);
  const ids = new Set<number>();
  for (const [asOf, rootIds] of byDay) for (const id of await subtreeUnitIds(em, rootIds, asOf)) ids.add(id);
  return [...ids];
}
