import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum RatingJobKind {
  /** Creates the evaluations of whoever is rated, and attaches their metrics. */
  OPEN = 'OPEN',
  /** The same pass again: new eligible subjects get an evaluation, undecided ones fresh metrics and engine levels. */
  RECOMPUTE = 'RECOMPUTE',
}

export enum RatingJobState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

registerEnumType(RatingJobKind, { name: 'RatingJobKind' });
registerEnumType(RatingJobState, { name: 'RatingJobState' });

/**
 * A bulk pass over a period's subjects under one unit, kept in the database so that it survives a restart: a
 * runner claims it (claimedBy, heartbeatAt; `FOR UPDATE SKIP LOCKED` so two runners never take the same job),
 * works a chunk at a time and writes the chunk, the cursor and the counts in one transaction. A runner that died
 * leaves a stale heartbeat; the next runner takes the job over from the cursor.
 */
@ObjectType('RatingJob', { description: 'Tác vụ mở hoặc tính lại kỳ đánh giá (chạy nền, có tiến độ)' })
@Entity('rating_job')
@Index(['state', 'id'])
@Index(['periodId', 'unitId'])
export class RatingJobEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  periodId!: number;

  /** The subtree the job covers. */
  @Field(() => ID)
  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => RatingJobKind)
  @Column({ type: 'varchar', length: 12 })
  kind!: RatingJobKind;

  @Field(() => RatingJobState)
  @Column({ type: 'varchar', length: 12 })
  state!: RatingJobState;

  /** Where the next chunk starts: "U:<unit id>" while collectives are worked, then "M:<member id>"; null: from the start. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  resumeAfter!: string | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  processed!: number;

  /** Subjects to work, counted when the job is first claimed (null before). */
  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  total!: number | null;

  @Field(() => Int, { description: 'Số đánh giá mới tạo' })
  @Column({ type: 'int', default: 0 })
  created!: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  claimedBy!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  heartbeatAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  error!: string | null;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  requestedBy!: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  finishedAt!: Date | null;

  /** 0..1, for a progress bar (0 until the total is known). */
  @Field(() => Float)
  get progress(): number {
    if (this.state === RatingJobState.DONE) return 1;
    return this.total ? Math.min(1, this.processed / this.total) : 0;
  }
}
