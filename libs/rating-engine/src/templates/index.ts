import type { SubjectKind } from '@dangbo/shared-types';
import type { CriteriaSetDefinition } from '../types';
import { COLLECTIVE_SET } from './collective';
import { LEADER_SET } from './leader';
import { MEMBER_IN_SYSTEM_SET } from './member-in-system';
import { MEMBER_OUTSIDE_SYSTEM_SET } from './member-outside-system';
import { MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET } from './my-thanh';

export { COLLECTIVE_SET, LEADER_SET, MEMBER_IN_SYSTEM_SET, MEMBER_OUTSIDE_SYSTEM_SET, MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET };
export { DIRECTIVE_05_FORMULA, ATTENDANCE_FORMULA, EXEMPLARY_FORMULA } from './my-thanh';
export { MEMBER_DOWNGRADES, STANDARD_BANDS, STANDARD_QUOTA, standardGates } from './common';

/** The four national 366 frameworks, seed data for new criteria sets. */
export const FRAMEWORK_TEMPLATES: readonly CriteriaSetDefinition[] = [COLLECTIVE_SET, LEADER_SET, MEMBER_IN_SYSTEM_SET, MEMBER_OUTSIDE_SYSTEM_SET];

/** Every shipped set: the four frameworks and Mỹ Thạnh's own. */
export const ALL_TEMPLATES: readonly CriteriaSetDefinition[] = [...FRAMEWORK_TEMPLATES, MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET];

/**
 * A fresh copy of the national framework for a subject kind: what a new criteria set starts from, so that a
 * new leader set gets the leader's gates and downgrades, not a member's.
 */
export function templateFor(subjectKind: SubjectKind): CriteriaSetDefinition {
  const t = FRAMEWORK_TEMPLATES.find((x) => x.subjectKind === subjectKind);
  if (!t) throw new Error(`No 366 framework for subject kind ${String(subjectKind)}`);
  return JSON.parse(JSON.stringify(t)) as CriteriaSetDefinition;
}
