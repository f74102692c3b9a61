import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrgEvents1796195483521 implements MigrationInterface {
  name = 'OrgEvents1796195483521';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`org_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`type\` varchar(12) NOT NULL, \`effectiveDate\` date NOT NULL, \`documentId\` int NULL, \`decisionNumber\` varchar(100) NULL, \`decisionDate\` date NULL, \`note\` varchar(1000) NULL, \`unitId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_1470a67bcc122d9ff82442bd54\` (\`effectiveDate\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`org_event_unit\` (\`id\` int NOT NULL AUTO_INCREMENT, \`eventId\` int NOT NULL, \`unitId\` int NOT NULL, \`role\` varchar(8) NOT NULL, INDEX \`IDX_684c4d84b67bafe78574137578\` (\`unitId\`), UNIQUE INDEX \`IDX_9ad8c7e892c2255dcf6044b692\` (\`eventId\`, \`role\`, \`unitId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`org_lineage\` (\`id\` int NOT NULL AUTO_INCREMENT, \`eventId\` int NOT NULL, \`predecessorId\` int NOT NULL, \`successorId\` int NOT NULL, \`effectiveDate\` date NOT NULL, \`type\` varchar(12) NOT NULL, INDEX \`IDX_4a4ad20d1fe45fcc7de25fa7d6\` (\`successorId\`), UNIQUE INDEX \`IDX_2e71089ebe70c723dcaa1c5152\` (\`predecessorId\`, \`successorId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`org_unit_name\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitId\` int NOT NULL, \`name\` varchar(255) NOT NULL, \`shortName\` varchar(100) NULL, \`validTo\` date NOT NULL, UNIQUE INDEX \`IDX_bcedc2a9dda46cac4f97a32db4\` (\`unitId\`, \`validTo\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`role_grant\` ADD \`validFrom\` date NULL`);
    await queryRunner.query(`ALTER TABLE \`role_grant\` ADD \`validTo\` date NULL`);
    await queryRunner.query(`ALTER TABLE \`org_unit\` ADD \`nameFrom\` date NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`org_unit\` DROP COLUMN \`nameFrom\``);
    await queryRunner.query(`ALTER TABLE \`role_grant\` DROP COLUMN \`validTo\``);
    await queryRunner.query(`ALTER TABLE \`role_grant\` DROP COLUMN \`validFrom\``);
    await queryRunner.query(`DROP INDEX \`IDX_bcedc2a9dda46cac4f97a32db4\` ON \`org_unit_name\``);
    await queryRunner.query(`DROP TABLE \`org_unit_name\``);
    await queryRunner.query(`DROP INDEX \`IDX_2e71089ebe70c723dcaa1c5152\` ON \`org_lineage\``);
    await queryRunner.query(`DROP INDEX \`IDX_4a4ad20d1fe45fcc7de25fa7d6\` ON \`org_lineage\``);
    await queryRunner.query(`DROP TABLE \`org_lineage\``);
    await queryRunner.query(`DROP INDEX \`IDX_9ad8c7e892c2255dcf6044b692\` ON \`org_event_unit\``);
    await queryRunner.query(`DROP INDEX \`IDX_684c4d84b67bafe78574137578\` ON \`org_event_unit\``);
    await queryRunner.query(`DROP TABLE \`org_event_unit\``);
    await queryRunner.query(`DROP INDEX \`IDX_1470a67bcc122d9ff82442bd54\` ON \`org_event\``);
    await queryRunner.query(`DROP TABLE \`org_event\``);
  }
}
