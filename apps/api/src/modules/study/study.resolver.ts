import { Capability } from '@dangbo/shared-types';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { Context } from '../../context';
import { parseId } from '../../core/input';
import { ListMetadata } from '../../graphql/list-args';
import { MemberEntity } from '../member/member.entity';
import { readableMember } from '../recognition/record-subject';
import { StudyEntryEntity, StudyRegistrationEntity } from './study.entity';
import {
  CreateStudyEntryArgs,
  CreateStudyRegistrationArgs,
  StudyEntryListArgs,
  StudyEntryMetaArgs,
  StudyRegistrationListArgs,
  StudyRegistrationMetaArgs,
  UpdateStudyEntryArgs,
  UpdateStudyRegistrationArgs,
} from './study.input';
import * as study from './study.service';
import * as entries from './study-entry.service';

const entryLoaders = new WeakMap<object, DataLoader<number, StudyEntryEntity[]>>();
function entriesOf(ctx: Context, registrationId: number): Promise<StudyEntryEntity[]> {
  let loader = entryLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.em.find(StudyEntryEntity, { where: { registrationId: In([...ids]) }, order: { month: 'ASC' } });
      return ids.map((id) => rows.filter((r) => r.registrationId === id));
    });
    entryLoaders.set(ctx.loaders, loader);
  }
  return loader.load(registrationId);
}

@Resolver(() => StudyRegistrationEntity)
export class StudyRegistrationResolver {
  @Authorized()
  @Query(() => StudyRegistrationEntity, { name: 'StudyRegistration' })
  studyRegistration(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return study.registrationList.get(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [StudyRegistrationEntity])
  allStudyRegistrations(@Args(() => StudyRegistrationListArgs) args: StudyRegistrationListArgs, @Ctx() ctx: Context) {
    return study.listRegistrations(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allStudyRegistrationsMeta(@Args(() => StudyRegistrationMetaArgs) args: StudyRegistrationMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await study.countRegistrations(ctx, args.filter) };
  }

  @Authorized(Capability.RECORD_CELL_WORK)
  @Mutation(() => StudyRegistrationEntity)
  createStudyRegistration(@Args(() => CreateStudyRegistrationArgs) args: CreateStudyRegistrationArgs, @Ctx() ctx: Context) {
    return study.createRegistration(ctx, args);
  }

  @Authorized(Capability.RECORD_CELL_WORK)
  @Mutation(() => StudyRegistrationEntity)
  updateStudyRegistration(@Args(() => UpdateStudyRegistrationArgs) args: UpdateStudyRegistrationArgs, @Ctx() ctx: Context) {
    return study.updateRegistration(ctx, args);
  }

  @Authorized(Capability.RECORD_CELL_WORK)
  @Mutation(() => StudyRegistrationEntity, { description: 'Xóa bản đăng ký cùng kết quả các tháng' })
  deleteStudyRegistration(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return study.deleteRegistration(ctx, id);
  }

  @FieldResolver(() => MemberEntity, { nullable: true, description: 'Đảng viên (khi người xem được đọc hồ sơ hôm nay)' })
  member(@Root() r: StudyRegistrationEntity, @Ctx() ctx: Context) {
    return readableMember(ctx, r.memberId);
  }

  @FieldResolver(() => [StudyEntryEntity], { description: 'Kết quả từng tháng' })
  entries(@Root() r: StudyRegistrationEntity, @Ctx() ctx: Context) {
    return entriesOf(ctx, r.id);
  }
}

@Resolver(() => StudyEntryEntity)
export class StudyEntryResolver {
  @Authorized()
  @Query(() => StudyEntryEntity, { name: 'StudyEntry' })
  studyEntry(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return study.entryList.get(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [StudyEntryEntity])
  allStudyEntries(@Args(() => StudyEntryListArgs) args: StudyEntryListArgs, @Ctx() ctx: Context) {
    return study.listEntries(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allStudyEntriesMeta(@Args(() => StudyEntryMetaArgs) args: StudyEntryMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await study.countEntries(ctx, args.filter) };
  }

  @Authorized(Capability.RECORD_CELL_WORK)
  @Mutation(() => StudyEntryEntity)
  createStudyEntry(@Args(() => CreateStudyEntryArgs) args: CreateStudyEntryArgs, @Ctx() ctx: Context) {
    return entries.createEntry(ctx, args);
  }

  @Authorized(Capability.RECORD_CELL_WORK)
  @Mutation(() => StudyEntryEntity, { description: 'Sửa kết quả tháng hoặc ghi nhận xét (cụ thể/chung chung, đã/chưa thực hiện)' })
  updateStudyEntry(@Args(() => UpdateStudyEntryArgs) args: UpdateStudyEntryArgs, @Ctx() ctx: Context) {
    return entries.updateEntry(ctx, args);
  }

  @Authorized(Capability.RECORD_CELL_WORK)
  @Mutation(() => StudyEntryEntity)
  deleteStudyEntry(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return entries.deleteEntry(ctx, id);
  }
}
