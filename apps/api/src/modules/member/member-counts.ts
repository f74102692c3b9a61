/**
 * Member counts kept as data (issue 13 §2). Counting members by joining `member_assignment` reads one index entry
 * per member: 12 s for a province of a million members, on every tree and every list total. Here the counts are
 * written with the memberships instead, so a count reads a few rows per unit whatever its size.
 *
 * - `member_count_change`: for each unit and day, how the number of members officially in that unit changes on
 *   that day (+1 for each official membership starting, −1 for each ending). The members in a unit on day D are the
 *   sum of its changes on or before D, which holds for any date, so counts "as of" a past date need nothing more.
 *   A write recounts the units it touched from their memberships (`recountUnits`) rather than adding deltas, so the
 *   rows of a unit are always what its memberships say, whatever wrote them before: seeds and imports call the same
 *   function, and a unit's recount reads only that unit's memberships (a cell: tens of rows).
 * - `member_tally`: the number of member rows, in a few shards so concurrent creations do not queue on one row:
 *   the total of an unrestricted list with no filter, which counts every member record, current or not.
 *
 * Plain tables and statements (no triggers): the same on MariaDB, MySQL 8.4 and TiDB (docs/scaling.md). Cost on
 * writes: a membership written adds a DELETE and an INSERT … SELECT over its unit's memberships, in the same
 * transaction; a member created or deleted adds one single-row upsert.
 */
import { MembershipKind } from '@dangbo/shared-types';
import { Column, Entity, EntityManager, PrimaryColumn } from 'typeorm';

@Entity('member_count_change')
export class MemberCountChangeEntity {
  @PrimaryColumn({ type: 'int' })
  unitId!: number;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'int' })
  delta!: number;
}

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
  if (ids.length === 0) return;
  const list = ids.join(',');
  await em.query(`DELETE FROM member_count_change WHERE unitId IN (${list})`);
  await em.query(`INSERT INTO member_count_change (unitId, day, delta) ${changesOf(`a.unitId IN (${list})`)}`);
}

/** Rebuilds every count from the data: after bulk loads that write rows by hand (seed-scale, migrations). */
export async function recountAll(em: EntityManager): Promise<void> {
  await em.query('DELETE FROM member_count_change');
  await em.query(`INSERT INTO member_count_change (unitId, day, delta) ${changesOf('1 = 1')}`);
  await em.query('DELETE FROM member_tally');
  await em.query('INSERT INTO member_tally (shard, members) SELECT 0, COUNT(*) FROM member');
  // Every shard exists, so a tally only ever updates a row (two inserts of one new key can deadlock in InnoDB).
  await em.query(`INSERT INTO member_tally (shard, members) VALUES ${Array.from({ length: TALLY_SHARDS - 1 }, (_x, i) => `(${i + 1}, 0)`).join(', ')}`);
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
  const [row] = await em.query(`SELECT COALESCE(SUM(delta), 0) AS n FROM member_count_change WHERE unitId IN (${unitIds.map(() => '?').join(',')}) AND day <= ?`, [...unitIds, day]);
  return Number(row.n);
}
