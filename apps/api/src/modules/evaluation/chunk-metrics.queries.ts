/**
 * The metrics of many subjects at once, for the rating jobs: a chunk's members in one statement, grouped by member;
 * the collectives of a pass from one statement grouped by unit, summed up the tree. The same figures, by the same
 * definitions, as the one-subject reads (directive/metrics.service.ts computeMemberMetrics and computeUnitMetrics,
 * and evaluation.engine.ts metricsOf) that the evaluation steps and the metrics screens use;
 * rating-jobs.integration-spec.ts holds the two to the same answers.
 *
 * Each statement is a UNION ALL of grouped reads (attendance, study, commendations, discipline, …) with one shape:
 * (k, id, a, b, c, d, txt), `k` naming the read and `id` the member or unit.
 */
import { MembershipKind, RecordSubject } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { ActivityKind } from '../activity/activity.entity';
import { disciplineLevel, engineValues, rateOf, yearMonth } from '../directive/directive.rules';
import { LINK_VALID_AT } from '../org-unit/tree.queries';
import { EvaluationStage, EvaluationStatus } from './evaluation.entity';
import { collectiveShares, PeriodDates } from './evaluation.engine';
import { idCondition, PassScope, passTree } from './pass-tree.queries';

interface Row {
  k: string;
  id: number;
  a: string | number | null;
  b: string | number | null;
  c: string | number | null;
  d: string | number | null;
  txt: string | null;
}

const num = (v: unknown) => Number(v ?? 0);
/** A membership (alias) in force on an activity's date. */
const ON_THE_DAY = (m: string, act: string) => `${m}.validFrom <= ${act}.heldOn AND (${m}.validTo IS NULL OR ${m}.validTo > ${act}.heldOn)`;

function byKind(rows: Row[]): Map<string, Map<number, Row>> {
  const out = new Map<string, Map<number, Row>>();
  for (const r of rows) {
    let m = out.get(r.k);
    if (!m) out.set(r.k, (m = new Map()));
    m.set(Number(r.id), r);
  }
  return out;
}

/**
 * Metrics of members (by id) for the period: cell meetings held and attended in whichever cell they were on each
 * meeting's date, study registration and entries, individual commendations, the most severe individual discipline.
 */
