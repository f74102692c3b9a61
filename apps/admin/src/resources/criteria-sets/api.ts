/**
 * The editor's writes and the verbs beyond CRUD (reorder, publish, clone, preview). They go straight to GraphQL, with the
 * session's bearer token, rather than through the react-admin data provider, because the provider keeps only
 * scalar arguments (a set's bands, gates, downgrades and quota are JSON) and only the first error's message,
 * while the editor needs the whole refusal: `extensions.errors` of a refused publish and `extensions.position`
 * of a refused formula. Reads stay with the data provider (useGetOne / useGetList).
 */
import type { CriteriaSetDefinition, Evaluation, SubjectInputs, TraceStep } from '@dangbo/rating-engine';
import { ErrorCode } from '@dangbo/shared-types';
import { GRAPHQL_URL } from '../../config';
import { authHeaders } from '../../providers';
import type { CriterionFields, CriterionRow, SetRules } from '../criteria/tree';

/** A refusal of the API, with everything it said. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The argument a BAD_USER_INPUT names (`formula`, `code`, `max`, …). */
  get field(): string | undefined {
    return typeof this.extensions.field === 'string' ? this.extensions.field : undefined;
  }
}

type Fetch = typeof fetch;

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** One GraphQL call; throws an ApiError carrying the first error's code and extensions. */
export async function graphql<T>(query: string, variables: Record<string, unknown>, doFetch: Fetch = fetch): Promise<T> {
  let response: Response;
  try {
    response = await doFetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...authHeaders() },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('ra.notification.http_error', 'NETWORK');
  }
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
  const first = body.errors?.[0];
  if (first) {
    const extensions = first.extensions ?? {};
    throw new ApiError(first.message, typeof extensions.code === 'string' ? extensions.code : ErrorCode.INTERNAL_SERVER_ERROR, extensions);
  }
  if (!response.ok || !body.data) throw new ApiError('ra.notification.http_error', response.status === 401 ? ErrorCode.UNAUTHENTICATED : 'HTTP');
  return body.data;
}

const CRITERION_FIELDS = 'id setId parentId code name description kind max min formula position version';

export type NewCriterion = CriterionFields & { setId: string; parentId: string | null; position: number };

export const createCriterion = (c: NewCriterion) =>
  graphql<{ createCriterion: CriterionRow }>(
    `mutation CreateCriterion($setId: ID!, $parentId: ID, $code: String!, $name: String!, $kind: CriterionKind!, $max: Float!, $min: Float, $formula: String, $description: String, $position: Int) {
      createCriterion(setId: $setId, parentId: $parentId, code: $code, name: $name, kind: $kind, max: $max, min: $min, formula: $formula, description: $description, position: $position) { ${CRITERION_FIELDS} }
    }`,
    { ...c },
  ).then((d) => d.createCriterion);

export const updateCriterion = (id: string, version: number, fields: Partial<CriterionFields>) =>
  graphql<{ updateCriterion: CriterionRow }>(
    `mutation UpdateCriterion($id: ID!, $version: Int, $code: String, $name: String, $kind: CriterionKind, $max: Float, $min: Float, $formula: String, $description: String) {
      updateCriterion(id: $id, version: $version, code: $code, name: $name, kind: $kind, max: $max, min: $min, formula: $formula, description: $description) { ${CRITERION_FIELDS} }
    }`,
    { id, version, ...fields },
  ).then((d) => d.updateCriterion);

/**
 * Puts every sibling under `parentId` (null: the top level) in the order of `ids`, in one transaction; the API
 * refuses (BAD_USER_INPUT, field `ids`) a list that is not exactly those siblings, e.g. after someone else added one.
 */
export const reorderCriteria = (setId: string, parentId: string | null, ids: string[]) =>
  graphql<{ reorderCriteria: CriterionRow[] }>(
    `mutation ReorderCriteria($setId: ID!, $parentId: ID, $ids: [ID!]!) {
      reorderCriteria(setId: $setId, parentId: $parentId, ids: $ids) { ${CRITERION_FIELDS} }
    }`,
    { setId, parentId, ids },
  ).then((d) => d.reorderCriteria);

export const deleteCriterion = (id: string) =>
  graphql<{ deleteCriterion: { id: string } }>(`mutation DeleteCriterion($id: ID!) { deleteCriterion(id: $id) { id } }`, { id }).then((d) => d.deleteCriterion);

export const updateCriteriaSet = (id: string, version: number, rules: Omit<SetRules, 'subjectKind'>) =>
  graphql<{ updateCriteriaSet: { id: string; version: number } }>(
    `mutation UpdateCriteriaSet($id: ID!, $version: Int, $name: String, $totalMax: Float, $bands: JSON, $gates: JSON, $downgrades: JSON, $quota: JSON) {
      updateCriteriaSet(id: $id, version: $version, name: $name, totalMax: $totalMax, bands: $bands, gates: $gates, downgrades: $downgrades, quota: $quota) { id version }
    }`,
    { id, version, ...rules },
  ).then((d) => d.updateCriteriaSet);

export const publishCriteriaSet = (id: string) =>
  graphql<{ publishCriteriaSet: { id: string; status: string } }>(`mutation PublishCriteriaSet($id: ID!) { publishCriteriaSet(id: $id) { id status } }`, { id }).then(
    (d) => d.publishCriteriaSet,
  );

export const cloneCriteriaSet = (id: string) =>
  graphql<{ cloneCriteriaSet: { id: string; revision: number } }>(`mutation CloneCriteriaSet($id: ID!) { cloneCriteriaSet(id: $id) { id revision } }`, { id }).then(
    (d) => d.cloneCriteriaSet,
  );

export const deleteCriteriaSet = (id: string) =>
  graphql<{ deleteCriteriaSet: { id: string } }>(`mutation DeleteCriteriaSet($id: ID!) { deleteCriteriaSet(id: $id) { id } }`, { id }).then((d) => d.deleteCriteriaSet);

/** The server's preview: the same shape as the engine's Evaluation, trace values as text. */
export type ServerPreview = Omit<Evaluation, 'trace'> & { inputs: SubjectInputs; trace: (Omit<TraceStep, 'before' | 'after'> & { before?: string | null; after?: string | null })[] };

/**
 * The server's rating of the set on `inputs`. With `definition` (the engine's definition of the draft as the editor
 * holds it, unsaved edits included) the server rates that; without it, the set as saved.
 */
export const previewCriteriaSet = (id: string, inputs: SubjectInputs, definition?: CriteriaSetDefinition) =>
  graphql<{ previewCriteriaSet: ServerPreview }>(
    `query PreviewCriteriaSet($id: ID!, $inputs: JSON, $definition: JSON) {
      previewCriteriaSet(id: $id, inputs: $inputs, definition: $definition) {
        errors { path code message criterionCode position } inputs points groups total bandLevel level trace { kind code message before after }
      }
    }`,
    definition ? { id, inputs, definition } : { id, inputs },
  ).then((d) => d.previewCriteriaSet);
