import { PeriodKind } from '@dangbo/shared-types';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { dateColumn } from '../../database/columns';

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

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  lockedAt!: Date | null;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;
}
