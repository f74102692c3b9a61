import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportDrafts1796195587188 implements MigrationInterface {
  name = 'ReportDrafts1796195587188';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`report_draft\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitId\` int NOT NULL, \`documentId\` int NOT NULL, \`periodFrom\` date NOT NULL, \`periodTo\` date NOT NULL, \`title\` varchar(500) NOT NULL, \`introduction\` text NULL, \`strengths\` text NULL, \`limitations\` text NULL, \`directions\` text NULL, \`recipients\` text NULL, \`issuedDocumentId\` int NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_ff5c5f36415a0504eb3a8a0cf7\` (\`unitId\`, \`documentId\`, \`periodFrom\`, \`periodTo\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_ff5c5f36415a0504eb3a8a0cf7\` ON \`report_draft\``);
    await queryRunner.query(`DROP TABLE \`report_draft\``);
  }
}
