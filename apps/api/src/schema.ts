/** The one list of resolvers and the schema options. `apps/api/schema.graphql` is printed from this. */
import './graphql/enums';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { MemberResolver } from './modules/member/member.resolver';
import { OrgUnitResolver } from './modules/org-unit/org-unit.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [OrgUnitResolver, MemberResolver];

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    validate: { forbidUnknownValues: false },
  });
}

/** The committed SDL: sorted, so a diff shows only real API changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
