/**
 * The rating's calls beyond the list grammar: the three steps and re-rating, the quota of a deciding unit, the
 * summary, lock and reopen, and the bulk jobs. They go straight to GraphQL (criteria-sets/api.ts `graphql`), which
 * keeps a refusal's `extensions` whole: the numbers of a QUOTA_EXCEEDED and the list of an ORDER refusal.
 */
import type { Level, SubjectKind } from '@dangbo/shared-types';
import { graphql } from '../criteria-sets/api';

export type EvaluationStage = 'PENDING' | 'SUBMITTED' | 'APPRAISED' | 'DECIDED';
export type StageKind = 'SELF' | 'APPRAISAL' | 'DECISION' | 'RERATING';
export type Step = 'submit' | 'appraise' | 'decide';

export interface StageRecord {
  id: string;
  kind: StageKind;
  total: number | null;
  engineLevel: Level | null;
  proposedLevel: Level | null;
  reason: string | null;
  actor: string;
  createdAt: string;
}

export interface TraceLine {
  kind: string;
  code?: string | null;
  message: string;
}

export interface EvaluationRecord {
  id: string;
  periodId: string;
  subjectKind: SubjectKind;
  subjectName: string;
  memberId: string | null;
  subjectUnitId: string | null;
  unitId: string;
  decidingUnitId: string;
  criteriaSetId: string | null;
  peerGroup: string;
  stage: EvaluationStage;
  status: 'ACTIVE' | 'WITHDRAWN';
  level: Level | null;
  engineLevel: Level | null;
  proposedLevel: Level | null;
  total: number | null;
  scores: Record<string, number> | null;
  checks: Record<string, boolean> | null;
  facts: Record<string, number> | null;
  metrics: Record<string, number> | null;
  trace: TraceLine[] | null;
  errors: { path: string; message: string }[] | null;
  decidedAt: string | null;
  version: number;
  /** Whether the viewer's committee is above the deciding unit: only it may re-rate (server rule, not the role alone). */
  viewerCanRerate?: boolean;
  unit?: { id: string; name: string; parentId: string | null } | null;
  decidingUnit?: { id: string; name: string } | null;
  stages?: StageRecord[];
}

/** Columns of the lists (the decision screen's included). */
export const LIST_FIELDS = [
  'id',
  'periodId',
  'subjectKind',
  'subjectName',
  'memberId',
  'unitId',
  'decidingUnitId',
  'peerGroup',
  'stage',
  'status',
  'level',
  'engineLevel',
  'proposedLevel',
  'total',
  'version',
  { unit: ['id', 'name'] },
];

export const EVALUATION_FIELDS = `id periodId subjectKind subjectName memberId subjectUnitId unitId decidingUnitId criteriaSetId peerGroup stage status
  level engineLevel proposedLevel total scores checks facts metrics trace errors decidedAt version viewerCanRerate
  unit { id name parentId } decidingUnit { id name }
  stages { id kind total engineLevel proposedLevel reason actor createdAt }`;

export const fetchEvaluation = (id: string) =>
  graphql<{ Evaluation: EvaluationRecord }>(`query Evaluation($id: ID!) { Evaluation(id: $id) { ${EVALUATION_FIELDS} } }`, { id }).then((d) => d.Evaluation);

export interface StepInput {
  id: string;
  version: number;
  scores?: Record<string, number>;
  checks?: Record<string, boolean>;
  facts?: Record<string, number>;
  level?: Level | null;
  reason?: string | null;
}

const MUTATION: Record<Step, string> = { submit: 'submitEvaluation', appraise: 'appraiseEvaluation', decide: 'decideEvaluation' };

export function takeStep(step: Step, input: StepInput): Promise<EvaluationRecord> {
  const name = MUTATION[step];
  return graphql<Record<string, EvaluationRecord>>(
    `mutation Step($id: ID!, $version: Int!, $scores: JSON, $checks: JSON, $facts: JSON, $level: Level, $reason: String) {
      ${name}(id: $id, version: $version, scores: $scores, checks: $checks, facts: $facts, level: $level, reason: $reason) { ${EVALUATION_FIELDS} }
    }`,
    { ...input },
  ).then((d) => d[name]);
}

export const rerateEvaluation = (input: { id: string; version: number; level: Level; reason: string }) =>
  graphql<{ rerateEvaluation: EvaluationRecord }>(
    `mutation Rerate($id: ID!, $version: Int!, $level: Level!, $reason: String!) { rerateEvaluation(id: $id, version: $version, level: $level, reason: $reason) { ${EVALUATION_FIELDS} } }`,
    input,
  ).then((d) => d.rerateEvaluation);

export interface QuotaGroup {
  peerGroup: string;
  subjectKind: SubjectKind;
  subjects: number;
  undecided: number;
  excellent: number;
  good: number;
  base: number;
  allowed: number;
  share: number;
  outstanding: boolean;
  baseIncludesExcellent: boolean;
  ok: boolean;
  message: string;
}

