import { InspectingBody, InspectionActionStatus, InspectionKind } from '@dangbo/shared-types';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../graphql/list-args';

@InputType()
export class InspectionFilter extends BaseFilter {
  @Field(() => InspectionKind, { nullable: true })
  kind?: InspectionKind;

  @Field(() => ID, { nullable: true })
  inspectingUnitId?: string;

  @Field(() => InspectingBody, { nullable: true })
  inspectingBody?: InspectingBody;

  @Field(() => ID, { nullable: true })
  subjectUnitId?: string;

  @Field(() => ID, { nullable: true })
  subjectMemberId?: string;

  /** Inspections of this unit's whole subtree (today's tree). */
  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => ID, { nullable: true })
  documentId?: string;

  /** Started on or after (YYYY-MM-DD). */
  @Field(() => String, { nullable: true })
  from?: string;

  /** Started on or before (YYYY-MM-DD). */
  @Field(() => String, { nullable: true })
  to?: string;
}

@InputType()
export class InspectionActionFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  inspectionId?: string;

  @Field(() => InspectionActionStatus, { nullable: true })
  status?: InspectionActionStatus;
}

const inspectionLists = listArgsFor(InspectionFilter);
@ArgsType()
export class InspectionListArgs extends inspectionLists.ListArgs {}
@ArgsType()
export class InspectionMetaArgs extends inspectionLists.MetaArgs {}

const actionLists = listArgsFor(InspectionActionFilter);
@ArgsType()
export class InspectionActionListArgs extends actionLists.ListArgs {}
@ArgsType()
export class InspectionActionMetaArgs extends actionLists.MetaArgs {}

@ArgsType()
class InspectionFieldsArgs {
  @Field(() => ID, { nullable: true, description: 'Tổ chức đảng được kiểm tra' })
  subjectUnitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Đảng viên được kiểm tra' })
  subjectMemberId?: string | null;

  @Field(() => String, { nullable: true })
  endOn?: string | null;

  @Field(() => String, { nullable: true })
  findings?: string | null;

  @Field(() => String, { nullable: true })
  conclusion?: string | null;

  @Field(() => ID, { nullable: true })
  documentId?: string | null;
}

@ArgsType()
export class CreateInspectionArgs extends InspectionFieldsArgs {
  @Field(() => InspectionKind)
  kind!: InspectionKind;

  @Field(() => ID)
  inspectingUnitId!: string;

  @Field(() => InspectingBody)
  inspectingBody!: InspectingBody;

  @Field(() => String)
  topic!: string;

  @Field(() => String)
  startOn!: string;
}

@ArgsType()
export class UpdateInspectionArgs extends InspectionFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Phiên bản đã đọc (khóa lạc quan)' })
  version?: number | null;

  @Field(() => InspectionKind, { nullable: true })
  kind?: InspectionKind | null;

  @Field(() => ID, { nullable: true })
  inspectingUnitId?: string | null;

  @Field(() => InspectingBody, { nullable: true })
  inspectingBody?: InspectingBody | null;

  @Field(() => String, { nullable: true })
  topic?: string | null;

  @Field(() => String, { nullable: true })
  startOn?: string | null;
}

@ArgsType()
export class CreateInspectionActionArgs {
  @Field(() => ID)
  inspectionId!: string;

  @Field(() => String)
  action!: string;

  @Field(() => String, { nullable: true })
  deadline?: string | null;

  @Field(() => String, { nullable: true })
  doneOn?: string | null;
}

@ArgsType()
export class UpdateInspectionActionArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  version?: number | null;

  @Field(() => String, { nullable: true })
  action?: string | null;

  @Field(() => String, { nullable: true })
  deadline?: string | null;

  @Field(() => String, { nullable: true })
  doneOn?: string | null;
}
