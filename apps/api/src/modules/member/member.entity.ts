import { Gender, MemberStatus, MembershipKind, PositionTitle } from '@dangbo/shared-types';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { dateColumn, searchTextColumn, sortKeyColumn } from '../../database/columns';

@ObjectType('Member', { description: 'Đảng viên', simpleResolvers: true })
@Entity('member')
// The default name order with its tie-breakers: pages are read from the index, not sorted per request.
@Index(['sortGiven', 'sortFamily', 'sortMiddle', 'birthDate', 'id'])
export class MemberEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  fullName!: string;

  // Each part is as long as the full name may be: a one-word name is all given name, and the split is automatic.
  @Field(() => String, { description: 'Họ' })
  @Column({ type: 'varchar', length: 200 })
  familyName!: string;

  @Field(() => String, { description: 'Tên đệm' })
  @Column({ type: 'varchar', length: 200 })
  middleName!: string;

  @Field(() => String, { description: 'Tên' })
  @Column({ type: 'varchar', length: 200 })
  givenName!: string;

  /** True when the clerk set the name parts by hand (compound family names, single-word names). */
  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  namePartsOverridden!: boolean;

  @Column(sortKeyColumn())
  sortGiven!: string;

  @Column(sortKeyColumn())
  sortFamily!: string;

  @Column(sortKeyColumn())
  sortMiddle!: string;

  /** Folded full name plus identifiers, for diacritic-insensitive search. */
  @Column(searchTextColumn())
  searchText!: string;

  @Field(() => Gender)
  @Column({ type: 'varchar', length: 10 })
  gender!: Gender;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column(dateColumn({ nullable: true }))
  birthDate!: string | null;

  /**
   * Party card number: a string (leading zeros, new 2025 format unknown). One current number per member across the
   * whole database (earlier numbers live in member_number_history); NULLs do not collide.
   */
  @Field(() => String, { nullable: true, description: 'Số thẻ đảng viên' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  cardNumber!: string | null;

  /** Record number (số lý lịch): 6 digits + 1–3 letters. */
  @Field(() => String, { nullable: true, description: 'Số lý lịch đảng viên' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  recordNumber!: string | null;

  /** A citizen id identifies one person: unique like the card number. */
  @Field(() => String, { nullable: true, description: 'Số CCCD' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  citizenId!: string | null;

  @Field(() => String, { nullable: true, description: 'Ngày vào Đảng' })
  @Column(dateColumn({ nullable: true }))
  admittedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Ngày chính thức' })
  @Column(dateColumn({ nullable: true }))
  officialOn!: string | null;

  @Field(() => MemberStatus)
  @Index()
  @Column({ type: 'varchar', length: 20 })
  status!: MemberStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  /**
   * Works in the political system (Party, State, Front and mass-organisation bodies): rated on Phụ lục 4 of Quy định
   * 366; otherwise (retirees, farmers, private sector: most village-cell members) on Phụ lục 5.
   */
  @Field(() => Boolean, { description: 'Làm việc trong hệ thống chính trị (đánh giá theo Phụ lục 4; không: Phụ lục 5)' })
  @Column({ type: 'boolean', default: false })
  inPoliticalSystem!: boolean;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;

  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6 })
  updatedAt!: Date;
}

/** Dated membership of a cell; a transfer closes one row and opens the next. */
@ObjectType('MemberAssignment', { description: 'Sinh hoạt đảng tại một chi bộ, có thời hạn' })
@Entity('member_assignment')
@Index(['unitId', 'validFrom'])
@Index(['memberId', 'validFrom'])
export class MemberAssignmentEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  memberId!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => MembershipKind)
  @Column({ type: 'varchar', length: 12 })
  kind!: MembershipKind;

  @Field(() => String)
  @Column(dateColumn())
  validFrom!: string;

  @Field(() => String, { nullable: true })
  @Column(dateColumn({ nullable: true }))
  validTo!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;
}

/** A dated post (bí thư, phó bí thư, chi ủy viên, ...) held on a unit. */
@ObjectType('MemberPosition', { description: 'Chức vụ đảng của đảng viên, có thời hạn' })
@Entity('member_position')
@Index(['memberId', 'validFrom'])
@Index(['unitId', 'validFrom'])
export class MemberPositionEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  memberId!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => PositionTitle)
  @Column({ type: 'varchar', length: 40 })
  title!: PositionTitle;

  @Field(() => String)
  @Column(dateColumn())
  validFrom!: string;

  @Field(() => String, { nullable: true })
  @Column(dateColumn({ nullable: true }))
  validTo!: string | null;
}

/** Earlier card and record numbers: a number is replaced (card exchange), never forgotten. */
@ObjectType('MemberNumberChange', { description: 'Số thẻ hoặc số lý lịch cũ đã được thay' })
@Entity('member_number_history')
@Index(['memberId'])
export class MemberNumberHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  memberId!: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 10 })
  kind!: 'CARD' | 'RECORD';

  @Field(() => String)
  @Column({ type: 'varchar', length: 20 })
  value!: string;

  @Field(() => Date)
  @Column({ type: 'datetime', precision: 3 })
  replacedAt!: Date;
}
