/** Between the stored rows and the engine's plain definition (libs/rating-engine), both ways. */
import type { BandDefinition, CriteriaSetDefinition, CriterionDefinition, DowngradeDefinition, GateDefinition, QuotaDefinition } from '@dangbo/rating-engine';
import { CriterionKind } from '@dangbo/shared-types';
import { CriteriaSetEntity, CriterionEntity } from './criteria.entity';

export function toDefinition(set: CriteriaSetEntity, rows: CriterionEntity[]): CriteriaSetDefinition {
  const byParent = new Map<number | null, CriterionEntity[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const build = (parentId: number | null): CriterionDefinition[] =>
    (byParent.get(parentId) ?? [])
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .map((r) => ({
        code: r.code,
        name: r.name,
        ...(r.description ? { description: r.description } : {}),
        kind: r.kind,
        max: Number(r.max),
        ...(r.min !== null && r.min !== undefined ? { min: Number(r.min) } : {}),
        ...(r.formula ? { formula: r.formula } : {}),
        ...(r.kind === CriterionKind.GROUP ? { children: build(r.id) } : {}),
      }));
  return {
    name: set.name,
    subjectKind: set.subjectKind,
    ...(set.frame ? { frame: set.frame as CriteriaSetDefinition['frame'] } : {}),
    totalMax: Number(set.totalMax),
    items: build(null),
    bands: (set.bands ?? []) as BandDefinition[],
    gates: (set.gates ?? []) as GateDefinition[],
    downgrades: (set.downgrades ?? []) as DowngradeDefinition[],
    quota: set.quota as QuotaDefinition,
  };
}

/** Rows for a definition's items, in insertion order (parents before children); ids are assigned on insert. */
export function flattenItems(items: CriterionDefinition[]): { row: Omit<CriterionEntity, 'id' | 'setId' | 'parentId' | 'version'>; parentIndex: number | null }[] {
  const out: { row: Omit<CriterionEntity, 'id' | 'setId' | 'parentId' | 'version'>; parentIndex: number | null }[] = [];
  const walk = (list: CriterionDefinition[], parentIndex: number | null) => {
    list.forEach((c, position) => {
      out.push({
        row: { code: c.code, name: c.name, description: c.description ?? null, kind: c.kind, max: c.max, min: c.min ?? null, formula: c.formula ?? null, position },
        parentIndex,
      });
      const index = out.length - 1;
      if (c.children) walk(c.children, index);
    });
  };
  walk(items, null);
  return out;
}
