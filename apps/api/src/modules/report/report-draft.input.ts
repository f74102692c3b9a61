import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../graphql/list-args';

@InputType()
export class ReportDraftFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => ID, { nullable: true })
  documentId?: string;
}

const draftLists = listArgsFor(ReportDraftFilter);

@ArgsType()
export class ReportDraftListArgs extends draftLists.ListArgs {}

@ArgsType()
export class ReportDraftMetaArgs extends draftLists.MetaArgs {}

/** The clerk's texts; flat arguments, as ra-data-graphql-simple sends them. */
@ArgsType()
export class ReportDraftTextArgs {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  introduction?: string | null;

  @Field(() => String, { nullable: true })
  strengths?: string | null;

  @Field(() => String, { nullable: true })
  limitations?: string | null;

  @Field(() => String, { nullable: true })
  directions?: string | null;

  @Field(() => String, { nullable: true })
  recipients?: string | null;
}

@ArgsType()
export class CreateReportDraftArgs extends ReportDraftTextArgs {
  @Field(() => ID)
  unitId!: string;

  @Field(() => ID)
  documentId!: string;

  @Field(() => String)
  periodFrom!: string;

  @Field(() => String)
  periodTo!: string;
}

@ArgsType()
export class UpdateReportDraftArgs extends ReportDraftTextArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  version?: number;
}

@ArgsType()
export class IssueReportArgs {
  @Field(() => ID)
  draftId!: string;

  @Field(() => String, { nullable: true, description: 'Số thứ tự đã lấy ở sổ văn bản; bỏ trống: số tiếp theo của loại BC' })
  number?: string | null;

  @Field(() => String, { nullable: true, description: 'Ngày ban hành (mặc định hôm nay)' })
  issuedOn?: string | null;
}
