import { CriteriaSetStatus, CriterionKind, Level, SubjectKind } from '@dangbo/shared-types';
import { GraphQLJSON } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { bulkUpdateArgsFor } from '../../graphql/bulk';
import { BaseFilter, listArgsFor } from '../../graphql/list-args';

@InputType()
export class CriteriaSetFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => ID, { nullable: true })
  periodId?: string;

  @Field(() => SubjectKind, { nullable: true })
  subjectKind?: SubjectKind;

  @Field(() => CriteriaSetStatus, { nullable: true })
  status?: CriteriaSetStatus;
}

const criteriaSetLists = listArgsFor(CriteriaSetFilter);

@ArgsType()
export class CriteriaSetListArgs extends criteriaSetLists.ListArgs {}

@ArgsType()
export class CriteriaSetMetaArgs extends criteriaSetLists.MetaArgs {}

@ArgsType()
export class CriteriaSetFieldsArgs {
  @Field(() => Float, { nullable: true })
  totalMax?: number;

  @Field(() => GraphQLJSON, { nullable: true, description: '[{ level, min }], mức cao nhất trước' })
  bands?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: '[{ level, expression, message }]' })
  gates?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: '[{ code, expression, message }]' })
  downgrades?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: '{ share, outstandingShare }' })
  quota?: unknown;

  /** QD_366_2025: the set claims the 366 frame (30 + 70 points, checked at publish); null or "": a free-form set. */
  @Field(() => String, { nullable: true })
  frame?: string | null;
}

@ArgsType()
export class CreateCriteriaSetArgs extends CriteriaSetFieldsArgs {
  @Field(() => ID)
  unitId!: string;

  @Field(() => ID)
  periodId!: string;

  @Field(() => SubjectKind)
  subjectKind!: SubjectKind;

  @Field(() => String)
  name!: string;

  /** Start from the criteria of this set (a template); otherwise empty with the standard bands and rules. */
  @Field(() => ID, { nullable: true })
  copyFromId?: string;
}

@ArgsType()
export class UpdateCriteriaSetArgs extends CriteriaSetFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string;

  /** Another period for the draft: the owner's or one declared above it. */
  @Field(() => ID, { nullable: true })
  periodId?: string;

  @Field(() => Int, { nullable: true })
  version?: number;
}

@InputType()
export class CriterionFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  setId?: string;

  @Field(() => ID, { nullable: true })
  parentId?: string;
}

const criterionLists = listArgsFor(CriterionFilter);

@ArgsType()
export class CriterionListArgs extends criterionLists.ListArgs {}

@ArgsType()
export class CriterionMetaArgs extends criterionLists.MetaArgs {}

@ArgsType()
export class CriterionFieldsArgs {
  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => Int, { nullable: true })
  position?: number;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Float, { nullable: true })
  min?: number | null;

  @Field(() => String, { nullable: true })
  formula?: string | null;
}

@ArgsType()
export class CreateCriterionArgs extends CriterionFieldsArgs {
  @Field(() => ID)
  setId!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => CriterionKind)
  kind!: CriterionKind;

  @Field(() => Float)
  max!: number;
}

@ArgsType()
export class UpdateCriterionArgs extends CriterionFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  code?: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => CriterionKind, { nullable: true })
  kind?: CriterionKind;

  @Field(() => Float, { nullable: true })
  max?: number;

  @Field(() => Int, { nullable: true })
  version?: number;
}

@ObjectType('EngineError', { description: 'Một lỗi của bộ tiêu chí hoặc của lần chấm thử' })
export class EngineErrorType {
  @Field(() => String)
  path!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => String, { nullable: true })
  criterionCode?: string;

  @Field(() => Int, { nullable: true })
  position?: number;
}

@ObjectType('TraceStep')
export class TraceStepType {
  @Field(() => String)
  kind!: string;

  @Field(() => String, { nullable: true })
  code?: string;

  @Field(() => String)
  message!: string;

  @Field(() => String, { nullable: true })
  before?: string;

  @Field(() => String, { nullable: true })
  after?: string;
}

@ObjectType('CriteriaPreview', { description: 'Chấm thử bộ tiêu chí trên dữ liệu mẫu' })
export class CriteriaPreview {
  @Field(() => [EngineErrorType])
  errors!: EngineErrorType[];

  @Field(() => GraphQLJSON, { description: 'Dữ liệu đã dùng (mẫu nếu không truyền)' })
  inputs!: unknown;

  @Field(() => GraphQLJSON, { description: 'Điểm từng tiêu chí' })
  points!: unknown;

  @Field(() => GraphQLJSON, { description: 'Điểm từng nhóm' })
  groups!: unknown;

  @Field(() => Float, { nullable: true })
  total!: number | null;

  @Field(() => Level, { nullable: true })
  bandLevel!: Level | null;

  @Field(() => Level, { nullable: true })
  level!: Level | null;

  @Field(() => [TraceStepType])
  trace!: TraceStepType[];
}

/** What `updateCriteria` sets on every chosen criterion: the kind or the score range. */
@InputType('CriterionPatch')
export class CriterionPatch {
  @Field(() => CriterionKind, { nullable: true })
  kind?: CriterionKind;

  @Field(() => Float, { nullable: true })
  max?: number;

  @Field(() => Float, { nullable: true })
  min?: number | null;
}

@ArgsType()
export class UpdateCriteriaArgs extends bulkUpdateArgsFor(CriterionPatch) {}
