/**
 * The data provider: the stock ra-data-graphql-simple over the API's committed schema (a static introspection
 * generated at build time, since Apollo answers no introspection in production), plus three habits of ours:
 *
 * - lists ask only for the columns the screens show (`meta.sparseFields`), not every relation of every row;
 * - writes send scalar arguments only (the provider would otherwise turn a fetched `cell { id }` into `cellId`,
 *   overriding the cell the clerk just picked);
 * - GraphQL errors become react-admin errors, with BAD_USER_INPUT shown on the input it names (graphqlErrors.ts),
 *   also when the API answers them with HTTP 400 (a query refused by its limits; graphqlLink.ts);
 * - every call tells connectionStatus.ts whether the API and its database answered (the outage banner).
 */
import buildGraphQLProvider from 'ra-data-graphql-simple';
import type { IntrospectionQuery } from 'graphql';
import type { DataProvider } from 'react-admin';
import { GRAPHQL_URL } from '../config';
import introspection from '../generated/introspection.json';
import { reportingConnection } from './connectionStatus';
import { toReactAdminError } from './graphqlErrors';
import { graphqlLink } from './graphqlLink';

type ApolloLinkOption = NonNullable<NonNullable<Parameters<typeof buildGraphQLProvider>[0]['clientOptions']>['link']>;

type SparseField = string | Record<string, SparseField[]>;

/** Extra request headers per call; the coming authProvider adds `Authorization` here. */
export type HeadersSource = () => Record<string, string>;

/** Columns fetched for lists, references and exports when a screen asks for nothing more specific. */
export const LIST_FIELDS: Record<string, SparseField[]> = {
  OrgUnit: [
    'id',
    'name',
    'shortName',
    'code',
    'kind',
    'massOrgKind',
    'parentId',
    'childCount',
    'memberCount',
    'validFrom',
    'validTo',
    'version',
    { parent: ['id', 'name'] },
  ],
  Member: [
    'id',
    'fullName',
    'familyName',
    'middleName',
    'givenName',
    'namePartsOverridden',
    'gender',
    'birthDate',
    'citizenId',
    'cardNumber',
    'recordNumber',
    'admittedOn',
    'officialOn',
    'partyAgeYears',
    'status',
    'cellId',
    'note',
    'version',
  ],
};

type Params = Record<string, unknown> & { meta?: Record<string, unknown>; data?: Record<string, unknown> };
type Method = (resource: string, params: Params) => Promise<unknown>;

/**
 * Drops what no mutation argument takes: nested records, lists, and the provider's flattened `cell.id` keys. A list
 * of ids named `…Ids` (an activity's `documentIds`) is an argument and stays.
 */
export function scalarArguments(data: Record<string, unknown>): Record<string, unknown> {
  const idList = (key: string, value: unknown) => key.endsWith('Ids') && Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number');
  return Object.fromEntries(
    Object.entries(data).filter(([key, value]) => !key.includes('.') && (value === null || typeof value !== 'object' || idList(key, value))),
  );
}

function withListFields(resource: string, params: Params): Params {
  const fields = LIST_FIELDS[resource];
  if (!fields || params.meta?.sparseFields) return params;
  // A fresh object each call: the provider deletes `sparseFields` from the meta it is given.
  return { ...params, meta: { ...params.meta, sparseFields: [...fields] } };
}

export function createDataProvider(headers: HeadersSource = () => ({})): DataProvider {
  // Apollo's CSRF guard lets through JSON posts anyway; the header also covers GET-style requests.
  const context = () => ({ headers: { 'apollo-require-preflight': 'true', ...headers() } });
  const base = buildGraphQLProvider({
    // A structural link (graphqlLink.ts): Apollo Client only ever calls its `request`.
    clientOptions: { link: graphqlLink(GRAPHQL_URL) as unknown as ApolloLinkOption },
    introspection: { schema: (introspection as unknown as IntrospectionQuery).__schema },
    // react-query caches already; Apollo's normalised cache would mix one unit read at two different dates.
    query: () => ({ fetchPolicy: 'no-cache', context: context() }),
    mutation: () => ({ fetchPolicy: 'no-cache', context: context() }),
  } as Parameters<typeof buildGraphQLProvider>[0]);

  const methods = base as unknown as Record<string, Method>;
  const wrap =
    (method: string | Method, prepare: (resource: string, params: Params) => Params, forForm: boolean): Method =>
    (resource, params) =>
      reportingConnection(() =>
        (typeof method === 'string' ? methods[method] : method)(resource, prepare(resource, params)).catch((e: unknown) => {
          throw toReactAdminError(e, { forForm });
        }),
      );
  /**
   * A reference read at a date (`meta.asOf`, e.g. a unit picked for a report on an earlier period): the stock getMany
   * sends only `filter.ids` (today), so it is asked as the list of those ids on that date.
   */
  const getManyAsOf: Method = async (resource, params) => {
    const { asOf, ...meta } = params.meta ?? {};
    if (!asOf) return methods.getMany(resource, params);
    const ids = (params.ids as unknown[]) ?? [];
    const list = (await methods.getList(resource, {
      filter: { ids, asOf },
      pagination: { page: 1, perPage: Math.max(ids.length, 1) },
      sort: { field: 'name', order: 'ASC' },
      meta,
    })) as { data: unknown[] };
    return { data: list.data };
  };
  const withoutAsOf = (resource: string, params: Params): Params => {
    const prepared = withListFields(resource, params);
    if (!prepared.meta || !('asOf' in prepared.meta)) return prepared;
    // The date travels in `filter.asOf` of a list; the stock provider would send the meta as a stray variable.
    const { asOf: _asOf, ...meta } = prepared.meta;
    return { ...prepared, meta };
  };
  const same = (_resource: string, params: Params) => params;
  const scalarData = (_resource: string, params: Params) => ({ ...params, data: scalarArguments(params.data ?? {}) });
  const provider = {
    ...base,
    getList: wrap('getList', withoutAsOf, false),
    getMany: wrap(getManyAsOf, withListFields, false),
    getManyReference: wrap('getManyReference', withListFields, false),
    getOne: wrap('getOne', same, false),
    create: wrap('create', scalarData, true),
    update: wrap('update', scalarData, true),
    updateMany: wrap('updateMany', scalarData, false),
    delete: wrap('delete', same, false),
    deleteMany: wrap('deleteMany', same, false),
  };
  return provider as unknown as DataProvider;
}
