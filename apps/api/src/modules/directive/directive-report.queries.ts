/**
 * Reads behind directiveReport. A record counts for a directive when it is tied to the directive or to a document
 * that implements it, at any depth (38-KH/ĐU implements 05-CT/TW): activities through activity_document;
 * commendations, models and inspections through their document or their activity. Each read is one statement over
 * the unit's subtree (as of the period's end) and the period.
 */
import { ActivityAudience, ActivityKind, PropagandaMedium } from '../activity/activity.entity';
import { ActivityEntity } from '../activity/activity.entity';
import { MembershipKind, OrgUnitKind } from '@dangbo/shared-types';
import { EntityManager, In } from 'typeorm';
import { DocumentEntity } from '../document/document.entity';
import { LINK_VALID_AT } from '../org-unit/tree.queries';

export interface Period {
  from: string;
  to: string;
}

const marks = (ids: readonly unknown[]) => (ids.length ? ids.map(() => '?').join(',') : 'NULL');

/** The directive and every document implementing it, at any depth. */
export async function documentFamily(em: EntityManager, documentId: number): Promise<number[]> {
  const rows: { id: number }[] = await em.query(
    `WITH RECURSIVE fam (id, depth) AS (
       SELECT id, 0 FROM document WHERE id = ?
       UNION ALL
       SELECT d.id, fam.depth + 1 FROM document d JOIN fam ON d.\`implementsId\` = fam.id WHERE fam.depth < 20
     ) SELECT DISTINCT id FROM fam`,
    [documentId],
  );
  return rows.map((r) => Number(r.id));
}

/** Documents of the family (not the directive itself) issued in the period. */
export async function familyDocuments(em: EntityManager, family: number[], directiveId: number, period: Period): Promise<DocumentEntity[]> {
  const ids = family.filter((id) => id !== directiveId);
  if (!ids.length) return [];
  const docs = await em.find(DocumentEntity, { where: { id: In(ids) }, order: { issuedOn: 'ASC', id: 'ASC' } });
  return docs.filter((d) => d.issuedOn >= period.from && d.issuedOn <= period.to);
}

/** Cells (chi bộ, chi bộ cơ sở) among the units. */
export async function cellsAmong(em: EntityManager, unitIds: number[]): Promise<number[]> {
  if (!unitIds.length) return [];
  const rows: { id: number }[] = await em.query(`SELECT id FROM org_unit WHERE id IN (${marks(unitIds)}) AND kind IN (?, ?) ORDER BY id`, [
    ...unitIds,
    OrgUnitKind.CELL,
    OrgUnitKind.GRASSROOTS_CELL,
  ]);
  return rows.map((r) => Number(r.id));
}

/** Units among `unitIds` that were sent a document of the family within the period. */
export async function recipientsAmong(em: EntityManager, family: number[], unitIds: number[], period: Period): Promise<Set<number>> {
  if (!unitIds.length) return new Set();
  const rows: { unitId: number }[] = await em.query(
    `SELECT DISTINCT \`unitId\` FROM document_recipient WHERE \`documentId\` IN (${marks(family)}) AND \`unitId\` IN (${marks(unitIds)}) AND \`sentOn\` BETWEEN ? AND ?`,
    [...family, ...unitIds, period.from, period.to],
  );
  return new Set(rows.map((r) => Number(r.unitId)));
}

/** Activities organised in the subtree within the period and linked to a document of the family. */
export async function familyActivities(em: EntityManager, family: number[], subtree: number[], period: Period): Promise<ActivityEntity[]> {
  if (!subtree.length) return [];
  return em
    .createQueryBuilder(ActivityEntity, 'a')
    .where('a.unitId IN (:...subtree)', { subtree })
    .andWhere('a.heldOn BETWEEN :from AND :to', period)
    .andWhere('EXISTS (SELECT 1 FROM activity_document ad WHERE ad.activityId = a.id AND ad.documentId IN (:...family))', { family })
    .orderBy('a.heldOn', 'ASC')
    .addOrderBy('a.id', 'ASC')
    .getMany();
}

