import { Level, SubjectKind } from '@dangbo/shared-types';
import { GraphQLJSON } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../graphql/list-args';
import { EvaluationStage, EvaluationStatus } from './evaluation.entity';

@InputType()
export class EvaluationFilter extends BaseFilter {
  /** Evaluations whose unit (the member's cell, or the collective) lies in this unit's subtree at the period's end. */
  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => ID, { nullable: true })
  periodId?: string;

  @Field(() => ID, { nullable: true })
  decidingUnitId?: string;

  @Field(() => String, { nullable: true })
  peerGroup?: string;

  @Field(() => Level, { nullable: true })
  level?: Level;

  @Field(() => EvaluationStage, { nullable: true })
  stage?: EvaluationStage;

  @Field(() => EvaluationStatus, { nullable: true })
  status?: EvaluationStatus;

  @Field(() => SubjectKind, { nullable: true })
  subjectKind?: SubjectKind;

  @Field(() => ID, { nullable: true })
  memberId?: string;
}

const evaluationLists = listArgsFor(EvaluationFilter);

@ArgsType()
export class EvaluationListArgs extends evaluationLists.ListArgs {}

@ArgsType()
export class EvaluationMetaArgs extends evaluationLists.MetaArgs {}

/** What a step enters: the values given replace the previous step's, key by key. */
@ArgsType()
export class EvaluationStepArgs {
  @Field(() => ID)
  id!: string;

  /** The version read: a save on a changed evaluation is refused with CONFLICT. */
  @Field(() => Int)
  version!: number;

  @Field(() => GraphQLJSON, { nullable: true, description: '{ mã tiêu chí: điểm } (SCORE, BONUS, PENALTY nhập tay)' })
  scores?: Record<string, number> | null;

  @Field(() => GraphQLJSON, { nullable: true, description: '{ mã tiêu chí: true/false } (CHECK)' })
  checks?: Record<string, boolean> | null;

  @Field(() => GraphQLJSON, { nullable: true, description: '{ tasks_assigned, tasks_on_time, …: số } (dữ kiện)' })
  facts?: Record<string, number> | null;

  @Field(() => Level, { nullable: true, description: 'Mức đề xuất (tự đánh giá, thẩm định) hoặc quyết định; mặc định: mức bộ máy tính' })
  level?: Level | null;

  @Field(() => String, { nullable: true, description: 'Ghi chú; bắt buộc khi quyết định mức khác mức bộ máy tính' })
  reason?: string | null;
}

@ArgsType()
export class RerateEvaluationArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Level)
  level!: Level;

  @Field(() => String)
  reason!: string;
}

@ObjectType('QuotaGroupStatus', { description: 'Tỷ lệ xuất sắc của một nhóm tương đồng (đã quyết định đến lúc này)' })
export class QuotaGroupStatus {
  @Field(() => String)
  peerGroup!: string;

  @Field(() => SubjectKind)
  subjectKind!: SubjectKind;

  @Field(() => Int)
  subjects!: number;

  @Field(() => Int)
  undecided!: number;

  @Field(() => Int)
  excellent!: number;

  @Field(() => Int)
  good!: number;

  @Field(() => Int)
  base!: number;

  @Field(() => Int)
  allowed!: number;

  @Field(() => Float)
  share!: number;

  @Field(() => Boolean)
  outstanding!: boolean;

  @Field(() => Boolean)
  baseIncludesExcellent!: boolean;

  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => String)
  message!: string;
}

@ObjectType('LevelCount')
export class LevelCount {
  @Field(() => Level)
  level!: Level;

  @Field(() => Int)
  count!: number;

  /** count ÷ decided (0..1; 0 when nothing is decided). */
  @Field(() => Float)
  share!: number;
}

@ObjectType('RatingSummaryGroup')
export class RatingSummaryGroup {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  label!: string;

  @Field(() => SubjectKind, { nullable: true })
  subjectKind?: SubjectKind | null;

  @Field(() => ID, { nullable: true, description: 'Đơn vị trực thuộc (nhóm theo đơn vị)' })
  childUnitId?: number | null;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  decided!: number;

  @Field(() => [LevelCount])
  levels!: LevelCount[];
}

@ObjectType('RatingSummary', { description: 'Kết quả xếp loại: số lượng và tỷ lệ từng mức' })
export class RatingSummary {
  @Field(() => ID)
  periodId!: number;

  @Field(() => ID)
  unitId!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  decided!: number;

  @Field(() => [LevelCount])
  levels!: LevelCount[];

  @Field(() => [RatingSummaryGroup])
  bySubjectKind!: RatingSummaryGroup[];

  @Field(() => [RatingSummaryGroup])
  byChildUnit!: RatingSummaryGroup[];
}

@ArgsType()
export class RatingPeriodSettingsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Float, { nullable: true })
  quotaShare?: number;

  @Field(() => Float, { nullable: true })
  outstandingShare?: number;

  @Field(() => [ID], { nullable: true })
  outstandingUnitIds?: string[];

  @Field(() => Boolean, { nullable: true })
  baseIncludesExcellent?: boolean;

  @Field(() => Boolean, { nullable: true })
  orderCollectiveBeforeHead?: boolean;

  @Field(() => Boolean, { nullable: true })
  orderMembersBeforeOrganisation?: boolean;

  @Field(() => Boolean, { nullable: true })
  orderLowerBeforeUpper?: boolean;
}
