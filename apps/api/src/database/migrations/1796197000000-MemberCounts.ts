import { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberCounts1796197000000 implements MigrationInterface {
  name = 'MemberCounts1796197000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Member counts kept as data (modules/member/member-counts.ts), filled from what is there. Inline rather than
    // imported, so this migration never changes.
    await queryRunner.query(`CREATE TABLE \`member_count_change\` (\`unitId\` int NOT NULL, \`day\` date NOT NULL, \`delta\` int NOT NULL, PRIMARY KEY (\`unitId\`, \`day\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`member_tally\` (\`shard\` tinyint NOT NULL, \`members\` int NOT NULL, PRIMARY KEY (\`shard\`)) ENGINE=InnoDB`);
    await queryRunner.query(
      `INSERT INTO \`member_count_change\` (\`unitId\`, \`day\`, \`delta\`)
       SELECT unitId, day, SUM(d) FROM (
         SELECT unitId, validFrom AS day, 1 AS d FROM \`member_assignment\` WHERE kind = 'OFFICIAL'
         UNION ALL
         SELECT unitId, validTo, -1 FROM \`member_assignment\` WHERE kind = 'OFFICIAL' AND validTo IS NOT NULL
       ) x GROUP BY unitId, day HAVING SUM(d) <> 0`,
    );
    await queryRunner.query(`CREATE TABLE \`member_count\` (\`unitId\` int NOT NULL, \`day\` date NOT NULL, \`members\` int NOT NULL, PRIMARY KEY (\`unitId\`)) ENGINE=InnoDB`);
    await queryRunner.query(
      `INSERT INTO \`member_count\` (\`unitId\`, \`day\`, \`members\`)
       SELECT unitId, CURRENT_DATE, SUM(CASE WHEN day <= CURRENT_DATE THEN delta ELSE 0 END) FROM \`member_count_change\` GROUP BY unitId`,
    );
    await queryRunner.query(`CREATE TABLE \`member_count_later\` (\`unitId\` int NOT NULL, \`day\` date NOT NULL, \`delta\` int NOT NULL, PRIMARY KEY (\`unitId\`, \`day\`)) ENGINE=InnoDB`);
    await queryRunner.query('INSERT INTO `member_count_later` (`unitId`, `day`, `delta`) SELECT unitId, day, delta FROM `member_count_change` WHERE day > CURRENT_DATE');
    await queryRunner.query('INSERT INTO `member_tally` (`shard`, `members`) SELECT 0, COUNT(*) FROM `member`');
    // The other 15 shards (member-counts.ts TALLY_SHARDS), so that a tally only ever updates an existing row.
    await queryRunner.query(`INSERT INTO \`member_tally\` (\`shard\`, \`members\`) VALUES ${Array.from({ length: 15 }, (_x, i) => `(${i + 1}, 0)`).join(', ')}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `member_tally`');
    await queryRunner.query('DROP TABLE `member_count_later`');
    await queryRunner.query('DROP TABLE `member_count`');
    await queryRunner.query('DROP TABLE `member_count_change`');
  }
}
