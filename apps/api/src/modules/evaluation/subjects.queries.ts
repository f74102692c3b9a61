/**
 * The subjects of a period under one unit, read a chunk at a time in a stable order (collectives by unit id, then
 * members by member id) so that a job can resume after the last one it wrote. Everything is read as of the
 * period's end: the tree, cell memberships, posts and statuses.
 */
import { CriteriaSetStatus, MemberStatus, MembershipKind, SubjectKind } from '@dangbo/shared-types';
import { peerGroupKey } from '@dangbo/rating-engine';
import { EntityManager } from 'typeorm';
import { ancestorIdsOf, LINK_VALID_AT } from '../org-unit/tree.queries';
import { COLLECTIVE_KINDS, eligibility, Ineligibility, LEADERSHIP_TITLES, memberKey, memberSubjectKind, seniorPost, unitKey } from './evaluation.rules';

const marks = (xs: readonly unknown[]) => xs.map(() => '?').join(',');
const iso = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** What a pass knows of the period before reading any subject. */
export interface PassScope {
  periodId: number;
  periodEnd: string;
  /** The unit the pass covers and every unit below it at the period's end. */
  subtree: number[];
}

/** A subject as the evaluation row needs it. */
export interface Subject {
  key: string;
  subjectKind: SubjectKind;
  memberId: number | null;
  subjectUnitId: number | null;
  name: string;
  unitId: number;
  decidingUnitId: number;
  ledUnitId: number | null;
  criteriaSetId: number | null;
  peerGroup: string;
}

export interface Candidate {
  key: string;
  /** null: not rated in this period, and why. */
  subject: Subject | null;
  why?: Ineligibility;
}

/** Collectives and members that may be rated (before eligibility), for the job's total. */
export async function countCandidates(em: EntityManager, scope: PassScope): Promise<number> {
  const units = await collectiveIds(em, scope, 0, 1_000_000_000);
  const [row]: { n: string }[] = await em.query(
    `SELECT COUNT(DISTINCT a.memberId) AS n FROM member_assignment a WHERE a.kind = ? AND ${LINK_VALID_AT('a')} AND a.unitId IN (${marks(scope.subtree)})`,
    [MembershipKind.OFFICIAL, scope.periodEnd, scope.periodEnd, ...scope.subtree],
  );
  return units.length + Number(row.n);
}

async function collectiveIds(em: EntityManager, scope: PassScope, afterId: number, limit: number): Promise<{ id: number; name: string }[]> {
  const rows: { id: number; name: string }[] = await em.query(
    `SELECT id, name FROM org_unit WHERE id IN (${marks(scope.subtree)}) AND kind IN (${marks(COLLECTIVE_KINDS)}) AND id > ?
       AND validFrom <= ? AND (validTo IS NULL OR validTo > ?) ORDER BY id LIMIT ${Number(limit)}`,
    [...scope.subtree, ...COLLECTIVE_KINDS, afterId, scope.periodEnd, scope.periodEnd],
  );
  return rows.map((r) => ({ id: Number(r.id), name: String(r.name) }));
}

/** Published sets of the period by subject kind and owner. */
async function publishedSets(em: EntityManager, periodId: number): Promise<Map<string, number>> {
  const rows: { id: number; unitId: number; subjectKind: string }[] = await em.query(
    'SELECT id, unitId, subjectKind FROM criteria_set WHERE periodId = ? AND status = ?',
    [periodId, CriteriaSetStatus.PUBLISHED],
  );
  return new Map(rows.map((r) => [`${r.subjectKind}@${Number(r.unitId)}`, Number(r.id)]));
}

/** Resolves what every subject needs from the tree: the deciding unit (the parent) and the applicable set. */
async function treeFacts(em: EntityManager, scope: PassScope, unitIds: number[]) {
  const chains = await ancestorIdsOf(em, [...new Set(unitIds)], scope.periodEnd);
  const sets = await publishedSets(em, scope.periodId);
  return {
    parentOf: (unitId: number) => chains.get(unitId)?.[0] ?? unitId,
    /** The set published by the unit itself or the nearest unit above it. */
    setFor: (unitId: number, kind: SubjectKind) => {
      for (const owner of [unitId, ...(chains.get(unitId) ?? [])]) {
        const found = sets.get(`${kind}@${owner}`);
        if (found !== undefined) return found;
      }
      return null;
    },
  };
}

