import { MigrationInterface, QueryRunner } from 'typeorm';

export class RatingWorkflow1796195798838 implements MigrationInterface {
  name = 'RatingWorkflow1796195798838';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`rating_lock\` (\`id\` int NOT NULL AUTO_INCREMENT, \`periodId\` int NOT NULL, \`unitId\` int NOT NULL, \`lockedAt\` datetime(3) NOT NULL, \`lockedBy\` varchar(200) NOT NULL, \`reopenedAt\` datetime(3) NULL, \`reopenedBy\` varchar(200) NULL, \`reopenReason\` varchar(1000) NULL, INDEX \`IDX_892f3ede1454fefc14ab8ef83f\` (\`periodId\`, \`unitId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`evaluation\` (\`id\` int NOT NULL AUTO_INCREMENT, \`periodId\` int NOT NULL, \`subjectKey\` varchar(24) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`subjectKind\` varchar(30) NOT NULL, \`memberId\` int NULL, \`subjectUnitId\` int NULL, \`subjectName\` varchar(255) NOT NULL, \`unitId\` int NOT NULL, \`decidingUnitId\` int NOT NULL, \`ledUnitId\` int NULL, \`criteriaSetId\` int NULL, \`peerGroup\` varchar(80) NOT NULL, \`stage\` varchar(12) NOT NULL, \`status\` varchar(12) NOT NULL, \`level\` varchar(16) NULL, \`engineLevel\` varchar(16) NULL, \`proposedLevel\` varchar(16) NULL, \`total\` decimal(7,2) NULL, \`scores\` longtext NULL, \`checks\` longtext NULL, \`facts\` longtext NULL, \`metrics\` longtext NULL, \`metricsAt\` datetime(3) NULL, \`trace\` longtext NULL, \`errors\` longtext NULL, \`decidedAt\` datetime(3) NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_b6ef8d7a656da1cf99cafa8dda\` (\`periodId\`, \`decidingUnitId\`), INDEX \`IDX_75e145b70201bd5c5827c353e2\` (\`periodId\`, \`peerGroup\`, \`level\`), INDEX \`IDX_5ed4d7c5fe5f4d353fec66ce8b\` (\`periodId\`, \`unitId\`), UNIQUE INDEX \`IDX_93d73067234d38856dc3ee16d7\` (\`periodId\`, \`subjectKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`evaluation_stage\` (\`id\` int NOT NULL AUTO_INCREMENT, \`evaluationId\` int NOT NULL, \`kind\` varchar(12) NOT NULL, \`scores\` longtext NULL, \`checks\` longtext NULL, \`facts\` longtext NULL, \`metrics\` longtext NULL, \`total\` decimal(7,2) NULL, \`engineLevel\` varchar(16) NULL, \`proposedLevel\` varchar(16) NULL, \`reason\` varchar(2000) NULL, \`trace\` longtext NULL, \`errors\` longtext NULL, \`actingUnitId\` int NULL, \`actor\` varchar(200) NOT NULL, \`userId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_48d449f28fa4527a7a060c4269\` (\`evaluationId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`rating_job\` (\`id\` int NOT NULL AUTO_INCREMENT, \`periodId\` int NOT NULL, \`unitId\` int NOT NULL, \`kind\` varchar(12) NOT NULL, \`state\` varchar(12) NOT NULL, \`resumeAfter\` varchar(24) NULL, \`processed\` int NOT NULL DEFAULT '0', \`total\` int NULL, \`created\` int NOT NULL DEFAULT '0', \`claimedBy\` varchar(100) NULL, \`heartbeatAt\` datetime(3) NULL, \`error\` varchar(2000) NULL, \`requestedBy\` varchar(200) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`startedAt\` datetime(3) NULL, \`finishedAt\` datetime(3) NULL, INDEX \`IDX_10984022aeb19d640ffa6194f6\` (\`periodId\`, \`unitId\`), INDEX \`IDX_4543ebee370710de3b3e093234\` (\`state\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`member_status\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`status\` varchar(20) NOT NULL, \`validFrom\` date NOT NULL, \`validTo\` date NULL, \`note\` varchar(500) NULL, INDEX \`IDX_b117b5f965474c15a30cc15728\` (\`memberId\`, \`validFrom\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`criteria_set\` ADD \`frame\` varchar(20) NULL`);
    await queryRunner.query(`ALTER TABLE \`rating_period\` ADD \`quotaShare\` decimal(5,4) NOT NULL DEFAULT '0.2000'`);
    await queryRunner.query(`ALTER TABLE \`rating_period\` ADD \`outstandingShare\` decimal(5,4) NOT NULL DEFAULT '0.2500'`);
    await queryRunner.query(`ALTER TABLE \`rating_period\` ADD \`outstandingUnitIds\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`rating_period\` ADD \`baseIncludesExcellent\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`rating_period\` ADD \`orderCollectiveBeforeHead\` tinyint NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE \`rating_period\` ADD \`orderMembersBeforeOrganisation\` tinyint NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE \`rating_period\` ADD \`orderLowerBeforeUpper\` tinyint NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE \`member\` ADD \`inPoliticalSystem\` tinyint NOT NULL DEFAULT 0`);
    // Dated statuses of the members already recorded (reviewed addition): probationary from admission until made
    // official, official since; any other status is known only as of now, so it is dated from the last known date.
    await queryRunner.query(`INSERT INTO \`member_status\` (\`memberId\`, \`status\`, \`validFrom\`, \`validTo\`, \`note\`)
      SELECT id, 'PROBATIONARY', admittedOn, officialOn, NULL FROM \`member\` WHERE admittedOn IS NOT NULL AND officialOn > admittedOn`);
    await queryRunner.query(`INSERT INTO \`member_status\` (\`memberId\`, \`status\`, \`validFrom\`, \`validTo\`, \`note\`)
      SELECT id, status,
             COALESCE(officialOn, admittedOn, CURRENT_DATE), NULL, NULL FROM \`member\``);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`member\` DROP COLUMN \`inPoliticalSystem\``);
    await queryRunner.query(`ALTER TABLE \`rating_period\` DROP COLUMN \`orderLowerBeforeUpper\``);
    await queryRunner.query(`ALTER TABLE \`rating_period\` DROP COLUMN \`orderMembersBeforeOrganisation\``);
    await queryRunner.query(`ALTER TABLE \`rating_period\` DROP COLUMN \`orderCollectiveBeforeHead\``);
    await queryRunner.query(`ALTER TABLE \`rating_period\` DROP COLUMN \`baseIncludesExcellent\``);
    await queryRunner.query(`ALTER TABLE \`rating_period\` DROP COLUMN \`outstandingUnitIds\``);
    await queryRunner.query(`ALTER TABLE \`rating_period\` DROP COLUMN \`outstandingShare\``);
    await queryRunner.query(`ALTER TABLE \`rating_period\` DROP COLUMN \`quotaShare\``);
    await queryRunner.query(`ALTER TABLE \`criteria_set\` DROP COLUMN \`frame\``);
    await queryRunner.query(`DROP INDEX \`IDX_b117b5f965474c15a30cc15728\` ON \`member_status\``);
    await queryRunner.query(`DROP TABLE \`member_status\``);
    await queryRunner.query(`DROP INDEX \`IDX_4543ebee370710de3b3e093234\` ON \`rating_job\``);
    await queryRunner.query(`DROP INDEX \`IDX_10984022aeb19d640ffa6194f6\` ON \`rating_job\``);
    await queryRunner.query(`DROP TABLE \`rating_job\``);
    await queryRunner.query(`DROP INDEX \`IDX_48d449f28fa4527a7a060c4269\` ON \`evaluation_stage\``);
    await queryRunner.query(`DROP TABLE \`evaluation_stage\``);
    await queryRunner.query(`DROP INDEX \`IDX_93d73067234d38856dc3ee16d7\` ON \`evaluation\``);
    await queryRunner.query(`DROP INDEX \`IDX_5ed4d7c5fe5f4d353fec66ce8b\` ON \`evaluation\``);
    await queryRunner.query(`DROP INDEX \`IDX_75e145b70201bd5c5827c353e2\` ON \`evaluation\``);
    await queryRunner.query(`DROP INDEX \`IDX_b6ef8d7a656da1cf99cafa8dda\` ON \`evaluation\``);
    await queryRunner.query(`DROP TABLE \`evaluation\``);
    await queryRunner.query(`DROP INDEX \`IDX_892f3ede1454fefc14ab8ef83f\` ON \`rating_lock\``);
    await queryRunner.query(`DROP TABLE \`rating_lock\``);
  }
}
