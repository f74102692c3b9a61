/** GraphQL output of directiveReport: every figure of the customer's report, each with what it was computed from. */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ConferenceKind, PropagandaMedium } from '../activity/activity.entity';
import { DocumentEntity } from '../document/document.entity';
import '../recognition/record-enums';
import { InspectingBody, InspectionKind } from '@dangbo/shared-types';

@ObjectType('DirectiveRate', { description: 'Tỷ lệ: phần trên tổng, số và chữ như báo cáo viết (94,18%)', simpleResolvers: true })
export class DirectiveRate {
  @Field(() => Int)
  part!: number;

  @Field(() => Int)
  whole!: number;

  @Field(() => Float, { nullable: true, description: 'Phần trăm, làm tròn 2 chữ số (null khi không có tổng)' })
  rate!: number | null;

  @Field(() => String, { description: 'Phần trăm viết kiểu Việt Nam, bỏ số 0 thừa ("75,4%"); "—" khi không có tổng' })
  text!: string;
}

@ObjectType('DirectiveSplitCount', { description: 'Số lượng, chia tập thể / cá nhân', simpleResolvers: true })
export class DirectiveSplitCount {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  collective!: number;

  @Field(() => Int)
  individual!: number;
}

@ObjectType('DirectiveConference', { description: 'Một hội nghị thực hiện văn bản, với số đảng viên dự', simpleResolvers: true })
export class DirectiveConference {
  @Field(() => ID)
  activityId!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  heldOn!: string;

  @Field(() => ConferenceKind, { nullable: true })
  conferenceKind!: ConferenceKind | null;

  @Field(() => ID)
  unitId!: number;

  @Field(() => Int, { description: 'Số dòng đã điểm danh (0: chưa điểm danh)' })
  marked!: number;

  @Field(() => Int)
  absent!: number;

  @Field(() => DirectiveRate, { description: 'Có mặt / phải dự (đảng viên sinh hoạt trong đơn vị tổ chức vào ngày họp)' })
  attendance!: DirectiveRate;
}

@ObjectType('DirectiveOutreachLine', { description: 'Kết quả triển khai của một đoàn thể (hoặc nhân dân)', simpleResolvers: true })
export class DirectiveOutreachLine {
  @Field(() => ID)
  unitId!: number;

  @Field(() => String)
  unitName!: string;

  @Field(() => DirectiveRate)
  reached!: DirectiveRate;
}

@ObjectType('DirectiveOutreach', { description: 'Triển khai đến đoàn viên, hội viên hoặc nhân dân', simpleResolvers: true })
export class DirectiveOutreach {
  @Field(() => DirectiveRate, { description: 'Số được triển khai / tổng số theo số liệu của kỳ' })
  total!: DirectiveRate;

  @Field(() => [DirectiveOutreachLine])
  byUnit!: DirectiveOutreachLine[];
}

@ObjectType('DirectiveMediumCount', { simpleResolvers: true })
export class DirectiveMediumCount {
  @Field(() => PropagandaMedium)
  medium!: PropagandaMedium;

  @Field(() => Int)
  count!: number;
}

@ObjectType('DirectivePropagandaItem', { simpleResolvers: true })
export class DirectivePropagandaItem {
  @Field(() => ID)
  activityId!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  heldOn!: string;

  @Field(() => PropagandaMedium, { nullable: true })
  medium!: PropagandaMedium | null;

  @Field(() => ID, { nullable: true })
  subjectMemberId!: number | null;

  @Field(() => String, { nullable: true })
  subjectMemberName!: string | null;

  @Field(() => ID, { nullable: true })
  subjectUnitId!: number | null;

  @Field(() => String, { nullable: true })
  subjectUnitName!: string | null;
}

@ObjectType('DirectivePropaganda', { description: 'Tuyên truyền: theo hình thức, về cá nhân hay tập thể', simpleResolvers: true })
export class DirectivePropaganda {
  @Field(() => DirectiveSplitCount, { description: 'total: mọi tin bài; individual / collective: về một cá nhân / một tập thể' })
  count!: DirectiveSplitCount;

