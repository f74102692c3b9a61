import { Level, SubjectKind } from '@dangbo/shared-types';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** How far an evaluation has come (Quy định 366, Điều 12–13: self-assessment, appraisal, decision). */
export enum EvaluationStage {
  PENDING = 'PENDING',
  SUBMITTED = 'SUBMITTED',
  APPRAISED = 'APPRAISED',
  DECIDED = 'DECIDED',
}

/** ACTIVE, or WITHDRAWN: no longer eligible when the period was recomputed before a decision (kept, not deleted). */
export enum EvaluationStatus {
  ACTIVE = 'ACTIVE',
  WITHDRAWN = 'WITHDRAWN',
}

/** One recorded step: the subject's own assessment, the appraisal, the decision, a re-rating by the level above. */
export enum StageKind {
  SELF = 'SELF',
  APPRAISAL = 'APPRAISAL',
  DECISION = 'DECISION',
  RERATING = 'RERATING',
}

registerEnumType(EvaluationStage, { name: 'EvaluationStage' });
registerEnumType(EvaluationStatus, { name: 'EvaluationStatus' });
registerEnumType(StageKind, { name: 'EvaluationStageKind' });

const json = { type: 'longtext' as const, nullable: true, transformer: { to: (v: unknown) => (v === undefined ? null : JSON.stringify(v)), from: (v: string | null) => (v === null ? null : JSON.parse(v)) } };
const decimal = { type: 'decimal' as const, precision: 7, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } };

/**
 * One subject (a member, or a collective: a cell or a committee) rated in one period. `subjectKey` (M:<member id>
 * or U:<unit id>) is unique within the period, so the bulk jobs can never write a subject twice. The working
 * values (scores, checks, facts, metrics, the engine's result) are those of the latest stage; each stage is kept
 * as its own row in evaluation_stage.
 */
@ObjectType('Evaluation', { description: 'Đánh giá, xếp loại một đảng viên hoặc một tập thể trong một kỳ' })
@Entity('evaluation')
@Index(['periodId', 'subjectKey'], { unique: true })
@Index(['periodId', 'unitId'])
@Index(['periodId', 'peerGroup', 'level'])
@Index(['periodId', 'decidingUnitId'])
export class EvaluationEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  periodId!: number;

  @Field(() => String, { description: 'M:<mã đảng viên> hoặc U:<mã đơn vị>' })
  @Column({ type: 'varchar', length: 24, charset: 'ascii', collation: 'ascii_bin' })
  subjectKey!: string;

  @Field(() => SubjectKind)
  @Column({ type: 'varchar', length: 30 })
  subjectKind!: SubjectKind;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  memberId!: number | null;

  /** The collective rated (a cell or a committee); null for a member. */
  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  subjectUnitId!: number | null;

  @Field(() => String)
  @Column({ type: 'varchar', length: 255 })
  subjectName!: string;

  /** Where the evaluation belongs for scope: the member's cell at the period's end, or the collective itself. */
  @Field(() => ID)
  @Column({ type: 'int' })
  unitId!: number;

  /** The unit whose standing committee decides (the committee directly above the cell or the collective). */
  @Field(() => ID)
  @Column({ type: 'int' })
  decidingUnitId!: number;

  /** For a LEADER: the unit they head (its collective is decided first). */
  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  ledUnitId!: number | null;

  @Field(() => ID, { nullable: true, description: 'Bộ tiêu chí áp dụng (null: chưa có bộ tiêu chí ban hành)' })
  @Column({ type: 'int', nullable: true })
  criteriaSetId!: number | null;

  @Field(() => String, { description: 'Nhóm tính tỷ lệ xuất sắc (đơn vị quyết định / loại đối tượng)' })
  @Column({ type: 'varchar', length: 80 })
  peerGroup!: string;

  @Field(() => EvaluationStage)
  @Column({ type: 'varchar', length: 12 })
  stage!: EvaluationStage;

  @Field(() => EvaluationStatus)
  @Column({ type: 'varchar', length: 12 })
  status!: EvaluationStatus;

  @Field(() => Level, { nullable: true, description: 'Mức đã quyết định (sau xếp loại lại nếu có)' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  level!: Level | null;

  @Field(() => Level, { nullable: true, description: 'Mức bộ máy tính được ở bước gần nhất' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  engineLevel!: Level | null;

  @Field(() => Level, { nullable: true, description: 'Mức đề xuất ở bước gần nhất' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  proposedLevel!: Level | null;

  @Field(() => Float, { nullable: true })
  @Column(decimal)
  total!: number | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column(json)
  scores!: Record<string, number> | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column(json)
  checks!: Record<string, boolean> | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column(json)
  facts!: Record<string, number> | null;

  /** Computed from the directive records; refreshed at every step until the decision, then frozen. */
  @Field(() => GraphQLJSON, { nullable: true })
  @Column(json)
  metrics!: Record<string, number> | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  metricsAt!: Date | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Diễn giải của bộ máy chấm điểm ở bước gần nhất' })
  @Column(json)
  trace!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Lỗi của bộ máy chấm điểm ở bước gần nhất (công thức, số liệu thiếu)' })
  @Column(json)
  errors!: unknown;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'datetime', precision: 6 })
  updatedAt!: Date;
}

/** A step of an evaluation, never changed once written: a later step or a re-rating adds a row. */
@ObjectType('EvaluationStageRecord', { description: 'Một bước đánh giá (tự đánh giá, thẩm định, quyết định, xếp loại lại)' })
@Entity('evaluation_stage')
@Index(['evaluationId', 'id'])
export class EvaluationStageEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  evaluationId!: number;

  @Field(() => StageKind)
  @Column({ type: 'varchar', length: 12 })
  kind!: StageKind;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column(json)
  scores!: Record<string, number> | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column(json)
  checks!: Record<string, boolean> | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column(json)
  facts!: Record<string, number> | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column(json)
  metrics!: Record<string, number> | null;

  @Field(() => Float, { nullable: true })
  @Column(decimal)
  total!: number | null;

  @Field(() => Level, { nullable: true, description: 'Mức bộ máy tính (trước quyết định khác)' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  engineLevel!: Level | null;

  @Field(() => Level, { nullable: true, description: 'Mức đề xuất (tự đánh giá, thẩm định) hoặc quyết định' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  proposedLevel!: Level | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  reason!: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column(json)
  trace!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column(json)
  errors!: unknown;

  /** The unit on whose behalf the step was taken (the cell, the board's committee, the deciding committee). */
  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  actingUnitId!: number | null;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  actor!: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  userId!: number | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;
}
