import { MemberStatus } from '@dangbo/shared-types';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn } from '../../database/columns';

/**
 * A member's status over a span of dates (probationary, official, exempted from work and activities, suspended,
 * ...). `member.status` is the status today; these rows say what it was on any date, which is what the year-end
 * rating asks (Quy định 366, Điều 5(2): no rating for the exempted, the suspended, or those admitted less than six
 * months before). A change closes the current row (`validTo`, exclusive) and opens the next one.
 */
@ObjectType('MemberStatusSpan', { description: 'Tình trạng đảng viên trong một khoảng thời gian' })
@Entity('member_status')
@Index(['memberId', 'validFrom'])
export class MemberStatusEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  memberId!: number;

  @Field(() => MemberStatus)
  @Column({ type: 'varchar', length: 20 })
  status!: MemberStatus;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Column(dateColumn())
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, không tính ngày này; trống: đến nay' })
  @Column(dateColumn({ nullable: true }))
  validTo!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;
}
