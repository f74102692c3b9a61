import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { dateColumn } from '../../database/columns';

/**
 * The clerk's draft of a directive implementation report: section 1 is always computed from the data
 * (directiveReport); the introduction and sections 2 and 3 are the clerk's words, kept here. Once issued, the
 * report is a document of the register (`issuedDocumentId`) and the draft is frozen.
 */
@ObjectType('ReportDraft', { description: 'Dự thảo báo cáo thực hiện văn bản (phần nhận xét, phương hướng do văn phòng viết)', simpleResolvers: true })
@Entity('report_draft')
@Index(['unitId', 'documentId', 'periodFrom', 'periodTo'])
export class ReportDraftEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID, { description: 'Đơn vị báo cáo' })
  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => ID, { description: 'Văn bản (chỉ thị) được báo cáo việc thực hiện' })
  @Column({ type: 'int' })
  documentId!: number;

  @Field(() => String, { description: 'Từ ngày (YYYY-MM-DD)' })
  @Column(dateColumn())
  periodFrom!: string;

  @Field(() => String, { description: 'Đến ngày (YYYY-MM-DD)' })
  @Column(dateColumn())
  periodTo!: string;

  @Field(() => String, { description: 'Trích yếu (dòng dưới chữ BÁO CÁO)' })
  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Đoạn mở đầu (căn cứ, yêu cầu báo cáo)' })
  @Column({ type: 'text', nullable: true })
  introduction!: string | null;

  @Field(() => String, { nullable: true, description: 'Mặt được' })
  @Column({ type: 'text', nullable: true })
  strengths!: string | null;

  @Field(() => String, { nullable: true, description: 'Hạn chế' })
  @Column({ type: 'text', nullable: true })
  limitations!: string | null;

  @Field(() => String, { nullable: true, description: 'Phương hướng nhiệm vụ' })
  @Column({ type: 'text', nullable: true })
  directions!: string | null;

  @Field(() => String, { nullable: true, description: 'Nơi nhận, mỗi dòng một nơi' })
  @Column({ type: 'text', nullable: true })
  recipients!: string | null;

  @Field(() => ID, { nullable: true, description: 'Văn bản (báo cáo) đã ban hành từ dự thảo này' })
  @Column({ type: 'int', nullable: true })
  issuedDocumentId!: number | null;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'datetime', precision: 6 })
  updatedAt!: Date;
}
