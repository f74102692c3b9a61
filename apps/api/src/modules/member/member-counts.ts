/**
 * Member counts kept as data (issue 13 §2). Counting members by joining `member_assignment` reads one index entry
 * per member: 12 s for a province of a million members, on every tree and every list total. Here the counts are
 * written with the memberships instead, so a count today reads about one row per unit whatever its size.
 *
 * - `member_count_change`: for each unit and day, how the number of members officially in that unit changes on
 *   that day (+1 for each official membership starting, −1 for each ending). The members in a unit on day D are the
 *   sum of its changes on or before D. Members join on their own days, so a unit has about one row per membership:
 *   summing them is the history, not a fast count.
 * - `member_count`: for each unit, that sum on one day (the day it was last recounted), and in
 *   `member_count_later` its changes after that day (memberships dated to start or end later: usually none). The
 *   count on a day D from that day on is the unit's count plus its later changes up to D: one row per unit, whatever
 *   its size. (One table could hold both, but a unit's later changes must be readable without its whole history:
 *   a correlated `day > b.day` cannot use the key's second part, and reads every change of the unit.) Counts on an
 *   earlier day sum the history.
 * - `member_tally`: the number of member rows, in a few shards so concurrent creations do not queue on one row:
 *   the total of an unrestricted list with no filter, which counts every member record, current or not.
 *
 * A write recounts the units it touched from their memberships (`recountUnits`) rather than adding deltas, so the
 * rows of a unit are always what its memberships say, whatever wrote them before: seeds and imports call the same
 * function, and a unit's recount reads only that unit's memberships (a cell: tens of rows). Plain tables and
 * statements (no triggers): the same on MariaDB, MySQL 8.4 and TiDB (docs/scaling.md). Cost on writes: a membership
 * written adds a lock of its units' rows and six statements over those units' memberships, in the same transaction;
 * a member created or deleted adds one single-row update of the tally.
 */
import { MembershipKind } from '@dangbo/shared-types';
import { Column, Entity, EntityManager, PrimaryColumn } from 'typeorm';

/** A change of a unit's member count on a day (the columns of the two tables below). */
abstract class CountChange {
  @PrimaryColumn({ type: 'int' })
  unitId!: number;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'int' })
  delta!: number;
}

@Entity('member_count_change')
export class MemberCountChangeEntity extends CountChange {}

/** A unit's changes dated after the day of its `member_count` row. */
@Entity('member_count_later')
export class MemberCountLaterEntity extends CountChange {}

@Entity('member_count')
export class MemberCountEntity {
  @PrimaryColumn({ type: 'int' })
  unitId!: number;

  /** The day `members` was counted on. */
  @Column({ type: 'date' })
  day!: string;

  @Column({ type: 'int' })
  members!: number;
}

/** A day as an SQL literal, for the expressions below; anything but YYYY-MM-DD is refused, never quoted. */
export function sqlDay(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
  return `'${day}'`;
}

/**
 * SQL for the members officially in the unit of `member_count` row `b` on the day `at` (an SQL expression used
 * three times: a column, a named parameter, or sqlDay(…)): its count moved by its later changes, or its history
 * before that day.
 */
export const keptCountAt = (b: string, at: string) =>
  `(CASE WHEN ${at} >= ${b}.day
     THEN ${b}.members + COALESCE((SELECT SUM(kl.delta) FROM member_count_later kl WHERE kl.unitId = ${b}.unitId AND kl.day <= ${at}), 0)
     ELSE COALESCE((SELECT SUM(kc.delta) FROM member_count_change kc WHERE kc.unitId = ${b}.unitId AND kc.day <= ${at}), 0) END)`;

@Entity('member_tally')
export class MemberTallyEntity {
  @PrimaryColumn({ type: 'tinyint' })
  shard!: number;

  @Column({ type: 'int' })
  members!: number;
}

/** Shards of the tally: enough that concurrent creations rarely wait on each other's row. */
const TALLY_SHARDS = 16;

/** The changes of official memberships in the units matched by `where` (an SQL condition on `a`), grouped by unit and day. */
const changesOf = (where: string) =>
  `SELECT unitId, day, SUM(d) FROM (
     SELECT a.unitId, a.validFrom AS day, 1 AS d FROM member_assignment a WHERE a.kind = '${MembershipKind.OFFICIAL}' AND ${where}
     UNION ALL
     SELECT a.unitId, a.validTo, -1 FROM member_assignment a WHERE a.kind = '${MembershipKind.OFFICIAL}' AND a.validTo IS NOT NULL AND ${where}
   ) x GROUP BY unitId, day HAVING SUM(d) <> 0`;

