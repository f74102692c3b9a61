import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated from the entities, then reviewed and rewritten where TypeORM's output was unsafe:
 * - A length change came out as DROP COLUMN + ADD COLUMN (TypeORM's MySQL runner does that for any length change),
 *   which empties the column; here it is `MODIFY`, which keeps the data and the indexes on it.
 * - The generated column's row in `typeorm_metadata` (where TypeORM keeps the expression to compare it later) named
 *   the scratch database and lost its parameters; here it names `DATABASE()`, and the table is created if missing.
 * - Rows that break the new unique indexes are resolved first (a development database may hold such duplicates), each
 *   change written to the audit log: extra PUBLISHED sets of one owner, period and subject kind are archived (the
 *   newest stays, as publishing does), and a card or citizen number held by several members stays with the first;
 *   the others' card number moves to their number history, as a card exchange does.
 * Same DDL on MariaDB 10.11 and MySQL 8.4: a VIRTUAL generated column with a unique index (NULLs never collide).
 */
const PUBLISHED_EXPRESSION = "CASE WHEN `status` = 'PUBLISHED' THEN `unitId` END";

/** Lengths before → after; MODIFY keeps data, and `down` cuts values back to the old length first. */
const LENGTHS: { table: string; column: string; type: (length: number) => string; before: number; after: number }[] = [
  { table: 'audit_entry', column: 'actor', type: (n) => `varchar(${n}) NOT NULL`, before: 100, after: 255 },
  { table: 'member', column: 'familyName', type: (n) => `varchar(${n}) NOT NULL`, before: 100, after: 200 },
  { table: 'member', column: 'middleName', type: (n) => `varchar(${n}) NOT NULL`, before: 100, after: 200 },
  { table: 'member', column: 'givenName', type: (n) => `varchar(${n}) NOT NULL`, before: 100, after: 200 },
  { table: 'member', column: 'sortGiven', type: (n) => `varchar(${n}) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL`, before: 400, after: 1000 },
  { table: 'member', column: 'sortFamily', type: (n) => `varchar(${n}) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL`, before: 400, after: 1000 },
  { table: 'member', column: 'sortMiddle', type: (n) => `varchar(${n}) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL`, before: 400, after: 1000 },
  { table: 'member', column: 'searchText', type: (n) => `varchar(${n}) NOT NULL`, before: 500, after: 2000 },
  { table: 'org_unit', column: 'searchText', type: (n) => `varchar(${n}) NOT NULL`, before: 500, after: 2000 },
  { table: 'org_unit', column: 'sortKey', type: (n) => `varchar(${n}) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL`, before: 400, after: 1000 },
];

export class ContractConstraints1796194113386 implements MigrationInterface {
  name = 'ContractConstraints1796194113386';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const c of LENGTHS) await queryRunner.query(`ALTER TABLE \`${c.table}\` MODIFY \`${c.column}\` ${c.type(c.after)}`);

    await this.resolveDuplicates(queryRunner);

    await queryRunner.query(`DROP INDEX \`IDX_6f1d86a57bbcd35c684c23be72\` ON \`member\``);
    await queryRunner.query(`DROP INDEX \`IDX_d6e8c431d7be99f3446c6c388c\` ON \`member\``);
    await queryRunner.query(`ALTER TABLE \`member\` ADD UNIQUE INDEX \`IDX_6f1d86a57bbcd35c684c23be72\` (\`cardNumber\`)`);
    await queryRunner.query(`ALTER TABLE \`member\` ADD UNIQUE INDEX \`IDX_d6e8c431d7be99f3446c6c388c\` (\`citizenId\`)`);

    await queryRunner.query(`ALTER TABLE \`criteria_set\` ADD \`publishedUnitId\` int AS (${PUBLISHED_EXPRESSION}) VIRTUAL`);
    await queryRunner.query(
      'CREATE TABLE IF NOT EXISTS `typeorm_metadata` (`type` varchar(255) NOT NULL, `database` varchar(255) NULL, `schema` varchar(255) NULL, `table` varchar(255) NULL, `name` varchar(255) NULL, `value` text NULL) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "INSERT INTO `typeorm_metadata` (`database`, `schema`, `table`, `type`, `name`, `value`) VALUES (NULL, DATABASE(), 'criteria_set', 'GENERATED_COLUMN', 'publishedUnitId', ?)",
      [PUBLISHED_EXPRESSION],
    );
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_c46abf87bf53aa74888be25e6f\` ON \`criteria_set\` (\`publishedUnitId\`, \`periodId\`, \`subjectKind\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_c46abf87bf53aa74888be25e6f\` ON \`criteria_set\``);
    await queryRunner.query(
      "DELETE FROM `typeorm_metadata` WHERE `type` = 'GENERATED_COLUMN' AND `schema` = DATABASE() AND `table` = 'criteria_set' AND `name` = 'publishedUnitId'",
    );
    const [{ n }] = await queryRunner.query('SELECT COUNT(*) AS n FROM `typeorm_metadata`');
    if (Number(n) === 0) await queryRunner.query('DROP TABLE `typeorm_metadata`');
    await queryRunner.query(`ALTER TABLE \`criteria_set\` DROP COLUMN \`publishedUnitId\``);

    await queryRunner.query(`DROP INDEX \`IDX_d6e8c431d7be99f3446c6c388c\` ON \`member\``);
    await queryRunner.query(`DROP INDEX \`IDX_6f1d86a57bbcd35c684c23be72\` ON \`member\``);
    await queryRunner.query(`CREATE INDEX \`IDX_d6e8c431d7be99f3446c6c388c\` ON \`member\` (\`citizenId\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_6f1d86a57bbcd35c684c23be72\` ON \`member\` (\`cardNumber\`)`);

    // Going back loses what no longer fits: values are cut to the old length (sort keys stay ordered when cut).
    for (const c of [...LENGTHS].reverse()) {
      await queryRunner.query(`UPDATE \`${c.table}\` SET \`${c.column}\` = LEFT(\`${c.column}\`, ${c.before}) WHERE CHAR_LENGTH(\`${c.column}\`) > ${c.before}`);
      await queryRunner.query(`ALTER TABLE \`${c.table}\` MODIFY \`${c.column}\` ${c.type(c.before)}`);
    }
  }

  /** Makes existing rows satisfy the new unique indexes, recording each change in the audit log. */
  private async resolveDuplicates(queryRunner: QueryRunner): Promise<void> {
    const audit = (entity: string, id: number, before: unknown, after: unknown) =>
      queryRunner.query(
        "INSERT INTO `audit_entry` (`at`, `userId`, `tokenId`, `actor`, `operation`, `entity`, `entityId`, `before`, `after`, `requestId`, `unitId`) VALUES (NOW(3), NULL, NULL, 'hệ thống', 'migration:ContractConstraints', ?, ?, ?, ?, 'migration', NULL)",
        [entity, String(id), JSON.stringify(before), JSON.stringify(after)],
      );

    const extraPublished: { id: number }[] = await queryRunner.query(
      "SELECT s.id FROM `criteria_set` s WHERE s.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM `criteria_set` n WHERE n.status = 'PUBLISHED' AND n.unitId = s.unitId AND n.periodId = s.periodId AND n.subjectKind = s.subjectKind AND n.id > s.id)",
    );
    for (const { id } of extraPublished) {
      await queryRunner.query("UPDATE `criteria_set` SET status = 'ARCHIVED' WHERE id = ?", [id]);
      await audit('CriteriaSet', id, { status: 'PUBLISHED' }, { status: 'ARCHIVED' });
    }

    for (const column of ['cardNumber', 'citizenId'] as const) {
      const later: { id: number; value: string }[] = await queryRunner.query(
        `SELECT m.id, m.\`${column}\` AS value FROM \`member\` m WHERE m.\`${column}\` IS NOT NULL AND EXISTS (SELECT 1 FROM \`member\` f WHERE f.\`${column}\` = m.\`${column}\` AND f.id < m.id)`,
      );
      for (const { id, value } of later) {
        if (column === 'cardNumber') {
          await queryRunner.query("INSERT INTO `member_number_history` (`memberId`, `kind`, `value`, `replacedAt`) VALUES (?, 'CARD', ?, NOW(3))", [id, value]);
        }
        await queryRunner.query(`UPDATE \`member\` SET \`${column}\` = NULL WHERE id = ?`, [id]);
        await audit('Member', id, { [column]: value }, { [column]: null });
      }
    }
  }
}