  @Field(() => [DirectiveMediumCount])
  byMedium!: DirectiveMediumCount[];

  @Field(() => [DirectivePropagandaItem])
  items!: DirectivePropagandaItem[];
}

@ObjectType('DirectiveInspection', { description: 'Một cuộc kiểm tra, giám sát việc thực hiện văn bản', simpleResolvers: true })
export class DirectiveInspection {
  @Field(() => ID)
  inspectionId!: number;

  @Field(() => InspectionKind)
  kind!: InspectionKind;

  @Field(() => InspectingBody)
  inspectingBody!: InspectingBody;

  @Field(() => ID)
  inspectingUnitId!: number;

  @Field(() => String)
  startOn!: string;

  @Field(() => String, { nullable: true })
  endOn!: string | null;

  @Field(() => String)
  topic!: string;

  @Field(() => ID, { nullable: true })
  subjectUnitId!: number | null;

  @Field(() => String, { nullable: true })
  subjectUnitName!: string | null;

  @Field(() => ID, { nullable: true })
  subjectMemberId!: number | null;

  @Field(() => String, { nullable: true })
  subjectMemberName!: string | null;

  @Field(() => String, { nullable: true })
  conclusion!: string | null;
}

@ObjectType('DirectiveStudy', { description: 'Đăng ký học tập và làm theo trong kỳ', simpleResolvers: true })
export class DirectiveStudy {
  @Field(() => DirectiveRate, { description: 'Đảng viên có đăng ký / đảng viên của đơn vị vào cuối kỳ' })
  registered!: DirectiveRate;

  @Field(() => Int, { description: 'Số tháng đã báo cáo (mọi đảng viên cộng lại)' })
  entries!: number;

  @Field(() => Int, { description: 'Số tháng chi bộ đã nhận xét' })
  reviewed!: number;

  @Field(() => DirectiveRate, { description: 'Số tháng bị nhận xét chung chung / số tháng đã nhận xét' })
  generic!: DirectiveRate;
}

@ObjectType('DirectiveReport', { description: 'Số liệu thực hiện một văn bản (chỉ thị) tại một đơn vị trong một khoảng thời gian, tính từ dữ liệu', simpleResolvers: true })
export class DirectiveReport {
  @Field(() => DocumentEntity)
  document!: DocumentEntity;

  @Field(() => ID)
  unitId!: number;

  @Field(() => String)
  unitName!: string;

  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => [DocumentEntity], { description: 'Văn bản đơn vị và cấp dưới ban hành để thực hiện (trong kỳ)' })
  issuedDocuments!: DocumentEntity[];

  @Field(() => [DocumentEntity], { description: 'Văn bản cấp trên, bên ngoài về việc thực hiện, đơn vị đã nhận (trong kỳ)' })
  receivedDocuments!: DocumentEntity[];

  @Field(() => DirectiveRate, { description: 'Chi bộ đã nhận văn bản thực hiện / chi bộ của đơn vị (13/13)' })
  cellsReached!: DirectiveRate;

  @Field(() => [ID], { description: 'Chi bộ chưa nhận văn bản nào' })
  cellsNotReached!: number[];

  @Field(() => [DirectiveConference])
  conferences!: DirectiveConference[];

  @Field(() => DirectiveOutreach, { description: 'Đến đoàn viên, hội viên' })
  outreachMassOrgs!: DirectiveOutreach;

  @Field(() => DirectiveOutreach, { description: 'Đến nhân dân' })
  outreachPeople!: DirectiveOutreach;

  @Field(() => DirectivePropaganda)
  propaganda!: DirectivePropaganda;

  @Field(() => DirectiveSplitCount, { description: 'Gương điển hình được công nhận' })
  exemplaryModels!: DirectiveSplitCount;

  @Field(() => [DirectiveInspection])
  inspections!: DirectiveInspection[];

  @Field(() => DirectiveSplitCount, { description: 'Khen thưởng: tập thể, cá nhân' })
  commendations!: DirectiveSplitCount;

  @Field(() => DirectiveStudy)
  study!: DirectiveStudy;
}
