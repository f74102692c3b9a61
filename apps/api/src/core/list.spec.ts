import 'reflect-metadata';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { AppError } from './errors';
import { sortableFieldsOf, toPaging, toSortOrder } from './list';
import { searchCondition } from './text-order';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as AppError).extra.field;
  }
  return null;
};

@ObjectType('ListSpecThing')
class Thing {
  @Field(() => ID) id!: number;
  @Field(() => String) name!: string;
  @Field(() => Int) count!: number;
  @Field(() => Date, { nullable: true }) at!: Date | null;
  @Field(() => [String]) tags!: string[];
  @Field(() => GraphQLJSON) rules!: unknown;
  @Field(() => Thing, { nullable: true }) parent!: Thing | null;
  @Field(() => String, { nullable: true }) secret!: string | null;
}

describe('the list grammar', () => {
  it('pages from 0 and treats a missing perPage as "all", bounded by the maximum', () => {
    expect(toPaging({ page: 2, perPage: 25 }, 1000)).toEqual({ offset: 50, limit: 25 });
    expect(toPaging({}, 1000)).toEqual({ offset: 0, limit: 1000 });
  });

  it.each([
    [{ perPage: 100000 }, 'perPage'],
    [{ perPage: 0 }, 'perPage'],
    [{ page: -1 }, 'page'],
  ])('refuses %j naming %s', (args, field) => {
    expect(fieldOf(() => toPaging(args, 1000))).toBe(field);
  });

  it('takes ASC or DESC in any case and refuses any other sortOrder naming sortOrder', () => {
    expect(toSortOrder('desc', 'ASC')).toBe('DESC');
    expect(toSortOrder(undefined, 'DESC')).toBe('DESC');
    expect(fieldOf(() => toSortOrder('sideways', 'ASC'))).toBe('sortOrder');
  });

  it('derives the sortable fields from the GraphQL type: scalars and enums, not lists, objects, JSON or the excluded', () => {
    const fields = sortableFieldsOf(Thing, ['secret']);
    expect([...fields.keys()].sort()).toEqual(['at', 'count', 'id', 'name']);
    expect(fields.get('name')?.text).toBe(true);
    expect(fields.get('count')?.text).toBe(false);
    expect(fields.has('constructor')).toBe(false);
  });
});

describe('search', () => {
  it('folds the query and escapes LIKE wildcards', () => {
    const s = searchCondition([{ sql: 'x.searchText', kind: 'folded' }], '  Đảng 100%_ ');
    expect(s?.params.listQ).toBe('%dang 100!%!_%');
  });

  it('leaves ASCII columns out of a query they cannot hold, and matches nothing when no column can', () => {
    expect(searchCondition([{ sql: 'u.username', kind: 'ascii' }], '中文')?.where).toBe('1 = 0');
    const both = searchCondition([{ sql: 'u.username', kind: 'ascii' }, { sql: 'u.displayName', kind: 'text' }], '中文');
    expect(both?.where).not.toContain('username');
    expect(both?.where).toContain('displayName');
  });

  it('ignores an empty query', () => {
    expect(searchCondition([{ sql: 'a', kind: 'text' }], '   ')).toBeNull();
  });
});
