import { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberSortIndex1795688620579 implements MigrationInterface {
  name = 'MemberSortIndex1795688620579';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_8406009d1c3b8211edc853d81c\` ON \`member\``);
    await queryRunner.query(`CREATE INDEX \`IDX_3731ecee7a31410a2a0e1706b5\` ON \`member\` (\`sortGiven\`, \`sortFamily\`, \`sortMiddle\`, \`birthDate\`, \`id\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_3731ecee7a31410a2a0e1706b5\` ON \`member\``);
    await queryRunner.query(`CREATE INDEX \`IDX_8406009d1c3b8211edc853d81c\` ON \`member\` (\`sortGiven\`, \`sortFamily\`, \`sortMiddle\`)`);
  }
}
