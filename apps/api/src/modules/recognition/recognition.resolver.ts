import { Capability } from '@dangbo/shared-types';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { parseId } from '../../core/input';
import { ListMetadata } from '../../graphql/list-args';
import { MemberEntity } from '../member/member.entity';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { CommendationEntity, DisciplineEntity, ExemplaryModelEntity } from './recognition.entity';
import {
  CommendationListArgs,
  CommendationMetaArgs,
  CreateCommendationArgs,
  CreateDisciplineArgs,
  CreateExemplaryModelArgs,
  DisciplineListArgs,
  DisciplineMetaArgs,
  ExemplaryModelListArgs,
  ExemplaryModelMetaArgs,
  UpdateCommendationArgs,
  UpdateDisciplineArgs,
  UpdateExemplaryModelArgs,
} from './recognition.input';
import { commendations, disciplines, exemplaryModels } from './recognition.service';
import { readableMember } from './record-subject';

type RecordRoot = { unitId: number; memberId: number | null; decidingUnitId: number | null };

/** The relation fields the three records share: the unit, the member (when readable) and the deciding unit. */
const relations = {
  unit: (r: RecordRoot, ctx: Context) => ctx.loaders.unitById.load(r.unitId),
  member: (r: RecordRoot, ctx: Context) => readableMember(ctx, r.memberId),
  decidingUnit: (r: RecordRoot, ctx: Context) => (r.decidingUnitId === null ? null : ctx.loaders.unitById.load(r.decidingUnitId)),
};
const UNIT = { nullable: true, description: 'Đơn vị của bản ghi' };
const MEMBER = { nullable: true, description: 'Đảng viên (khi người xem được đọc hồ sơ của đảng viên hôm nay)' };
const DECIDER = { nullable: true, description: 'Cơ quan quyết định trong hệ thống (ngoài phạm vi: chỉ mã, loại, tên)' };

@Resolver(() => CommendationEntity)
export class CommendationResolver {
  @FieldResolver(() => OrgUnitEntity, UNIT)
  unit(@Root() r: CommendationEntity, @Ctx() ctx: Context) {
    return relations.unit(r, ctx);
  }

  @FieldResolver(() => MemberEntity, MEMBER)
  member(@Root() r: CommendationEntity, @Ctx() ctx: Context) {
    return relations.member(r, ctx);
  }

  @FieldResolver(() => OrgUnitEntity, DECIDER)
  decidingUnit(@Root() r: CommendationEntity, @Ctx() ctx: Context) {
    return relations.decidingUnit(r, ctx);
  }

  @Authorized()
  @Query(() => CommendationEntity, { name: 'Commendation' })
  commendation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return commendations.get(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [CommendationEntity])
  allCommendations(@Args(() => CommendationListArgs) args: CommendationListArgs, @Ctx() ctx: Context) {
    return commendations.list(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allCommendationsMeta(@Args(() => CommendationMetaArgs) args: CommendationMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await commendations.count(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => CommendationEntity)
  createCommendation(@Args(() => CreateCommendationArgs) args: CreateCommendationArgs, @Ctx() ctx: Context) {
    return commendations.create(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => CommendationEntity)
  updateCommendation(@Args(() => UpdateCommendationArgs) args: UpdateCommendationArgs, @Ctx() ctx: Context) {
    return commendations.update(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => CommendationEntity)
  deleteCommendation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return commendations.remove(ctx, id);
  }
}

@Resolver(() => DisciplineEntity)
export class DisciplineResolver {
  @FieldResolver(() => OrgUnitEntity, UNIT)
  unit(@Root() r: DisciplineEntity, @Ctx() ctx: Context) {
    return relations.unit(r, ctx);
  }

  @FieldResolver(() => MemberEntity, MEMBER)
  member(@Root() r: DisciplineEntity, @Ctx() ctx: Context) {
    return relations.member(r, ctx);
  }

  @FieldResolver(() => OrgUnitEntity, DECIDER)
  decidingUnit(@Root() r: DisciplineEntity, @Ctx() ctx: Context) {
    return relations.decidingUnit(r, ctx);
  }

  @Authorized()
  @Query(() => DisciplineEntity, { name: 'Discipline' })
  discipline(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return disciplines.get(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [DisciplineEntity])
  allDisciplines(@Args(() => DisciplineListArgs) args: DisciplineListArgs, @Ctx() ctx: Context) {
    return disciplines.list(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allDisciplinesMeta(@Args(() => DisciplineMetaArgs) args: DisciplineMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await disciplines.count(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => DisciplineEntity)
  createDiscipline(@Args(() => CreateDisciplineArgs) args: CreateDisciplineArgs, @Ctx() ctx: Context) {
    return disciplines.create(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => DisciplineEntity)
  updateDiscipline(@Args(() => UpdateDisciplineArgs) args: UpdateDisciplineArgs, @Ctx() ctx: Context) {
    return disciplines.update(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => DisciplineEntity)
  deleteDiscipline(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return disciplines.remove(ctx, id);
  }
}

@Resolver(() => ExemplaryModelEntity)
export class ExemplaryModelResolver {
  @FieldResolver(() => OrgUnitEntity, UNIT)
  unit(@Root() r: ExemplaryModelEntity, @Ctx() ctx: Context) {
    return relations.unit(r, ctx);
  }

  @FieldResolver(() => MemberEntity, MEMBER)
  member(@Root() r: ExemplaryModelEntity, @Ctx() ctx: Context) {
    return relations.member(r, ctx);
  }

  @FieldResolver(() => OrgUnitEntity, DECIDER)
  decidingUnit(@Root() r: ExemplaryModelEntity, @Ctx() ctx: Context) {
    return relations.decidingUnit(r, ctx);
  }

  @Authorized()
  @Query(() => ExemplaryModelEntity, { name: 'ExemplaryModel' })
  exemplaryModel(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return exemplaryModels.get(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [ExemplaryModelEntity])
  allExemplaryModels(@Args(() => ExemplaryModelListArgs) args: ExemplaryModelListArgs, @Ctx() ctx: Context) {
    return exemplaryModels.list(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allExemplaryModelsMeta(@Args(() => ExemplaryModelMetaArgs) args: ExemplaryModelMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await exemplaryModels.count(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => ExemplaryModelEntity)
  createExemplaryModel(@Args(() => CreateExemplaryModelArgs) args: CreateExemplaryModelArgs, @Ctx() ctx: Context) {
    return exemplaryModels.create(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => ExemplaryModelEntity)
  updateExemplaryModel(@Args(() => UpdateExemplaryModelArgs) args: UpdateExemplaryModelArgs, @Ctx() ctx: Context) {
    return exemplaryModels.update(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => ExemplaryModelEntity)
  deleteExemplaryModel(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return exemplaryModels.remove(ctx, id);
  }
}
