import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Carrying out a directive, part 1: the document register (document, document_recipient) and activities with their
 * linked documents, attendance sheets and outreach counts. Generated from the entities and reviewed: new tables
 * only. `document.uniqueKey` (issuer, term, type, sequence, written by the service) is binary-collated and unique,
 * so a duplicate number is refused by the database even for two concurrent writes.
 */

export class DirectiveDocuments1796194570195 implements MigrationInterface {
  name = 'DirectiveDocuments1796194570195';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`activity\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(20) NOT NULL, \`conferenceKind\` varchar(20) NULL, \`medium\` varchar(20) NULL, \`subjectMemberId\` int NULL, \`subjectUnitId\` int NULL, \`unitId\` int NOT NULL, \`heldOn\` date NOT NULL, \`title\` varchar(500) NOT NULL, \`audience\` varchar(20) NOT NULL, \`note\` text NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_7aec4f74cd061bf7e1ef254d85\` (\`unitId\`, \`heldOn\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`activity_document\` (\`activityId\` int NOT NULL, \`documentId\` int NOT NULL, INDEX \`IDX_1e92c317f5f8f2193d5afc5bef\` (\`documentId\`), PRIMARY KEY (\`activityId\`, \`documentId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`attendance\` (\`id\` int NOT NULL AUTO_INCREMENT, \`activityId\` int NOT NULL, \`memberId\` int NOT NULL, \`present\` tinyint NOT NULL, \`absenceReason\` varchar(500) NULL, INDEX \`IDX_24f01ca59f0e454daa2de25acb\` (\`memberId\`), UNIQUE INDEX \`IDX_f88bf5b7d236366997357c8429\` (\`activityId\`, \`memberId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`outreach\` (\`id\` int NOT NULL AUTO_INCREMENT, \`activityId\` int NULL, \`unitId\` int NOT NULL, \`audience\` varchar(20) NOT NULL, \`periodFrom\` date NOT NULL, \`periodTo\` date NOT NULL, \`reachedCount\` int NOT NULL, \`headCount\` int NOT NULL, \`headCountAsOf\` date NOT NULL, \`note\` varchar(1000) NULL, \`version\` int NOT NULL, INDEX \`IDX_1f27e4b164614ad2f33af7b86a\` (\`activityId\`), INDEX \`IDX_b85bce185b71d8bb5e8abe6b83\` (\`unitId\`, \`periodTo\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`document\` (\`id\` int NOT NULL AUTO_INCREMENT, \`number\` varchar(100) NOT NULL, \`sequence\` varchar(10) NOT NULL, \`typeCode\` varchar(20) NOT NULL, \`typeName\` varchar(100) NOT NULL, \`issuerUnitId\` int NULL, \`issuerName\` varchar(255) NOT NULL, \`issuerCode\` varchar(50) NOT NULL, \`ownerUnitId\` int NOT NULL, \`term\` varchar(50) NULL, \`issuedOn\` date NOT NULL, \`title\` varchar(500) NOT NULL, \`summary\` text NULL, \`implementsId\` int NULL, \`uniqueKey\` varchar(200) CHARACTER SET "utf8mb4" COLLATE "utf8mb4_bin" NOT NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_fcc118567f1833604a4c9ec066\` (\`uniqueKey\`), INDEX \`IDX_951c4f8a97e508c19a688ff909\` (\`implementsId\`), INDEX \`IDX_6a968ce56c4718faeeb22b6d55\` (\`ownerUnitId\`, \`issuedOn\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`document_recipient\` (\`id\` int NOT NULL AUTO_INCREMENT, \`documentId\` int NOT NULL, \`unitId\` int NOT NULL, \`sentOn\` date NOT NULL, \`version\` int NOT NULL, INDEX \`IDX_2e0720a0c3eed5fcbf2eec63cf\` (\`unitId\`), UNIQUE INDEX \`IDX_a5f9e9407f72f3d33e0b8b64bb\` (\`documentId\`, \`unitId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_a5f9e9407f72f3d33e0b8b64bb\` ON \`document_recipient\``);
    await queryRunner.query(`DROP INDEX \`IDX_2e0720a0c3eed5fcbf2eec63cf\` ON \`document_recipient\``);
    await queryRunner.query(`DROP TABLE \`document_recipient\``);
    await queryRunner.query(`DROP INDEX \`IDX_6a968ce56c4718faeeb22b6d55\` ON \`document\``);
    await queryRunner.query(`DROP INDEX \`IDX_951c4f8a97e508c19a688ff909\` ON \`document\``);
    await queryRunner.query(`DROP INDEX \`IDX_fcc118567f1833604a4c9ec066\` ON \`document\``);
    await queryRunner.query(`DROP TABLE \`document\``);
    await queryRunner.query(`DROP INDEX \`IDX_b85bce185b71d8bb5e8abe6b83\` ON \`outreach\``);
    await queryRunner.query(`DROP INDEX \`IDX_1f27e4b164614ad2f33af7b86a\` ON \`outreach\``);
    await queryRunner.query(`DROP TABLE \`outreach\``);
    await queryRunner.query(`DROP INDEX \`IDX_f88bf5b7d236366997357c8429\` ON \`attendance\``);
    await queryRunner.query(`DROP INDEX \`IDX_24f01ca59f0e454daa2de25acb\` ON \`attendance\``);
    await queryRunner.query(`DROP TABLE \`attendance\``);
    await queryRunner.query(`DROP INDEX \`IDX_1e92c317f5f8f2193d5afc5bef\` ON \`activity_document\``);
    await queryRunner.query(`DROP TABLE \`activity_document\``);
    await queryRunner.query(`DROP INDEX \`IDX_7aec4f74cd061bf7e1ef254d85\` ON \`activity\``);
    await queryRunner.query(`DROP TABLE \`activity\``);
  }
}
