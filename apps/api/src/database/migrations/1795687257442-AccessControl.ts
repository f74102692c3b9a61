import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessControl1795687257442 implements MigrationInterface {
  name = 'AccessControl1795687257442';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`api_token\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(200) NOT NULL, \`unitId\` int NOT NULL, \`tokenHash\` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`createdBy\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`expiresAt\` datetime(3) NOT NULL, \`lastUsedAt\` datetime(3) NULL, \`revokedAt\` datetime(3) NULL, INDEX \`IDX_995147e2d181856a5937ca5910\` (\`unitId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`app_user\` (\`id\` int NOT NULL AUTO_INCREMENT, \`username\` varchar(60) CHARACTER SET "ascii" COLLATE "ascii_general_ci" NOT NULL, \`displayName\` varchar(200) NOT NULL, \`passwordHash\` varchar(255) NOT NULL, \`passwordVersion\` int NOT NULL DEFAULT '1', \`active\` tinyint NOT NULL DEFAULT 1, \`demo\` tinyint NOT NULL DEFAULT 0, \`lastLoginAt\` datetime(3) NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_c480e576dd71729addbc2d51b6\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`role_grant\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NOT NULL, \`role\` varchar(20) NOT NULL, \`unitId\` int NOT NULL, INDEX \`IDX_f245dac451c8faeadb451928c1\` (\`unitId\`), UNIQUE INDEX \`IDX_d2eb30d8c9dc8e207294ad8563\` (\`userId\`, \`role\`, \`unitId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_d2eb30d8c9dc8e207294ad8563\` ON \`role_grant\``);
    await queryRunner.query(`DROP INDEX \`IDX_f245dac451c8faeadb451928c1\` ON \`role_grant\``);
    await queryRunner.query(`DROP TABLE \`role_grant\``);
    await queryRunner.query(`DROP INDEX \`IDX_c480e576dd71729addbc2d51b6\` ON \`app_user\``);
    await queryRunner.query(`DROP TABLE \`app_user\``);
    await queryRunner.query(`DROP INDEX \`IDX_995147e2d181856a5937ca5910\` ON \`api_token\``);
    await queryRunner.query(`DROP TABLE \`api_token\``);
  }
}