export const fetchQuota = (periodId: string, decidingUnitId: string) =>
  graphql<{ quotaStatus: QuotaGroup[] }>(
    `query Quota($periodId: ID!, $decidingUnitId: ID!) {
      quotaStatus(periodId: $periodId, decidingUnitId: $decidingUnitId) { peerGroup subjectKind subjects undecided excellent good base allowed share outstanding baseIncludesExcellent ok message }
    }`,
    { periodId, decidingUnitId },
  ).then((d) => d.quotaStatus);

export interface LevelCount {
  level: Level;
  count: number;
  share: number;
}

export interface SummaryGroup {
  key: string;
  label: string;
  subjectKind: SubjectKind | null;
  childUnitId: string | null;
  total: number;
  decided: number;
  levels: LevelCount[];
}

export interface RatingSummary {
  total: number;
  decided: number;
  levels: LevelCount[];
  bySubjectKind: SummaryGroup[];
  byChildUnit: SummaryGroup[];
}

const GROUP = 'key label subjectKind childUnitId total decided levels { level count share }';

export const fetchSummary = (periodId: string, unitId: string) =>
  graphql<{ ratingSummary: RatingSummary }>(
    `query Summary($periodId: ID!, $unitId: ID!) {
      ratingSummary(periodId: $periodId, unitId: $unitId) { total decided levels { level count share } bySubjectKind { ${GROUP} } byChildUnit { ${GROUP} } }
    }`,
    { periodId, unitId },
  ).then((d) => d.ratingSummary);

export interface RatingLock {
  id: string;
  unitId: string;
  lockedAt: string;
  lockedBy: string;
  reopenedAt: string | null;
  reopenedBy: string | null;
  reopenReason: string | null;
}

export interface PeriodState {
  id: string;
  name: string;
  unitId: string;
  lockedAt: string | null;
  version: number;
  quotaShare: number;
  outstandingShare: number;
  baseIncludesExcellent: boolean;
  orderCollectiveBeforeHead: boolean;
  orderMembersBeforeOrganisation: boolean;
  orderLowerBeforeUpper: boolean;
  locks: RatingLock[];
}

const PERIOD = `id name unitId lockedAt version quotaShare outstandingShare baseIncludesExcellent orderCollectiveBeforeHead orderMembersBeforeOrganisation orderLowerBeforeUpper
  locks { id unitId lockedAt lockedBy reopenedAt reopenedBy reopenReason }`;

export const fetchPeriod = (id: string) => graphql<{ RatingPeriod: PeriodState }>(`query Period($id: ID!) { RatingPeriod(id: $id) { ${PERIOD} } }`, { id }).then((d) => d.RatingPeriod);

export const lockPeriod = (id: string, unitId: string | null) =>
  graphql<{ lockRatingPeriod: PeriodState }>(`mutation Lock($id: ID!, $unitId: ID) { lockRatingPeriod(id: $id, unitId: $unitId) { ${PERIOD} } }`, { id, unitId }).then(
    (d) => d.lockRatingPeriod,
  );

export const reopenPeriod = (id: string, unitId: string | null, reason: string) =>
  graphql<{ reopenRatingPeriod: PeriodState }>(
    `mutation Reopen($id: ID!, $unitId: ID, $reason: String!) { reopenRatingPeriod(id: $id, unitId: $unitId, reason: $reason) { ${PERIOD} } }`,
    { id, unitId, reason },
  ).then((d) => d.reopenRatingPeriod);

export type JobState = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface RatingJob {
  id: string;
  kind: 'OPEN' | 'RECOMPUTE';
  state: JobState;
  unitId: string;
  processed: number;
  total: number | null;
  created: number;
  progress: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

const JOB = 'id kind state unitId processed total created progress error createdAt finishedAt';

export const startJob = (kind: 'open' | 'recompute', id: string, unitId: string | null) => {
  const name = kind === 'open' ? 'openRatingPeriod' : 'recomputeRatingPeriod';
  return graphql<Record<string, RatingJob>>(`mutation Job($id: ID!, $unitId: ID) { ${name}(id: $id, unitId: $unitId) { ${JOB} } }`, { id, unitId }).then((d) => d[name]);
};

export const fetchJob = (id: string) => graphql<{ RatingJob: RatingJob }>(`query Job($id: ID!) { RatingJob(id: $id) { ${JOB} } }`, { id }).then((d) => d.RatingJob);

export const fetchJobs = (periodId: string) =>
  graphql<{ ratingJobs: RatingJob[] }>(`query Jobs($periodId: ID!) { ratingJobs(periodId: $periodId) { ${JOB} } }`, { periodId }).then((d) => d.ratingJobs);
