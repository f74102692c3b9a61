/**
 * The one list query behind every `allXs` / `_allXsMeta` / `X(id)`: the caller's scope, `ids`, `q`, the resource's
 * own filters, a sort on any field the GraphQL type shows, and paging. Every ORDER BY ends with the id in the same
 * direction, so the order is total and pages never repeat or skip a row.
 *
 * Sortable fields are derived from the GraphQL object type: every scalar or enum field that is not a list sorts,
 * by the column of the same name unless the resource names a source (a computed field sorts by what it is computed
 * from; a better key, such as a stored Vietnamese sort key, replaces the column). JSON fields have no order.
 */
import { GraphQLScalarType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Context } from '../context';
import { BadInputError, NotFoundError } from './errors';
import { parseId } from './input';
import { searchCondition, SearchColumn, textOrderOf } from './text-order';

export type { SearchColumn } from './text-order';
export type SortOrder = 'ASC' | 'DESC';

/** What a list request carries (the `allXs` arguments). */
export interface ListRequest {
  page?: number;
  perPage?: number;
  sortField?: string;
  sortOrder?: string;
}

/** What every resource filter carries: react-admin's getMany (`ids`) and search box (`q`). */
export interface ListFilter {
  ids?: string[];
  q?: string;
}

export interface Paging {
  offset: number;
  limit: number;
}

/** Validates page and perPage against the hard maximum; a request above it is refused, not silently cut. */
export function toPaging(args: ListRequest, maxPerPage: number): Paging {
  const page = args.page ?? 0;
  if (!Number.isInteger(page) || page < 0) throw new BadInputError('page', 'Số trang phải là số nguyên không âm');
  const perPage = args.perPage ?? maxPerPage;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > maxPerPage) {
    throw new BadInputError('perPage', `Số dòng mỗi trang phải từ 1 đến ${maxPerPage}`, { max: maxPerPage });
  }
  return { offset: page * perPage, limit: perPage };
}

export function toSortOrder(value: string | undefined, fallback: SortOrder): SortOrder {
  if (value === undefined || value === null) return fallback;
  const order = value.toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw new BadInputError('sortOrder', 'Thứ tự sắp xếp phải là ASC hoặc DESC');
  return order;
}

/** One ORDER BY source. `sql` is written by us, never client text. */
export interface SortTerm {
  sql: string;
  params?: Record<string, unknown>;
  /** Human text: sorted the Vietnamese way. */
  text?: boolean;
  /** The field falls as the source rises (party age and admission date); nulls still come first for ASC. */
  reverse?: boolean;
}

/** A value SQL cannot give cheaply (a subtree's member count): computed for every matching row, sorted in memory. */
export interface ValueSort {
  values: (ids: number[]) => Promise<Map<number, number | string | null>>;
}

export type SortSource = string | SortTerm | SortTerm[] | ValueSort;
export type SortResolver<F> = SortSource | ((ctx: Context, filter: F) => SortSource | Promise<SortSource>);

export interface ListSpec<E extends ObjectLiteral & { id: number }, F extends ListFilter> {
  /** The entity, which is also the GraphQL object type whose fields sort. */
  type: new () => E;
  alias: string;
  /** The resource as NOT_FOUND names it ("đơn vị"). */
  label: string;
  /** A base query with joins; default: the entity alone. */
  from?: (ctx: Context) => SelectQueryBuilder<E>;
  /**
   * How rows map to the caller's units. `units` defaults to the caller's subtrees (null: unrestricted); `column`
   * holds a row's unit, or `apply` restricts the query to rows of those units.
   */
  scope: {
    units?: (ctx: Context) => Promise<Iterable<number> | null>;
    column?: string;
    apply?: (qb: SelectQueryBuilder<E>, units: number[], ctx: Context) => void;
  };
  search: readonly SearchColumn[];
  /** The resource's own filters. */
  filter?: (qb: SelectQueryBuilder<E>, filter: F, ctx: Context) => void | Promise<void>;
  /** Sources of fields that are not a column of the same name. */
  sorts?: Record<string, SortResolver<F>>;
  /** Fields that have no order, with no column to read (a secret shown once). */
  unsortable?: readonly string[];
  defaultSort: string;
  defaultOrder?: SortOrder;
  /** Runs on the rows of a page (units carry the date they were read at). */
  decorate?: (rows: E[], filter: F, ctx: Context) => void;
}