export async function memberMetricsOf(em: EntityManager, memberIds: readonly number[], period: PeriodDates): Promise<Map<number, Record<string, number>>> {
  const out = new Map<number, Record<string, number>>();
  if (!memberIds.length) return out;
  const inChunk = (column: string) => idCondition(column, memberIds);
  const fromYm = yearMonth(period.from);
  const toYm = yearMonth(period.to);
  const rows: Row[] = await em.query(
    `SELECT 'A' AS k, x.memberId AS id, COUNT(*) AS a, SUM(x.present) AS b, 0 AS c, 0 AS d, NULL AS txt FROM (
        SELECT ma.memberId, act.id, MAX(COALESCE(t.present, 0)) AS present
          FROM member_assignment ma
          JOIN activity act ON act.unitId = ma.unitId AND act.kind = ? AND act.heldOn BETWEEN ? AND ? AND ${ON_THE_DAY('ma', 'act')}
          LEFT JOIN attendance t ON t.activityId = act.id AND t.memberId = ma.memberId
         WHERE ${inChunk('ma.memberId')} AND ma.kind = ?
         GROUP BY ma.memberId, act.id) x
      GROUP BY x.memberId
     UNION ALL
     SELECT 'S', r.memberId, COUNT(e.id), SUM(e.specificity = 'GENERIC'), 0, 0, NULL
       FROM study_registration r LEFT JOIN study_entry e ON e.registrationId = r.id AND r.year * 100 + e.month BETWEEN ? AND ?
      WHERE ${inChunk('r.memberId')} AND r.year BETWEEN ? AND ?
      GROUP BY r.memberId
     UNION ALL
     SELECT 'C', memberId, COUNT(*), 0, 0, 0, NULL FROM commendation
      WHERE subject = ? AND ${inChunk('memberId')} AND decidedOn BETWEEN ? AND ? GROUP BY memberId
     UNION ALL
     SELECT 'D', memberId, 0, 0, 0, 0, GROUP_CONCAT(DISTINCT level) FROM discipline
      WHERE subject = ? AND ${inChunk('memberId')} AND decidedOn BETWEEN ? AND ? GROUP BY memberId`,
    [
      ActivityKind.CELL_MEETING, period.from, period.to, MembershipKind.OFFICIAL,
      fromYm, toYm, Math.floor(fromYm / 100), Math.floor(toYm / 100),
      RecordSubject.INDIVIDUAL, period.from, period.to,
      RecordSubject.INDIVIDUAL, period.from, period.to,
    ],
  );
  const got = byKind(rows);
  const none = new Map<number, Row>();
  const [attendance, studies, commendations, disciplines] = ['A', 'S', 'C', 'D'].map((k) => got.get(k) ?? none);
  // Most members have no record of any kind: they share one value (the job writes it as one literal).
  let nothing: Record<string, number> | null = null;
  for (const id of memberIds) {
    const att = attendance.get(id);
    const study = studies.get(id);
    const commended = commendations.get(id);
    const disciplined = disciplines.get(id);
    if (!att && !study && !commended && !disciplined) {
      nothing ??= Object.freeze(engineValues({ attendance_rate: null, meetings_held: 0, study_registered: 0, study_months_reported: 0, study_generic_count: 0, commendations: 0, discipline_level: 0 })) as Record<string, number>;
      out.set(id, nothing);
      continue;
    }
    const held = num(att?.a);
    out.set(
      id,
      engineValues({
        attendance_rate: rateOf(num(att?.b), held).rate,
        meetings_held: held,
        study_registered: study ? 1 : 0,
        study_months_reported: num(study?.a),
        study_generic_count: num(study?.b),
        commendations: num(commended?.a),
        discipline_level: disciplineLevel((disciplined?.txt ?? '').split(',').filter(Boolean)),
      }),
    );
  }
  return out;
}

/** What a collective's metrics are made of, over a unit's subtree. */
interface Figures {
  held: number;
  expected: number;
  present: number;
  members: number;
  registered: number;
  entries: number;
  generic: number;
  commendations: number;
  /** Collective discipline levels decided in the subtree (null: none; most units have none, and there are many). */
  levels: string[] | null;
  /** Members disciplined (individually) in the subtree. */
  disciplined: number;
  /** Decided member evaluations by level (null: none yet). */
  decided: Map<string, number> | null;
}
const noFigures = (): Figures => ({ held: 0, expected: 0, present: 0, members: 0, registered: 0, entries: 0, generic: 0, commendations: 0, levels: null, disciplined: 0, decided: null });

const passFigures = new WeakMap<PassScope, Promise<Map<number, Figures>>>();

/**
 * Metrics of collectives (by unit id, each inside the pass's subtree), each over its own subtree at the period's end:
 * attendance as Σ present ÷ Σ expected over its cells' meetings, its members' study, commendations kept in it,
 * collective discipline, and the shares of its members' decided levels and of its members disciplined.
 *
 * The figures are read once per pass, grouped by unit over the whole subtree (one statement), and summed up the
 * tree in memory: a province's collectives cost one read of its members, not one per collective and level.
 */
export async function collectiveMetricsOf(em: EntityManager, scope: PassScope, unitIds: readonly number[], period: PeriodDates): Promise<Map<number, Record<string, number>>> {
  const out = new Map<number, Record<string, number>>();
  if (!unitIds.length) return out;
  const bySubtree = await figuresOf(em, scope, period);
  for (const id of unitIds) {
    const f = bySubtree.get(id) ?? noFigures();
    const values = engineValues({
      attendance_rate: rateOf(f.present, f.expected).rate,
      meetings_held: f.held,
      study_registered: f.registered,
      study_months_reported: f.entries,
      study_generic_count: f.generic,
      commendations: f.commendations,
      discipline_level: disciplineLevel(f.levels ?? []),
    });
    out.set(id, collectiveShares(values, f.decided ?? new Map(), f.disciplined, f.members));
  }
  return out;
}

