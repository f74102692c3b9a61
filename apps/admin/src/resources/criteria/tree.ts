/**
 * Pure helpers of the criteria editor: the API's flat `Criterion` rows as a tree, the engine's definition built
 * from them (with the editor's unsaved drafts applied), group sums, sibling moves and fresh codes. No React here,
 * so every rule of the editor is unit tested (tree.spec.ts).
 */
import type { BandDefinition, CriteriaSetDefinition, CriterionDefinition, DowngradeDefinition, GateDefinition, QuotaDefinition } from '@dangbo/rating-engine';
import { CriterionKind, type SubjectKind } from '@dangbo/shared-types';

/** One `Criterion` as the API returns it. */
export interface CriterionRow {
  id: string;
  setId: string;
  parentId: string | null;
  code: string;
  name: string;
  description?: string | null;
  kind: CriterionKind;
  max: number;
  min?: number | null;
  formula?: string | null;
  position: number;
  version: number;
}

/** The fields of a criterion the side panel edits. */
export type CriterionFields = Pick<CriterionRow, 'code' | 'name' | 'description' | 'kind' | 'max' | 'min' | 'formula'>;

/** Unsaved edits per criterion id. */
export type Drafts = Record<string, Partial<CriterionFields>>;

export interface CriterionNode extends CriterionRow {
  depth: number;
  children: CriterionNode[];
}

/** The set-level fields the definition needs (a `CriteriaSet` record, or the rules being edited). */
export interface SetRules {
  name: string;
  subjectKind: SubjectKind;
  totalMax: number;
  bands: BandDefinition[];
  gates: GateDefinition[];
  downgrades: DowngradeDefinition[];
  quota: QuotaDefinition;
}

// Sums of maxima are compared after rounding, as the engine does: 0.1 + 0.2 equals 0.3.
const EPS = 1e-6;

const byPosition = (a: CriterionRow, b: CriterionRow) => a.position - b.position || Number(a.id) - Number(b.id) || a.id.localeCompare(b.id);

/** Ids are strings in react-admin; a parent may come back as a number from a hand-written call. */
const key = (id: string | number | null | undefined): string | null => (id === null || id === undefined || id === '' ? null : String(id));

/** Rows grouped by parent, each list in position order. */
function childrenByParent(rows: readonly CriterionRow[]): Map<string | null, CriterionRow[]> {
  const ids = new Set(rows.map((r) => String(r.id)));
  const out = new Map<string | null, CriterionRow[]>();
  for (const row of rows) {
    // A row whose parent is gone (deleted meanwhile) is shown at the top rather than lost.
    const parent = key(row.parentId);
    const at = parent !== null && ids.has(parent) ? parent : null;
    out.set(at, [...(out.get(at) ?? []), row]);
  }
  for (const list of out.values()) list.sort(byPosition);
  return out;
}

/** The rows as a tree: top level first, children by position (then id), cycles cut. */
export function buildTree(rows: readonly CriterionRow[]): CriterionNode[] {
  const byParent = childrenByParent(rows);
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): CriterionNode[] =>
    (byParent.get(parent) ?? [])
      .filter((r) => !seen.has(String(r.id)))
      .map((r) => {
        seen.add(String(r.id));
        return { ...r, depth, children: build(String(r.id), depth + 1) };
      });
  return build(null, 0);
}

/** Every node depth first, a group before its children (the order the tree is shown in). */
export function flattenTree(nodes: readonly CriterionNode[]): CriterionNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** The rows with the unsaved edits applied (numbers kept as numbers, blanks as absent). */
export function applyDrafts(rows: readonly CriterionRow[], drafts: Drafts): CriterionRow[] {
  return rows.map((r) => (drafts[r.id] ? { ...r, ...drafts[r.id] } : r));
}

const text = (s: string | null | undefined) => (typeof s === 'string' && s.trim() !== '' ? s : undefined);

function toItem(n: CriterionNode): CriterionDefinition {
  const item: CriterionDefinition = { code: n.code, name: n.name, kind: n.kind, max: Number(n.max) };
  const description = text(n.description);
  if (description) item.description = description;
  if (n.min !== null && n.min !== undefined && Number.isFinite(Number(n.min))) item.min = Number(n.min);
  const formula = text(n.formula);
  if (formula) item.formula = formula;
  if (n.kind === CriterionKind.GROUP) item.children = n.children.map(toItem);
  return item;
}