interface FieldInfo {
  text: boolean;
}

const PLAIN_TYPES: unknown[] = [String, Number, Boolean, Date];

/** The sortable fields of a GraphQL object type, from type-graphql's metadata (class fields and resolver fields). */
export function sortableFieldsOf(type: abstract new (...args: never[]) => unknown, unsortable: readonly string[] = []): Map<string, FieldInfo> {
  const storage = getMetadataStorage();
  const onType = (resolverClass: unknown) => storage.resolverClasses.find((c) => c.target === resolverClass)?.getObjectType?.() === type;
  // The type and the classes it extends (a shared base declares some fields), the type's own first so they win.
  const lineage: unknown[] = [];
  for (let t: unknown = type; typeof t === 'function' && t !== Function.prototype; t = Object.getPrototypeOf(t)) lineage.push(t);
  const candidates = [
    ...storage.fields.filter((f) => lineage.includes(f.target)).sort((a, b) => lineage.indexOf(a.target) - lineage.indexOf(b.target)).map((f) => ({ name: f.schemaName, getType: f.getType, options: f.typeOptions })),
    ...storage.fieldResolvers
      .filter((r) => r.kind === 'external' && onType(r.target))
      .flatMap((r) => (r.getType ? [{ name: r.schemaName, getType: r.getType, options: r.typeOptions }] : [])),
  ];
  const out = new Map<string, FieldInfo>();
  for (const c of candidates) {
    if (out.has(c.name) || unsortable.includes(c.name)) continue;
    // type-graphql marks a list type only once getType() has run.
    const t = c.getType() as unknown;
    if (c.options?.array) continue;
    if (t instanceof GraphQLScalarType) {
      if (t.name === 'JSON') continue; // a JSON document has no order
      out.set(c.name, { text: false });
    } else if (typeof t === 'function' && !PLAIN_TYPES.includes(t)) {
      continue; // a related object (unit, cell): its id field sorts instead
    } else {
      // String, or an enum object: text. Numbers, booleans and dates: their natural order.
      out.set(c.name, { text: t === String || typeof t === 'object' });
    }
  }
  return out;
}

export interface ListQuery<E extends ObjectLiteral & { id: number }, F extends ListFilter> {
  /** The filtered, scoped query (no order, no paging). */
  query(ctx: Context, filter?: F): Promise<SelectQueryBuilder<E>>;
  list(ctx: Context, args: ListRequest, filter?: F, load?: (ids: number[]) => Promise<E[]>): Promise<E[]>;
  count(ctx: Context, filter?: F): Promise<number>;
  /** A row the caller may read, or null. */
  find(ctx: Context, id: number): Promise<E | null>;
  /** Every matching id in list order, no paging (exports read the rows in chunks by these ids). */
  allIds(ctx: Context, args: Omit<ListRequest, 'page' | 'perPage'>, filter?: F): Promise<number[]>;
  /** A row the caller may read, or NOT_FOUND (a row outside one's scope reads as missing). */
  get(ctx: Context, id: number): Promise<E>;
  readonly sortableFields: () => string[];
  /**
   * The page as one statement (a deferred join): `outer` receives the ordered, cut ids query as a subquery and
   * joins what the page shows; the outer query is ordered like the ids. Null for a sort computed in memory.
   */
  pageQuery(ctx: Context, args: ListRequest, filter: F | undefined, outer: (ids: SelectQueryBuilder<E>) => SelectQueryBuilder<E>): Promise<SelectQueryBuilder<E> | null>;
}

interface OrderedQuery<E extends ObjectLiteral> {
  qb: SelectQueryBuilder<E>;
  order: [string, SortOrder][];
  params: Record<string, unknown>;
}

