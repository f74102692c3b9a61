import { CriterionKind } from '@dangbo/shared-types';
import { round2 } from './format';
import { allCriteria } from './scope';
import type { CriteriaSetDefinition, SubjectInputs } from './types';
import { FACTS, METRICS } from './variables';

/**
 * Plausible inputs for previewing a set in the editor: every SCORE at 80% of its max, every CHECK met, no
 * bonus or penalty entered, and the catalogue's sample value for every metric and fact.
 */
export function sampleInputs(set: CriteriaSetDefinition): SubjectInputs {
  const scores: Record<string, number> = {};
  const checks: Record<string, boolean> = {};
  for (const c of allCriteria(set.items)) {
    if (c.kind === CriterionKind.SCORE && typeof c.max === 'number') scores[c.code] = round2(c.max * 0.8);
    if ((c.kind === CriterionKind.BONUS || c.kind === CriterionKind.PENALTY) && !c.formula) scores[c.code] = 0;
    if (c.kind === CriterionKind.CHECK) checks[c.code] = true;
  }
  return {
    scores,
    checks,
    metrics: Object.fromEntries(METRICS.map((m) => [m.name, m.sample])),
    facts: Object.fromEntries(FACTS.map((f) => [f.name, f.sample])),
  };
}
