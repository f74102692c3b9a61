import { Capability } from '@dangbo/shared-types';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { RatingJobEntity, RatingJobKind } from './rating-job.entity';
import { getRatingJob, queueRatingJob, ratingJobsOf } from './rating-job.service';

@Resolver(() => RatingJobEntity)
export class RatingJobResolver {
  @Authorized(Capability.DECIDE)
  @Mutation(() => RatingJobEntity, { description: 'Mở kỳ: tạo đánh giá cho mọi đối tượng thuộc diện đánh giá (chạy nền; theo dõi bằng RatingJob)' })
  openRatingPeriod(@Arg('id', () => ID) id: string, @Arg('unitId', () => ID, { nullable: true }) unitId: string | null, @Ctx() ctx: Context) {
    return queueRatingJob(ctx, RatingJobKind.OPEN, id, unitId);
  }

  @Authorized(Capability.DECIDE)
  @Mutation(() => RatingJobEntity, { description: 'Tính lại kỳ: đối tượng mới, số liệu và mức tính của các đánh giá chưa quyết định (chạy nền)' })
  recomputeRatingPeriod(@Arg('id', () => ID) id: string, @Arg('unitId', () => ID, { nullable: true }) unitId: string | null, @Ctx() ctx: Context) {
    return queueRatingJob(ctx, RatingJobKind.RECOMPUTE, id, unitId);
  }

  @Authorized()
  @Query(() => RatingJobEntity, { name: 'RatingJob' })
  ratingJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getRatingJob(ctx, id);
  }

  @Authorized()
  @Query(() => [RatingJobEntity])
  ratingJobs(@Arg('periodId', () => ID) periodId: string, @Ctx() ctx: Context) {
    return ratingJobsOf(ctx, periodId);
  }
}
