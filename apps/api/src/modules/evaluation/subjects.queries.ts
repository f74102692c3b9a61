/**
 * The subjects of a period under one unit, read a chunk at a time in a stable order (collectives by unit id, then
 * members by member id) so that a job can resume after the last one it wrote. Everything is read as of the
 * period's end: the tree (pass-tree.queries.ts, read once per pass), cell memberships, posts and statuses; a chunk
 * costs two statements for its members whatever its size.
 */
import { MemberStatus, MembershipKind, PositionTitle, SubjectKind } from '@dangbo/shared-types';
import { peerGroupKey } from '@dangbo/rating-engine';
import { EntityManager } from 'typeorm';
import { LINK_VALID_AT } from '../org-unit/tree.queries';
import { EvaluationStage, EvaluationStatus } from './evaluation.entity';
import { idCondition, PassScope, passTree, PassTree } from './pass-tree.queries';
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
  const rows: Record<string, unknown>[] = scope.noneWritten
    ? await em.query(`SELECT u.id, u.name FROM org_unit u WHERE u.id IN (${ids.join(',')})`)
    : await em.query(`SELECT u.id, u.name, ${WRITTEN_COLUMNS} FROM org_unit u ${WRITTEN('U', 'u.id')} WHERE u.id IN (${ids.join(',')})`, [scope.periodId]);
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

/** A member's status and leadership posts at the period's end (statusOn null: no dated status covers that day). */
interface OnTheDay {
  statusOn: MemberStatus | null;
  posts: { title: PositionTitle; unitId: number }[];
}

/**
 * The status and leadership posts of `memberIds` at the period's end, in one statement grouped by member (rather than
 * two subqueries per member row): of several statuses in force that day, the one that began last (then the newest).
 */
async function statusesAndPosts(em: EntityManager, memberIds: readonly number[], end: string): Promise<Map<number, OnTheDay>> {
  const out = new Map<number, OnTheDay>();
  if (!memberIds.length) return out;
  const rows: { k: string; id: number; v: string; since: unknown; n: number | null; unitId: number | null }[] = await em.query(
    `SELECT 'T' AS k, s.memberId AS id, s.status AS v, s.validFrom AS since, s.id AS n, NULL AS unitId FROM member_status s
      WHERE ${idCondition('s.memberId', memberIds)} AND ${LINK_VALID_AT('s')}
     UNION ALL
     SELECT 'P', p.memberId, p.title, NULL, NULL, p.unitId FROM member_position p
      WHERE ${idCondition('p.memberId', memberIds)} AND ${LINK_VALID_AT('p')} AND p.title IN (${marks(LEADERSHIP_TITLES)})`,
    [end, end, end, end, ...LEADERSHIP_TITLES],
  );
  const latest = new Map<number, { since: string; n: number }>();
  for (const r of rows) {
    const id = Number(r.id);
    let found = out.get(id);
    if (!found) out.set(id, (found = { statusOn: null, posts: [] }));
    if (r.k === 'P') {
      found.posts.push({ title: r.v as PositionTitle, unitId: Number(r.unitId) });
      continue;
    }
    const since = iso(r.since) ?? '';
    const before = latest.get(id);
    if (!before || since > before.since || (since === before.since && Number(r.n) > before.n)) {
      latest.set(id, { since, n: Number(r.n) });
      found.statusOn = r.v as MemberStatus;
    }
  }
  return out;
}

/**
 * The next `limit` members (by id) after `afterId` whose cell at the period's end is in the subtree, with their
 * evaluation in the period (none is read on a first opening: PassScope.noneWritten), walking the memberships by
 * member id (keyset, no OFFSET); then their statuses and posts on that day (statusesAndPosts): two statements
 * whatever the chunk's size.
 */
export async function memberChunk(em: EntityManager, scope: PassScope, afterId: number, limit: number): Promise<Candidate[]> {
  if (!scope.subtree.length) return [];
  const tree = await passTree(em, scope);
  const end = scope.periodEnd;
  const withWritten = !scope.noneWritten;
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT m.id, m.fullName, m.status, m.admittedOn, m.inPoliticalSystem, x.cellId${withWritten ? `, ${WRITTEN_COLUMNS}` : ''}
       FROM (SELECT a.memberId, MIN(a.unitId) AS cellId FROM member_assignment a
              WHERE a.kind = ? AND ${LINK_VALID_AT('a')} AND ${tree.inPass('a.unitId')} AND a.memberId > ?
              GROUP BY a.memberId ORDER BY a.memberId LIMIT ${Number(limit)}) x
       JOIN member m ON m.id = x.memberId
       ${withWritten ? WRITTEN('M', 'x.memberId') : ''}
      ORDER BY m.id`,
    [MembershipKind.OFFICIAL, end, end, afterId, ...(withWritten ? [scope.periodId] : [])],
  );
  const onTheDay = await statusesAndPosts(
    em,
    rows.map((r) => Number(r.id)),
    end,
  );
  const out: Candidate[] = [];
  for (const r of rows) {
    // Thousands of rows: the requests waiting on the event loop go first now and then.
    if (out.length % 1000 === 999) await new Promise<void>((resolve) => setImmediate(resolve));
    out.push(memberCandidate(r, onTheDay.get(Number(r.id)), tree, end));
  }
  return out;
}

/** A member read by memberChunk: not rated (and why), or the subject with its kind, deciding unit and set. */
function memberCandidate(r: Record<string, unknown>, day: OnTheDay | undefined, tree: PassTree, end: string): Candidate {
  const id = Number(r.id);
  const key = memberKey(id);
  // A member without dated statuses (recorded before they existed) is read by today's status.
  const status = (day?.statusOn ?? r.status) as MemberStatus;
  const verdict = eligibility({ status, admittedOn: iso(r.admittedOn) }, end);
  if (!verdict.rated) return { key, subject: null, why: verdict.why, written: written(r) };
  const post = seniorPost(day?.posts ?? []);
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
