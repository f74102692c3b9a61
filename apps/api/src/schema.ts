/** The one list of resolvers and the schema options. `apps/api/schema.graphql` is printed from this. */
import './graphql/enums';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { authChecker } from './graphql/auth-checker';
import { AuditEntryResolver } from './modules/audit/audit.resolver';
import { ActivityResolver } from './modules/activity/activity.resolver';
import { AttendanceResolver, OutreachResolver } from './modules/activity/records.resolver';
import { DocumentRecipientResolver, DocumentResolver } from './modules/document/document.resolver';
import { DirectiveResolver } from './modules/directive/directive.resolver';
import { ApiTokenResolver } from './modules/auth/api-token.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { CriteriaSetResolver, CriterionResolver } from './modules/criteria/criteria.resolver';
import { RatingPeriodResolver } from './modules/rating-period/rating-period.resolver';
import { MemberResolver } from './modules/member/member.resolver';
import { MemberAssignmentResolver, MemberPositionResolver } from './modules/member/member-history.resolver';
import { OrgUnitResolver } from './modules/org-unit/org-unit.resolver';
import { OrgUnitFieldsResolver } from './modules/org-unit/org-unit.fields';
import { OrgEventResolver, OrgLineageResolver, OrgUnitLineageFieldsResolver } from './modules/org-event/org-event.resolver';
import { RoleGrantResolver, UserResolver } from './modules/user/user.resolver';
import { StudyEntryResolver, StudyRegistrationResolver } from './modules/study/study.resolver';
import { CommendationResolver, DisciplineResolver, ExemplaryModelResolver } from './modules/recognition/recognition.resolver';
import { InspectionActionResolver, InspectionResolver } from './modules/inspection/inspection.resolver';
import { EvaluationResolver, RatingPeriodWorkflowResolver } from './modules/evaluation/evaluation.resolver';
import { RatingJobResolver } from './modules/rating-job/rating-job.resolver';
import { ReportDraftResolver } from './modules/report/report-draft.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  AuthResolver,
  OrgUnitResolver,
  OrgUnitFieldsResolver,
  OrgUnitLineageFieldsResolver,
  OrgEventResolver,
  OrgLineageResolver,
  MemberResolver,
  MemberAssignmentResolver,
  MemberPositionResolver,
  UserResolver,
  RoleGrantResolver,
  ApiTokenResolver,
  AuditEntryResolver,
  RatingPeriodResolver,
  CriteriaSetResolver,
  CriterionResolver,
  DocumentResolver,
  DocumentRecipientResolver,
  ActivityResolver,
  AttendanceResolver,
  OutreachResolver,
  StudyRegistrationResolver,
  StudyEntryResolver,
  CommendationResolver,
  DisciplineResolver,
  ExemplaryModelResolver,
  InspectionResolver,
  InspectionActionResolver,
  DirectiveResolver,
  ReportDraftResolver,
  EvaluationResolver,
  RatingPeriodWorkflowResolver,
  RatingJobResolver,
];

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    // No argument class carries class-validator rules (inputs are checked by core/input.ts and the services), so
    // validating was only cost: type-graphql ran class-validator on every argument of every call (BENCHMARKS.md).
    validate: false,
    authChecker,
  });
}

/** The committed SDL: sorted, so a diff shows only real API changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
