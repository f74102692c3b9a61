import { CommendationForm, DisciplineLevel, RecordSubject } from '@dangbo/shared-types';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../graphql/list-args';

/** Filters every recognition list takes. */
@InputType()
class RecordFilter extends BaseFilter {
  @Field(() => RecordSubject, { nullable: true })
  subject?: RecordSubject;

  /** Records of this unit's whole subtree (today's tree). */
  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => ID, { nullable: true })
  activityId?: string;

  @Field(() => ID, { nullable: true })
  documentId?: string;
}

/** Commendations and discipline also filter by their decision date. */
@InputType()
class DecidedRecordFilter extends RecordFilter {
  /** Decided on or after (YYYY-MM-DD). */
  @Field(() => String, { nullable: true })
  from?: string;

  /** Decided on or before (YYYY-MM-DD). */
  @Field(() => String, { nullable: true })
  to?: string;
}

@InputType()
export class CommendationFilter extends DecidedRecordFilter {
  @Field(() => CommendationForm, { nullable: true })
  form?: CommendationForm;
}

@InputType()
export class DisciplineFilter extends DecidedRecordFilter {
  @Field(() => DisciplineLevel, { nullable: true })
  level?: DisciplineLevel;
}

@InputType()
export class ExemplaryModelFilter extends RecordFilter {
  @Field(() => Int, { nullable: true })
  year?: number;
}

const commendationLists = listArgsFor(CommendationFilter);
@ArgsType()
export class CommendationListArgs extends commendationLists.ListArgs {}
@ArgsType()
export class CommendationMetaArgs extends commendationLists.MetaArgs {}

const disciplineLists = listArgsFor(DisciplineFilter);
@ArgsType()
export class DisciplineListArgs extends disciplineLists.ListArgs {}
@ArgsType()
export class DisciplineMetaArgs extends disciplineLists.MetaArgs {}

const modelLists = listArgsFor(ExemplaryModelFilter);
@ArgsType()
export class ExemplaryModelListArgs extends modelLists.ListArgs {}
@ArgsType()
export class ExemplaryModelMetaArgs extends modelLists.MetaArgs {}

/** Whom and who decided: shared by the three records' create and update (flat, as the stock client sends them). */
@ArgsType()
class RecordFieldsArgs {
  @Field(() => RecordSubject, { nullable: true, description: 'Mặc định: cá nhân khi có memberId, tập thể khi không' })
  subject?: RecordSubject | null;

  @Field(() => ID, { nullable: true, description: 'Đảng viên (cá nhân)' })
  memberId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Đơn vị (tập thể); với cá nhân, lấy chi bộ của đảng viên vào ngày của bản ghi' })
  unitId?: string | null;

  @Field(() => String, { nullable: true })
  decisionNumber?: string | null;

  @Field(() => ID, { nullable: true })
  decidingUnitId?: string | null;

  @Field(() => String, { nullable: true })
  decidingBodyName?: string | null;

  @Field(() => ID, { nullable: true })
  activityId?: string | null;

  @Field(() => ID, { nullable: true })
  documentId?: string | null;
}

@ArgsType()
export class CreateCommendationArgs extends RecordFieldsArgs {
  @Field(() => String)
  decidedOn!: string;

  @Field(() => CommendationForm)
  form!: CommendationForm;

  @Field(() => String, { nullable: true })
  achievement?: string | null;
}

@ArgsType()
export class UpdateCommendationArgs extends RecordFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Phiên bản đã đọc (khóa lạc quan)' })
  version?: number | null;

  @Field(() => String, { nullable: true })
  decidedOn?: string | null;

  @Field(() => CommendationForm, { nullable: true })
  form?: CommendationForm | null;

  @Field(() => String, { nullable: true })
  achievement?: string | null;
}

@ArgsType()
export class CreateDisciplineArgs extends RecordFieldsArgs {
  @Field(() => String)
  decidedOn!: string;

  @Field(() => DisciplineLevel)
  level!: DisciplineLevel;

  @Field(() => String)
  violation!: string;
}

@ArgsType()
export class UpdateDisciplineArgs extends RecordFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  version?: number | null;

  @Field(() => String, { nullable: true })
  decidedOn?: string | null;

  @Field(() => DisciplineLevel, { nullable: true })
  level?: DisciplineLevel | null;

  @Field(() => String, { nullable: true })
  violation?: string | null;
}

@ArgsType()
export class CreateExemplaryModelArgs extends RecordFieldsArgs {
  @Field(() => Int)
  year!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  recognizedOn?: string | null;
}

@ArgsType()
export class UpdateExemplaryModelArgs extends RecordFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  version?: number | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  recognizedOn?: string | null;
}
