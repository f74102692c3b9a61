import { CriterionKind, Level, SubjectKind } from '@dangbo/shared-types';
import type { CriteriaSetDefinition, CriterionDefinition, SubjectInputs } from './types';

/** Builders for the specs (not exported from the package). */
export const score = (code: string, max: number, extra: Partial<CriterionDefinition> = {}): CriterionDefinition => ({
  code,
  name: `Tiêu chí ${code}`,
  kind: CriterionKind.SCORE,
  max,
  ...extra,
});

export const group = (code: string, max: number, children: CriterionDefinition[]): CriterionDefinition => ({
  code,
  name: `Nhóm ${code}`,
  kind: CriterionKind.GROUP,
  max,
  children,
});

export function makeSet(items: CriterionDefinition[], extra: Partial<CriteriaSetDefinition> = {}): CriteriaSetDefinition {
  return {
    name: 'Bộ tiêu chí thử',
    subjectKind: SubjectKind.MEMBER_OUTSIDE_SYSTEM,
    totalMax: 100,
    items,
    bands: [
      { level: Level.EXCELLENT, min: 90 },
      { level: Level.GOOD, min: 70 },
      { level: Level.COMPLETED, min: 50 },
    ],
    gates: [],
    downgrades: [],
    quota: { share: 0.2, outstandingShare: 0.25 },
    ...extra,
  };
}

/**
 * Inputs where every 366 condition holds: 10 tasks all on time, 3 exceeded, shortcomings fixed, no discipline,
 * none of the named violations, led units complete with 30% exceeding.
 */
export const GOOD_FACTS: Readonly<Record<string, number>> = {
  tasks_assigned: 10,
  tasks_on_time: 10,
  tasks_late: 0,
  tasks_missed: 0,
  tasks_exceeded: 3,
  shortcomings_fixed_pct: 100,
  low_confidence_pct: 0,
  degeneration_signs: 0,
  forbidden_acts_breach: 0,
  internal_disunity: 0,
  cadre_work_violation: 0,
  socio_economic_targets_met: 1,
  corruption_in_led_area: 0,
  leadership_members_disciplined: 0,
  subordinate_units_disciplined: 0,
  led_units_done_pct: 100,
  led_units_failed_pct: 0,
  led_units_exceeding_share: 0.3,
};

export function inputs(scores: Record<string, number> = {}, extra: Partial<SubjectInputs> = {}): SubjectInputs {
  return {
    scores,
    checks: {},
    metrics: { discipline_level: 0, study_registered: 1, study_months_reported: 12, study_generic_count: 0, attendance_rate: 100, commendations: 0 },
    facts: { ...GOOD_FACTS },
    ...extra,
  };
}
