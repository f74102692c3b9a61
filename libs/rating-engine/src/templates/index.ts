import type { CriteriaSetDefinition } from '../types';
import { COLLECTIVE_SET } from './collective';
import { LEADER_SET } from './leader';
import { MEMBER_IN_SYSTEM_SET } from './member-in-system';
import { MEMBER_OUTSIDE_SYSTEM_SET } from './member-outside-system';
import { MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET } from './my-thanh';

export { COLLECTIVE_SET, LEADER_SET, MEMBER_IN_SYSTEM_SET, MEMBER_OUTSIDE_SYSTEM_SET, MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET };
export { DIRECTIVE_05_FORMULA, ATTENDANCE_FORMULA, EXEMPLARY_FORMULA } from './my-thanh';
export { STANDARD_BANDS, STANDARD_QUOTA, standardGates } from './common';

/** The four national 366 frameworks, seed data for new criteria sets. */
export const FRAMEWORK_TEMPLATES: readonly CriteriaSetDefinition[] = [COLLECTIVE_SET, LEADER_SET, MEMBER_IN_SYSTEM_SET, MEMBER_OUTSIDE_SYSTEM_SET];

/** Every shipped set: the four frameworks and Mỹ Thạnh's own. */
export const ALL_TEMPLATES: readonly CriteriaSetDefinition[] = [...FRAMEWORK_TEMPLATES, MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET];
