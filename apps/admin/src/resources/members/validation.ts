/**
 * Client-side rules of the member form, the same as the API's (member.rules.ts) so most mistakes are caught before
 * saving; messages are translation keys. The API remains the authority: what it refuses still lands on the field.
 */
import { MemberStatus } from '@dangbo/shared-types';
import { isValidIsoDate, todayIso, yearsBetween } from '@dangbo/vn';

/** Party admission requires the applicant to be 18 (Điều lệ Đảng, Điều 1). */
export const MIN_ADMISSION_AGE = 18;

export interface MemberValues {
  birthDate?: string | null;
  admittedOn?: string | null;
  officialOn?: string | null;
  status?: string | null;
  [key: string]: unknown;
}

type Message = string | { message: string; args: Record<string, unknown> } | undefined;

const isDate = (v: unknown): v is string => typeof v === 'string' && isValidIsoDate(v);

export const notInFuture = (message: string, today: () => string = todayIso) => (value: unknown): Message =>
  isDate(value) && value > today() ? message : undefined;

export const validateBirthDate = notInFuture('app.validation.birth_in_future');

/** Rules of the admission date; `today` is injectable for tests (react-admin passes other things as a 3rd argument). */
export const admittedOnValidator = (today: () => string = todayIso) => (value: unknown, values: MemberValues): Message => {
  if (!isDate(value)) return isDate(values.officialOn) ? 'app.validation.official_without_admitted' : undefined;
  if (value > today()) return 'app.validation.admitted_in_future';
  if (isDate(values.birthDate) && yearsBetween(values.birthDate, value) < MIN_ADMISSION_AGE) {
    return { message: 'app.validation.admitted_too_young', args: { age: MIN_ADMISSION_AGE } };
  }
  return undefined;
};

/** Rules of the official date (after admission, present for an official member). */
export const officialOnValidator = (today: () => string = todayIso) => (value: unknown, values: MemberValues): Message => {
  if (!isDate(value)) return values.status === MemberStatus.OFFICIAL ? 'app.validation.official_needs_date' : undefined;
  if (value > today()) return 'app.validation.official_in_future';
  if (isDate(values.admittedOn) && value < values.admittedOn) return 'app.validation.official_before_admitted';
  return undefined;
};

export const validateAdmittedOn = admittedOnValidator();
export const validateOfficialOn = officialOnValidator();

/** 12 digits (CCCD), or 9 for an old CMND; spaces are ignored as the API ignores them. */
export function validateCitizenId(value: unknown): Message {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return /^(\d{9}|\d{12})$/.test(value.replace(/\s+/g, '')) ? undefined : 'app.validation.citizen_id';
}