/** The engine's definition of a set: what `compile`, `namesInScope` and `sampleInputs` read. */
export function toDefinition(rules: SetRules, rows: readonly CriterionRow[]): CriteriaSetDefinition {
  return {
    name: rules.name,
    subjectKind: rules.subjectKind,
    totalMax: Number(rules.totalMax),
    items: buildTree(rows).map(toItem),
    bands: rules.bands ?? [],
    gates: rules.gates ?? [],
    downgrades: rules.downgrades ?? [],
    quota: rules.quota,
  };
}

/** Points a node contributes to its parent's maximum: bonus and penalty stand outside it. */
export const countsTowardsMax = (kind: CriterionKind) => kind !== CriterionKind.BONUS && kind !== CriterionKind.PENALTY;

export interface SumCheck {
  /** The children's maxima added up (bonus and penalty excluded). */
  sum: number;
  /** The maximum they should add up to. */
  max: number;
  ok: boolean;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

function check(list: readonly CriterionNode[], max: number): SumCheck {
  const sum = round(list.filter((c) => countsTowardsMax(c.kind)).reduce((s, c) => s + (Number.isFinite(Number(c.max)) ? Number(c.max) : 0), 0));
  return { sum, max: Number(max), ok: Math.abs(sum - Number(max)) <= EPS };
}

/** Children's sum against the maximum, for every group (by id) and for the top level against `totalMax`. */
export function sumChecks(nodes: readonly CriterionNode[], totalMax: number): { groups: Map<string, SumCheck>; total: SumCheck } {
  const groups = new Map<string, SumCheck>();
  for (const n of flattenTree(nodes)) if (n.kind === CriterionKind.GROUP) groups.set(n.id, check(n.children, n.max));
  return { groups, total: check(nodes, totalMax) };
}

/** A new order of siblings, as `reorderCriteria(setId, parentId, ids)` takes it: every sibling, once. */
export interface SiblingOrder {
  parentId: string | null;
  ids: string[];
}

/**
 * Moves a criterion one place up (-1) or down (+1) among its siblings: the whole list of siblings in their new
 * order (the API renumbers them 0..n-1 in one transaction, whatever gaps or ties deletions and copies left), or
 * null when nothing moves (past either end, or an unknown id).
 */
export function moveOrder(rows: readonly CriterionRow[], id: string, delta: -1 | 1): SiblingOrder | null {
  const row = rows.find((r) => r.id === id);
  if (!row) return null;
  const parentId = key(row.parentId);
  const siblings = rows.filter((r) => key(r.parentId) === parentId).sort(byPosition);
  const from = siblings.findIndex((r) => r.id === id);
  const to = from + delta;
  if (to < 0 || to >= siblings.length) return null;
  const order = siblings.map((r) => r.id);
  [order[from], order[to]] = [order[to], order[from]];
  return { parentId, ids: order };
}

/** Whether a criterion is first / last among its siblings (the up / down buttons are disabled there). */
export function edgesOf(rows: readonly CriterionRow[], id: string): { first: boolean; last: boolean } {
  return { first: moveOrder(rows, id, -1) === null, last: moveOrder(rows, id, 1) === null };
}

/** The position a new child of `parentId` gets: after its last sibling. */
export function nextPosition(rows: readonly CriterionRow[], parentId: string | null): number {
  const siblings = rows.filter((r) => key(r.parentId) === key(parentId));
  return siblings.length ? Math.max(...siblings.map((r) => Number(r.position) || 0)) + 1 : 0;
}

/** `prefix_N` with the smallest N ≥ 1 no criterion of the set uses yet. */
export function nextCode(rows: readonly Pick<CriterionRow, 'code'>[], prefix: string): string {
  const used = new Set(rows.map((r) => r.code));
  for (let n = 1; ; n++) if (!used.has(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

/** Ids of everything inside a group (not the group itself), as `deleteCriterion` removes them with it. */
export function descendantIds(rows: readonly CriterionRow[], id: string): string[] {
  const out: string[] = [];
  const walk = (parent: string) => {
    for (const r of rows) {
      if (key(r.parentId) === parent && !out.includes(r.id) && r.id !== id) {
        out.push(r.id);
        walk(r.id);
      }
    }
  };
  walk(id);
  return out;
}

/** Only the fields that differ from the saved row, ready for `updateCriterion`. */
export function changedFields(row: CriterionRow, draft: Partial<CriterionFields> | undefined): Partial<CriterionFields> {
  if (!draft) return {};
  const out: Partial<CriterionFields> = {};
  const norm = (v: unknown) => (v === undefined || v === '' ? null : v);
  for (const [k, v] of Object.entries(draft) as [keyof CriterionFields, unknown][]) {
    if (norm(v) !== norm(row[k])) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