/** The pass's figures, read on `em` by the first to ask (a failed read is forgotten, so the next asks again). */
function figuresOf(em: EntityManager, scope: PassScope, period: PeriodDates): Promise<Map<number, Figures>> {
  let figures = passFigures.get(scope);
  if (!figures) {
    figures = readFigures(em, scope, period);
    passFigures.set(scope, figures);
    figures.catch(() => passFigures.delete(scope));
  }
  return figures;
}

/**
 * Starts reading the pass's collective figures on `em` (a connection other than the chunk's), unless they are read
 * already: one read over the whole subtree that the first chunk's collectives wait for, made while that chunk reads
 * its subjects. A failure is left to the chunk, which reads them again.
 */
export function prefetchCollectiveFigures(em: EntityManager, scope: PassScope, period: PeriodDates): void {
  figuresOf(em, scope, period).catch(() => undefined);
}

/**
 * Every unit's own figures (grouped by unit), then each added to the unit's subtree totals and those of the units
 * above it in the pass. A member counted in two units of one subtree (two official cells at the end, or disciplined
 * in two units) is read apart ('X', 'Y') and counted once there, as COUNT(DISTINCT …) over the subtree would.
 */
async function readFigures(em: EntityManager, scope: PassScope, period: PeriodDates): Promise<Map<number, Figures>> {
  const tree = await passTree(em, scope);
  const out = new Map<number, Figures>();
  if (!scope.subtree.length) return out;
  const fromYm = yearMonth(period.from);
  const toYm = yearMonth(period.to);
  // Official members at the period's end, and the study of those registered for the period's years.
  const official = `a.kind = ? AND ${LINK_VALID_AT('a')} AND ${tree.inPass('a.unitId')}`;
  const officialParams = [MembershipKind.OFFICIAL, period.to, period.to];
  const study = `(SELECT r.memberId, COUNT(e.id) AS entries, SUM(e.specificity = 'GENERIC') AS generic
                    FROM study_registration r LEFT JOIN study_entry e ON e.registrationId = r.id AND r.year * 100 + e.month BETWEEN ? AND ?
                   WHERE r.year BETWEEN ? AND ? GROUP BY r.memberId)`;
  const studyParams = [fromYm, toYm, Math.floor(fromYm / 100), Math.floor(toYm / 100)];
  const rows: Row[] = await em.query(
    `SELECT 'A' AS k, x.unitId AS id, COUNT(*) AS a, SUM(x.expected) AS b, SUM(x.present) AS c, 0 AS d, NULL AS txt FROM (
         SELECT act.unitId,
                (SELECT COUNT(DISTINCT ma.memberId) FROM member_assignment ma
                  WHERE ma.unitId = act.unitId AND ma.kind = ? AND ${ON_THE_DAY('ma', 'act')}) AS expected,
                (SELECT COUNT(DISTINCT t.memberId) FROM attendance t
                   JOIN member_assignment tm ON tm.memberId = t.memberId AND tm.unitId = act.unitId AND tm.kind = ? AND ${ON_THE_DAY('tm', 'act')}
                  WHERE t.activityId = act.id AND t.present = 1) AS present
           FROM activity act WHERE act.kind = ? AND act.heldOn BETWEEN ? AND ? AND ${tree.inPass('act.unitId')}) x
      GROUP BY x.unitId
     UNION ALL
     SELECT 'M', a.unitId, COUNT(DISTINCT a.memberId), 0, 0, 0, NULL FROM member_assignment a WHERE ${official} GROUP BY a.unitId
     UNION ALL
     SELECT 'S', um.unitId, COUNT(*), SUM(st.entries), SUM(st.generic), 0, NULL
       FROM (SELECT DISTINCT a.unitId, a.memberId FROM ${study} registered JOIN member_assignment a ON a.memberId = registered.memberId AND ${official}) um
       JOIN ${study} st ON st.memberId = um.memberId
      GROUP BY um.unitId
     UNION ALL
     SELECT 'X', a.memberId, MAX(st.memberId IS NOT NULL), COALESCE(MAX(st.entries), 0), COALESCE(MAX(st.generic), 0), 0, GROUP_CONCAT(DISTINCT a.unitId)
       FROM member_assignment a LEFT JOIN ${study} st ON st.memberId = a.memberId
      WHERE ${official} GROUP BY a.memberId HAVING COUNT(DISTINCT a.unitId) > 1
     UNION ALL
     SELECT 'C', unitId, COUNT(*), 0, 0, 0, NULL FROM commendation WHERE ${tree.inPass('unitId')} AND decidedOn BETWEEN ? AND ? GROUP BY unitId
     UNION ALL
     SELECT 'D', unitId, 0, 0, 0, 0, GROUP_CONCAT(DISTINCT level) FROM discipline
      WHERE subject = ? AND ${tree.inPass('unitId')} AND decidedOn BETWEEN ? AND ? GROUP BY unitId
     UNION ALL
     SELECT 'I', unitId, COUNT(DISTINCT memberId), 0, 0, 0, NULL FROM discipline
      WHERE subject = ? AND ${tree.inPass('unitId')} AND decidedOn BETWEEN ? AND ? GROUP BY unitId
     UNION ALL
     SELECT 'Y', memberId, 0, 0, 0, 0, GROUP_CONCAT(DISTINCT unitId) FROM discipline
      WHERE subject = ? AND ${tree.inPass('unitId')} AND decidedOn BETWEEN ? AND ? GROUP BY memberId HAVING COUNT(DISTINCT unitId) > 1
     UNION ALL
     SELECT 'L', unitId, COUNT(*), 0, 0, 0, level FROM evaluation
      WHERE periodId = ? AND memberId IS NOT NULL AND status = ? AND stage = ? AND ${tree.inPass('unitId')} GROUP BY unitId, level`,
    [
      MembershipKind.OFFICIAL, MembershipKind.OFFICIAL, ActivityKind.CELL_MEETING, period.from, period.to,
      ...officialParams,
      ...studyParams, ...officialParams, ...studyParams,
      ...studyParams, ...officialParams,
      period.from, period.to,
      RecordSubject.COLLECTIVE, period.from, period.to,
      RecordSubject.INDIVIDUAL, period.from, period.to,
      RecordSubject.INDIVIDUAL, period.from, period.to,
      scope.periodId, EvaluationStatus.ACTIVE, EvaluationStage.DECIDED,
    ],
  );
  const at = (unitId: number) => {
    let f = out.get(unitId);
    if (!f) out.set(unitId, (f = noFigures()));
    return f;
  };
  for (const r of rows) {
    const own = Number(r.id);
    const [a, b, c] = [num(r.a), num(r.b), num(r.c)];
    if (r.k === 'X' || r.k === 'Y') {
      // One member in several units: each unit above two or more of them counted the member more than once.
      const repeats = new Map<number, number>();
      for (const unit of String(r.txt ?? '').split(',').map(Number)) {
        for (const up of tree.upwardsInPass(unit)) repeats.set(up, (repeats.get(up) ?? 0) + 1);
      }
      for (const [unit, n] of repeats) {
        if (n < 2) continue;
        const f = at(unit);
        if (r.k === 'Y') f.disciplined -= n - 1;
        else {
          f.members -= n - 1;
          f.registered -= a * (n - 1);
          f.entries -= b * (n - 1);
          f.generic -= c * (n - 1);
        }
      }
      continue;
    }
    for (const unit of tree.upwardsInPass(own)) {
      const f = at(unit);
      if (r.k === 'A') {
        f.held += a;
        f.expected += b;
        f.present += c;
      } else if (r.k === 'M') f.members += a;
      else if (r.k === 'S') {
        f.registered += a;
        f.entries += b;
        f.generic += c;
      } else if (r.k === 'C') f.commendations += a;
      else if (r.k === 'D') (f.levels ??= []).push(...String(r.txt ?? '').split(',').filter(Boolean));
      else if (r.k === 'I') f.disciplined += a;
      else if (r.k === 'L') (f.decided ??= new Map()).set(String(r.txt), (f.decided.get(String(r.txt)) ?? 0) + a);
    }
  }
  return out;
}
