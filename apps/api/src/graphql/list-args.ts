/**
 * The list grammar of ra-data-graphql-simple: `allXs(page, perPage, sortField, sortOrder, filter)` and
 * `_allXsMeta(page, perPage, filter)`. Pages are 0-based; getMany sends no perPage, so a missing perPage means
 * "all matching rows", bounded by the hard maximum.
 */
import { ArgsType, ClassType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BadInputError } from './errors';

@ArgsType()
export class PageArgs {
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
export class BaseFilter {
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

export interface Paging {
  offset: number;
  limit: number;
}

/** Validates page and perPage against the hard maximum; a request above it is refused, not silently cut. */
export function toPaging(args: PageArgs, maxPerPage: number): Paging {
  const page = args.page ?? 0;
  if (!Number.isInteger(page) || page < 0) throw new BadInputError('page', 'Số trang phải là số nguyên không âm');
  const perPage = args.perPage ?? maxPerPage;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > maxPerPage) {
    throw new BadInputError('perPage', `Số dòng mỗi trang phải từ 1 đến ${maxPerPage}`, { max: maxPerPage });
  }
  return { offset: page * perPage, limit: perPage };
}

/** Maps a client sort field to SQL expressions through a whitelist; never interpolates client text. */
export function toOrder<W extends Record<string, string[]>>(
  args: PageArgs,
  whitelist: W,
  fallback: keyof W & string,
): { columns: string[]; direction: 'ASC' | 'DESC' } {
  const field = args.sortField ?? fallback;
  const columns = Object.prototype.hasOwnProperty.call(whitelist, field) ? whitelist[field] : undefined;
  if (!columns) {
    throw new BadInputError('sortField', `Không sắp xếp được theo "${args.sortField}"; chọn một trong: ${Object.keys(whitelist).join(', ')}`);
  }
  const order = (args.sortOrder ?? 'ASC').toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw new BadInputError('sortOrder', 'Thứ tự sắp xếp phải là ASC hoặc DESC');
  return { columns, direction: order };
}