const sortedIds = (unitIds: Iterable<number>) => [...new Set(unitIds)].filter((id) => Number.isInteger(id)).sort((x, y) => x - y);

/**
 * Takes the units' rows for the caller's transaction; call it before writing any of their memberships. Writers of
 * one unit's memberships then take turns: otherwise two deletes in one cell each hold the membership row they
 * deleted while their recounts read the other's (the stock client's deleteMany sends them at once: a deadlock).
 * Units are locked in ascending order, so a transfer each way between two cells cannot deadlock either.
 */
export async function lockUnits(em: EntityManager, unitIds: Iterable<number>): Promise<void> {
  const ids = sortedIds(unitIds);
  if (ids.length) await em.query(`SELECT id FROM org_unit WHERE id IN (${ids.join(',')}) ORDER BY id FOR UPDATE`);
}

/**
 * Rewrites the count changes of `unitIds` from their memberships, in the caller's transaction. Call it after
 * writing memberships, with every unit a membership left or entered, locked beforehand (lockUnits).
 */
export async function recountUnits(em: EntityManager, unitIds: Iterable<number>): Promise<void> {
  const ids = sortedIds(unitIds);
  if (ids.length) await rewriteCounts(em, `IN (${ids.join(',')})`);
}

/** Rebuilds every count from the data: after bulk loads that write rows by hand (the demo seed). */
export async function recountAll(em: EntityManager): Promise<void> {
  await rewriteCounts(em, null);
  await em.query('DELETE FROM member_tally');
  await em.query('INSERT INTO member_tally (shard, members) SELECT 0, COUNT(*) FROM member');
  // Every shard exists, so a tally only ever updates a row (two inserts of one new key can deadlock in InnoDB).
  await em.query(`INSERT INTO member_tally (shard, members) VALUES ${Array.from({ length: TALLY_SHARDS - 1 }, (_x, i) => `(${i + 1}, 0)`).join(', ')}`);
}

/**
 * The three count tables of the units whose id matches `units` (an SQL condition such as `IN (1,2)`; null: every
 * unit), made again from their memberships: the history of changes, the count on the database's today, and the
 * changes after it.
 */
async function rewriteCounts(em: EntityManager, units: string | null): Promise<void> {
  const of = (column: string) => (units ? `${column} ${units}` : '1 = 1');
  await em.query(`DELETE FROM member_count_change WHERE ${of('unitId')}`);
  await em.query(`INSERT INTO member_count_change (unitId, day, delta) ${changesOf(of('a.unitId'))}`);
  await em.query(`DELETE FROM member_count WHERE ${of('unitId')}`);
  await em.query(
    `INSERT INTO member_count (unitId, day, members)
     SELECT u.id, CURRENT_DATE, COALESCE(SUM(c.delta), 0) FROM org_unit u LEFT JOIN member_count_change c ON c.unitId = u.id AND c.day <= CURRENT_DATE
      WHERE ${units ? `u.id ${units}` : 'u.id IN (SELECT unitId FROM member_count_change)'} GROUP BY u.id`,
  );
  await em.query(`DELETE FROM member_count_later WHERE ${of('unitId')}`);
  await em.query(`INSERT INTO member_count_later (unitId, day, delta) SELECT unitId, day, delta FROM member_count_change WHERE ${of('unitId')} AND day > CURRENT_DATE`);
}

/** Adds `delta` member rows to the tally, in the caller's transaction. */
export async function tallyMembers(em: EntityManager, delta: number): Promise<void> {
  if (delta === 0) return;
  const shard = Math.floor(Math.random() * TALLY_SHARDS);
  await em.query('INSERT INTO member_tally (shard, members) VALUES (?, ?) ON DUPLICATE KEY UPDATE members = members + VALUES(members)', [shard, delta]);
}

/** The number of member rows. */
export async function memberRowCount(em: EntityManager): Promise<number> {
  const [row] = await em.query('SELECT COALESCE(SUM(members), 0) AS n FROM member_tally');
  return Number(row.n);
}

/** Members officially in `unitIds` on `day` (a member is in one unit at a time). */
export async function membersInUnits(em: EntityManager, unitIds: readonly number[], day: string): Promise<number> {
  if (unitIds.length === 0) return 0;
  const [row] = await em.query(`SELECT COALESCE(SUM(${keptCountAt('b', sqlDay(day))}), 0) AS n FROM member_count b WHERE b.unitId IN (${unitIds.map(() => '?').join(',')})`, unitIds);
  return Number(row.n);
}
