/**
 * What a rating pass knows of its subtree before reading any subject, read once per pass and kept with its scope
 * (a job keeps its scope across chunks): who is whose parent at the period's end, which units are rated as
 * collectives, which published set applies, and the condition "is a unit of the pass" for every chunk's statements.
 */
import { CriteriaSetStatus, OrgUnitKind, SubjectKind } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { ancestorIdsOf, LINK_VALID_AT } from '../org-unit/tree.queries';
import { COLLECTIVE_KINDS } from './evaluation.rules';

const marks = (xs: readonly unknown[]) => xs.map(() => '?').join(',');

/** What a pass knows of the period before reading any subject. */
export interface PassScope {
  periodId: number;
  periodEnd: string;
  /** The unit the pass covers and every unit below it at the period's end. */
  subtree: number[];
  /**
   * The period had no evaluation when the pass began (a first opening): no candidate has one to read with it. One
   * written since by somebody else is left as it is by the pass's IGNORE, as if written just after its chunk.
   */
  noneWritten?: boolean;
}

/** The subtree of a pass as of the period's end, held in memory for the whole pass (a few numbers per unit). */
export interface PassTree {
  /** Collectives of the subtree that exist at the period's end, by id ascending. */
  collectives: number[];
  /** An SQL condition that `column` is a unit of the subtree, built once for every chunk's statement. */
  inPass(column: string): string;
  /** The deciding unit of a cell or collective: its parent at the period's end (itself at the top). */
  parentOf(unitId: number): number;
  /** The set published for `kind` by the unit itself or the nearest unit above it; null when none is. */
  setFor(unitId: number, kind: SubjectKind): number | null;
  /** The unit and the units above it inside the subtree: whose subtree figures a figure of the unit adds to. */
  upwardsInPass(unitId: number): number[];
}

const trees = new WeakMap<PassScope, Promise<PassTree>>();

/**
 * The pass's tree, read once per scope object (a job keeps its scope across chunks): the units of the subtree with
 * their parent link and kind, the chain above the subtree's top, and the period's published sets. Three statements.
 */
export function passTree(em: EntityManager, scope: PassScope): Promise<PassTree> {
  let tree = trees.get(scope);
  if (!tree) {
    tree = readTree(em, scope);
    trees.set(scope, tree);
    // A failed read is not kept: the next chunk (in a new transaction) reads again.
    tree.catch(() => trees.delete(scope));
  }
  return tree;
}

async function readTree(em: EntityManager, scope: PassScope): Promise<PassTree> {
  const end = scope.periodEnd;
  const parent = new Map<number, number>();
  const collectives: number[] = [];
  if (scope.subtree.length) {
    const rows: { id: number; kind: OrgUnitKind; alive: number | string; parentId: number | null }[] = await em.query(
      `SELECT u.id, u.kind, (u.validFrom <= ? AND (u.validTo IS NULL OR u.validTo > ?)) AS alive, l.parentId
         FROM org_unit u LEFT JOIN org_unit_link l ON l.unitId = u.id AND ${LINK_VALID_AT('l')}
        WHERE u.id IN (${marks(scope.subtree)})`,
      [end, end, end, end, ...scope.subtree],
    );
    const seen = new Set<number>();
    for (const r of rows) {
      const id = Number(r.id);
      if (r.parentId !== null && !parent.has(id)) parent.set(id, Number(r.parentId));
      if (!seen.has(id) && Number(r.alive) === 1 && COLLECTIVE_KINDS.includes(r.kind)) collectives.push(id);
      seen.add(id);
    }
    collectives.sort((a, b) => a - b);
  }
  // Where a chain leaves the subtree (at its top), the rest is read once: the sets may be published above the pass.
  const inside = new Set(scope.subtree);
  const tops = scope.subtree.filter((id) => !inside.has(parent.get(id) ?? -1));
  const above = await ancestorIdsOf(em, tops, end);
  const sets = await publishedSets(em, scope.periodId);
  const chain = (unitId: number): number[] => {
    const out: number[] = [];
    // Bounded like ancestorIdsOf: a cycle in bad link data must not hang the pass.
    for (let id = unitId; ; ) {
      const up = parent.get(id);
      if (up === undefined || !inside.has(id) || out.length >= 50) return [...out, ...(above.get(id) ?? [])];
      if (!inside.has(up)) return [...out, ...(above.get(id) ?? [up])];
      out.push(up);
      id = up;
    }
  };
  const chains = new Map<number, number[]>();
  const chainOf = (unitId: number) => {
    let found = chains.get(unitId);
    if (!found) chains.set(unitId, (found = chain(unitId)));
    return found;
  };
  // The set found for each kind and unit, by kind then unit: asked once per subject, a key string each time was a
  // measurable part of a chunk's own work.
  const setOf = new Map<SubjectKind, Map<number, number | null>>();
  return {
    upwardsInPass: (unitId) => {
      if (!inside.has(unitId)) return [];
      const out = [unitId];
      for (const up of chainOf(unitId)) {
        if (!inside.has(up)) break;
        out.push(up);
      }
      return out;
    },
    collectives,
    inPass: unitCondition(scope.subtree),
    parentOf: (unitId) => chainOf(unitId)[0] ?? unitId,
    setFor: (unitId, kind) => {
      let ofKind = setOf.get(kind);
      if (!ofKind) setOf.set(kind, (ofKind = new Map()));
      let found = ofKind.get(unitId);
      if (found === undefined) {
        found = sets.get(`${kind}@${unitId}`) ?? null;
        for (const owner of chainOf(unitId)) {
          if (found !== null) break;
          found = sets.get(`${kind}@${owner}`) ?? null;
        }
        ofKind.set(unitId, found);
      }
      return found;
    },
  };
}

