/**
 * Metrics of the rating engine's catalogue (libs/rating-engine variables.ts) for one subject and period, from the
 * records: a member, or a collective (a cell or a committee) rolled up over its subtree as of the period's end.
 *
 * - attendance_rate: cell meetings attended ÷ held, in %. A member is expected at the meetings of whichever cell
 *   they were in on each meeting's date (dated memberships), so a member who moved mid-period counts the old
 *   cell's meetings before the move and the new one's after. A collective: Σ present ÷ Σ expected over the
 *   meetings of the cells of its subtree, a mark counting only for a member in the cell that day. No meeting: null (no rate), and left out of the engine's values.
 * - meetings_held: those meetings. study_*: the registration for the period's years and the entries of the months
 *   it touches (a collective: summed over its members at the period's end; study_registered is then a count).
 * - commendations: decided in the period (a collective: every record, collective or individual, kept in its subtree).
 * - discipline_level: the most severe in the period, 0..4 (a collective: collective discipline in its subtree;
 *   its members' discipline is members_disciplined_pct, from their ratings).
 */
import { MembershipKind, RecordSubject } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { NotFoundError } from '../../core/errors';
import { parseId } from '../../core/input';
import { ActivityKind } from '../activity/activity.entity';
import { findMember } from '../member/member.service';
import { subtreeUnitIds } from '../org-unit/tree.queries';
import { memberCountOn, Period, studyCounts } from './directive-report.queries';
import { parsePeriod, unitInCallerScope } from './directive-report.service';
import { disciplineLevel, engineValues, rateOf, SubjectMetricValues, yearMonth } from './directive.rules';

const marks = (ids: readonly unknown[]) => (ids.length ? ids.map(() => '?').join(',') : 'NULL');

export interface SubjectMetrics extends SubjectMetricValues {
  subjectKind: 'MEMBER' | 'UNIT';
  subjectId: number;
  from: string;
  to: string;
  meetingsAttended: number;
  meetingsExpected: number;
  /** Members of a collective at the period's end (null for a member). */
  memberCount: number | null;
  values: { name: string; value: number }[];
}

function finish(base: Omit<SubjectMetrics, 'values'>): SubjectMetrics {
  return { ...base, values: Object.entries(engineValues(base)).map(([name, value]) => ({ name, value })) };
}

/** Metrics of one member over the period (no scope check: for the rating engine and tests). */
export async function computeMemberMetrics(em: EntityManager, memberId: number, period: Period): Promise<SubjectMetrics> {
  const [att]: { held: string; attended: string | null }[] = await em.query(
    `SELECT COUNT(*) AS held, SUM(x.present) AS attended FROM (
       SELECT a.id, MAX(COALESCE(t.present, 0)) AS present
         FROM activity a
         JOIN member_assignment ma ON ma.\`unitId\` = a.\`unitId\` AND ma.\`memberId\` = ? AND ma.kind = ?
              AND ma.\`validFrom\` <= a.\`heldOn\` AND (ma.\`validTo\` IS NULL OR ma.\`validTo\` > a.\`heldOn\`)
         LEFT JOIN attendance t ON t.\`activityId\` = a.id AND t.\`memberId\` = ma.\`memberId\`
        WHERE a.kind = ? AND a.\`heldOn\` BETWEEN ? AND ?
        GROUP BY a.id) x`,
    [memberId, MembershipKind.OFFICIAL, ActivityKind.CELL_MEETING, period.from, period.to],
  );
  const held = Number(att.held);
  const attended = Number(att.attended ?? 0);
  const study = await studyCounts(em, { memberIds: [memberId] }, yearMonth(period.from), yearMonth(period.to));
  const [com]: { n: string }[] = await em.query(
    `SELECT COUNT(*) AS n FROM commendation WHERE subject = ? AND \`memberId\` = ? AND \`decidedOn\` BETWEEN ? AND ?`,
    [RecordSubject.INDIVIDUAL, memberId, period.from, period.to],
  );
  const levels: { level: string }[] = await em.query(
    `SELECT level FROM discipline WHERE subject = ? AND \`memberId\` = ? AND \`decidedOn\` BETWEEN ? AND ?`,
    [RecordSubject.INDIVIDUAL, memberId, period.from, period.to],
  );
  return finish({
    subjectKind: 'MEMBER',
    subjectId: memberId,
    ...period,
    attendance_rate: rateOf(attended, held).rate,
    meetings_held: held,
    meetingsAttended: attended,
    meetingsExpected: held,
    study_registered: study.registered > 0 ? 1 : 0,
    study_months_reported: study.entries,
    study_generic_count: study.generic,
    commendations: Number(com.n),
    discipline_level: disciplineLevel(levels.map((l) => l.level)),
    memberCount: null,
  });
}

