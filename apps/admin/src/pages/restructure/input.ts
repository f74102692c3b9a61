/** The wizard's form values as the mutation's input, and date arithmetic: pure, so they are unit-tested. */
export interface RestructureInput {
  type: string;
  effectiveDate: string;
  unitIds?: string[];
  targetId?: string | null;
  parentId?: string | null;
  newUnits?: { name: string; kind: string }[];
  newName?: string | null;
  grantPolicy?: string | null;
  decisionNumber?: string | null;
  decisionDate?: string | null;
  note?: string | null;
}

/** Form values → the mutation's input: only the fields the chosen type uses. */
export function toInput(v: Record<string, unknown>): RestructureInput {
  const type = String(v.type ?? '');
  const text = (k: string) => (typeof v[k] === 'string' && (v[k] as string).trim() ? (v[k] as string) : null);
  const makesUnit = type === 'FOUND' || type === 'MERGE';
  return {
    type,
    effectiveDate: String(v.effectiveDate ?? ''),
    unitIds: type === 'FOUND' ? [] : ((v.unitIds as string[] | undefined) ?? []),
    targetId: type === 'ABSORB' ? text('targetId') : null,
    parentId: ['FOUND', 'MERGE', 'MOVE'].includes(type) ? text('parentId') : null,
    newUnits: makesUnit ? [{ name: text('newUnitName') ?? '', kind: text('newUnitKind') ?? '' }] : [],
    newName: type === 'RENAME' ? text('newName') : null,
    grantPolicy: text('grantPolicy'),
    decisionNumber: text('decisionNumber'),
    decisionDate: text('decisionDate'),
    note: text('note'),
  };
}
