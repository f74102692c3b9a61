/** Report drafts and issuing a report: thin; the rules are in report-draft.service.ts. */
import { Capability } from '@dangbo/shared-types';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { parseId } from '../../core/input';
import { ListMetadata } from '../../graphql/list-args';
import { DocumentEntity } from '../document/document.entity';
import { documentList } from '../document/document.service';
import { ReportDraftEntity } from './report-draft.entity';
import { CreateReportDraftArgs, IssueReportArgs, ReportDraftListArgs, ReportDraftMetaArgs, UpdateReportDraftArgs } from './report-draft.input';
import * as drafts from './report-draft.service';

@Resolver(() => ReportDraftEntity)
export class ReportDraftResolver {
  @Authorized()
  @Query(() => ReportDraftEntity, { name: 'ReportDraft' })
  reportDraft(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return drafts.getDraft(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [ReportDraftEntity])
  allReportDrafts(@Args(() => ReportDraftListArgs) args: ReportDraftListArgs, @Ctx() ctx: Context) {
    return drafts.listDrafts(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allReportDraftsMeta(@Args(() => ReportDraftMetaArgs) args: ReportDraftMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await drafts.countDrafts(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => ReportDraftEntity, { description: 'Tạo dự thảo, điền sẵn nhận xét theo số liệu' })
  createReportDraft(@Args(() => CreateReportDraftArgs) args: CreateReportDraftArgs, @Ctx() ctx: Context) {
    return drafts.createDraft(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => ReportDraftEntity)
  updateReportDraft(@Args(() => UpdateReportDraftArgs) args: UpdateReportDraftArgs, @Ctx() ctx: Context) {
    return drafts.updateDraft(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => ReportDraftEntity)
  deleteReportDraft(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return drafts.deleteDraft(ctx, id);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => ReportDraftEntity, { description: 'Ban hành: lấy số tiếp theo của loại BC trong sổ văn bản và lưu thành văn bản' })
  issueReport(@Args(() => IssueReportArgs) args: IssueReportArgs, @Ctx() ctx: Context) {
    return drafts.issueReport(ctx, args);
  }

  @FieldResolver(() => DocumentEntity, { nullable: true, description: 'Báo cáo đã ban hành (văn bản trong sổ)' })
  issuedDocument(@Root() d: ReportDraftEntity, @Ctx() ctx: Context) {
    return d.issuedDocumentId === null ? null : documentList.find(ctx, d.issuedDocumentId);
  }
}