/** Marks on each activity's sheet: how many rows, how many present. */
export async function sheetCounts(em: EntityManager, activityIds: number[]): Promise<Map<number, { marked: number; present: number }>> {
  if (!activityIds.length) return new Map();
  const rows: { activityId: number; marked: string; present: string | null }[] = await em.query(
    `SELECT \`activityId\`, COUNT(*) AS marked, SUM(present) AS present FROM attendance WHERE \`activityId\` IN (${marks(activityIds)}) GROUP BY \`activityId\``,
    activityIds,
  );
  return new Map(rows.map((r) => [Number(r.activityId), { marked: Number(r.marked), present: Number(r.present ?? 0) }]));
}

export interface OutreachLineRow {
  unitId: number;
  unitName: string;
  audience: ActivityAudience;
  reachedCount: number;
  headCount: number;
}

export async function outreachOf(em: EntityManager, activityIds: number[]): Promise<OutreachLineRow[]> {
  if (!activityIds.length) return [];
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT o.\`unitId\`, COALESCE(u.\`shortName\`, u.name) AS unitName, o.audience, o.\`reachedCount\`, o.\`headCount\`
       FROM outreach o JOIN org_unit u ON u.id = o.\`unitId\`
      WHERE o.\`activityId\` IN (${marks(activityIds)}) ORDER BY o.\`unitId\`, o.id`,
    activityIds,
  );
  return rows.map((r) => ({
    unitId: Number(r.unitId),
    unitName: String(r.unitName),
    audience: r.audience as ActivityAudience,
    reachedCount: Number(r.reachedCount),
    headCount: Number(r.headCount),
  }));
}

export async function namesOf(em: EntityManager, memberIds: number[], unitIds: number[]): Promise<{ members: Map<number, string>; units: Map<number, string> }> {
  const members: { id: number; fullName: string }[] = memberIds.length ? await em.query(`SELECT id, \`fullName\` FROM member WHERE id IN (${marks(memberIds)})`, memberIds) : [];
  const units: { id: number; name: string }[] = unitIds.length ? await em.query(`SELECT id, name FROM org_unit WHERE id IN (${marks(unitIds)})`, unitIds) : [];
  return { members: new Map(members.map((m) => [Number(m.id), m.fullName])), units: new Map(units.map((u) => [Number(u.id), u.name])) };
}

/** Tied to the directive: by a document of the family or by one of its activities. */
const TIED = (family: number[], activityIds: number[]) =>
  `(\`documentId\` IN (${marks(family)}) OR \`activityId\` IN (${marks(activityIds)}))`;

/** Subjects (COLLECTIVE / INDIVIDUAL) of commendations decided in the period in the subtree, tied to the directive. */
export async function commendationSubjects(em: EntityManager, family: number[], activityIds: number[], subtree: number[], period: Period): Promise<{ subject: string }[]> {
  if (!subtree.length) return [];
  return em.query(
    `SELECT subject FROM commendation WHERE \`unitId\` IN (${marks(subtree)}) AND \`decidedOn\` BETWEEN ? AND ? AND ${TIED(family, activityIds)}`,
    [...subtree, period.from, period.to, ...family, ...activityIds],
  );
}

/** Exemplary models recognised in the period (a model without a date counts at its year's end). */
export async function modelSubjects(em: EntityManager, family: number[], activityIds: number[], subtree: number[], period: Period): Promise<{ subject: string }[]> {
  if (!subtree.length) return [];
  return em.query(
    `SELECT subject FROM exemplary_model WHERE \`unitId\` IN (${marks(subtree)})
        AND COALESCE(\`recognizedOn\`, CONCAT(year, '-12-31')) BETWEEN ? AND ? AND ${TIED(family, activityIds)}`,
    [...subtree, period.from, period.to, ...family, ...activityIds],
  );
}

