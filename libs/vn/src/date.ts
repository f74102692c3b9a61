/**
 * Dates as Vietnamese documents write them.
 *
 * Calendar dates travel as ISO 'YYYY-MM-DD' strings and are never converted
 * through a Date, because `new Date('2017-02-15')` is UTC midnight and shows as
 * the 14th in any timezone west of Greenwich. Instants (Date objects and ISO
 * date-times) are read in Vietnam time, UTC+7 all year (no daylight saving).
 */

/** Vietnam's offset from UTC; fixed since 1975, no daylight saving. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;
/** Day/month/year with '/', '-' or '.' (all seen in typed dates), 1- or 2-digit day and month. */
const VIETNAMESE_DATE = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function formatIso({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Whether the parts name a real day of the Gregorian calendar (e.g. no 29/02/2023). */
function isRealDate({ year, month, day }: CalendarDate): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; Date.UTC handles leap years.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseIso(text: string): CalendarDate | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isRealDate(date) ? date : null;
}

/**
 * Whether a string is a real calendar date in ISO 'YYYY-MM-DD' form.
 *
 * @param text - candidate string
 * @returns true for '2024-02-29', false for '2023-02-29' or '2024-2-9'
 */
export function isValidIsoDate(text: string): boolean {
  return parseIso(text) !== null;
}

/**
 * The calendar date of an instant in Vietnam.
 *
 * @param instant - a point in time
 * @returns the ISO date in UTC+7
 * @throws RangeError for an invalid Date
 */
export function isoDateInVietnam(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Reads a Date or an ISO string as a calendar date, see the module comment for the rules. */
function toCalendar(d: Date | string): CalendarDate {
  if (d instanceof Date) return parseIso(isoDateInVietnam(d)) as CalendarDate;
  const text = d.trim();
  const date = parseIso(text) ?? (ISO_DATE_TIME.test(text) ? parseIso(isoDateInVietnam(new Date(text))) : null);
  if (date === null) throw new RangeError(`Not an ISO date: "${d}"`);
  return date;
}

/**
 * Formats a date as dd/mm/yyyy.
 *
 * @example formatDate('2017-02-15') === '15/02/2017'
 * @param d - an ISO date (taken as a calendar date), an ISO date-time or a Date (read in Vietnam time)
 * @returns the formatted date
 * @throws RangeError when the input is not a valid date
 */
export function formatDate(d: Date | string): string {
  const { year, month, day } = toCalendar(d);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/**
 * Formats a date as written in the heading of an official document. Following
 * the Party and State presentation rules (36-HD/VPTW, Nghị định 30/2020/NĐ-CP),
 * a day below 10 and the months January and February get a leading zero, other
 * months do not: "ngày 05 tháng 02 năm 2017", "ngày 15 tháng 3 năm 2018".
 *
 * @param d - as for {@link formatDate}
 * @returns e.g. "ngày 15 tháng 02 năm 2017"
 * @throws RangeError when the input is not a valid date
 */
export function formatDateLong(d: Date | string): string {
  const { year, month, day } = toCalendar(d);
  // The rule's purpose: nobody can turn "tháng 1" or "tháng 2" into "tháng 11"/"tháng 12" by adding a digit.
  const monthText = month < 3 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/**
 * Parses a date typed as d/m/yyyy (also with '-' or '.'), or already in ISO form.
 *
 * @example parseVietnameseDate('15/02/2017') === '2017-02-15'
 * @param text - the typed date
 * @returns the ISO date, or null when the text is not a real calendar date
 */
export function parseVietnameseDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = parseIso(trimmed);
  if (iso) return formatIso(iso);
  const m = VIETNAMESE_DATE.exec(trimmed);
  if (!m) return null;
  const date = { year: Number(m[4]), month: Number(m[3]), day: Number(m[1]) };
  return isRealDate(date) ? formatIso(date) : null;
}

/**
 * Whole years from one date to another, as for party age (tuổi Đảng) or age.
 * A person born on 29 February completes a year on 1 March in common years.
 *
 * @example yearsBetween('2010-05-20', '2025-05-19') === 14
 * @param fromIso - the earlier ISO date
 * @param toIso - the later ISO date; if it is earlier the result is negative
 * @returns the number of complete years, truncated toward zero
 * @throws RangeError when either argument is not a valid ISO date
 */
export function yearsBetween(fromIso: string, toIso: string): number {
  const from = parseIso(fromIso);
  const to = parseIso(toIso);
  if (!from || !to) throw new RangeError(`Not an ISO date: "${from ? toIso : fromIso}"`);
  if (toIso < fromIso) {
    const back = yearsBetween(toIso, fromIso);
    return back === 0 ? 0 : -back; // avoid -0, which prints and compares oddly
  }
  const beforeAnniversary = to.month < from.month || (to.month === from.month && to.day < from.day);
  return to.year - from.year - (beforeAnniversary ? 1 : 0);
}

/**
 * Today's date in Vietnam, whatever the server's timezone.
 *
 * @param now - the current instant (injectable for tests)
 * @returns the ISO date in UTC+7
 */
export function todayIso(now: Date = new Date()): string {
  return isoDateInVietnam(now);
}

/**
 * The day before an ISO date: the last day of a state that ends on `iso` (validTo is exclusive everywhere).
 *
 * @param iso - an ISO date (YYYY-MM-DD)
 * @returns the ISO date one day earlier
 */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