/** Metrics of a collective: its subtree as of the period's end (no scope check). */
export async function computeUnitMetrics(em: EntityManager, unitId: number, period: Period): Promise<SubjectMetrics> {
  const subtree = await subtreeUnitIds(em, [unitId], period.to);
  const [att]: { held: string; expected: string | null; present: string | null }[] = await em.query(
    `SELECT COUNT(*) AS held, SUM(x.expected) AS expected, SUM(x.present) AS present FROM (
       SELECT a.id,
              (SELECT COUNT(DISTINCT ma.\`memberId\`) FROM member_assignment ma
                WHERE ma.\`unitId\` = a.\`unitId\` AND ma.kind = ? AND ma.\`validFrom\` <= a.\`heldOn\` AND (ma.\`validTo\` IS NULL OR ma.\`validTo\` > a.\`heldOn\`)) AS expected,
              (SELECT COUNT(DISTINCT t.\`memberId\`) FROM attendance t JOIN member_assignment tm ON tm.\`memberId\` = t.\`memberId\` AND tm.\`unitId\` = a.\`unitId\`
                      AND tm.kind = ? AND tm.\`validFrom\` <= a.\`heldOn\` AND (tm.\`validTo\` IS NULL OR tm.\`validTo\` > a.\`heldOn\`)
                WHERE t.\`activityId\` = a.id AND t.present = 1) AS present
         FROM activity a
        WHERE a.kind = ? AND a.\`unitId\` IN (${marks(subtree)}) AND a.\`heldOn\` BETWEEN ? AND ?) x`,
    [MembershipKind.OFFICIAL, MembershipKind.OFFICIAL, ActivityKind.CELL_MEETING, ...subtree, period.from, period.to],
  );
  const expected = Number(att.expected ?? 0);
  const present = Number(att.present ?? 0);
  const study = await studyCounts(em, { unitIds: subtree, asOf: period.to }, yearMonth(period.from), yearMonth(period.to));
  const [com]: { n: string }[] = await em.query(
    `SELECT COUNT(*) AS n FROM commendation WHERE \`unitId\` IN (${marks(subtree)}) AND \`decidedOn\` BETWEEN ? AND ?`,
    [...subtree, period.from, period.to],
  );
  const levels: { level: string }[] = await em.query(
    `SELECT level FROM discipline WHERE subject = ? AND \`unitId\` IN (${marks(subtree)}) AND \`decidedOn\` BETWEEN ? AND ?`,
    [RecordSubject.COLLECTIVE, ...subtree, period.from, period.to],
  );
  return finish({
    subjectKind: 'UNIT',
    subjectId: unitId,
    ...period,
    attendance_rate: rateOf(present, expected).rate,
    meetings_held: Number(att.held),
    meetingsAttended: present,
    meetingsExpected: expected,
    study_registered: study.registered,
    study_months_reported: study.entries,
    study_generic_count: study.generic,
    commendations: Number(com.n),
    discipline_level: disciplineLevel(levels.map((l) => l.level)),
    memberCount: await memberCountOn(em, subtree, period.to),
  });
}

/** A member the caller reads; NOT_FOUND otherwise. */
export async function memberMetrics(ctx: Context, args: { memberId: string; from: string; to: string }): Promise<SubjectMetrics> {
  const memberId = parseId('memberId', args.memberId);
  const period = parsePeriod(args.from, args.to);
  if (!(await findMember(ctx, memberId))) throw new NotFoundError('đảng viên', memberId);
  return computeMemberMetrics(ctx.em, memberId, period);
}

/** A unit in the caller's scope; NOT_FOUND otherwise. */
export async function unitMetrics(ctx: Context, args: { unitId: string; from: string; to: string }): Promise<SubjectMetrics> {
  const unitId = parseId('unitId', args.unitId);
  const period = parsePeriod(args.from, args.to);
  await unitInCallerScope(ctx, unitId);
  return computeUnitMetrics(ctx.em, unitId, period);
}
