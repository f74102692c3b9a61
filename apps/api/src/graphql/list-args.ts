/**
 * The list grammar of ra-data-graphql-simple: `allXs(page, perPage, sortField, sortOrder, filter)` and
 * `_allXsMeta(page, perPage, filter)`. Pages are 0-based; getMany sends no perPage, so a missing perPage means
 * "all matching rows", bounded by the hard maximum. The query behind them is core/list.ts.
 */
import { ArgsType, ClassType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { ListFilter, ListRequest } from '../core/list';

@ArgsType()
export class PageArgs implements ListRequest {
  @Field(() => Int, { nullable: true })
  page?: number;

  @Field(() => Int, { nullable: true })
  perPage?: number;

  @Field(() => String, { nullable: true })
  sortField?: string;

  @Field(() => String, { nullable: true })
  sortOrder?: string;
}

/**
 * The two argument shapes of a resource's list: `allXs(page, perPage, sortField, sortOrder, filter)` and
 * `_allXsMeta(page, perPage, filter)`. Extend them with `@ArgsType()` classes named after the resource.
 */
export function listArgsFor<F extends object>(Filter: ClassType<F>) {
  @ArgsType()
  class ListArgs extends PageArgs {
    @Field(() => Filter, { nullable: true })
    filter?: F;
  }

  @ArgsType()
  class MetaArgs {
    @Field(() => Int, { nullable: true })
    page?: number;

    @Field(() => Int, { nullable: true })
    perPage?: number;

    @Field(() => Filter, { nullable: true })
    filter?: F;
  }
  return { ListArgs, MetaArgs };
}

/** What every resource filter takes: `ids` (react-admin's getMany) and `q` (its search box). Extended, never used alone. */
@InputType('BaseFilter')
export class BaseFilter implements ListFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => String, { nullable: true })
  q?: string;
}

@ObjectType()
export class ListMetadata {
  @Field(() => Int)
  count!: number;
}

// Paging lives with the list helper; re-exported for callers that read it from here.
export { toPaging } from '../core/list';
export type { Paging } from '../core/list';
