import { StudyOutcome, StudySpecificity } from '@dangbo/shared-types';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../graphql/list-args';

@InputType()
export class StudyRegistrationFilter extends BaseFilter {
  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => ID, { nullable: true })
  memberId?: string;

  /** Registrations of members who belonged to this unit's subtree during the registration's year. */
  @Field(() => ID, { nullable: true })
  unitId?: string;
}

@InputType()
export class StudyEntryFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  registrationId?: string;

  @Field(() => Int, { nullable: true })
  month?: number;

  @Field(() => StudySpecificity, { nullable: true })
  specificity?: StudySpecificity;

  @Field(() => StudyOutcome, { nullable: true })
  outcome?: StudyOutcome;

  /** true: reviewed entries only; false: those still waiting for the cell's review. */
  @Field(() => Boolean, { nullable: true })
  reviewed?: boolean;
}

const registrationLists = listArgsFor(StudyRegistrationFilter);
@ArgsType()
export class StudyRegistrationListArgs extends registrationLists.ListArgs {}
@ArgsType()
export class StudyRegistrationMetaArgs extends registrationLists.MetaArgs {}

const entryLists = listArgsFor(StudyEntryFilter);
@ArgsType()
export class StudyEntryListArgs extends entryLists.ListArgs {}
@ArgsType()
export class StudyEntryMetaArgs extends entryLists.MetaArgs {}

@ArgsType()
export class CreateStudyRegistrationArgs {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => String)
  commitment!: string;
}

@ArgsType()
export class UpdateStudyRegistrationArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Phiên bản đã đọc (khóa lạc quan)' })
  version?: number | null;

  @Field(() => String, { nullable: true })
  commitment?: string | null;
}

/** The review: setting either value records who reviewed and when. */
@ArgsType()
class StudyReviewArgs {
  @Field(() => StudySpecificity, { nullable: true })
  specificity?: StudySpecificity | null;

  @Field(() => StudyOutcome, { nullable: true })
  outcome?: StudyOutcome | null;

  @Field(() => String, { nullable: true, description: 'Ngày nhận xét (mặc định hôm nay)' })
  reviewedOn?: string | null;
}

@ArgsType()
export class CreateStudyEntryArgs extends StudyReviewArgs {
  @Field(() => ID)
  registrationId!: string;

  @Field(() => Int)
  month!: number;

  @Field(() => String)
  content!: string;
}

@ArgsType()
export class UpdateStudyEntryArgs extends StudyReviewArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  version?: number | null;

  @Field(() => Int, { nullable: true })
  month?: number | null;

  @Field(() => String, { nullable: true })
  content?: string | null;
}
