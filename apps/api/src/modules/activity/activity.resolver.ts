import { Capability } from '@dangbo/shared-types';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { parseId } from '../../core/input';
import { ListMetadata } from '../../graphql/list-args';
import { readableById } from '../../core/list-loader';
import { DocumentEntity } from '../document/document.entity';
import { documentList } from '../document/document.service';
import { MemberEntity } from '../member/member.entity';
import { readableMember } from '../recognition/record-subject';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { ActivityEntity } from './activity.entity';
import { ActivityListArgs, ActivityMetaArgs, CreateActivityArgs, SaveAttendanceArgs, UpdateActivityArgs } from './activity.input';
import * as activities from './activity.service';
import { ExpectedAttendee } from './attendance.queries';
import * as attendance from './attendance.service';

/** Linked document ids of a page of activities in one statement. */
const linkLoaders = new WeakMap<Context, DataLoader<number, number[]>>();
function linksOf(ctx: Context): DataLoader<number, number[]> {
  let loader = linkLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const map = await activities.documentIdsOf(ctx.em, ids);
      return ids.map((id) => map.get(id) ?? []);
    });
    linkLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => ActivityEntity)
export class ActivityResolver {
  @Authorized()
  @Query(() => ActivityEntity, { name: 'Activity' })
  activity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return activities.getActivity(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [ActivityEntity])
  allActivities(@Args(() => ActivityListArgs) args: ActivityListArgs, @Ctx() ctx: Context) {
    return activities.listActivities(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allActivitiesMeta(@Args(() => ActivityMetaArgs) args: ActivityMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await activities.countActivities(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => ActivityEntity)
  createActivity(@Args(() => CreateActivityArgs) args: CreateActivityArgs, @Ctx() ctx: Context) {
    return activities.createActivity(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => ActivityEntity)
  updateActivity(@Args(() => UpdateActivityArgs) args: UpdateActivityArgs, @Ctx() ctx: Context) {
    return activities.updateActivity(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => ActivityEntity)
  deleteActivity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return activities.deleteActivity(ctx, id);
  }

  @Authorized()
  @Query(() => [ExpectedAttendee], { description: 'Mọi đảng viên phải dự hoạt động (theo sinh hoạt đảng vào ngày tổ chức), với điểm danh hiện có' })
  expectedAttendees(@Arg('activityId', () => ID) activityId: string, @Ctx() ctx: Context) {
    return attendance.expectedOf(ctx, activityId);
  }

  // Checked per unit in the service: the committee office (MANAGE_ACTIVITIES) or the cell secretary (RECORD_CELL_WORK).
  @Authorized()
  @Mutation(() => ActivityEntity, { description: 'Lưu cả bảng điểm danh của một hoạt động (thay bảng cũ), theo phiên bản của hoạt động' })
  saveAttendance(@Args(() => SaveAttendanceArgs) args: SaveAttendanceArgs, @Ctx() ctx: Context) {
    return attendance.saveAttendance(ctx, args);
  }

  // Relations are named apart from the `…Id` arguments so the stock client never maps one onto the other.
  @FieldResolver(() => OrgUnitEntity, { nullable: true, description: 'Đơn vị tổ chức' })
  organiser(@Root() a: ActivityEntity, @Ctx() ctx: Context) {
    return ctx.loaders.unitById.load(a.unitId);
  }

  @FieldResolver(() => MemberEntity, { nullable: true, description: 'Cá nhân được tuyên truyền (nếu người xem đọc được)' })
  aboutMember(@Root() a: ActivityEntity, @Ctx() ctx: Context) {
    return readableMember(ctx, a.subjectMemberId);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true, description: 'Tập thể được tuyên truyền' })
  aboutUnit(@Root() a: ActivityEntity, @Ctx() ctx: Context) {
    return a.subjectUnitId === null ? null : ctx.loaders.unitById.load(a.subjectUnitId);
  }

  @FieldResolver(() => [DocumentEntity], { description: 'Văn bản được triển khai (những văn bản người xem đọc được)' })
  async linkedDocuments(@Root() a: ActivityEntity, @Ctx() ctx: Context): Promise<DocumentEntity[]> {
    const ids = await linksOf(ctx).load(a.id);
    if (ids.length === 0) return [];
    // One batched, scoped load for the whole page; unreadable documents drop out. Oldest first, as issued.
    const docs = (await readableById(ctx, documentList).loadMany(ids)).filter((d): d is DocumentEntity => d instanceof DocumentEntity);
    return docs.sort((x, y) => (x.issuedOn < y.issuedOn ? -1 : x.issuedOn > y.issuedOn ? 1 : x.id - y.id));
  }

  // After `linkedDocuments`, though the names differ: the edited ids are the record's last word either way.
  @FieldResolver(() => [ID], { description: 'Mã các văn bản được triển khai' })
  documentIds(@Root() a: ActivityEntity, @Ctx() ctx: Context): Promise<number[]> {
    return linksOf(ctx).load(a.id);
  }
}
