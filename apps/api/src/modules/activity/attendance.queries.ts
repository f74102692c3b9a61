/**
 * Who was expected at an activity: every member whose official membership on the activity's date was in the
 * organiser's subtree as it stood on that date (dated parent links and dated memberships), with their mark on the
 * sheet. One statement, so a sheet of 60 or of a whole commune costs the same.
 */
import { MembershipKind } from '@dangbo/shared-types';
import { Field, ID, ObjectType } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { LINK_VALID_AT } from '../org-unit/tree.queries';

@ObjectType('ExpectedAttendee', { description: 'Một đảng viên phải dự hoạt động, với điểm danh hiện có' })
export class ExpectedAttendee {
  @Field(() => ID)
  memberId!: number;

  @Field(() => String)
  fullName!: string;

  @Field(() => ID, { description: 'Chi bộ của đảng viên vào ngày tổ chức' })
  cellId!: number;

  @Field(() => ID, { nullable: true, description: 'Dòng điểm danh đã lưu (null khi chưa điểm danh)' })
  attendanceId!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Có mặt; null khi chưa điểm danh' })
  present!: boolean | null;

  @Field(() => String, { nullable: true })
  absenceReason!: string | null;
}

const NAME_COLUMNS = { given: 'm.`sortGiven`', family: 'm.`sortFamily`', middle: 'm.`sortMiddle`', birthDate: 'm.`birthDate`' } as const;

export async function expectedAttendees(ctx: Context, em: EntityManager, activity: { id?: number; unitId: number; heldOn: string }): Promise<ExpectedAttendee[]> {
  const at = activity.heldOn;
  const order = ctx.config.nameSortOrder.map((p) => NAME_COLUMNS[p]).join(', ');
  const rows: Record<string, unknown>[] = await em.query(
    `WITH RECURSIVE sub (id) AS (
       SELECT ? UNION
       SELECT l.\`unitId\` FROM org_unit_link l JOIN sub ON l.\`parentId\` = sub.id WHERE ${LINK_VALID_AT('l')}
     )
     SELECT m.id AS memberId, m.\`fullName\` AS fullName, a.\`unitId\` AS cellId,
            t.id AS attendanceId, t.present AS present, t.\`absenceReason\` AS absenceReason
       FROM member_assignment a
       JOIN sub ON sub.id = a.\`unitId\`
       JOIN member m ON m.id = a.\`memberId\`
       LEFT JOIN attendance t ON t.\`activityId\` = ? AND t.\`memberId\` = m.id
      WHERE a.kind = ? AND ${LINK_VALID_AT('a')}
      ORDER BY ${order}, m.id`,
    [activity.unitId, at, at, activity.id ?? 0, MembershipKind.OFFICIAL, at, at],
  );
  return rows.map((r) => ({
    memberId: Number(r.memberId),
    fullName: String(r.fullName),
    cellId: Number(r.cellId),
    attendanceId: r.attendanceId == null ? null : Number(r.attendanceId),
    present: r.present == null ? null : Boolean(Number(r.present)),
    absenceReason: (r.absenceReason as string | null) ?? null,
  }));
}
