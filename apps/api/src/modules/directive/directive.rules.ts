/**
 * Pure arithmetic of the directive report and the rating metrics: rates as numbers and as the report writes them
 * ("94,18%", "75,4%": two decimals, half-up, no trailing zero, libs/vn), sums and splits of fetched rows, and the
 * severity order of discipline. No I/O: the services fetch rows and hand them here.
 */
import { DisciplineLevel, RecordSubject } from '@dangbo/shared-types';
import { formatPercent, percentOf } from '@dangbo/vn';

/** A part of a whole: 178 of 189 → 94.18, "94,18%". No whole → no rate, "—". */
export interface RateFigure {
  part: number;
  whole: number;
  rate: number | null;
  text: string;
}

export function rateOf(part: number, whole: number): RateFigure {
  return { part, whole, rate: percentOf(part, whole, 2), text: formatPercent(part, whole, 2, { trimZeros: true }) };
}

/**
 * A conference's attendance: present of expected. A sheet never filled (no mark at all) has no rate rather than
 * 0%: nobody recorded who came.
 */
export function conferenceAttendance(present: number, marked: number, expected: number): RateFigure {
  if (marked === 0) return { part: 0, whole: expected, rate: null, text: '—' };
  return rateOf(present, expected);
}

export interface OutreachRow {
  unitId: number;
  reachedCount: number;
  headCount: number;
}

/**
 * Outreach per organisation and in all: reached over head counts, each organisation counted once per row (two rows
 * for one organisation, e.g. two rounds, add up within it).
 */
export function outreachTotals<R extends OutreachRow>(rows: readonly R[]): { total: RateFigure; byUnit: { unitId: number; figure: RateFigure }[] } {
  const byUnit = new Map<number, { reached: number; head: number }>();
  for (const r of rows) {
    const acc = byUnit.get(r.unitId) ?? { reached: 0, head: 0 };
    acc.reached += r.reachedCount;
    acc.head += r.headCount;
    byUnit.set(r.unitId, acc);
  }
  const reached = rows.reduce((s, r) => s + r.reachedCount, 0);
  const head = rows.reduce((s, r) => s + r.headCount, 0);
  return { total: rateOf(reached, head), byUnit: [...byUnit].map(([unitId, a]) => ({ unitId, figure: rateOf(a.reached, a.head) })) };
}

export interface SplitCount {
  total: number;
  collective: number;
  individual: number;
}

/** Records about a unit (collective) or a member (individual). */
export function splitBySubject(rows: readonly { subject: RecordSubject | string }[]): SplitCount {
  const collective = rows.filter((r) => r.subject === RecordSubject.COLLECTIVE).length;
  return { total: rows.length, collective, individual: rows.length - collective };
}

/** Propaganda items: about a member is individual, about a unit collective, else neither (a column, a bulletin). */
export function splitPropaganda(rows: readonly { subjectMemberId: number | null; subjectUnitId: number | null }[]): SplitCount {
  return {
    total: rows.length,
    individual: rows.filter((r) => r.subjectMemberId !== null).length,
    collective: rows.filter((r) => r.subjectUnitId !== null).length,
  };
}

/** Counts per value, in the order the values are first listed in `order` (zero counts kept). */
export function countBy<T extends string>(values: readonly (T | null)[], order: readonly T[]): { value: T; count: number }[] {
  return order.map((value) => ({ value, count: values.filter((v) => v === value).length }));
}

/** discipline_level: 0 none, 1 khiển trách, 2 cảnh cáo, 3 cách chức, 4 khai trừ (the engine's catalogue). */
const SEVERITY: Record<DisciplineLevel, number> = {
  [DisciplineLevel.KHIEN_TRACH]: 1,
  [DisciplineLevel.CANH_CAO]: 2,
  [DisciplineLevel.CACH_CHUC]: 3,
  [DisciplineLevel.KHAI_TRU]: 4,
};

export function disciplineLevel(levels: readonly (DisciplineLevel | string)[]): number {
  return levels.reduce((max, l) => Math.max(max, SEVERITY[l as DisciplineLevel] ?? 0), 0);
}

/** Year × 100 + month of an ISO date: study entries are monthly, so a period covers the months it touches. */
export function yearMonth(iso: string): number {
  return Number(iso.slice(0, 4)) * 100 + Number(iso.slice(5, 7));
}

/** A period given as dates: `to` may not be before `from`. Returns the error's field, or null when fine. */
export function periodError(from: string, to: string): string | null {
  return to < from ? 'to' : null;
}

/** Metrics named as in the engine's catalogue (libs/rating-engine variables.ts). */
export interface SubjectMetricValues {
  attendance_rate: number | null;
  meetings_held: number;
  study_registered: number;
  study_months_reported: number;
  study_generic_count: number;
  commendations: number;
  discipline_level: number;
}

export const METRIC_NAMES = ['attendance_rate', 'meetings_held', 'study_registered', 'study_months_reported', 'study_generic_count', 'commendations', 'discipline_level'] as const;

/** The values handed to the engine: a rate with nothing to count against (no meeting) is left out, not 0. */
export function engineValues(m: SubjectMetricValues): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of METRIC_NAMES) {
    const value = m[name];
    if (value !== null) out[name] = value;
  }
  return out;
}
