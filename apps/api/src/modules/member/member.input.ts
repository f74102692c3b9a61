import { Gender, MemberStatus } from '@dangbo/shared-types';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { bulkUpdateArgsFor } from '../../graphql/bulk';
import { BaseFilter, listArgsFor } from '../../graphql/list-args';

@InputType()
export class MemberFilter extends BaseFilter {
  /** Members of this unit's whole subtree. */
  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => MemberStatus, { nullable: true })
  status?: MemberStatus;

  @Field(() => [MemberStatus], { nullable: true })
  statuses?: MemberStatus[];

  @Field(() => Gender, { nullable: true })
  gender?: Gender;

  /** Read memberships as of this date (YYYY-MM-DD); default today. */
  @Field(() => String, { nullable: true })
  asOf?: string;
}

const memberLists = listArgsFor(MemberFilter);

@ArgsType()
export class MemberListArgs extends memberLists.ListArgs {}

@ArgsType()
export class MemberMetaArgs extends memberLists.MetaArgs {}

/** Fields shared by create and update; flat arguments, as ra-data-graphql-simple sends them. */
@ArgsType()
export class MemberFieldsArgs {
  /** Name parts; when given they override the automatic split of the full name. */
  @Field(() => String, { nullable: true })
  familyName?: string | null;

  @Field(() => String, { nullable: true })
  middleName?: string | null;

  @Field(() => String, { nullable: true })
  givenName?: string | null;

  @Field(() => String, { nullable: true })
  birthDate?: string | null;

  @Field(() => String, { nullable: true })
  cardNumber?: string | null;

  @Field(() => String, { nullable: true })
  recordNumber?: string | null;

  @Field(() => String, { nullable: true })
  citizenId?: string | null;

  @Field(() => String, { nullable: true })
  admittedOn?: string | null;

  @Field(() => String, { nullable: true })
  officialOn?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => Boolean, { nullable: true })
  inPoliticalSystem?: boolean | null;
}

@ArgsType()
export class CreateMemberArgs extends MemberFieldsArgs {
  @Field(() => String)
  fullName!: string;

  @Field(() => Gender)
  gender!: Gender;

  @Field(() => MemberStatus, { nullable: true })
  status?: MemberStatus;

  /** The cell the member joins; membership starts on `joinedOn` (default: admission date, else today). */
  @Field(() => ID)
  cellId!: string;

  @Field(() => String, { nullable: true })
  joinedOn?: string | null;
}

@ArgsType()
export class UpdateMemberArgs extends MemberFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  fullName?: string;

  @Field(() => Gender, { nullable: true })
  gender?: Gender;

  @Field(() => MemberStatus, { nullable: true })
  status?: MemberStatus;

  /** A different status holds from this date (default today); the previous one is kept as history. */
  @Field(() => String, { nullable: true })
  statusFrom?: string | null;

  /** A different cell transfers the member from `transferredOn` (default today). */
  @Field(() => ID, { nullable: true })
  cellId?: string;

  @Field(() => String, { nullable: true })
  transferredOn?: string | null;

  @Field(() => Int, { nullable: true })
  version?: number;
}

/** What `updateMembers` sets on every chosen member: a status, or a transfer to one cell. */
@InputType('MemberPatch')
export class MemberPatch {
  @Field(() => MemberStatus, { nullable: true })
  status?: MemberStatus;

  @Field(() => String, { nullable: true })
  statusFrom?: string | null;

  @Field(() => ID, { nullable: true })
  cellId?: string;

  @Field(() => String, { nullable: true })
  transferredOn?: string | null;
}

@ArgsType()
export class UpdateMembersArgs extends bulkUpdateArgsFor(MemberPatch) {}
