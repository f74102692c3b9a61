/**
 * The subjects of a period under one unit, read a chunk at a time in a stable order (collectives by unit id, then
 * members by member id) so that a job can resume after the last one it wrote. Everything is read as of the
 * period's end: the tree (pass-tree.queries.ts, read once per pass), cell memberships, posts and statuses; a chunk
 * costs one statement for its members whatever its size.
 */
import { MemberStatus, MembershipKind, PositionTitle, SubjectKind } from '@dangbo/shared-types';
import { peerGroupKey } from '@dangbo/rating-engine';
import { EntityManager } from 'typeorm';
import { LINK_VALID_AT } from '../org-unit/tree.queries';
import { EvaluationStage, EvaluationStatus } from './evaluation.entity';
import { PassScope, passTree, PassTree } from './pass-tree.queries';
import { eligibility, Ineligibility, LEADERSHIP_TITLES, memberKey, memberSubjectKind, seniorPost, unitKey } from './evaluation.rules';

const marks = (xs: readonly unknown[]) => xs.map(() => '?').join(',');
const iso = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

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

/** What a pass needs of the evaluation already written for a subject in the period (JSON columns as stored). */
export interface Written {
  id: number;
  stage: EvaluationStage;
  status: EvaluationStatus;
  criteriaSetId: number | null;
  version: number;
  scores: string | null;
  checks: string | null;
  facts: string | null;
}

export interface Candidate {
  key: string;
  /** null: not rated in this period, and why. */
  subject: Subject | null;
  why?: Ineligibility;
  /** The subject's evaluation in the period, read with the subject; null when there is none yet. */
  written: Written | null;
}

/**
 * The evaluation of a subject, joined on the unique (periodId, subjectKey) index: the key is built in the column's
 * own character set and collation, so the join is an index look-up on MariaDB and MySQL alike.
 */
const WRITTEN = (prefix: 'M' | 'U', id: string) =>
  `LEFT JOIN evaluation e ON e.periodId = ? AND e.subjectKey = CONVERT(CONCAT('${prefix}:', ${id}) USING ascii) COLLATE ascii_bin`;
const WRITTEN_COLUMNS = 'e.id AS evId, e.stage AS evStage, e.status AS evStatus, e.criteriaSetId AS evSetId, e.version AS evVersion, e.scores AS evScores, e.checks AS evChecks, e.facts AS evFacts';
const written = (r: Record<string, unknown>): Written | null =>
  r.evId == null
    ? null
    : {
        id: Number(r.evId),
        stage: r.evStage as EvaluationStage,
        status: r.evStatus as EvaluationStatus,
        criteriaSetId: r.evSetId == null ? null : Number(r.evSetId),
        version: Number(r.evVersion),
        scores: (r.evScores as string | null) ?? null,
        checks: (r.evChecks as string | null) ?? null,
        facts: (r.evFacts as string | null) ?? null,
      };

/** Collectives and members that may be rated (before eligibility), for the job's total. */
export async function countCandidates(em: EntityManager, scope: PassScope): Promise<number> {
  const tree = await passTree(em, scope);
  if (!scope.subtree.length) return tree.collectives.length;
  const [row]: { n: string }[] = await em.query(
    `SELECT COUNT(DISTINCT a.memberId) AS n FROM member_assignment a WHERE a.kind = ? AND ${LINK_VALID_AT('a')} AND ${tree.inPass('a.unitId')}`,
    [MembershipKind.OFFICIAL, scope.periodEnd, scope.periodEnd],
  );
  return tree.collectives.length + Number(row.n);
}

/** First index in the ascending `ids` holding an id above `afterId`. */
function after(ids: readonly number[], afterId: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] <= afterId) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The next `limit` collectives after `afterId`. */
export async function collectiveChunk(em: EntityManager, scope: PassScope, afterId: number, limit: number): Promise<Candidate[]> {
  const tree = await passTree(em, scope);
  const start = after(tree.collectives, afterId);
  const ids = tree.collectives.slice(start, start + limit);
  if (!ids.length) return [];
  const rows: Record<string, unknown>[] = await em.query(`SELECT u.id, u.name, ${WRITTEN_COLUMNS} FROM org_unit u ${WRITTEN('U', 'u.id')} WHERE u.id IN (${ids.join(',')})`, [scope.periodId]);
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.map((id) => {
    const decidingUnitId = tree.parentOf(id);
    const row = byId.get(id) ?? {};
    return {
      key: unitKey(id),
      written: written(row),
      subject: {
        key: unitKey(id),
        subjectKind: SubjectKind.COLLECTIVE,
        memberId: null,
        subjectUnitId: id,
        name: String(row.name ?? ''),
        unitId: id,
        decidingUnitId,
        ledUnitId: null,
        criteriaSetId: tree.setFor(id, SubjectKind.COLLECTIVE),
        peerGroup: peerGroupKey({ decidingUnitId, subjectKind: SubjectKind.COLLECTIVE }),
      },
    };
  });
}

