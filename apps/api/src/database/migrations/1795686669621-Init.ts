import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795686669621 implements MigrationInterface {
  name = 'Init1795686669621';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`audit_entry\` (\`id\` int NOT NULL AUTO_INCREMENT, \`at\` datetime(3) NOT NULL, \`userId\` int NULL, \`tokenId\` int NULL, \`actor\` varchar(100) NOT NULL, \`operation\` varchar(80) NOT NULL, \`entity\` varchar(60) NOT NULL, \`entityId\` varchar(40) NULL, \`before\` longtext NULL, \`after\` longtext NULL, \`requestId\` varchar(40) NOT NULL, \`unitId\` int NULL, INDEX \`IDX_9d18bd4a32fc0cd8ff82b12037\` (\`at\`), INDEX \`IDX_2084e450cdb71be32b816bca4e\` (\`entity\`, \`entityId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`member\` (\`id\` int NOT NULL AUTO_INCREMENT, \`fullName\` varchar(200) NOT NULL, \`familyName\` varchar(100) NOT NULL, \`middleName\` varchar(100) NOT NULL, \`givenName\` varchar(100) NOT NULL, \`namePartsOverridden\` tinyint NOT NULL DEFAULT 0, \`sortGiven\` varchar(400) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`sortFamily\` varchar(400) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`sortMiddle\` varchar(400) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`searchText\` varchar(500) NOT NULL, \`gender\` varchar(10) NOT NULL, \`birthDate\` date NULL, \`cardNumber\` varchar(20) NULL, \`recordNumber\` varchar(20) NULL, \`citizenId\` varchar(20) NULL, \`admittedOn\` date NULL, \`officialOn\` date NULL, \`status\` varchar(20) NOT NULL, \`note\` varchar(1000) NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_6f1d86a57bbcd35c684c23be72\` (\`cardNumber\`), INDEX \`IDX_d6e8c431d7be99f3446c6c388c\` (\`citizenId\`), INDEX \`IDX_edd000cc7aef7da0776ef763ce\` (\`status\`), INDEX \`IDX_8406009d1c3b8211edc853d81c\` (\`sortGiven\`, \`sortFamily\`, \`sortMiddle\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`member_assignment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`unitId\` int NOT NULL, \`kind\` varchar(12) NOT NULL, \`validFrom\` date NOT NULL, \`validTo\` date NULL, \`note\` varchar(500) NULL, INDEX \`IDX_57ea2e6332aa226cbfc7b33d7f\` (\`memberId\`, \`validFrom\`), INDEX \`IDX_2e99e7309629d5bbfc095bcedc\` (\`unitId\`, \`validFrom\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`member_position\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`unitId\` int NOT NULL, \`title\` varchar(40) NOT NULL, \`validFrom\` date NOT NULL, \`validTo\` date NULL, INDEX \`IDX_5f9928e5f722a247e3dc92c498\` (\`unitId\`, \`validFrom\`), INDEX \`IDX_b86e8b60be2cdedc3c6c9108ac\` (\`memberId\`, \`validFrom\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`member_number_history\` (\`id\` int NOT NULL AUTO_INCREMENT, \`memberId\` int NOT NULL, \`kind\` varchar(10) NOT NULL, \`value\` varchar(20) NOT NULL, \`replacedAt\` datetime(3) NOT NULL, INDEX \`IDX_6cb642a2c004a21fa25f65afac\` (\`memberId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`org_unit\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(32) NOT NULL, \`massOrgKind\` varchar(32) NULL, \`name\` varchar(255) NOT NULL, \`shortName\` varchar(100) NULL, \`code\` varchar(32) NULL, \`searchText\` varchar(500) NOT NULL, \`sortKey\` varchar(400) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, \`validFrom\` date NOT NULL, \`validTo\` date NULL, \`version\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_fdbc014302cefc46ff45fbcbfc\` (\`kind\`), INDEX \`IDX_788fdf9cfa4f18a1f9776151d0\` (\`sortKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`org_unit_link\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitId\` int NOT NULL, \`parentId\` int NOT NULL, \`validFrom\` date NOT NULL, \`validTo\` date NULL, INDEX \`IDX_b80af4a74fc80938e3bff8e05c\` (\`unitId\`, \`validFrom\`), INDEX \`IDX_2bd9c5240f67eaf1eec3a71d8b\` (\`parentId\`, \`validFrom\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`committee_term\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitId\` int NOT NULL, \`name\` varchar(100) NOT NULL, \`startDate\` date NOT NULL, \`endDate\` date NULL, INDEX \`IDX_ffed4cadb3f8990a0f951c4a27\` (\`unitId\`, \`startDate\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`unit_head_count\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unitId\` int NOT NULL, \`asOf\` date NOT NULL, \`kind\` varchar(10) NOT NULL, \`count\` int NOT NULL, INDEX \`IDX_a0d6e86ffb060a16a0702064ea\` (\`unitId\`, \`asOf\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_a0d6e86ffb060a16a0702064ea\` ON \`unit_head_count\``);
    await queryRunner.query(`DROP TABLE \`unit_head_count\``);
    await queryRunner.query(`DROP INDEX \`IDX_ffed4cadb3f8990a0f951c4a27\` ON \`committee_term\``);
    await queryRunner.query(`DROP TABLE \`committee_term\``);
    await queryRunner.query(`DROP INDEX \`IDX_2bd9c5240f67eaf1eec3a71d8b\` ON \`org_unit_link\``);
    await queryRunner.query(`DROP INDEX \`IDX_b80af4a74fc80938e3bff8e05c\` ON \`org_unit_link\``);
    await queryRunner.query(`DROP TABLE \`org_unit_link\``);
    await queryRunner.query(`DROP INDEX \`IDX_788fdf9cfa4f18a1f9776151d0\` ON \`org_unit\``);
    await queryRunner.query(`DROP INDEX \`IDX_fdbc014302cefc46ff45fbcbfc\` ON \`org_unit\``);
    await queryRunner.query(`DROP TABLE \`org_unit\``);
    await queryRunner.query(`DROP INDEX \`IDX_6cb642a2c004a21fa25f65afac\` ON \`member_number_history\``);
    await queryRunner.query(`DROP TABLE \`member_number_history\``);
    await queryRunner.query(`DROP INDEX \`IDX_b86e8b60be2cdedc3c6c9108ac\` ON \`member_position\``);
    await queryRunner.query(`DROP INDEX \`IDX_5f9928e5f722a247e3dc92c498\` ON \`member_position\``);
    await queryRunner.query(`DROP TABLE \`member_position\``);
    await queryRunner.query(`DROP INDEX \`IDX_2e99e7309629d5bbfc095bcedc\` ON \`member_assignment\``);
    await queryRunner.query(`DROP INDEX \`IDX_57ea2e6332aa226cbfc7b33d7f\` ON \`member_assignment\``);
    await queryRunner.query(`DROP TABLE \`member_assignment\``);
    await queryRunner.query(`DROP INDEX \`IDX_8406009d1c3b8211edc853d81c\` ON \`member\``);
    await queryRunner.query(`DROP INDEX \`IDX_edd000cc7aef7da0776ef763ce\` ON \`member\``);
    await queryRunner.query(`DROP INDEX \`IDX_d6e8c431d7be99f3446c6c388c\` ON \`member\``);
    await queryRunner.query(`DROP INDEX \`IDX_6f1d86a57bbcd35c684c23be72\` ON \`member\``);
    await queryRunner.query(`DROP TABLE \`member\``);
    await queryRunner.query(`DROP INDEX \`IDX_2084e450cdb71be32b816bca4e\` ON \`audit_entry\``);
    await queryRunner.query(`DROP INDEX \`IDX_9d18bd4a32fc0cd8ff82b12037\` ON \`audit_entry\``);
    await queryRunner.query(`DROP TABLE \`audit_entry\``);
  }
}
