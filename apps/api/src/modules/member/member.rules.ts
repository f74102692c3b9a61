/**
 * Validation of a member's fields, before anything is written. Each failure names the field and says in
 * Vietnamese what is wrong, so the panel can show it next to the input.
 */
import { Gender, MemberStatus } from '@dangbo/shared-types';
import { cleanText, foldForSearch, joinFullName, nameSortKeys, splitFullName, yearsBetween } from '@dangbo/vn';
import { BadInputError } from '../../core/errors';
import { longText, optionalText, parseOptionalDate, requiredText } from '../../core/input';
import { MemberFieldsArgs } from './member.input';

export interface MemberDraft {
  fullName: string;
  familyName: string;
  middleName: string;
  givenName: string;
  namePartsOverridden: boolean;
  gender: Gender;
  birthDate: string | null;
  cardNumber: string | null;
  recordNumber: string | null;
  citizenId: string | null;
  admittedOn: string | null;
  officialOn: string | null;
  status: MemberStatus;
  note: string | null;
}

const CARD = /^[0-9A-Z.\-/]{4,20}$/;
const RECORD = /^[0-9]{6}[A-ZĐ]{1,3}$/;
const CITIZEN_ID = /^([0-9]{9}|[0-9]{12})$/;
/** Party admission requires the applicant to be 18 (Điều lệ Đảng, Điều 1). */
const MIN_ADMISSION_AGE = 18;

function code(field: string, value: string | null | undefined, pattern: RegExp, label: string, hint: string): string | null | undefined {
  const text = optionalText(field, value, label, 20);
  if (text === undefined || text === null) return text;
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!pattern.test(compact)) throw new BadInputError(field, `${label} "${text}" không hợp lệ: ${hint}`);
  return compact;
}

/** Applies the changes in `args` to `current` (or to an empty member) and checks the whole result. */
export function buildMemberDraft(
  current: MemberDraft | null,
  args: MemberFieldsArgs & { fullName?: string; gender?: Gender; status?: MemberStatus },
  today: string,
): MemberDraft {
  const fullName = args.fullName !== undefined ? requiredText('fullName', args.fullName, 'Họ và tên', 200) : current?.fullName;
  if (!fullName) throw new BadInputError('fullName', 'Họ và tên không được để trống');

  const auto = splitFullName(fullName);
  const given = {
    family: args.familyName != null ? cleanText(args.familyName) : undefined,
    middle: args.middleName != null ? cleanText(args.middleName) : undefined,
    given: args.givenName != null ? cleanText(args.givenName) : undefined,
  };
  // The panel sends every field back on save: parts equal to the automatic split are not an override.
  const overridden =
    (given.family !== undefined && given.family !== auto.family) ||
    (given.middle !== undefined && given.middle !== auto.middle) ||
    (given.given !== undefined && given.given !== auto.given);
  const parts = overridden ? { family: given.family ?? auto.family, middle: given.middle ?? auto.middle, given: given.given ?? auto.given } : auto;
  if (overridden) {
    if (!parts.given) throw new BadInputError('givenName', 'Tên không được để trống');
    if (cleanText(joinFullName(parts)) !== fullName) {
      throw new BadInputError('givenName', `Họ, tên đệm và tên phải ghép lại đúng họ và tên "${fullName}"`);
    }
  }

  const pick = <K extends keyof MemberDraft>(key: K, parsed: MemberDraft[K] | undefined): MemberDraft[K] =>
    parsed !== undefined ? parsed : ((current?.[key] ?? null) as MemberDraft[K]);

  const draft: MemberDraft = {
    fullName,
    familyName: parts.family,
    middleName: parts.middle,
    givenName: parts.given,
    namePartsOverridden: overridden,
    gender: args.gender ?? current?.gender ?? Gender.MALE,
    birthDate: pick('birthDate', parseOptionalDate('birthDate', args.birthDate, 'Ngày sinh')),
    cardNumber: pick('cardNumber', code('cardNumber', args.cardNumber, CARD, 'Số thẻ đảng viên', 'chỉ gồm chữ số (4–20 ký tự)')),
    recordNumber: pick('recordNumber', code('recordNumber', args.recordNumber, RECORD, 'Số lý lịch', '6 chữ số và 1–3 chữ cái, ví dụ 123456BT')),
    citizenId: pick('citizenId', code('citizenId', args.citizenId, CITIZEN_ID, 'Số CCCD', '12 chữ số (hoặc 9 chữ số CMND cũ)')),
    admittedOn: pick('admittedOn', parseOptionalDate('admittedOn', args.admittedOn, 'Ngày vào Đảng')),
    officialOn: pick('officialOn', parseOptionalDate('officialOn', args.officialOn, 'Ngày chính thức')),
    status: args.status ?? current?.status ?? MemberStatus.PROBATIONARY,
    note: pick('note', longText('note', args.note, 'Ghi chú', 1000)),
  };
  if (args.status === undefined && !current) draft.status = draft.officialOn ? MemberStatus.OFFICIAL : MemberStatus.PROBATIONARY;
  checkDates(draft, today);
  return draft;
}

function checkDates(d: MemberDraft, today: string): void {
  if (d.birthDate && d.birthDate > today) throw new BadInputError('birthDate', 'Ngày sinh không được sau ngày hôm nay');
  if (d.admittedOn && d.admittedOn > today) throw new BadInputError('admittedOn', 'Ngày vào Đảng không được sau ngày hôm nay');
  if (d.officialOn && d.officialOn > today) throw new BadInputError('officialOn', 'Ngày chính thức không được sau ngày hôm nay');
  if (d.officialOn && !d.admittedOn) throw new BadInputError('admittedOn', 'Cần có ngày vào Đảng trước khi ghi ngày chính thức');
  if (d.officialOn && d.admittedOn && d.officialOn < d.admittedOn) {
    throw new BadInputError('officialOn', 'Ngày chính thức không được trước ngày vào Đảng');
  }
  if (d.birthDate && d.admittedOn && yearsBetween(d.birthDate, d.admittedOn) < MIN_ADMISSION_AGE) {
    throw new BadInputError('admittedOn', `Người vào Đảng phải đủ ${MIN_ADMISSION_AGE} tuổi vào ngày kết nạp`);
  }
  if (d.status === MemberStatus.OFFICIAL && !d.officialOn) {
    throw new BadInputError('officialOn', 'Đảng viên chính thức cần có ngày chính thức');
  }
}

/** Columns derived from the draft: sort keys per name part and the folded search text. */
export function derivedColumns(d: MemberDraft) {
  return {
    ...nameSortKeys({ family: d.familyName, middle: d.middleName, given: d.givenName }),
    searchText: foldForSearch([d.fullName, d.cardNumber, d.citizenId].filter(Boolean).join(' ')),
  };
}