/** Leadership posts at the period's end, as "TITLE@unitId" joined by commas (one column of the member read). */
const POSTS_SEP = ',';
const parsePosts = (s: unknown) =>
  s
    ? String(s)
        .split(POSTS_SEP)
        .map((p) => {
          const [title, unitId] = p.split('@');
          return { title: title as PositionTitle, unitId: Number(unitId) };
        })
    : [];

/**
 * The next `limit` members (by id) after `afterId` whose cell at the period's end is in the subtree, with their
 * status and leadership posts on that day and their evaluation in the period: one statement, walking the memberships
 * by member id (keyset, no OFFSET).
 */
export async function memberChunk(em: EntityManager, scope: PassScope, afterId: number, limit: number): Promise<Candidate[]> {
  if (!scope.subtree.length) return [];
  const tree = await passTree(em, scope);
  const end = scope.periodEnd;
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT m.id, m.fullName, m.status, m.admittedOn, m.inPoliticalSystem, x.cellId, ${WRITTEN_COLUMNS},
            (SELECT s.status FROM member_status s WHERE s.memberId = m.id AND ${LINK_VALID_AT('s')} ORDER BY s.validFrom DESC, s.id DESC LIMIT 1) AS statusOn,
            (SELECT GROUP_CONCAT(CONCAT(p.title, '@', p.unitId) SEPARATOR '${POSTS_SEP}') FROM member_position p
              WHERE p.memberId = m.id AND ${LINK_VALID_AT('p')} AND p.title IN (${marks(LEADERSHIP_TITLES)})) AS posts
       FROM (SELECT a.memberId, MIN(a.unitId) AS cellId FROM member_assignment a
              WHERE a.kind = ? AND ${LINK_VALID_AT('a')} AND ${tree.inPass('a.unitId')} AND a.memberId > ?
              GROUP BY a.memberId ORDER BY a.memberId LIMIT ${Number(limit)}) x
       JOIN member m ON m.id = x.memberId
       ${WRITTEN('M', 'x.memberId')}
      ORDER BY m.id`,
    [end, end, end, end, ...LEADERSHIP_TITLES, MembershipKind.OFFICIAL, end, end, afterId, scope.periodId],
  );
  const out: Candidate[] = [];
  for (const r of rows) {
    // Thousands of rows: the requests waiting on the event loop go first now and then.
    if (out.length % 1000 === 999) await new Promise<void>((resolve) => setImmediate(resolve));
    out.push(memberCandidate(r, tree, end));
  }
  return out;
}

/** A member read by memberChunk: not rated (and why), or the subject with its kind, deciding unit and set. */
function memberCandidate(r: Record<string, unknown>, tree: PassTree, end: string): Candidate {
  const id = Number(r.id);
  const key = memberKey(id);
  // A member without dated statuses (recorded before they existed) is read by today's status.
  const status = (r.statusOn ?? r.status) as MemberStatus;
  const verdict = eligibility({ status, admittedOn: iso(r.admittedOn) }, end);
  if (!verdict.rated) return { key, subject: null, why: verdict.why, written: written(r) };
  const post = seniorPost(parsePosts(r.posts));
  const subjectKind = memberSubjectKind({ leader: post !== null, inPoliticalSystem: Boolean(Number(r.inPoliticalSystem)) });
  const cellId = Number(r.cellId);
  const decidingUnitId = tree.parentOf(cellId);
  return {
    key,
    written: written(r),
    subject: {
      key,
      subjectKind,
      memberId: id,
      subjectUnitId: null,
      name: String(r.fullName),
      unitId: cellId,
      decidingUnitId,
      ledUnitId: post ? post.unitId : null,
      criteriaSetId: tree.setFor(cellId, subjectKind),
      peerGroup: peerGroupKey({ decidingUnitId, subjectKind }),
    },
  };
}
