/**
 * Criteria demo data: the year 2025 (the first round under Quy định 366-QĐ/TW) and 2026, the four framework
 * templates published by the province, and Mỹ Thạnh's own set for members outside the political system with the
 * Directive 05 criterion its 2017 report planned. Definitions come from libs/rating-engine's templates.
 */
import { CriteriaSetDefinition, FRAMEWORK_TEMPLATES, MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET } from '@dangbo/rating-engine';
import { CriteriaSetStatus, PeriodKind } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { CriteriaSetEntity, CriterionEntity } from '../../modules/criteria/criteria.entity';
import { flattenItems } from '../../modules/criteria/criteria.mapper';
import { RatingPeriodEntity } from '../../modules/rating-period/rating-period.entity';
import { CRITERIA_SET, PERIOD, UNIT } from './demo.constants';

async function insertSet(em: EntityManager, id: number, unitId: number, definition: CriteriaSetDefinition): Promise<void> {
  await em.insert(CriteriaSetEntity, {
    id,
    unitId,
    periodId: PERIOD.YEAR_2025,
    subjectKind: definition.subjectKind,
    name: definition.name,
    frame: definition.frame ?? null,
    status: CriteriaSetStatus.PUBLISHED,
    revision: 1,
    lineageId: id,
    totalMax: definition.totalMax,
    bands: definition.bands,
    gates: definition.gates,
    downgrades: definition.downgrades,
    quota: definition.quota,
    publishedAt: new Date('2025-11-10T02:00:00Z'),
  });
  const ids: number[] = [];
  for (const { row, parentIndex } of flattenItems(definition.items)) {
    const result = await em.insert(CriterionEntity, { ...row, setId: id, parentId: parentIndex === null ? null : ids[parentIndex] });
    ids.push(Number(result.identifiers[0].id));
  }
}

export async function insertCriteria(em: EntityManager): Promise<void> {
  await em.insert(RatingPeriodEntity, [
    { id: PERIOD.YEAR_2025, unitId: UNIT.PROVINCE_BEN_TRE, kind: PeriodKind.YEAR, year: 2025, quarter: 0, name: 'Năm 2025', startDate: '2025-01-01', endDate: '2025-12-31', lockedAt: null },
    { id: PERIOD.YEAR_2026, unitId: UNIT.PROVINCE_BEN_TRE, kind: PeriodKind.YEAR, year: 2026, quarter: 0, name: 'Năm 2026', startDate: '2026-01-01', endDate: '2026-12-31', lockedAt: null },
  ]);
  const frameworkIds = [CRITERIA_SET.COLLECTIVE, CRITERIA_SET.LEADER, CRITERIA_SET.MEMBER_IN_SYSTEM, CRITERIA_SET.MEMBER_OUTSIDE_SYSTEM];
  for (const [i, definition] of FRAMEWORK_TEMPLATES.entries()) await insertSet(em, frameworkIds[i], UNIT.PROVINCE_BEN_TRE, definition);
  await insertSet(em, CRITERIA_SET.MY_THANH_MEMBER_OUTSIDE_SYSTEM, UNIT.COMMUNE_MY_THANH, MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET);
}
