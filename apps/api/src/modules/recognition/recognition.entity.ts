/**
 * Commendations, discipline and exemplary models. Each is about one member (INDIVIDUAL) or one unit (COLLECTIVE)
 * and belongs to a unit: the collective itself, or the cell the member belonged to on the record's date, kept in
 * `unitId` so the record stays with that cell when the member later moves. Activity and document links are plain
 * ids (those records live in modules/activity and modules/document).
 */
import './record-enums';
import { CommendationForm, DisciplineLevel, RecordSubject } from '@dangbo/shared-types';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { dateColumn } from '../../database/columns';

export const DECISION_NUMBER_MAX = 100;
export const BODY_NAME_MAX = 255;
export const LONG_TEXT_MAX = 10000;

/**
 * What every recognition record shares: a decision (its number and who took it, inside or outside the system), the
 * meeting and document it came with, and optimistic locking. Who it is about and the date stay with each record,
 * their descriptions differ.
 */
@ObjectType()
abstract class DecidedRecordBase {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => RecordSubject)
  @Column({ type: 'varchar', length: 12 })
  subject!: RecordSubject;

  @Field(() => String, { nullable: true, description: 'Số quyết định (chuẩn hóa khi là số văn bản, như 12-QĐ/ĐU)' })
  @Column({ type: 'varchar', length: DECISION_NUMBER_MAX, nullable: true })
  decisionNumber!: string | null;

  @Field(() => ID, { nullable: true, description: 'Cơ quan quyết định: một đơn vị trong hệ thống' })
  @Column({ type: 'int', nullable: true })
  decidingUnitId!: number | null;

  @Field(() => String, { nullable: true, description: 'Cơ quan quyết định ngoài hệ thống (tên)' })
  @Column({ type: 'varchar', length: BODY_NAME_MAX, nullable: true })
  decidingBodyName!: string | null;

  @Field(() => ID, { nullable: true, description: 'Hoạt động (hội nghị) nơi quyết định được công bố' })
  @Column({ type: 'int', nullable: true })
  activityId!: number | null;

  @Field(() => ID, { nullable: true, description: 'Văn bản quyết định hoặc văn bản liên quan' })
  @Column({ type: 'int', nullable: true })
  documentId!: number | null;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;

  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6 })
  updatedAt!: Date;
}

@ObjectType('Commendation', { description: 'Khen thưởng cá nhân hoặc tập thể' })
@Entity('commendation')
@Index(['unitId', 'decidedOn'])
@Index(['memberId'])
@Index(['activityId'])
export class CommendationEntity extends DecidedRecordBase {
  @Field(() => ID, { nullable: true, description: 'Đảng viên được khen (cá nhân)' })
  @Column({ type: 'int', nullable: true })
  memberId!: number | null;

  @Field(() => ID, { description: 'Tập thể được khen, hoặc chi bộ của đảng viên vào ngày quyết định' })
  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => String, { description: 'Ngày quyết định (YYYY-MM-DD)' })
  @Column(dateColumn())
  decidedOn!: string;

  @Field(() => CommendationForm)
  @Column({ type: 'varchar', length: 20 })
  form!: CommendationForm;

  @Field(() => String, { nullable: true, description: 'Thành tích' })
  @Column({ type: 'text', nullable: true })
  achievement!: string | null;
}

@ObjectType('Discipline', { description: 'Kỷ luật đảng: cá nhân hoặc tập thể' })
@Entity('discipline')
@Index(['unitId', 'decidedOn'])
@Index(['memberId'])
export class DisciplineEntity extends DecidedRecordBase {
  @Field(() => ID, { nullable: true, description: 'Đảng viên bị kỷ luật (cá nhân)' })
  @Column({ type: 'int', nullable: true })
  memberId!: number | null;

  @Field(() => ID, { description: 'Tập thể bị kỷ luật, hoặc chi bộ của đảng viên vào ngày quyết định' })
  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => String, { description: 'Ngày quyết định (YYYY-MM-DD)' })
  @Column(dateColumn())
  decidedOn!: string;

  @Field(() => DisciplineLevel)
  @Column({ type: 'varchar', length: 20 })
  level!: DisciplineLevel;

  @Field(() => String, { description: 'Tóm tắt vi phạm' })
  @Column({ type: 'text' })
  violation!: string;
}

@ObjectType('ExemplaryModel', { description: 'Gương điển hình học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh' })
@Entity('exemplary_model')
@Index(['unitId', 'year'])
@Index(['memberId'])
export class ExemplaryModelEntity extends DecidedRecordBase {
  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  memberId!: number | null;

  @Field(() => ID, { description: 'Tập thể điển hình, hoặc chi bộ của đảng viên vào ngày công nhận' })
  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  year!: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Ngày công nhận (YYYY-MM-DD); mặc định cuối năm' })
  @Column(dateColumn({ nullable: true }))
  recognizedOn!: string | null;
}
