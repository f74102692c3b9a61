import type { BandDefinition, CriteriaSetDefinition, DowngradeDefinition, GateDefinition, QuotaDefinition } from '@dangbo/rating-engine';
import { CriteriaSetStatus, CriterionKind, type SubjectKind } from '@dangbo/shared-types';
import type { CriterionRow } from '../criteria/tree';

/** A `CriteriaSet` as the API returns it. */
export interface CriteriaSetRecord {
  id: string;
  name: string;
  unitId: string;
  unit?: { id: string; name?: string } | null;
  periodId: string;
  subjectKind: SubjectKind;
  status: CriteriaSetStatus;
  revision: number;
  lineageId?: string | null;
  totalMax: number;
  bands: BandDefinition[];
  gates: GateDefinition[];
  downgrades: DowngradeDefinition[];
  quota: QuotaDefinition;
  publishedAt?: string | null;
  version: number;
  definition?: CriteriaSetDefinition;
  /** The signed-in user holds MANAGE_CRITERIA on the owner unit: may edit the draft, publish, clone. */
  viewerCanManage?: boolean;
}

/** Fields of a set the editor reads (the unit with its name, not only its id); a fresh list per call. */
export const setFields = () => [
  'id',
  'name',
  'unitId',
  { unit: ['id', 'name'] },
  'periodId',
  'subjectKind',
  'status',
  'revision',
  'lineageId',
  'totalMax',
  'bands',
  'gates',
  'downgrades',
  'quota',
  'publishedAt',
  'version',
  'viewerCanManage',
];

/** The rules part of a set, as the rules tab edits it. */
export const rulesOf = (set: CriteriaSetRecord) => ({
  name: set.name,
  totalMax: Number(set.totalMax),
  bands: Array.isArray(set.bands) ? set.bands : [],
  gates: Array.isArray(set.gates) ? set.gates : [],
  downgrades: Array.isArray(set.downgrades) ? set.downgrades : [],
  quota: set.quota ?? { share: 0.2, outstandingShare: 0.25 },
});

/** A row from the data provider with its numbers as numbers and its ids as strings. */
export function normalizeRow(r: Record<string, unknown>): CriterionRow {
  const num = (x: unknown) => (x === null || x === undefined || x === '' ? null : Number(x));
  return {
    id: String(r.id),
    setId: String(r.setId),
    parentId: r.parentId === null || r.parentId === undefined ? null : String(r.parentId),
    code: String(r.code ?? ''),
    name: String(r.name ?? ''),
    description: (r.description as string | null | undefined) ?? null,
    kind: (r.kind as CriterionKind) ?? CriterionKind.SCORE,
    max: Number(r.max ?? 0),
    min: num(r.min),
    formula: (r.formula as string | null | undefined) ?? null,
    position: Number(r.position ?? 0),
    version: Number(r.version ?? 1),
  };
}

/** Chip colours of the statuses. */
export const STATUS_COLORS: Record<CriteriaSetStatus, 'default' | 'success' | 'warning'> = {
  [CriteriaSetStatus.DRAFT]: 'warning',
  [CriteriaSetStatus.PUBLISHED]: 'success',
  [CriteriaSetStatus.ARCHIVED]: 'default',
};
