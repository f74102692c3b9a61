/**
 * The preview's inputs: which boxes to show for a set (entered points, checks, metrics, facts) and how the values
 * typed so far survive an edit of the set (a new criterion gets its sample value, a removed one disappears).
 */
import type { CriteriaSetDefinition, CriterionDefinition, Evaluation, SubjectInputs } from '@dangbo/rating-engine';
import { FACTS, METRICS, VARIABLES } from '@dangbo/rating-engine';
import { CriterionKind, Level } from '@dangbo/shared-types';

export interface ScoreField {
  code: string;
  name: string;
  kind: CriterionKind;
  min: number;
  max: number;
}

/** Leaves whose points a person enters: SCORE, and BONUS / PENALTY without a formula; and the CHECKs. */
export function inputCriteria(definition: CriteriaSetDefinition): { scores: ScoreField[]; checks: ScoreField[] } {
  const scores: ScoreField[] = [];
  const checks: ScoreField[] = [];
  const walk = (list: readonly CriterionDefinition[] | undefined) => {
    for (const c of list ?? []) {
      const field = { code: c.code, name: c.name, kind: c.kind, min: c.min ?? 0, max: c.max };
      if (c.kind === CriterionKind.GROUP) walk(c.children);
      else if (c.kind === CriterionKind.SCORE) scores.push(field);
      else if ((c.kind === CriterionKind.BONUS || c.kind === CriterionKind.PENALTY) && !c.formula?.trim()) scores.push(field);
      else if (c.kind === CriterionKind.CHECK) checks.push(field);
    }
  };
  walk(definition.items);
  return { scores, checks };
}

const pick = <T>(prev: Record<string, T> | undefined, sample: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(sample).map(([k, v]) => [k, prev && k in prev ? prev[k] : v]));

/** The sample inputs of the set, with every value already typed for a name that still exists kept. */
export function mergeInputs(prev: SubjectInputs | null, sample: SubjectInputs): SubjectInputs {
  return {
    scores: pick(prev?.scores, sample.scores),
    checks: pick(prev?.checks, sample.checks),
    metrics: pick(prev?.metrics, sample.metrics),
    facts: pick(prev?.facts, sample.facts),
  };
}

/**
 * The metrics and facts a set reads somewhere (a criterion's formula, a gate, a downgrade): the preview shows
 * these first. Names are found as words of the formulas, which is exact for the variables (their names are not
 * the names of functions, criteria or keywords).
 */
export function usedVariables(definition: CriteriaSetDefinition): Set<string> {
  const texts: string[] = [];
  const walk = (list: readonly CriterionDefinition[] | undefined) =>
    (list ?? []).forEach((c) => {
      if (c.formula) texts.push(c.formula);
      walk(c.children);
    });
  walk(definition.items);
  for (const g of definition.gates ?? []) texts.push(g?.expression ?? '');
  for (const d of definition.downgrades ?? []) texts.push(d?.expression ?? '');
  const out = new Set<string>();
  // A derived share (tasks_late_share) is entered as the counts it comes from.
  for (const text of texts) for (const word of text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) for (const n of VARIABLES.get(word)?.from ?? (VARIABLES.has(word) ? [word] : [])) out.add(n);
  return out;
}

/** Metrics and facts, in the catalogue's order, for the input boxes. */
export const VARIABLE_GROUPS = [
  { source: 'metrics' as const, list: METRICS },
  { source: 'facts' as const, list: FACTS },
];

/** A result from the server has its trace values as text; the two agree when the numbers and levels do. */
export function sameResult(a: Pick<Evaluation, 'total' | 'level' | 'bandLevel' | 'points'>, b: Pick<Evaluation, 'total' | 'level' | 'bandLevel' | 'points'>): boolean {
  if (a.total !== b.total || a.level !== b.level || a.bandLevel !== b.bandLevel) return false;
  const keys = new Set([...Object.keys(a.points ?? {}), ...Object.keys(b.points ?? {})]);
  return [...keys].every((k) => a.points?.[k] === b.points?.[k]);
}

/** Chip colours of the levels, best first. */
export const LEVEL_COLORS: Record<Level, 'success' | 'info' | 'warning' | 'error'> = {
  [Level.EXCELLENT]: 'success',
  [Level.GOOD]: 'info',
  [Level.COMPLETED]: 'warning',
  [Level.NOT_COMPLETED]: 'error',
};
