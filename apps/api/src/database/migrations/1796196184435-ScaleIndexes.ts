import { MigrationInterface, QueryRunner } from 'typeorm';

export class ScaleIndexes1796196184435 implements MigrationInterface {
  name = 'ScaleIndexes1796196184435';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Member search by word prefix through an index (modules/member/member-search.ts), filled from searchText,
    // which already holds the folded words. Inline rather than imported, so this migration never changes.
    await queryRunner.query(`CREATE TABLE \`member_search_word\` (\`word\` varchar(100) CHARACTER SET "utf8mb4" COLLATE "utf8mb4_bin" NOT NULL, \`memberId\` int NOT NULL, INDEX \`IDX_fdd3221f7a9f7e2ce6753baaf8\` (\`memberId\`), PRIMARY KEY (\`word\`, \`memberId\`)) ENGINE=InnoDB`);
    for (let after = 0; ; ) {
      const rows: { id: number; searchText: string }[] = await queryRunner.query('SELECT id, searchText FROM `member` WHERE id > ? ORDER BY id LIMIT 5000', [after]);
      if (rows.length === 0) break;
      after = Number(rows[rows.length - 1].id);
      const words = rows.flatMap((r) => [...new Set(String(r.searchText).split(' ').filter(Boolean).map((w) => w.slice(0, 100)))].map((w) => [w, Number(r.id)]));
      for (let i = 0; i < words.length; i += 2000) {
        const chunk = words.slice(i, i + 2000);
        await queryRunner.query(`INSERT INTO \`member_search_word\` (\`word\`, \`memberId\`) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`, chunk.flat());
      }
    }
    // The login throttle's counters (rate-limiter-flexible's MySQL store, modules/auth/login-limiter.ts), shared by
    // every API process. Written by hand: the table is the library's layout, not an entity.
    await queryRunner.query(`CREATE TABLE \`rate_limit\` (\`key\` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, \`points\` int NOT NULL DEFAULT 0, \`expire\` bigint UNSIGNED NULL, PRIMARY KEY (\`key\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`rate_limit\``);
    await queryRunner.query(`DROP INDEX \`IDX_fdd3221f7a9f7e2ce6753baaf8\` ON \`member_search_word\``);
    await queryRunner.query(`DROP TABLE \`member_search_word\``);
  }
}
