/**
 * Who is rated and as what (Quy định 366-QĐ/TW, Điều 5(2) and Điều 11): pure rules, table-tested in
 * evaluation.rules.spec.ts.
 */
import { Level, MemberStatus, OrgUnitKind, PositionTitle, SubjectKind } from '@dangbo/shared-types';

/** Statuses whose holders are not rated: exempted from work and activities, suspended, and those no longer members here. */
export const NOT_RATED_STATUSES: readonly MemberStatus[] = [
  MemberStatus.EXEMPTED,
  MemberStatus.SUSPENDED,
  MemberStatus.TRANSFERRED_OUT,
  MemberStatus.DECEASED,
  MemberStatus.REMOVED,
];

/** A member admitted less than this many months before the period's end is not rated yet. */
export const MIN_MONTHS_ADMITTED = 6;

/** Posts that make their holder a leader (rated on Phụ lục 3 as LEADER), most senior first. */
export const LEADERSHIP_TITLES: readonly PositionTitle[] = [
  PositionTitle.SECRETARY,
  PositionTitle.DEPUTY_SECRETARY,
  PositionTitle.STANDING_COMMITTEE_MEMBER,
  PositionTitle.INSPECTION_CHAIR,
  PositionTitle.HEAD,
  PositionTitle.DEPUTY_HEAD,
];

/** Party organisations rated as collectives: every cell and committee (not the Front or the mass organisations). */
export const COLLECTIVE_KINDS: readonly OrgUnitKind[] = [
  OrgUnitKind.PROVINCE_COMMITTEE,
  OrgUnitKind.DISTRICT_COMMITTEE,
  OrgUnitKind.COMMUNE_COMMITTEE,
  OrgUnitKind.GRASSROOTS_COMMITTEE,
  OrgUnitKind.GRASSROOTS_CELL,
  OrgUnitKind.SUB_COMMITTEE,
  OrgUnitKind.CELL,
];

const pad = (n: number) => String(n).padStart(2, '0');

/** `iso` moved back by whole months; a day past the target month's end falls on its last day (31 Aug − 6 = 28/29 Feb). */
export function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

export type Ineligibility = 'STATUS' | 'RECENTLY_ADMITTED';

/**
 * Whether a member is rated in a period ending on `periodEnd`, from their status on that day and their admission:
 * not when exempted, suspended or no longer a member, nor when admitted less than six months before the end
 * (admitted on the day six months before counts as six months). A probationary member admitted earlier is rated.
 */
export function eligibility(m: { status: MemberStatus; admittedOn: string | null }, periodEnd: string): { rated: true } | { rated: false; why: Ineligibility } {
  if (NOT_RATED_STATUSES.includes(m.status)) return { rated: false, why: 'STATUS' };
  if (m.admittedOn && m.admittedOn > admittedBy(periodEnd)) return { rated: false, why: 'RECENTLY_ADMITTED' };
  return { rated: true };
}

/** The latest admission date rated in a period ending on `periodEnd` (kept for the next call: a job asks per member). */
let lastCutoff = { periodEnd: '', date: '' };
function admittedBy(periodEnd: string): string {
  if (lastCutoff.periodEnd !== periodEnd) lastCutoff = { periodEnd, date: monthsBefore(periodEnd, MIN_MONTHS_ADMITTED) };
  return lastCutoff.date;
}

/** The framework a member is rated on: LEADER while holding a leadership post, else in or outside the political system. */
export function memberSubjectKind(m: { leader: boolean; inPoliticalSystem: boolean }): SubjectKind {
  if (m.leader) return SubjectKind.LEADER;
  return m.inPoliticalSystem ? SubjectKind.MEMBER_IN_SYSTEM : SubjectKind.MEMBER_OUTSIDE_SYSTEM;
}

/** The most senior leadership post among `posts` (null when none is one). */
export function seniorPost<T extends { title: PositionTitle }>(posts: readonly T[]): T | null {
  let best: T | null = null;
  for (const p of posts) {
    const rank = LEADERSHIP_TITLES.indexOf(p.title);
    if (rank >= 0 && (best === null || rank < LEADERSHIP_TITLES.indexOf(best.title))) best = p;
  }
  return best;
}

export const memberKey = (id: number) => `M:${id}`;
export const unitKey = (id: number) => `U:${id}`;

/** Entered values of a step: those given replace the previous step's, key by key (a step may change only some). */
export function mergeValues<T>(previous: Record<string, T> | null | undefined, given: Record<string, T> | null | undefined): Record<string, T> {
  return { ...(previous ?? {}), ...(given ?? {}) };
}

/** Khiển trách (1) or above in the period: the level ends NOT_COMPLETED unless the decision gives a reason. */
export function disciplineNeedsReason(metrics: Record<string, number> | null | undefined, level: Level, reason: string | null | undefined): boolean {
  return (metrics?.discipline_level ?? 0) >= 1 && level !== Level.NOT_COMPLETED && !(reason ?? '').trim();
}
