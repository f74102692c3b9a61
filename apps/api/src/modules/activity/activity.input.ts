import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../graphql/list-args';
import { ActivityAudience, ActivityKind, ConferenceKind, PropagandaMedium } from './activity.entity';

@InputType()
export class ActivityFilter extends BaseFilter {
  /** Activities organised anywhere in this unit's subtree (today). */
  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => ActivityKind, { nullable: true })
  kind?: ActivityKind;

  @Field(() => ConferenceKind, { nullable: true })
  conferenceKind?: ConferenceKind;

  @Field(() => PropagandaMedium, { nullable: true })
  medium?: PropagandaMedium;

  @Field(() => ID, { nullable: true, description: 'Hoạt động gắn với văn bản này' })
  documentId?: string;

  @Field(() => String, { nullable: true })
  heldFrom?: string;

  @Field(() => String, { nullable: true })
  heldTo?: string;
}

const activityLists = listArgsFor(ActivityFilter);
@ArgsType()
export class ActivityListArgs extends activityLists.ListArgs {}
@ArgsType()
export class ActivityMetaArgs extends activityLists.MetaArgs {}

@ArgsType()
export class ActivityFieldsArgs {
  @Field(() => ConferenceKind, { nullable: true })
  conferenceKind?: ConferenceKind | null;

  @Field(() => PropagandaMedium, { nullable: true })
  medium?: PropagandaMedium | null;

  @Field(() => ID, { nullable: true })
  subjectMemberId?: string | null;

  @Field(() => ID, { nullable: true })
  subjectUnitId?: string | null;

  @Field(() => ActivityAudience, { nullable: true, description: 'Mặc định: đảng viên' })
  audience?: ActivityAudience;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Các văn bản được triển khai tại hoạt động' })
  documentIds?: string[] | null;
}

@ArgsType()
export class CreateActivityArgs extends ActivityFieldsArgs {
  @Field(() => ActivityKind)
  kind!: ActivityKind;

  @Field(() => ID)
  unitId!: string;

  @Field(() => String)
  heldOn!: string;

  @Field(() => String)
  title!: string;
}

@ArgsType()
export class UpdateActivityArgs extends ActivityFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => ActivityKind, { nullable: true })
  kind?: ActivityKind;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => String, { nullable: true })
  heldOn?: string;

  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => Int, { nullable: true })
  version?: number;
}

@InputType()
export class AttendanceFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  activityId?: string;

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => Boolean, { nullable: true })
  present?: boolean;
}

const attendanceLists = listArgsFor(AttendanceFilter);
@ArgsType()
export class AttendanceListArgs extends attendanceLists.ListArgs {}
@ArgsType()
export class AttendanceMetaArgs extends attendanceLists.MetaArgs {}

@ArgsType()
export class CreateAttendanceArgs {
  @Field(() => ID)
  activityId!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => Boolean)
  present!: boolean;

  @Field(() => String, { nullable: true })
  absenceReason?: string | null;
}

@ArgsType()
export class UpdateAttendanceArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Boolean, { nullable: true })
  present?: boolean;

  @Field(() => String, { nullable: true })
  absenceReason?: string | null;
}

@InputType('AttendanceEntryInput', { description: 'Một dòng của bảng điểm danh' })
export class AttendanceEntryInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Boolean)
  present!: boolean;

  @Field(() => String, { nullable: true })
  absenceReason?: string | null;
}

@ArgsType()
export class SaveAttendanceArgs {
  @Field(() => ID)
  activityId!: string;

  @Field(() => [AttendanceEntryInput])
  entries!: AttendanceEntryInput[];

  @Field(() => Int, { description: 'Phiên bản của hoạt động khi mở bảng điểm danh (khóa lạc quan)' })
  version!: number;
}

@InputType()
export class OutreachFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  activityId?: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => ActivityAudience, { nullable: true })
  audience?: ActivityAudience;

  /** Outreach whose period overlaps [from, to]. */
  @Field(() => String, { nullable: true })
  from?: string;

  @Field(() => String, { nullable: true })
  to?: string;
}

const outreachLists = listArgsFor(OutreachFilter);
@ArgsType()
export class OutreachListArgs extends outreachLists.ListArgs {}
@ArgsType()
export class OutreachMetaArgs extends outreachLists.MetaArgs {}

@ArgsType()
export class OutreachFieldsArgs {
  @Field(() => ID, { nullable: true })
  activityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Mặc định: ngày của hoạt động' })
  periodFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Mặc định: ngày của hoạt động' })
  periodTo?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@ArgsType()
export class CreateOutreachArgs extends OutreachFieldsArgs {
  @Field(() => ID)
  unitId!: string;

  @Field(() => ActivityAudience)
  audience!: ActivityAudience;

  @Field(() => Int)
  reachedCount!: number;
}

@ArgsType()
export class UpdateOutreachArgs extends OutreachFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => ActivityAudience, { nullable: true })
  audience?: ActivityAudience;

  @Field(() => Int, { nullable: true })
  reachedCount?: number;

  @Field(() => Int, { nullable: true })
  version?: number;
}