/** Inspections of the subtree started in the period and tied to a document of the family. */
export async function inspectionsOf(em: EntityManager, family: number[], subtree: number[], period: Period): Promise<Record<string, unknown>[]> {
  if (!subtree.length) return [];
  return em.query(
    `SELECT i.id, i.kind, i.\`inspectingBody\`, i.\`inspectingUnitId\`, i.\`startOn\`, i.\`endOn\`, i.topic, i.conclusion,
            i.\`subjectUnitId\`, u.name AS subjectUnitName, i.\`subjectMemberId\`, m.\`fullName\` AS subjectMemberName
       FROM inspection i LEFT JOIN org_unit u ON u.id = i.\`subjectUnitId\` LEFT JOIN member m ON m.id = i.\`subjectMemberId\`
      WHERE i.\`unitId\` IN (${marks(subtree)}) AND i.\`startOn\` BETWEEN ? AND ? AND i.\`documentId\` IN (${marks(family)})
      ORDER BY i.\`startOn\`, i.id`,
    [...subtree, period.from, period.to, ...family],
  );
}

/** Members officially in one of the units on `asOf` (SQL and its parameters, to use as a subquery). */
function membersOnSql(unitIds: number[], asOf: string): [string, unknown[]] {
  return [
    `SELECT a.\`memberId\` FROM member_assignment a WHERE a.\`unitId\` IN (${marks(unitIds)}) AND a.kind = ? AND ${LINK_VALID_AT('a')}`,
    [...unitIds, MembershipKind.OFFICIAL, asOf, asOf],
  ];
}

export async function memberCountOn(em: EntityManager, unitIds: number[], asOf: string): Promise<number> {
  if (!unitIds.length) return 0;
  const [sql, params] = membersOnSql(unitIds, asOf);
  const [row]: { n: string }[] = await em.query(`SELECT COUNT(DISTINCT x.memberId) AS n FROM (${sql}) x`, params);
  return Number(row.n);
}

export interface StudyCounts {
  registered: number;
  entries: number;
  reviewed: number;
  generic: number;
}

/**
 * Study of the given members (ids, or everyone in `units` on `units.asOf`): registrations for the period's years,
 * and entries for the months it touches (year-months `fromYm`..`toYm`).
 */
export async function studyCounts(em: EntityManager, who: { memberIds: number[] } | { unitIds: number[]; asOf: string }, fromYm: number, toYm: number): Promise<StudyCounts> {
  const [sql, params]: [string, unknown[]] = 'memberIds' in who ? [marks(who.memberIds), who.memberIds] : membersOnSql(who.unitIds, who.asOf);
  if (('memberIds' in who ? who.memberIds : who.unitIds).length === 0) return { registered: 0, entries: 0, reviewed: 0, generic: 0 };
  const [reg]: { n: string }[] = await em.query(
    `SELECT COUNT(DISTINCT \`memberId\`) AS n FROM study_registration WHERE \`memberId\` IN (${sql}) AND year BETWEEN ? AND ?`,
    [...params, Math.floor(fromYm / 100), Math.floor(toYm / 100)],
  );
  const [ent]: { entries: string; reviewed: string | null; generic: string | null }[] = await em.query(
    `SELECT COUNT(*) AS entries, SUM(e.specificity IS NOT NULL) AS reviewed, SUM(e.specificity = 'GENERIC') AS generic
       FROM study_entry e JOIN study_registration r ON r.id = e.\`registrationId\`
      WHERE r.\`memberId\` IN (${sql}) AND r.year * 100 + e.month BETWEEN ? AND ?`,
    [...params, fromYm, toYm],
  );
  return { registered: Number(reg.n), entries: Number(ent.entries), reviewed: Number(ent.reviewed ?? 0), generic: Number(ent.generic ?? 0) };
}

export const PROPAGANDA_MEDIA = [PropagandaMedium.TV_REPORT, PropagandaMedium.RADIO, PropagandaMedium.WEB_COLUMN] as const;
export const isPartyConference = (a: ActivityEntity) => a.kind === ActivityKind.CONFERENCE && a.audience === ActivityAudience.PARTY_MEMBERS;