/** The next `limit` collectives after `afterId`. */
export async function collectiveChunk(em: EntityManager, scope: PassScope, afterId: number, limit: number): Promise<Candidate[]> {
  const units = await collectiveIds(em, scope, afterId, limit);
  if (!units.length) return [];
  const tree = await treeFacts(em, scope, units.map((u) => u.id));
  return units.map((u) => {
    const decidingUnitId = tree.parentOf(u.id);
    return {
      key: unitKey(u.id),
      subject: {
        key: unitKey(u.id),
        subjectKind: SubjectKind.COLLECTIVE,
        memberId: null,
        subjectUnitId: u.id,
        name: u.name,
        unitId: u.id,
        decidingUnitId,
        ledUnitId: null,
        criteriaSetId: tree.setFor(u.id, SubjectKind.COLLECTIVE),
        peerGroup: peerGroupKey({ decidingUnitId, subjectKind: SubjectKind.COLLECTIVE }),
      },
    };
  });
}

/** The next `limit` members (by id) after `afterId` whose cell at the period's end is in the subtree. */
export async function memberChunk(em: EntityManager, scope: PassScope, afterId: number, limit: number): Promise<Candidate[]> {
  const end = scope.periodEnd;
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT m.id, m.fullName, m.status, m.admittedOn, m.inPoliticalSystem, MIN(a.unitId) AS cellId
       FROM member m JOIN member_assignment a ON a.memberId = m.id AND a.kind = ? AND ${LINK_VALID_AT('a')}
      WHERE a.unitId IN (${marks(scope.subtree)}) AND m.id > ?
      GROUP BY m.id, m.fullName, m.status, m.admittedOn, m.inPoliticalSystem ORDER BY m.id LIMIT ${Number(limit)}`,
    [MembershipKind.OFFICIAL, end, end, ...scope.subtree, afterId],
  );
  if (!rows.length) return [];
  const ids = rows.map((r) => Number(r.id));
  const spans: { memberId: number; status: MemberStatus }[] = await em.query(
    `SELECT s.memberId, s.status FROM member_status s WHERE s.memberId IN (${marks(ids)}) AND ${LINK_VALID_AT('s')}`,
    [...ids, end, end],
  );
  const statusOn = new Map(spans.map((s) => [Number(s.memberId), s.status]));
  const posts: { memberId: number; unitId: number; title: (typeof LEADERSHIP_TITLES)[number] }[] = await em.query(
    `SELECT p.memberId, p.unitId, p.title FROM member_position p WHERE p.memberId IN (${marks(ids)}) AND ${LINK_VALID_AT('p')} AND p.title IN (${marks(LEADERSHIP_TITLES)})`,
    [...ids, end, end, ...LEADERSHIP_TITLES],
  );
  const tree = await treeFacts(em, scope, rows.map((r) => Number(r.cellId)));
  return rows.map((r) => {
    const id = Number(r.id);
    const key = memberKey(id);
    // A member without dated statuses (recorded before they existed) is read by today's status.
    const status = statusOn.get(id) ?? (r.status as MemberStatus);
    const verdict = eligibility({ status, admittedOn: iso(r.admittedOn) }, end);
    if (!verdict.rated) return { key, subject: null, why: verdict.why };
    const post = seniorPost(posts.filter((p) => Number(p.memberId) === id));
    const subjectKind = memberSubjectKind({ leader: post !== null, inPoliticalSystem: Boolean(Number(r.inPoliticalSystem)) });
    const cellId = Number(r.cellId);
    const decidingUnitId = tree.parentOf(cellId);
    return {
      key,
      subject: {
        key,
        subjectKind,
        memberId: id,
        subjectUnitId: null,
        name: String(r.fullName),
        unitId: cellId,
        decidingUnitId,
        ledUnitId: post ? Number(post.unitId) : null,
        criteriaSetId: tree.setFor(cellId, subjectKind),
        peerGroup: peerGroupKey({ decidingUnitId, subjectKind }),
      },
    };
  });
}
