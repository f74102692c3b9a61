/**
 * Inspections and supervision (kiểm tra, giám sát): a committee or its inspection committee examines a unit and/or
 * a member, records findings and a conclusion, and follows up with actions that have deadlines. The record belongs
 * to its subject: the subject unit, else the member's cell on the start date (`unitId`).
 */
import '../recognition/record-enums';
import { InspectingBody, InspectionKind } from '@dangbo/shared-types';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { dateColumn } from '../../database/columns';

export const INSPECTION_TEXT_MAX = 20000;

@ObjectType('Inspection', { description: 'Cuộc kiểm tra, giám sát' })
@Entity('inspection')
@Index(['unitId', 'startOn'])
@Index(['inspectingUnitId', 'startOn'])
@Index(['subjectMemberId'])
export class InspectionEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => InspectionKind)
  @Column({ type: 'varchar', length: 12 })
  kind!: InspectionKind;

  @Field(() => ID, { description: 'Cấp ủy tiến hành (hoặc cấp ủy có Ủy ban Kiểm tra tiến hành)' })
  @Column({ type: 'int' })
  inspectingUnitId!: number;

  @Field(() => InspectingBody)
  @Column({ type: 'varchar', length: 24 })
  inspectingBody!: InspectingBody;

  @Field(() => ID, { nullable: true, description: 'Tổ chức đảng được kiểm tra' })
  @Column({ type: 'int', nullable: true })
  subjectUnitId!: number | null;

  @Field(() => ID, { nullable: true, description: 'Đảng viên được kiểm tra' })
  @Column({ type: 'int', nullable: true })
  subjectMemberId!: number | null;

  @Field(() => ID, { description: 'Đơn vị của bản ghi: tổ chức được kiểm tra, hoặc chi bộ của đảng viên vào ngày bắt đầu' })
  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => String, { description: 'Nội dung kiểm tra (ví dụ: việc thực hiện Chỉ thị 05-CT/TW)' })
  @Column({ type: 'varchar', length: 500 })
  topic!: string;

  @Field(() => String, { description: 'Ngày bắt đầu (YYYY-MM-DD)' })
  @Column(dateColumn())
  startOn!: string;

  @Field(() => String, { nullable: true, description: 'Ngày kết thúc (YYYY-MM-DD)' })
  @Column(dateColumn({ nullable: true }))
  endOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Kết quả kiểm tra' })
  @Column({ type: 'text', nullable: true })
  findings!: string | null;

  @Field(() => String, { nullable: true, description: 'Kết luận' })
  @Column({ type: 'text', nullable: true })
  conclusion!: string | null;

  @Field(() => ID, { nullable: true, description: 'Văn bản (kế hoạch, thông báo kết luận)' })
  @Column({ type: 'int', nullable: true })
  documentId!: number | null;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;

  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6 })
  updatedAt!: Date;
}

@ObjectType('InspectionAction', { description: 'Việc phải làm sau kiểm tra, có hạn' })
@Entity('inspection_action')
@Index(['inspectionId'])
export class InspectionActionEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  inspectionId!: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 1000 })
  action!: string;

  @Field(() => String, { nullable: true, description: 'Hạn (YYYY-MM-DD)' })
  @Column(dateColumn({ nullable: true }))
  deadline!: string | null;

  @Field(() => String, { nullable: true, description: 'Ngày hoàn thành (YYYY-MM-DD)' })
  @Column(dateColumn({ nullable: true }))
  doneOn!: string | null;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;

  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6 })
  updatedAt!: Date;
}
