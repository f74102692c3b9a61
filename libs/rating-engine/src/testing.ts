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
    quota: { share: 0.2, outstandingShare: 0.25, baseIncludesPromoted: true },
    ...extra,
  };
}

/** Inputs where every 366 condition holds: all tasks done, 30% exceeded, shortcomings fixed, no discipline. */
export function inputs(scores: Record<string, number> = {}, extra: Partial<SubjectInputs> = {}): SubjectInputs {
  return {
    scores,
    checks: {},
    metrics: { discipline_level: 0, study_registered: 1, study_months_reported: 12, study_generic_count: 0, attendance_rate: 100, commendations: 0 },
    facts: { tasks_done_pct: 100, tasks_exceeded_pct: 30, tasks_late_pct: 0, tasks_missed_pct: 0, shortcomings_fixed_pct: 100, low_confidence_pct: 0 },
    ...extra,
  };
}
