import { MassOrgKind, OrgUnitKind } from '@dangbo/shared-types';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../graphql/list-args';
import { OrgEventEntity, OrgEventType } from './org-event.entity';

@InputType()
export class OrgEventFilter extends BaseFilter {
  /** Events that acted on or resulted in this unit. */
  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => OrgEventType, { nullable: true })
  type?: OrgEventType;

  /** Effective on or after this date (YYYY-MM-DD). */
  @Field(() => String, { nullable: true })
  from?: string;

  /** Effective on or before this date. */
  @Field(() => String, { nullable: true })
  to?: string;
}

const lists = listArgsFor(OrgEventFilter);

@ArgsType()
export class OrgEventListArgs extends lists.ListArgs {}

@ArgsType()
export class OrgEventMetaArgs extends lists.MetaArgs {}

export enum GrantPolicy {
  /** Roles held on an ended unit go to its successor from the effective date. */
  MOVE = 'MOVE',
  /** Roles held on an ended unit end with it. */
  END = 'END',
}
registerEnumType(GrantPolicy, { name: 'GrantPolicy', description: 'Vai trò trên đơn vị kết thúc: chuyển sang đơn vị kế thừa hay kết thúc' });

@InputType({ description: 'Đơn vị mới do sự kiện tạo ra' })
export class NewUnitInput {
  @Field(() => String)
  name!: string;

  @Field(() => OrgUnitKind)
  kind!: OrgUnitKind;

  @Field(() => MassOrgKind, { nullable: true })
  massOrgKind?: MassOrgKind | null;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => String, { nullable: true })
  code?: string | null;
}

@InputType({ description: 'Chia tách: đơn vị trực thuộc nào về đơn vị mới nào' })
export class PlacementInput {
  @Field(() => ID)
  unitId!: string;

  /** Index in `newUnits`. */
  @Field(() => Int)
  newUnitIndex!: number;
}

@InputType({ description: 'Một sự kiện tổ chức cần áp dụng vào cây' })
export class RestructureInput {
  // Both required, checked by the service (BAD_USER_INPUT naming the field) rather than by the schema, so an empty
  // input still reaches the permission check and a form shows the message next to the missing input.
  @Field(() => OrgEventType, { nullable: true, description: 'Bắt buộc' })
  type?: OrgEventType | null;

  @Field(() => String, { nullable: true, description: 'Bắt buộc. Ngày có hiệu lực (YYYY-MM-DD): ngày đầu tiên của trạng thái mới' })
  effectiveDate?: string | null;

  /** MERGE: two or more units; ABSORB: one or more; SPLIT, RENAME, MOVE, END: exactly one; FOUND: none. */
  @Field(() => [ID], { nullable: true })
  unitIds?: string[];

  /** ABSORB: the existing unit that takes the others in. */
  @Field(() => ID, { nullable: true })
  targetId?: string | null;

  /** FOUND, MERGE, SPLIT: the parent of the new unit(s) (default: the sources' common parent); MOVE: the new parent. */
  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  /** FOUND, MERGE: exactly one; SPLIT: two or more. */
  @Field(() => [NewUnitInput], { nullable: true })
  newUnits?: NewUnitInput[];

  /** RENAME: the new name (and short name). */
  @Field(() => String, { nullable: true })
  newName?: string | null;

  @Field(() => String, { nullable: true })
  newShortName?: string | null;

  /** SPLIT: where each child unit of the split unit goes. */
  @Field(() => [PlacementInput], { nullable: true })
  placements?: PlacementInput[];

  @Field(() => GrantPolicy, { nullable: true, description: 'Mặc định: chuyển sang đơn vị kế thừa' })
  grantPolicy?: GrantPolicy | null;

  @Field(() => ID, { nullable: true })
  documentId?: string | null;

  @Field(() => String, { nullable: true })
  decisionNumber?: string | null;

  @Field(() => String, { nullable: true })
  decisionDate?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@ArgsType()
export class RestructureArgs {
  @Field(() => RestructureInput)
  input!: RestructureInput;

  @Field(() => Boolean, { description: 'true: chỉ liệt kê những gì sẽ thay đổi, không ghi gì' })
  dryRun!: boolean;
}

export enum RestructureChangeKind {
  UNIT_FOUNDED = 'UNIT_FOUNDED',
  UNIT_ENDED = 'UNIT_ENDED',
  UNIT_RENAMED = 'UNIT_RENAMED',
  UNIT_MOVED = 'UNIT_MOVED',
  LINEAGE = 'LINEAGE',
  MEMBERSHIP_MOVED = 'MEMBERSHIP_MOVED',
  POSITION_ENDED = 'POSITION_ENDED',
  GRANT_MOVED = 'GRANT_MOVED',
  GRANT_ENDED = 'GRANT_ENDED',
  CRITERIA_SET_MOVED = 'CRITERIA_SET_MOVED',
  RATING_PERIOD_MOVED = 'RATING_PERIOD_MOVED',
}
registerEnumType(RestructureChangeKind, { name: 'RestructureChangeKind', description: 'Loại thay đổi do sự kiện tổ chức gây ra' });

/** One row the event changes; the dry run and the apply list the same changes in the same order. */
@ObjectType('RestructureChange', { description: 'Một thay đổi mà sự kiện tổ chức gây ra' })
export class RestructureChange {
  @Field(() => RestructureChangeKind)
  kind!: RestructureChangeKind;

  /** The record type changed (OrgUnit, OrgUnitLink, MemberAssignment, RoleGrant, ...). */
  @Field(() => String)
  entity!: string;

  /** The existing row changed; null for a unit the event creates. */
  @Field(() => ID, { nullable: true })
  entityId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Đơn vị cũ (nơi bản ghi đang thuộc)' })
  fromUnitId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Đơn vị đích đã có' })
  toUnitId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Đơn vị đích là đơn vị mới thứ mấy trong newUnits' })
  toNewUnit!: number | null;

  @Field(() => String)
  description!: string;
}

@ObjectType('RestructureResult', { description: 'Kết quả (hoặc chạy thử) một sự kiện tổ chức' })
export class RestructureResult {
  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => OrgEventEntity, { nullable: true, description: 'Sự kiện đã ghi (null khi chạy thử)' })
  event!: OrgEventEntity | null;

  @Field(() => [RestructureChange])
  changes!: RestructureChange[];
}
