/** The one list of resolvers and the schema options. `apps/api/schema.graphql` is printed from this. */
import './graphql/enums';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { authChecker } from './graphql/auth-checker';
import { AuditEntryResolver } from './modules/audit/audit.resolver';
import { ApiTokenResolver } from './modules/auth/api-token.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { CriteriaSetResolver, CriterionResolver } from './modules/criteria/criteria.resolver';
import { RatingPeriodResolver } from './modules/rating-period/rating-period.resolver';
import { MemberResolver } from './modules/member/member.resolver';
import { OrgUnitResolver } from './modules/org-unit/org-unit.resolver';
import { RoleGrantResolver, UserResolver } from './modules/user/user.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  AuthResolver,
  OrgUnitResolver,
  MemberResolver,
  UserResolver,
  RoleGrantResolver,
  ApiTokenResolver,
  AuditEntryResolver,
  RatingPeriodResolver,
  CriteriaSetResolver,
  CriterionResolver,
];

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    validate: { forbidUnknownValues: false },
    authChecker,
  });
}

/** The committed SDL: sorted, so a diff shows only real API changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
