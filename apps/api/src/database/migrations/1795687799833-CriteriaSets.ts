import { MigrationInterface, QueryRunner } from 'typeorm';

export class CriteriaSets1795687799833 implements MigrationInterface {
  name = 'CriteriaSets1795687799833';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`criteria_set\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitId\` int NOT NULL, \`periodId\` int NOT NULL, \`subjectKind\` varchar(30) NOT NULL, \`name\` varchar(255) NOT NULL, \`status\` varchar(12) NOT NULL, \`revision\` int NOT NULL DEFAULT '1', \`lineageId\` int NULL, \`totalMax\` decimal(7,2) NOT NULL, \`bands\` longtext NOT NULL, \`gates\` longtext NOT NULL, \`downgrades\` longtext NOT NULL, \`quota\` longtext NOT NULL, \`publishedAt\` datetime(3) NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_996332376a11323ecd62925008\` (\`unitId\`, \`periodId\`, \`subjectKind\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`criterion\` (\`id\` int NOT NULL AUTO_INCREMENT, \`setId\` int NOT NULL, \`parentId\` int NULL, \`position\` int NOT NULL, \`code\` varchar(40) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`name\` varchar(500) NOT NULL, \`description\` varchar(2000) NULL, \`kind\` varchar(10) NOT NULL, \`max\` decimal(7,2) NOT NULL, \`min\` decimal(7,2) NULL, \`formula\` varchar(1000) NULL, \`version\` int NOT NULL, INDEX \`IDX_dd1d915608e515e9c9380e6b47\` (\`setId\`, \`parentId\`, \`position\`), UNIQUE INDEX \`IDX_920ee25d96b66a06651b79c03d\` (\`setId\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`rating_period\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitId\` int NOT NULL, \`kind\` varchar(10) NOT NULL, \`year\` int NOT NULL, \`quarter\` int NOT NULL DEFAULT '0', \`name\` varchar(100) NOT NULL, \`startDate\` date NOT NULL, \`endDate\` date NOT NULL, \`lockedAt\` datetime(3) NULL, \`version\` int NOT NULL, UNIQUE INDEX \`IDX_19dfdb72b40250e22a9ba9dbfb\` (\`unitId\`, \`year\`, \`quarter\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_19dfdb72b40250e22a9ba9dbfb\` ON \`rating_period\``);
    await queryRunner.query(`DROP TABLE \`rating_period\``);
    await queryRunner.query(`DROP INDEX \`IDX_920ee25d96b66a06651b79c03d\` ON \`criterion\``);
    await queryRunner.query(`DROP INDEX \`IDX_dd1d915608e515e9c9380e6b47\` ON \`criterion\``);
    await queryRunner.query(`DROP TABLE \`criterion\``);
    await queryRunner.query(`DROP INDEX \`IDX_996332376a11323ecd62925008\` ON \`criteria_set\``);
    await queryRunner.query(`DROP TABLE \`criteria_set\``);
  }
}
