/**
 * Dated member statuses (member_status): who was probationary, official, exempted or suspended on a date. The
 * member row keeps today's status; these spans keep the history the year-end rating reads (evaluation/eligibility).
 */
import { MemberStatus } from '@dangbo/shared-types';
import { EntityManager, IsNull } from 'typeorm';
import { BadInputError } from '../../core/errors';
import { MemberStatusEntity } from './member-status.entity';

export interface StatusSpan {
  status: MemberStatus;
  validFrom: string;
  validTo: string | null;
}

const ACTIVE: readonly MemberStatus[] = [MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL];

/**
 * The spans a new member starts with, from what the record says: probationary from admission until made official,
 * official since. A status other than those two is known only from `today` (the clerk may date it with statusFrom).
 */
export function initialStatusSpans(m: { status: MemberStatus; admittedOn: string | null; officialOn: string | null }, today: string): StatusSpan[] {
  const spans: StatusSpan[] = [];
  const start = m.admittedOn ?? today;
  if (m.admittedOn && m.officialOn && m.officialOn > m.admittedOn) spans.push({ status: MemberStatus.PROBATIONARY, validFrom: m.admittedOn, validTo: m.officialOn });
  const activeFrom = m.officialOn && m.officialOn > start ? m.officialOn : start;
  const active = m.officialOn ? MemberStatus.OFFICIAL : MemberStatus.PROBATIONARY;
  if (ACTIVE.includes(m.status)) {
    spans.push({ status: m.status === MemberStatus.PROBATIONARY ? m.status : active, validFrom: activeFrom, validTo: null });
  } else {
    if (activeFrom < today) spans.push({ status: active, validFrom: activeFrom, validTo: today });
    spans.push({ status: m.status, validFrom: activeFrom < today ? today : activeFrom, validTo: null });
  }
  // A probationary span closed by "made official" must be followed by official, even when the current one is too.
  return spans.filter((s) => s.validTo === null || s.validTo > s.validFrom);
}

export async function insertInitialStatuses(em: EntityManager, memberId: number, spans: StatusSpan[]): Promise<void> {
  if (spans.length) await em.insert(MemberStatusEntity, spans.map((s) => ({ ...s, memberId, note: null })));
}

/** Closes the open span on `from` and opens one with `status`; a change dated before the open span began is refused. */
export async function changeStatus(em: EntityManager, memberId: number, status: MemberStatus, from: string): Promise<void> {
  const open = await em.findOne(MemberStatusEntity, { where: { memberId, validTo: IsNull() }, order: { validFrom: 'DESC' } });
  if (open?.status === status) return;
  if (open) {
    if (open.validFrom > from) throw new BadInputError('statusFrom', `Ngày đổi tình trạng phải từ ${open.validFrom} (ngày bắt đầu tình trạng hiện tại) trở đi`);
    if (open.validFrom === from) {
      await em.update(MemberStatusEntity, { id: open.id }, { status });
      return;
    }
    await em.update(MemberStatusEntity, { id: open.id }, { validTo: from });
  }
  await em.insert(MemberStatusEntity, { memberId, status, validFrom: from, validTo: null, note: null });
}

export async function deleteStatuses(em: EntityManager, memberId: number): Promise<void> {
  await em.delete(MemberStatusEntity, { memberId });
}