/**
 * The condition that a column holds one of `ids`, as number literals: runs of consecutive ids as ranges (units are
 * made in batches, so a province's tens of thousands of units are a few runs, and the statement stays small), the
 * rest listed; a plain list when the ids are too scattered for ranges to help.
 */
export function unitCondition(ids: readonly number[]): (column: string) => string {
  const sorted = [...new Set(ids.map(Number))].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  const singles: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j += 1;
    if (j - i >= 3) ranges.push([sorted[i], sorted[j]]);
    else singles.push(...sorted.slice(i, j + 1));
    i = j + 1;
  }
  if (!sorted.length) return () => 'FALSE';
  if (ranges.length > 50) {
    const list = sorted.join(',');
    return (column) => `${column} IN (${list})`;
  }
  const list = singles.join(',');
  return (column) => `(${[...ranges.map(([a, b]) => `${column} BETWEEN ${a} AND ${b}`), ...(singles.length ? [`${column} IN (${list})`] : [])].join(' OR ')})`;
}

/** How much wider than the ids themselves their range may be and still be read as a range (idCondition). */
const DENSE = 1.5;

/**
 * The condition that `column` holds one of `ids` (members, say). A job reads its members in id order, so a chunk's
 * ids are mostly one dense run with gaps: read as one range, the server walks an index once instead of looking up
 * thousands of listed values one at a time (about half the time for a chunk of 10,000), and the rows of the few
 * members in the gaps are dropped by the caller, which looks up only its own ids. Scattered ids are listed. (Unlike
 * unitCondition, which is exact: the units of a pass are not read a chunk at a time.)
 */
export function idCondition(column: string, ids: readonly number[]): string {
  if (!ids.length) return 'FALSE';
  let min = Infinity;
  let max = -Infinity;
  for (const id of ids) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  return max - min + 1 <= ids.length * DENSE ? `${column} BETWEEN ${Number(min)} AND ${Number(max)}` : `${column} IN (${ids.map(Number).join(',')})`;
}

/** Published sets of the period by subject kind and owner. */
async function publishedSets(em: EntityManager, periodId: number): Promise<Map<string, number>> {
  const rows: { id: number; unitId: number; subjectKind: string }[] = await em.query(
    'SELECT id, unitId, subjectKind FROM criteria_set WHERE periodId = ? AND status = ?',
    [periodId, CriteriaSetStatus.PUBLISHED],
  );
  return new Map(rows.map((r) => [`${r.subjectKind}@${Number(r.unitId)}`, Number(r.id)]));
}
