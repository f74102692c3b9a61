/**
 * The bulk grammar of ra-data-graphql-simple with `bulkActionsEnabled: true`: `updateXs(ids, data)` and
 * `deleteXs(ids)`, both answering `{ ids }` (X pluralised like the list query: `updateCriteria`, `deleteUsers`).
 * Each runs the single mutation's rules for every id inside one transaction (runBulk in audit.service.ts).
 */
import { ArgsType, ClassType, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('BulkResult', { description: 'Các bản ghi đã sửa hoặc xóa (tất cả hoặc không bản ghi nào)' })
export class BulkResult {
  @Field(() => [ID])
  ids!: string[];
}

@ArgsType()
export class BulkIdsArgs {
  @Field(() => [ID])
  ids!: string[];
}

/** `(ids, data: Patch)`: `data` holds only what makes sense to set on many records at once. */
export function bulkUpdateArgsFor<P extends object>(Patch: ClassType<P>) {
  @ArgsType()
  class BulkUpdateArgs extends BulkIdsArgs {
    @Field(() => Patch)
    data!: P;
  }
  return BulkUpdateArgs;
}
