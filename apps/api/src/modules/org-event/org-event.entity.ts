/**
 * Structural events of the tree (domain.md §3.5.3): founding, merging, absorbing, splitting, renaming, moving and
 * ending a unit, each on an effective date and by a decision. Lineage rows say what became of what, so a unit answers
 * "what was I made of" and "what did I become"; the tree itself stays in dated links (org_unit_link), and the names a
 * unit had before a renaming stay in org_unit_name. Nothing here is ever updated after it is written.
 */
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateColumn } from '../../database/columns';

export enum OrgEventType {
  /** Thành lập: a new unit. */
  FOUND = 'FOUND',
  /** Hợp nhất: several units end and one new unit takes their place. */
  MERGE = 'MERGE',
  /** Sáp nhập: units end and an existing unit takes them in. */
  ABSORB = 'ABSORB',
  /** Chia tách: one unit ends and several new units share its contents. */
  SPLIT = 'SPLIT',
  /** Đổi tên. */
  RENAME = 'RENAME',
  /** Chuyển giao: the unit goes under another parent. */
  MOVE = 'MOVE',
  /** Kết thúc hoạt động (giải thể). */
  END = 'END',
}
registerEnumType(OrgEventType, { name: 'OrgEventType', description: 'Loại sự kiện tổ chức' });

export enum OrgEventUnitRole {
  /** A unit the event acts on (ended, renamed, moved). */
  SOURCE = 'SOURCE',
  /** A unit the event results in (founded, or the existing unit that absorbs). */
  RESULT = 'RESULT',
}

@ObjectType('OrgEvent', { description: 'Sự kiện tổ chức: thành lập, hợp nhất, sáp nhập, chia tách, đổi tên, chuyển, kết thúc' })
@Entity('org_event')
@Index(['effectiveDate'])
export class OrgEventEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => OrgEventType)
  @Column({ type: 'varchar', length: 12 })
  type!: OrgEventType;

  /** The first day of the new state: links and memberships of the old state end the day before (validTo = this). */
  @Field(() => String, { description: 'Ngày có hiệu lực (YYYY-MM-DD)' })
  @Column(dateColumn())
  effectiveDate!: string;

  @Field(() => ID, { nullable: true, description: 'Văn bản quyết định (trong sổ văn bản)' })
  @Column({ type: 'int', nullable: true })
  documentId!: number | null;

  /** A decision not (yet) in the register: its number and date as text. */
  @Field(() => String, { nullable: true, description: 'Số quyết định (khi chưa có trong sổ văn bản)' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  decisionNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Ngày quyết định (YYYY-MM-DD)' })
  @Column(dateColumn({ nullable: true }))
  decisionDate!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  /** The unit whose level above decided it (for the audit trail and the scope of the list). */
  @Column({ type: 'int', nullable: true })
  unitId!: number | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;
}

/** Which units an event acted on and which it resulted in (also for events without lineage: rename, move, end). */
@Entity('org_event_unit')
@Index(['eventId', 'role', 'unitId'], { unique: true })
@Index(['unitId'])
export class OrgEventUnitEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  eventId!: number;

  @Column({ type: 'int' })
  unitId!: number;

  @Column({ type: 'varchar', length: 8 })
  role!: OrgEventUnitRole;
}

/** "predecessor became (part of) successor on the event's date". */
@ObjectType('OrgLineage', { description: 'Quan hệ kế thừa: đơn vị trước → đơn vị sau một sự kiện tổ chức' })
@Entity('org_lineage')
@Index(['predecessorId', 'successorId'], { unique: true })
@Index(['successorId'])
export class OrgLineageEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  eventId!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  predecessorId!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  successorId!: number;

  /** Copied from the event: the scope query needs it without a join. */
  @Field(() => String)
  @Column(dateColumn())
  effectiveDate!: string;

  @Field(() => OrgEventType)
  @Column({ type: 'varchar', length: 12 })
  type!: OrgEventType;
}

/** A name a unit had before a renaming: valid until `validTo` (exclusive); the current name is org_unit.name. */
@Entity('org_unit_name')
@Index(['unitId', 'validTo'], { unique: true })
export class OrgUnitNameEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  unitId!: number;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  shortName!: string | null;

  @Column(dateColumn())
  validTo!: string;
}
