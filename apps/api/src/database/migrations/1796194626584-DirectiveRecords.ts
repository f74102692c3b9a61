import { MigrationInterface, QueryRunner } from 'typeorm';

export class DirectiveRecords1796194626584 implements MigrationInterface {
  name = 'DirectiveRecords1796194626584';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`commendation\` (\`id\` int NOT NULL AUTO_INCREMENT, \`subject\` varchar(12) NOT NULL, \`memberId\` int NULL, \`unitId\` int NOT NULL, \`decisionNumber\` varchar(100) NULL, \`decidingUnitId\` int NULL, \`decidingBodyName\` varchar(255) NULL, \`decidedOn\` date NOT NULL, \`form\` varchar(20) NOT NULL, \`achievement\` text NULL, \`activityId\` int NULL, \`documentId\` int NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_da65db25509ec45f47ee28c712\` (\`activityId\`), INDEX \`IDX_7f0426dd1ace34ed1a3e1f2efe\` (\`memberId\`), INDEX \`IDX_aa2d7be79096aef158c56b5f58\` (\`unitId\`, \`decidedOn\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`discipline\` (\`id\` int NOT NULL AUTO_INCREMENT, \`subject\` varchar(12) NOT NULL, \`memberId\` int NULL, \`unitId\` int NOT NULL, \`decisionNumber\` varchar(100) NULL, \`decidingUnitId\` int NULL, \`decidingBodyName\` varchar(255) NULL, \`decidedOn\` date NOT NULL, \`level\` varchar(20) NOT NULL, \`violation\` text NOT NULL, \`activityId\` int NULL, \`documentId\` int NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_2d4dceb13efc6e262b419d09fb\` (\`memberId\`), INDEX \`IDX_4d076ffc62b4921a8cdf016a03\` (\`unitId\`, \`decidedOn\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`exemplary_model\` (\`id\` int NOT NULL AUTO_INCREMENT, \`subject\` varchar(12) NOT NULL, \`memberId\` int NULL, \`unitId\` int NOT NULL, \`year\` int NOT NULL, \`title\` varchar(500) NOT NULL, \`description\` text NULL, \`recognizedOn\` date NULL, \`decisionNumber\` varchar(100) NULL, \`decidingUnitId\` int NULL, \`decidingBodyName\` varchar(255) NULL, \`activityId\` int NULL, \`documentId\` int NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_f7a4ed16c3326c60d2efce270a\` (\`memberId\`), INDEX \`IDX_9900c6ded31821b047cc24abb9\` (\`unitId\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`study_registration\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`year\` int NOT NULL, \`commitment\` text NOT NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_8063e9703013aaa197b00b0b6f\` (\`year\`), UNIQUE INDEX \`IDX_441f972305b8cb8bf0f8b46b1d\` (\`memberId\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`study_entry\` (\`id\` int NOT NULL AUTO_INCREMENT, \`registrationId\` int NOT NULL, \`month\` tinyint NOT NULL, \`content\` text NOT NULL, \`specificity\` varchar(12) NULL, \`outcome\` varchar(12) NULL, \`reviewedById\` int NULL, \`reviewedBy\` varchar(200) NULL, \`reviewedOn\` date NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_cf56898341c5aa5b0f5b98c18a\` (\`registrationId\`, \`month\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`inspection\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(12) NOT NULL, \`inspectingUnitId\` int NOT NULL, \`inspectingBody\` varchar(24) NOT NULL, \`subjectUnitId\` int NULL, \`subjectMemberId\` int NULL, \`unitId\` int NOT NULL, \`topic\` varchar(500) NOT NULL, \`startOn\` date NOT NULL, \`endOn\` date NULL, \`findings\` text NULL, \`conclusion\` text NULL, \`documentId\` int NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_e974c257e0d71882e513569140\` (\`subjectMemberId\`), INDEX \`IDX_f43fc7df3ec4d5bb0918027d9a\` (\`inspectingUnitId\`, \`startOn\`), INDEX \`IDX_f09dfe34f1c382c7c3fcb44fb0\` (\`unitId\`, \`startOn\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`inspection_action\` (\`id\` int NOT NULL AUTO_INCREMENT, \`inspectionId\` int NOT NULL, \`action\` varchar(1000) NOT NULL, \`deadline\` date NULL, \`doneOn\` date NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_c98a092d4f2941414e8f79d6df\` (\`inspectionId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_c98a092d4f2941414e8f79d6df\` ON \`inspection_action\``);
    await queryRunner.query(`DROP TABLE \`inspection_action\``);
    await queryRunner.query(`DROP INDEX \`IDX_f09dfe34f1c382c7c3fcb44fb0\` ON \`inspection\``);
    await queryRunner.query(`DROP INDEX \`IDX_f43fc7df3ec4d5bb0918027d9a\` ON \`inspection\``);
    await queryRunner.query(`DROP INDEX \`IDX_e974c257e0d71882e513569140\` ON \`inspection\``);
    await queryRunner.query(`DROP TABLE \`inspection\``);
    await queryRunner.query(`DROP INDEX \`IDX_cf56898341c5aa5b0f5b98c18a\` ON \`study_entry\``);
    await queryRunner.query(`DROP TABLE \`study_entry\``);
    await queryRunner.query(`DROP INDEX \`IDX_441f972305b8cb8bf0f8b46b1d\` ON \`study_registration\``);
    await queryRunner.query(`DROP INDEX \`IDX_8063e9703013aaa197b00b0b6f\` ON \`study_registration\``);
    await queryRunner.query(`DROP TABLE \`study_registration\``);
    await queryRunner.query(`DROP INDEX \`IDX_9900c6ded31821b047cc24abb9\` ON \`exemplary_model\``);
    await queryRunner.query(`DROP INDEX \`IDX_f7a4ed16c3326c60d2efce270a\` ON \`exemplary_model\``);
    await queryRunner.query(`DROP TABLE \`exemplary_model\``);
    await queryRunner.query(`DROP INDEX \`IDX_4d076ffc62b4921a8cdf016a03\` ON \`discipline\``);
    await queryRunner.query(`DROP INDEX \`IDX_2d4dceb13efc6e262b419d09fb\` ON \`discipline\``);
    await queryRunner.query(`DROP TABLE \`discipline\``);
    await queryRunner.query(`DROP INDEX \`IDX_aa2d7be79096aef158c56b5f58\` ON \`commendation\``);
    await queryRunner.query(`DROP INDEX \`IDX_7f0426dd1ace34ed1a3e1f2efe\` ON \`commendation\``);
    await queryRunner.query(`DROP INDEX \`IDX_da65db25509ec45f47ee28c712\` ON \`commendation\``);
    await queryRunner.query(`DROP TABLE \`commendation\``);
  }
}
