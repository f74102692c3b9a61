/**
 * Study and follow registrations (Chỉ thị 05-CT/TW): each member's yearly commitment and monthly entries, and the
 * cell's review of each entry: specific or generic (the seed report's main shortcoming), done or not done.
 */
import '../recognition/record-enums';
import { StudyOutcome, StudySpecificity } from '@dangbo/shared-types';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { dateColumn } from '../../database/columns';

export const STUDY_TEXT_MAX = 5000;

@ObjectType('StudyRegistration', { description: 'Đăng ký học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh của một đảng viên trong một năm' })
@Entity('study_registration')
@Index(['memberId', 'year'], { unique: true })
@Index(['year'])
export class StudyRegistrationEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  memberId!: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  year!: number;

  @Field(() => String, { description: 'Nội dung đăng ký (cam kết cả năm)' })
  @Column({ type: 'text' })
  commitment!: string;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;

  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6 })
  updatedAt!: Date;
}

@ObjectType('StudyEntry', { description: 'Kết quả thực hiện hằng tháng và nhận xét của chi bộ' })
@Entity('study_entry')
@Index(['registrationId', 'month'], { unique: true })
export class StudyEntryEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  registrationId!: number;

  @Field(() => Int, { description: 'Tháng (1–12)' })
  @Column({ type: 'tinyint' })
  month!: number;

  @Field(() => String, { description: 'Việc đảng viên đã làm trong tháng' })
  @Column({ type: 'text' })
  content!: string;

  @Field(() => StudySpecificity, { nullable: true, description: 'Nhận xét: cụ thể hay chung chung (chưa nhận xét: null)' })
  @Column({ type: 'varchar', length: 12, nullable: true })
  specificity!: StudySpecificity | null;

  @Field(() => StudyOutcome, { nullable: true, description: 'Nhận xét: đã hay chưa thực hiện' })
  @Column({ type: 'varchar', length: 12, nullable: true })
  outcome!: StudyOutcome | null;

  @Field(() => ID, { nullable: true, description: 'Tài khoản đã ghi nhận xét' })
  @Column({ type: 'int', nullable: true })
  reviewedById!: number | null;

  @Field(() => String, { nullable: true, description: 'Người nhận xét (tên tài khoản lúc ghi)' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  reviewedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Ngày nhận xét (YYYY-MM-DD)' })
  @Column(dateColumn({ nullable: true }))
  reviewedOn!: string | null;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;

  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6 })
  updatedAt!: Date;
}
