import { CriteriaSetStatus, CriterionKind, SubjectKind } from '@dangbo/shared-types';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** Numbers shown to people carry two decimals at most; DECIMAL columns come back as strings, hence the transformer. */
const decimal = { type: 'decimal' as const, precision: 7, scale: 2, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } };
const json = { type: 'longtext' as const, transformer: { to: (v: unknown) => JSON.stringify(v ?? null), from: (v: string | null) => (v === null ? null : JSON.parse(v)) } };

/**
 * A criteria set owned by a unit, for a period and a subject kind; it applies to the owner's subtree unless a lower
 * unit publishes its own. Published sets are frozen: a change is a new revision (cloneCriteriaSet).
 */
@ObjectType('CriteriaSet', { description: 'Bộ tiêu chí đánh giá, xếp loại' })
@Entity('criteria_set')
@Index(['unitId', 'periodId', 'subjectKind', 'status'])
@Index(['publishedUnitId', 'periodId', 'subjectKind'], { unique: true })
export class CriteriaSetEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  periodId!: number;

  @Field(() => SubjectKind)
  @Column({ type: 'varchar', length: 30 })
  subjectKind!: SubjectKind;

  @Field(() => String)
  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Field(() => CriteriaSetStatus)
  @Column({ type: 'varchar', length: 12 })
  status!: CriteriaSetStatus;

  /**
   * The owner while the set is PUBLISHED, NULL otherwise: with the unique index above, at most one published set per
   * owner, period and subject kind, even for two concurrent publishes (NULLs never collide, so drafts and archived
   * sets are free). VIRTUAL (TiDB cannot add a STORED one to an existing table; all three index it), and written by the database only (insert/update false; TypeORM would otherwise send it).
   */
  @Column({
    type: 'int',
    nullable: true,
    asExpression: "CASE WHEN `status` = 'PUBLISHED' THEN `unitId` END",
    generatedType: 'VIRTUAL',
    insert: false,
    update: false,
    select: false,
  })
  publishedUnitId?: number | null;

  /** 1 for the first set of a lineage; a clone takes the next number. */
  @Field(() => Int, { description: 'Phiên bản của bộ tiêu chí (bản sao mang số tiếp theo)' })
  @Column({ type: 'int', default: 1 })
  revision!: number;

  /** The first set of the lineage (its own id for the first). */
  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  lineageId!: number | null;

  /**
   * The national frame the set claims to follow (`QD_366_2025`: a 30-point common group and a 70-point task group,
   * checked at publish), or null for a free-form set. A set made from a template takes the template's.
   */
  @Field(() => String, { nullable: true, description: 'Khung tiêu chí quốc gia bộ tiêu chí tuân theo (QD_366_2025: 30 + 70 điểm)' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  frame!: string | null;

  @Field(() => Float)
  @Column(decimal)
  totalMax!: number;

  /** [{ level, min }], best level first. */
  @Field(() => GraphQLJSON)
  @Column(json)
  bands!: unknown;

  /** [{ level, expression, message }] */
  @Field(() => GraphQLJSON)
  @Column(json)
  gates!: unknown;

  /** [{ code, expression, message }] */
  @Field(() => GraphQLJSON)
  @Column(json)
  downgrades!: unknown;

  /** { share, outstandingShare } (sets saved before issue 10 may still hold baseIncludesPromoted: ignored) */
  @Field(() => GraphQLJSON)
  @Column(json)
  quota!: unknown;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  publishedAt!: Date | null;

  @Field(() => Int, { description: 'Phiên bản bản ghi, cho khóa lạc quan' })
  @VersionColumn({ type: 'int' })
  version!: number;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;
}

/** A criterion or a group (kind GROUP) of a set; `parentId` nests, `position` orders siblings. */
@ObjectType('Criterion', { description: 'Tiêu chí hoặc nhóm tiêu chí' })
@Entity('criterion')
@Index(['setId', 'code'], { unique: true })
@Index(['setId', 'parentId', 'position'])
export class CriterionEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  setId!: number;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  parentId!: number | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  position!: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 40, charset: 'ascii', collation: 'ascii_bin' })
  code!: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 500 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  description!: string | null;

  @Field(() => CriterionKind)
  @Column({ type: 'varchar', length: 10 })
  kind!: CriterionKind;

  @Field(() => Float)
  @Column(decimal)
  max!: number;

  @Field(() => Float, { nullable: true })
  @Column({ ...decimal, nullable: true })
  min!: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  formula!: string | null;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;
}