interface ValueSorted {
  qb: SelectQueryBuilder<ObjectLiteral>;
  valueSort: ValueSort;
  dir: SortOrder;
  offset: number;
  limit: number;
}

function applyOrder(qb: SelectQueryBuilder<ObjectLiteral>, order: [string, SortOrder][]): void {
  order.forEach(([sql, d], i) => (i === 0 ? qb.orderBy(sql, d) : qb.addOrderBy(sql, d)));
}

export function defineList<E extends ObjectLiteral & { id: number }, F extends ListFilter>(spec: ListSpec<E, F>): ListQuery<E, F> {
  const a = spec.alias;
  let fields: Map<string, FieldInfo> | null = null;
  const fieldsOf = () => (fields ??= sortableFieldsOf(spec.type, spec.unsortable));

  async function query(ctx: Context, filter: F = {} as F): Promise<SelectQueryBuilder<E>> {
    const qb = spec.from ? spec.from(ctx) : ctx.em.createQueryBuilder(spec.type, a);
    const units = spec.scope.units ? await spec.scope.units(ctx) : await ctx.scope.unitIds(ctx.em, ctx.today);
    if (units) {
      const ids = [...units];
      if (spec.scope.apply) spec.scope.apply(qb, ids, ctx);
      else qb.andWhere(`${spec.scope.column} IN (:...listScope)`, { listScope: ids.length ? ids : [0] });
    }
    if (filter.ids) qb.andWhere(`${a}.id IN (:...listIds)`, { listIds: filter.ids.length ? filter.ids.map((id) => parseId('filter.ids', id)) : [0] });
    const search = filter.q ? searchCondition(spec.search, filter.q) : null;
    if (search) qb.andWhere(search.where, search.params);
    if (spec.filter) await spec.filter(qb, filter, ctx);
    return qb;
  }

  /** The source of a field: the named one, or the column of the same name (checked against the entity). */
  async function sourceOf(ctx: Context, field: string, info: FieldInfo, filter: F): Promise<SortTerm[] | ValueSort> {
    const named = spec.sorts?.[field];
    let source: SortSource;
    if (named !== undefined) source = typeof named === 'function' ? await named(ctx, filter) : named;
    else {
      // A resolver field over a column of its name (one that only masks the value) sorts by that column.
      if (!ctx.dataSource.getMetadata(spec.type).findColumnWithPropertyName(field)) {
        throw new Error(`List ${spec.type.name}: field "${field}" has no column; name its sort source or mark it unsortable`);
      }
      source = { sql: `${a}.${field}`, text: info.text };
    }
    if (typeof source === 'string') return [{ sql: source }];
    if (isValueSort(source)) return source;
    return Array.isArray(source) ? source : [source];
  }

  /**
   * The ids query of a page, ordered and cut, and its ORDER BY terms (so an outer statement that joins the page to
   * other tables can keep the order); null for a value sort, which is ordered in memory.
   */
  async function orderedQuery(ctx: Context, args: ListRequest, filter: F, all = false): Promise<OrderedQuery<E> | ValueSorted> {
    const { offset, limit } = all ? { offset: 0, limit: Number.MAX_SAFE_INTEGER } : toPaging(args, ctx.config.maxPerPage);
    const field = args.sortField ?? spec.defaultSort;
    const info = fieldsOf().get(field);
    if (!info) {
      throw new BadInputError('sortField', `Không sắp xếp được theo "${field}"; chọn một trong: ${[...fieldsOf().keys()].join(', ')}`);
    }
    const dir = toSortOrder(args.sortOrder, args.sortField ? 'ASC' : (spec.defaultOrder ?? 'ASC'));
    const source = await sourceOf(ctx, field, info, filter);
    const qb = (await query(ctx, filter)).select(`${a}.id`, 'id');
    if (isValueSort(source)) return { qb, valueSort: source, dir, offset, limit };

    // Looked up once per data source, and only when text is sorted.
    const text = source.some((t) => t.text) ? await textOrderOf(ctx.dataSource) : null;
    const flip = (d: SortOrder): SortOrder => (d === 'ASC' ? 'DESC' : 'ASC');
    const order: [string, SortOrder][] = [];
    const params: Record<string, unknown> = {};
    for (const term of source) {
      if (term.params) Object.assign(params, term.params);
      if (term.reverse) order.push([`CASE WHEN ${term.sql} IS NULL THEN 0 ELSE 1 END`, dir]);
      const d = term.reverse ? flip(dir) : dir;
      for (const sql of term.text && text ? text.terms(term.sql) : [term.sql]) order.push([sql, d]);
    }
    order.push([`${a}.id`, dir]);
    qb.setParameters(params);
    // TypeORM keys ORDER BY by expression: a repeated key would overwrite the direction of the first (the old bug).
    const seen = new Set<string>();
    const unique = order.filter(([sql]) => !seen.has(sql) && seen.add(sql));
    applyOrder(qb, unique);
    if (!all) qb.offset(offset).limit(limit);
    return { qb, order: unique, params };
  }

  async function orderedIds(ctx: Context, args: ListRequest, filter: F, all = false): Promise<number[]> {
    const ordered = await orderedQuery(ctx, args, filter, all);
    if ('valueSort' in ordered) {
      const { qb, valueSort, dir, offset, limit } = ordered;
      const every = (await qb.getRawMany<{ id: number | string }>()).map((r) => Number(r.id));
      const values = await valueSort.values(every);
      const sign = dir === 'ASC' ? 1 : -1;
      every.sort((x, y) => sign * (compareNullsFirst(values.get(x) ?? null, values.get(y) ?? null) || x - y));
      return every.slice(offset, offset + limit);
    }
    const rows = await ordered.qb.getRawMany<{ id: number | string }>();
    return rows.map((r) => Number(r.id));
  }

  async function list(ctx: Context, args: ListRequest, filter: F = {} as F, load?: (ids: number[]) => Promise<E[]>): Promise<E[]> {
    const ids = await orderedIds(ctx, args, filter);
    if (ids.length === 0) return [];
    const found = load ? await load(ids) : await ctx.em.find(spec.type, { where: { id: In(ids) } as never });
    const byId = new Map(found.map((row) => [row.id, row]));
    const rows = ids.map((id) => byId.get(id)).filter((row): row is E => row !== undefined);
    spec.decorate?.(rows, filter, ctx);
    return rows;
  }

  async function find(ctx: Context, id: number): Promise<E | null> {
    const filter = { ids: [String(id)] } as F;
    const row = await (await query(ctx, filter)).getOne();
    if (row) spec.decorate?.([row], filter, ctx);
    return row;
  }

  return {
    query,
    list,
    count: async (ctx, filter) => (await query(ctx, filter)).getCount(),
    find,
    allIds: (ctx, args, filter = {} as F) => orderedIds(ctx, args, filter, true),
    get: async (ctx, id) => {
      const row = await find(ctx, id);
      if (!row) throw new NotFoundError(spec.label, id);
      return row;
    },
    sortableFields: () => [...fieldsOf().keys()],
    async pageQuery(ctx, args, filter = {} as F, outer) {
      const ordered = await orderedQuery(ctx, args, filter);
      if ('valueSort' in ordered) return null;
      const qb = outer(ordered.qb);
      qb.setParameters({ ...ordered.qb.getParameters(), ...ordered.params });
      applyOrder(qb as SelectQueryBuilder<ObjectLiteral>, ordered.order);
      return qb;
    },
  };
}

const isValueSort = (s: SortSource): s is ValueSort => typeof s === 'object' && !Array.isArray(s) && 'values' in s;

/** Nulls first, then numbers numerically and text the Vietnamese way. */
function compareNullsFirst(x: number | string | null, y: number | string | null): number {
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return VI.compare(String(x), String(y));
}

const VI = new Intl.Collator('vi');
