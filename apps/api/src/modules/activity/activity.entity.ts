import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { dateColumn } from '../../database/columns';

export enum ActivityKind {
  CONFERENCE = 'CONFERENCE',
  CELL_MEETING = 'CELL_MEETING',
  SEMINAR = 'SEMINAR',
  PROPAGANDA = 'PROPAGANDA',
}

/** Hội nghị triển khai, sơ kết, tổng kết. */
export enum ConferenceKind {
  TRIEN_KHAI = 'TRIEN_KHAI',
  SO_KET = 'SO_KET',
  TONG_KET = 'TONG_KET',
}

export enum PropagandaMedium {
  RADIO = 'RADIO',
  TV_REPORT = 'TV_REPORT',
  WEB_COLUMN = 'WEB_COLUMN',
}

/** Party members (attendance is kept) or outreach to mass-organisation members or the people (counts). */
export enum ActivityAudience {
  PARTY_MEMBERS = 'PARTY_MEMBERS',
  MASS_ORGS = 'MASS_ORGS',
  PEOPLE = 'PEOPLE',
}

registerEnumType(ActivityKind, { name: 'ActivityKind' });
registerEnumType(ConferenceKind, { name: 'ConferenceKind' });
registerEnumType(PropagandaMedium, { name: 'PropagandaMedium' });
registerEnumType(ActivityAudience, { name: 'ActivityAudience' });

/** A conference, cell meeting, seminar or propaganda item, organised by one unit on one date. */
@ObjectType('Activity', { description: 'Hoạt động: hội nghị, sinh hoạt chi bộ, tọa đàm, tuyên truyền', simpleResolvers: true })
@Entity('activity')
@Index(['unitId', 'heldOn'])
export class ActivityEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ActivityKind)
  @Column({ type: 'varchar', length: 20 })
  kind!: ActivityKind;

  @Field(() => ConferenceKind, { nullable: true, description: 'Loại hội nghị (chỉ với hội nghị)' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  conferenceKind!: ConferenceKind | null;

  @Field(() => PropagandaMedium, { nullable: true, description: 'Hình thức tuyên truyền (chỉ với tuyên truyền)' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  medium!: PropagandaMedium | null;

  /** A propaganda item about one member (a model individual) or one unit (a model collective). */
  @Field(() => ID, { nullable: true, description: 'Cá nhân được tuyên truyền (gương điển hình)' })
  @Column({ type: 'int', nullable: true })
  subjectMemberId!: number | null;

  @Field(() => ID, { nullable: true, description: 'Tập thể được tuyên truyền (gương điển hình)' })
  @Column({ type: 'int', nullable: true })
  subjectUnitId!: number | null;

  @Field(() => ID, { description: 'Đơn vị tổ chức' })
  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => String, { description: 'Ngày tổ chức (YYYY-MM-DD)' })
  @Column(dateColumn())
  heldOn!: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Field(() => ActivityAudience)
  @Column({ type: 'varchar', length: 20 })
  audience!: ActivityAudience;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** Bumped by every save of the attendance sheet too: two clerks cannot overwrite each other's sheet. */
  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;

  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6 })
  updatedAt!: Date;
}

/** Activity ↔ document, many to many (the conference that carried out 05-CT/TW and 38-KH/ĐU). */
@Entity('activity_document')
@Index(['documentId'])
export class ActivityDocumentEntity {
  @PrimaryColumn({ type: 'int' })
  activityId!: number;

  @PrimaryColumn({ type: 'int' })
  documentId!: number;
}

/** One member's mark on an activity's sheet: present, or absent with a reason. */
@ObjectType('Attendance', { description: 'Điểm danh một đảng viên tại một hoạt động', simpleResolvers: true })
@Entity('attendance')
@Index(['activityId', 'memberId'], { unique: true })
@Index(['memberId'])
export class AttendanceEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  activityId!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  memberId!: number;

  @Field(() => Boolean)
  @Column({ type: 'boolean' })
  present!: boolean;

  @Field(() => String, { nullable: true, description: 'Lý do vắng (bắt buộc khi vắng)' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  absenceReason!: string | null;
}

/**
 * How many of a mass organisation's members (or of the people) an activity or a period's work reached, against the
 * head count in force then, copied here so the rate does not move when a later snapshot is entered.
 */
@ObjectType('Outreach', { description: 'Kết quả triển khai đến đoàn viên, hội viên hoặc nhân dân', simpleResolvers: true })
@Entity('outreach')
@Index(['unitId', 'periodTo'])
@Index(['activityId'])
export class OutreachEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID, { nullable: true, description: 'Hoạt động (nếu gắn với một hoạt động)' })
  @Column({ type: 'int', nullable: true })
  activityId!: number | null;

  /** A mass organisation (its members) or the Front / commune whose people head count applies. */
  @Field(() => ID, { description: 'Đoàn thể, hoặc đơn vị có số nhân dân' })
  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => ActivityAudience, { description: 'MASS_ORGS: đoàn viên, hội viên; PEOPLE: nhân dân' })
  @Column({ type: 'varchar', length: 20 })
  audience!: ActivityAudience;

  @Field(() => String)
  @Column(dateColumn())
  periodFrom!: string;

  @Field(() => String)
  @Column(dateColumn())
  periodTo!: string;

  @Field(() => Int, { description: 'Số người được triển khai' })
  @Column({ type: 'int' })
  reachedCount!: number;

  @Field(() => Int, { description: 'Tổng số (theo số liệu tại ngày headCountAsOf)' })
  @Column({ type: 'int' })
  headCount!: number;

  @Field(() => String, { description: 'Ngày của số liệu tổng số được dùng' })
  @Column(dateColumn())
  headCountAsOf!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;
}
