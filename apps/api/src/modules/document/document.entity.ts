import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { dateColumn } from '../../database/columns';

/**
 * A document of the register (chỉ thị, kế hoạch, công văn, ...). Its issuer is a unit of ours (`issuerUnitId`, its
 * name kept as it was when recorded) or an outside body (name and code only). Either way the document sits in the
 * register of one unit of ours (`ownerUnitId`: the issuer itself, or the unit that received and recorded it), which
 * decides who may change it; recipients (document_recipient) may read it too.
 */
@ObjectType('Document', { description: 'Văn bản (chỉ thị, nghị quyết, kế hoạch, công văn, ...)', simpleResolvers: true })
@Entity('document')
@Index(['ownerUnitId', 'issuedOn'])
@Index(['implementsId'])
export class DocumentEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  /** Canonical spelling from parseDocumentNumber ("58-CV/ĐU", also when typed "58-CV/DU"). */
  @Field(() => String, { description: 'Số, ký hiệu văn bản (dạng chuẩn, ví dụ 05-CT/TW)' })
  @Column({ type: 'varchar', length: 100 })
  number!: string;

  @Field(() => String, { description: 'Số thứ tự đăng ký (ví dụ 05)' })
  @Column({ type: 'varchar', length: 10 })
  sequence!: string;

  @Field(() => String, { description: 'Mã loại văn bản (CT, KH, QĐ, ...)' })
  @Column({ type: 'varchar', length: 20 })
  typeCode!: string;

  /** Stored apart from the code: QĐ is Quyết định or Quy định. */
  @Field(() => String, { description: 'Tên loại văn bản đầy đủ (Quyết định hay Quy định, ...)' })
  @Column({ type: 'varchar', length: 100 })
  typeName!: string;

  @Field(() => ID, { nullable: true, description: 'Đơn vị ban hành (khi là đơn vị trong hệ thống)' })
  @Column({ type: 'int', nullable: true })
  issuerUnitId!: number | null;

  /** The issuer's name when the document was recorded: a later renaming of the unit does not rewrite it. */
  @Field(() => String, { description: 'Tên cơ quan ban hành (tại thời điểm ban hành)' })
  @Column({ type: 'varchar', length: 255 })
  issuerName!: string;

  @Field(() => String, { description: 'Ký hiệu cơ quan ban hành trong số văn bản (TW, ĐU, BTGHU, ...)' })
  @Column({ type: 'varchar', length: 50 })
  issuerCode!: string;

  @Field(() => ID, { description: 'Đơn vị lưu, quản lý văn bản này' })
  @Column({ type: 'int' })
  ownerUnitId!: number;

  @Field(() => String, { nullable: true, description: 'Khóa (ví dụ XII) hoặc nhiệm kỳ của cơ quan ban hành' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  term!: string | null;

  @Field(() => String, { description: 'Ngày ban hành (YYYY-MM-DD)' })
  @Column(dateColumn())
  issuedOn!: string;

  @Field(() => String, { description: 'Trích yếu' })
  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Tóm tắt nội dung' })
  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @Field(() => ID, { nullable: true, description: 'Văn bản mà văn bản này triển khai thực hiện' })
  @Column({ type: 'int', nullable: true })
  implementsId!: number | null;

  /**
   * Issuer (unit id or outside code), term, type code and sequence without leading zeros, written by the service:
   * the unique index makes a duplicate a CONFLICT even for two concurrent writes. Binary collation: "ĐU" and "DU"
   * never meet here (the parser has already spelled both "ĐU").
   */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200, charset: 'utf8mb4', collation: 'utf8mb4_bin', select: false })
  uniqueKey?: string;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;

  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6 })
  updatedAt!: Date;
}

/** A document sent to a unit on a date (dissemination: "gửi 13/13 chi bộ"). */
@ObjectType('DocumentRecipient', { description: 'Đơn vị nhận văn bản và ngày gửi', simpleResolvers: true })
@Entity('document_recipient')
@Index(['documentId', 'unitId'], { unique: true })
@Index(['unitId'])
export class DocumentRecipientEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  documentId!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => String, { description: 'Ngày gửi (YYYY-MM-DD)' })
  @Column(dateColumn())
  sentOn!: string;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;
}
