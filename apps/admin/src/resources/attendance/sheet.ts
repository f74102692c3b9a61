/**
 * The attendance sheet of one meeting, as pure data: every expected member with a mark (present, or absent with a
 * reason). A member never marked yet starts present, the common case, so a clerk only touches the absent ones.
 */

/** One row of `expectedAttendees(activityId)`. */
export interface ExpectedAttendee {
  memberId: string;
  fullName: string;
  cellId: string;
  attendanceId: string | null;
  present: boolean | null;
  absenceReason: string | null;
}

export interface SheetRow {
  memberId: string;
  fullName: string;
  present: boolean;
  reason: string;
}

export const initialRows = (expected: readonly ExpectedAttendee[]): SheetRow[] =>
  expected.map((e) => ({ memberId: String(e.memberId), fullName: e.fullName, present: e.present ?? true, reason: e.absenceReason ?? '' }));

/** Whether the sheet was ever saved (some member carries a stored mark). */
export const wasSaved = (expected: readonly ExpectedAttendee[]) => expected.some((e) => e.attendanceId !== null);

export const toggled = (rows: readonly SheetRow[], index: number): SheetRow[] => rows.map((r, i) => (i === index ? { ...r, present: !r.present } : r));

export const withReason = (rows: readonly SheetRow[], index: number, reason: string): SheetRow[] => rows.map((r, i) => (i === index ? { ...r, reason } : r));

/** Indexes of absent rows without a reason: the API refuses them, so the screen stops there first. */
export const missingReasons = (rows: readonly SheetRow[]): number[] =>
  rows.flatMap((r, i) => (!r.present && r.reason.trim() === '' ? [i] : []));

/** The `entries` argument of saveAttendance: a reason only for the absent. */
export const entriesOf = (rows: readonly SheetRow[]) =>
  rows.map((r) => ({ memberId: r.memberId, present: r.present, absenceReason: r.present ? null : r.reason.trim() }));

export const countPresent = (rows: readonly SheetRow[]) => rows.filter((r) => r.present).length;

/** The row an API refusal names (`entries.3.absenceReason`), if any. */
export function rowOfField(field: unknown): number | null {
  const match = typeof field === 'string' ? /^entries\.(\d+)\./.exec(field) : null;
  return match ? Number(match[1]) : null;
}
