/** The Attendance and Outreach resources (ra-data-graphql-simple grammar). */
import { Capability } from '@dangbo/shared-types';
import { Arg, Args, Authorized, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { parseId } from '../../core/input';
import { ListMetadata } from '../../graphql/list-args';
import { MemberEntity } from '../member/member.entity';
import { readableMember } from '../recognition/record-subject';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { AttendanceEntity, OutreachEntity } from './activity.entity';
import {
  AttendanceListArgs,
  AttendanceMetaArgs,
  CreateAttendanceArgs,
  CreateOutreachArgs,
  OutreachListArgs,
  OutreachMetaArgs,
  UpdateAttendanceArgs,
  UpdateOutreachArgs,
} from './activity.input';
import * as attendance from './attendance.service';
import * as outreach from './outreach.service';

@Resolver(() => AttendanceEntity)
export class AttendanceResolver {
  @Authorized()
  @Query(() => AttendanceEntity, { name: 'Attendance' })
  attendance(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return attendance.getAttendance(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [AttendanceEntity])
  allAttendances(@Args(() => AttendanceListArgs) args: AttendanceListArgs, @Ctx() ctx: Context) {
    return attendance.listAttendance(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allAttendancesMeta(@Args(() => AttendanceMetaArgs) args: AttendanceMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await attendance.countAttendance(ctx, args.filter) };
  }

  // Office or cell secretary, per unit: checked in the service.
  @Authorized()
  @Mutation(() => AttendanceEntity)
  createAttendance(@Args(() => CreateAttendanceArgs) args: CreateAttendanceArgs, @Ctx() ctx: Context) {
    return attendance.createAttendance(ctx, args);
  }

  @Authorized()
  @Mutation(() => AttendanceEntity)
  updateAttendance(@Args(() => UpdateAttendanceArgs) args: UpdateAttendanceArgs, @Ctx() ctx: Context) {
    return attendance.updateAttendance(ctx, args);
  }

  @Authorized()
  @Mutation(() => AttendanceEntity)
  deleteAttendance(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return attendance.deleteAttendance(ctx, id);
  }

  @FieldResolver(() => MemberEntity, { nullable: true, description: 'Đảng viên (nếu người xem đọc được)' })
  attendee(@Root() t: AttendanceEntity, @Ctx() ctx: Context) {
    return readableMember(ctx, t.memberId);
  }
}

@Resolver(() => OutreachEntity)
export class OutreachResolver {
  @Authorized()
  @Query(() => OutreachEntity, { name: 'Outreach' })
  outreach(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return outreach.getOutreach(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [OutreachEntity])
  allOutreaches(@Args(() => OutreachListArgs) args: OutreachListArgs, @Ctx() ctx: Context) {
    return outreach.listOutreach(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allOutreachesMeta(@Args(() => OutreachMetaArgs) args: OutreachMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await outreach.countOutreach(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => OutreachEntity)
  createOutreach(@Args(() => CreateOutreachArgs) args: CreateOutreachArgs, @Ctx() ctx: Context) {
    return outreach.createOutreach(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => OutreachEntity)
  updateOutreach(@Args(() => UpdateOutreachArgs) args: UpdateOutreachArgs, @Ctx() ctx: Context) {
    return outreach.updateOutreach(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => OutreachEntity)
  deleteOutreach(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return outreach.deleteOutreach(ctx, id);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true, description: 'Đoàn thể hoặc đơn vị được triển khai' })
  target(@Root() o: OutreachEntity, @Ctx() ctx: Context) {
    return ctx.loaders.unitById.load(o.unitId);
  }

  @FieldResolver(() => Float, { description: 'Tỷ lệ đạt (0..1) = reachedCount / headCount' })
  rate(@Root() o: OutreachEntity): number {
    return o.headCount > 0 ? o.reachedCount / o.headCount : 0;
  }
}
