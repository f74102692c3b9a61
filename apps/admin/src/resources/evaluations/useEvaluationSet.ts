/**
 * The evaluation's criteria set as the engine's definition, compiled once, so that the form shows the points of
 * every criterion and the trace as the values are typed (the server rates the same set when a step is saved).
 */
import { compile, type CompiledSet, type CriteriaSetDefinition } from '@dangbo/rating-engine';
import { useMemo } from 'react';
import { useGetList, useGetOne } from 'react-admin';
import { toDefinition } from '../criteria/tree';
import { normalizeRow, rulesOf, setFields, type CriteriaSetRecord } from '../criteria-sets/types';

export function useEvaluationSet(setId: string | null | undefined): { definition: CriteriaSetDefinition | null; compiled: CompiledSet | null; isPending: boolean } {
  const enabled = !!setId;
  const set = useGetOne<CriteriaSetRecord>('CriteriaSet', { id: setId ?? '', meta: { sparseFields: setFields() } }, { enabled });
  const rows = useGetList('Criterion', { filter: { setId }, pagination: { page: 1, perPage: 1000 }, sort: { field: 'position', order: 'ASC' } }, { enabled });
  const definition = useMemo(() => {
    if (!set.data || !rows.data) return null;
    const criteria = rows.data.map((r) => normalizeRow(r as unknown as Record<string, unknown>));
    return toDefinition({ ...rulesOf(set.data), subjectKind: set.data.subjectKind }, criteria);
  }, [set.data, rows.data]);
  const compiled = useMemo(() => {
    if (!definition) return null;
    const result = compile(definition);
    return result.ok ? result.compiled : null;
  }, [definition]);
  return { definition, compiled, isPending: enabled && (set.isPending || rows.isPending) };
}
