import { PeriodKind } from '@dangbo/shared-types';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { dateColumn } from '../../database/columns';

const decimalNumber = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A rating period (a year or a quarter, Quy định 366 covers both) declared by a unit for its subtree. */
@ObjectType('RatingPeriod', { description: 'Kỳ đánh giá, xếp loại (năm hoặc quý)' })
@Entity('rating_period')
@Index(['unitId', 'year', 'quarter'], { unique: true })
export class RatingPeriodEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => PeriodKind)
  @Column({ type: 'varchar', length: 10 })
  kind!: PeriodKind;

  @Field(() => Int)
  @Column({ type: 'int' })
  year!: number;

  /** 1–4 for a quarter; 0 for a year (0 rather than null keeps the unique index strict on MySQL and MariaDB). */
  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  quarter!: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Field(() => String)
  @Column(dateColumn())
  startDate!: string;

  @Field(() => String)
  @Column(dateColumn())
  endDate!: string;

  /** Set while the whole period is locked (a lock on the declaring unit); locks of lower units are in rating_lock. */
  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  lockedAt!: Date | null;

  // Settings start at their column defaults in memory too: a period just created is answered with them.
  /** Quy định 366, Điều 11: xuất sắc at most this share of tốt within a peer group. */
  @Field(() => Float, { description: 'Tỷ lệ tối đa xuất sắc trên số hoàn thành tốt (0,2)' })
  @Column({ type: 'decimal', precision: 5, scale: 4, default: 0.2, transformer: decimalNumber })
  quotaShare = 0.2;

  @Field(() => Float, { description: 'Tỷ lệ dành cho đơn vị có thành tích nổi bật (0,25)' })
  @Column({ type: 'decimal', precision: 5, scale: 4, default: 0.25, transformer: decimalNumber })
  outstandingShare = 0.25;

  /** Deciding units granted the outstanding-results exception: every peer group they decide uses outstandingShare. */
  @Field(() => [ID], { description: 'Đơn vị quyết định được áp dụng tỷ lệ dành cho thành tích nổi bật' })
  @Column({ type: 'text', nullable: true, transformer: { to: (v: number[] | null) => JSON.stringify(v ?? []), from: (v: string | null) => (v ? (JSON.parse(v) as unknown[]).map(Number) : []) } })
  outstandingUnitIds: number[] = [];

  /**
   * Whether the quota's base counts those rated xuất sắc too. Not settled by the texts (domain.md §1.3); the default
   * (false: the base is those rated tốt) is the stricter reading, DEFAULT_BASE_INCLUDES_EXCELLENT of the engine.
   */
  @Field(() => Boolean, { description: 'Cơ số tính tỷ lệ gồm cả số xuất sắc (mặc định: không)' })
  @Column({ type: 'boolean', default: false })
  baseIncludesExcellent = false;

  /** Quy định 366, Điều 12(2): the order of ratings, each rule switchable. */
  @Field(() => Boolean, { description: 'Quyết định tập thể trước người đứng đầu' })
  @Column({ type: 'boolean', default: true })
  orderCollectiveBeforeHead = true;

  @Field(() => Boolean, { description: 'Quyết định đảng viên trước tổ chức đảng của họ' })
  @Column({ type: 'boolean', default: true })
  orderMembersBeforeOrganisation = true;

  @Field(() => Boolean, { description: 'Quyết định cấp dưới trước cấp trên' })
  @Column({ type: 'boolean', default: true })
  orderLowerBeforeUpper = true;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;
}

/**
 * A lock of a period over one unit's subtree: the standing committee that decides a commune's ratings closes its
 * round without waiting for the province. Reopening keeps the row (who, when, why); a new lock is a new row.
 */
@ObjectType('RatingLock', { description: 'Khóa kỳ đánh giá trên một đơn vị và cấp dưới' })
@Entity('rating_lock')
@Index(['periodId', 'unitId'])
export class RatingLockEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  periodId!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => Date)
  @Column({ type: 'datetime', precision: 3 })
  lockedAt!: Date;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  lockedBy!: string;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  reopenedAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  reopenedBy!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  reopenReason!: string | null;
}
