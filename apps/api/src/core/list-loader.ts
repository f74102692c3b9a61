/**
 * A per-request loader of the rows a caller may read, by id, through a resource's own list query (its scope
 * included): a relation field asked on a page of 200 rows costs one statement per batch, not one scoped look-up per
 * row. A missing id and one outside the caller's scope both load as null, as `find` answers them.
 *
 * The list's `decorate` hook is not run here: use it only for lists that have none (documents, activities, ...).
 */
import DataLoader from 'dataloader';
import { ObjectLiteral } from 'typeorm';
import { Context } from '../context';
import { ListFilter, ListQuery } from './list';

// Keyed by the request's loaders object: one cache per request, dropped with it.
const perRequest = new WeakMap<object, Map<unknown, DataLoader<number, unknown>>>();

export function readableById<E extends ObjectLiteral & { id: number }, F extends ListFilter>(ctx: Context, list: ListQuery<E, F>): DataLoader<number, E | null> {
  let loaders = perRequest.get(ctx.loaders);
  if (!loaders) {
    loaders = new Map();
    perRequest.set(ctx.loaders, loaders);
  }
  let loader = loaders.get(list) as DataLoader<number, E | null> | undefined;
  if (!loader) {
    loader = new DataLoader<number, E | null>(async (ids) => {
      const rows = await (await list.query(ctx, { ids: ids.map(String) } as F)).getMany();
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    loaders.set(list, loader as DataLoader<number, unknown>);
  }
  return loader;
}
