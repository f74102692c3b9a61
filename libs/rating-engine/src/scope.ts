import { CriterionKind } from '@dangbo/shared-types';
import type { CriteriaSetDefinition, CriterionDefinition } from './types';
import { DERIVED, FACTS, METRICS, TOTAL_NAME } from './variables';

/** Every criterion of a tree, depth first, groups before their children. */
export function allCriteria(items: readonly CriterionDefinition[] | undefined): CriterionDefinition[] {
  const out: CriterionDefinition[] = [];
  const walk = (list: readonly CriterionDefinition[] | undefined, depth: number): void => {
    if (!Array.isArray(list) || depth > MAX_DEPTH) return;
    for (const c of list) {
      if (!c || typeof c !== 'object') continue;
      out.push(c);
      if (c.kind === CriterionKind.GROUP) walk(c.children, depth + 1);
    }
  };
  walk(items, 1);
  return out;
}

/** Deepest nesting of groups accepted; the 366 frameworks use two levels. */
export const MAX_DEPTH = 6;

/** Kinds whose points come from a formula that may read other criteria. */
export function readsCriteria(kind: CriterionKind): boolean {
  return kind === CriterionKind.FORMULA || kind === CriterionKind.BONUS || kind === CriterionKind.PENALTY;
}

/**
 * Names a formula may use:
 *
 * - no `criterionCode` (gates and downgrades): every metric, fact and derived share, every criterion code (its points; for a
 *   group its clamped subtotal) and `total` (the clamped total);
 * - a `METRIC` criterion: metrics and facts only, so that it depends on data, never on other criteria;
 * - a `FORMULA` criterion, or a `BONUS` / `PENALTY` with a formula: metrics, facts and the codes of all other
 *   criteria (cycles are refused by `compile`);
 * - `SCORE`, `CHECK` and `GROUP` have no formula: the list is empty;
 * - a code not (yet) in the set, as while a new criterion is being typed: metrics and facts.
 *
 * Metrics come before facts and derived shares, then criterion codes in tree order.
 */
export function namesInScope(set: CriteriaSetDefinition, criterionCode?: string): string[] {
  const variables = [...METRICS, ...FACTS, ...DERIVED].map((x) => x.name);
  const codes = allCriteria(set.items)
    .map((c) => c.code)
    .filter((c) => typeof c === 'string');
  if (criterionCode === undefined) return [...variables, ...codes, TOTAL_NAME];
  const own = allCriteria(set.items).find((c) => c.code === criterionCode);
  if (!own || own.kind === CriterionKind.METRIC) return variables;
  if (readsCriteria(own.kind)) return [...variables, ...codes.filter((c) => c !== criterionCode)];
  return [];
}
