/** directiveReport and the rating metrics of a member or a collective: thin; the figures are in the services. */
import { Arg, Authorized, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { directiveReport } from './directive-report.service';
import { DirectiveReport } from './directive-report.types';
import { memberMetrics, unitMetrics } from './metrics.service';

@ObjectType('MetricValue', { description: 'Một biến của bộ tiêu chí (tên theo danh mục biến của bộ máy xếp loại)', simpleResolvers: true })
export class MetricValue {
  @Field(() => String)
  name!: string;

  @Field(() => Float)
  value!: number;
}

@ObjectType('SubjectMetrics', { description: 'Số liệu của một đảng viên hoặc một tập thể trong một kỳ, tính từ dữ liệu, cho xếp loại', simpleResolvers: true })
export class SubjectMetricsType {
  @Field(() => String, { description: 'MEMBER hoặc UNIT' })
  subjectKind!: string;

  @Field(() => ID)
  subjectId!: number;

  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => Float, { nullable: true, description: 'attendance_rate: tỷ lệ dự sinh hoạt chi bộ (%); null khi không có buổi nào' })
  attendance_rate!: number | null;

  @Field(() => Int, { description: 'meetings_held: số buổi sinh hoạt chi bộ phải dự (tập thể: đã tổ chức)' })
  meetings_held!: number;

  @Field(() => Int, { description: 'Số lượt có mặt' })
  meetingsAttended!: number;

  @Field(() => Int, { description: 'Số lượt phải dự' })
  meetingsExpected!: number;

  @Field(() => Int, { description: 'study_registered: có đăng ký (1/0); tập thể: số đảng viên có đăng ký' })
  study_registered!: number;

  @Field(() => Int)
  study_months_reported!: number;

  @Field(() => Int)
  study_generic_count!: number;

  @Field(() => Int)
  commendations!: number;

  @Field(() => Int, { description: '0 không, 1 khiển trách, 2 cảnh cáo, 3 cách chức, 4 khai trừ' })
  discipline_level!: number;

  @Field(() => Int, { nullable: true, description: 'Số đảng viên của tập thể vào cuối kỳ' })
  memberCount!: number | null;

  @Field(() => [MetricValue], { description: 'Các biến đưa vào bộ máy xếp loại (bỏ tỷ lệ không có mẫu số)' })
  values!: MetricValue[];
}

@Resolver()
export class DirectiveResolver {
  @Authorized()
  @Query(() => DirectiveReport, { description: 'Số liệu thực hiện một chỉ thị tại một đơn vị (và cấp dưới) từ ngày đến ngày' })
  directiveReport(
    @Arg('documentId', () => ID) documentId: string,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Ctx() ctx: Context,
  ): Promise<DirectiveReport> {
    return directiveReport(ctx, { documentId, unitId, from, to });
  }

  @Authorized()
  @Query(() => SubjectMetricsType, { description: 'Số liệu xếp loại của một đảng viên trong kỳ' })
  memberMetrics(@Arg('memberId', () => ID) memberId: string, @Arg('from', () => String) from: string, @Arg('to', () => String) to: string, @Ctx() ctx: Context) {
    return memberMetrics(ctx, { memberId, from, to });
  }

  @Authorized()
  @Query(() => SubjectMetricsType, { description: 'Số liệu xếp loại của một tập thể (cả cấp dưới, theo cơ cấu cuối kỳ)' })
  unitMetrics(@Arg('unitId', () => ID) unitId: string, @Arg('from', () => String) from: string, @Arg('to', () => String) to: string, @Ctx() ctx: Context) {
    return unitMetrics(ctx, { unitId, from, to });
  }
}
