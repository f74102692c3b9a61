/**
 * Vietnamese personal names: splitting into họ / tên đệm / tên and the
 * official ordering of people lists (domain.md §5.1).
 */
import { compareVietnamese, vietnameseSortKey } from './collation';
import { cleanText } from './text';

/** A full name split into family name (họ), middle name (tên đệm) and given name (tên). */
export interface NameParts {
  family: string;
  middle: string;
  given: string;
}

/** A key that people lists can be ordered by. */
export type NameSortPart = 'given' | 'family' | 'middle' | 'birthDate';

/**
 * Ballot order: given name A→Z, then family, then middle, then date of birth
 * (older first), as in the election rules cited in domain.md §5.1.
 */
export const DEFAULT_NAME_SORT_ORDER: readonly NameSortPart[] = Object.freeze(['given', 'family', 'middle', 'birthDate']);

/** Anything with a name split into parts and an optional date of birth, as ISO 'YYYY-MM-DD'. */
export interface NamedMember {
  family: string;
  middle: string;
  given: string;
  birthDate?: string | null;
}

/**
 * Splits a full name by position: the first word is the family name, the last
 * word the given name, and everything between the middle name. Compound
 * family names ("Tôn Nữ", "Âu Dương") cannot be told apart from middle names
 * by rule, so they are fixed by a manual override stored with the person.
 *
 * @example splitFullName('Nguyễn Thị Minh Khai') // { family: 'Nguyễn', middle: 'Thị Minh', given: 'Khai' }
 * @param fullName - the name as typed; it is cleaned first
 * @returns the parts; a single word is a given name only, and '' gives three empty parts
 */
export function splitFullName(fullName: string): NameParts {
  const cleaned = cleanText(fullName);
  if (cleaned === '') return { family: '', middle: '', given: '' };
  const words = cleaned.split(' ');
  if (words.length === 1) return { family: '', middle: '', given: words[0] };
  return { family: words[0], middle: words.slice(1, -1).join(' '), given: words[words.length - 1] };
}

/**
 * Joins name parts back into a full name, skipping empty parts.
 *
 * @param parts - family, middle and given name; missing parts count as empty
 * @returns the cleaned full name, the inverse of {@link splitFullName}
 */
export function joinFullName(parts: Partial<NameParts>): string {
  return [parts.family, parts.middle, parts.given]
    .map((part) => cleanText(part ?? ''))
    .filter((part) => part !== '')
    .join(' ');
}

/** Sort-key columns stored next to a person's name parts. */
export interface NameSortKeys {
  sortGiven: string;
  sortFamily: string;
  sortMiddle: string;
}

/**
 * Computes the three stored sort columns. The database orders by them in the
 * configured {@link NameSortPart} order with a binary collation.
 *
 * @param parts - the name parts; each is cleaned before keying
 * @returns {@link vietnameseSortKey} of each part
 */
export function nameSortKeys(parts: NameParts): NameSortKeys {
  return {
    sortGiven: vietnameseSortKey(cleanText(parts.given)),
    sortFamily: vietnameseSortKey(cleanText(parts.family)),
    sortMiddle: vietnameseSortKey(cleanText(parts.middle)),
  };
}

/** Older people first; an unknown date of birth sorts after every known one. */
function compareBirthDates(a: string | null | undefined, b: string | null | undefined): number {
  if (!a) return b ? 1 : 0;
  if (!b) return -1;
  // ISO dates compare chronologically as strings.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Compares two people for in-memory lists, in the same order the database
 * produces from the stored sort keys.
 *
 * @param a - first person
 * @param b - second person
 * @param order - the keys to compare by, in priority order
 * @returns negative if a comes first, positive if b comes first, 0 if tied on every key
 */
export function compareMembersByName(a: NamedMember, b: NamedMember, order: readonly NameSortPart[] = DEFAULT_NAME_SORT_ORDER): number {
  for (const part of order) {
    const result = part === 'birthDate' ? compareBirthDates(a.birthDate, b.birthDate) : compareVietnamese(cleanText(a[part]), cleanText(b[part]));
    if (result !== 0) return result;
  }
  return 0;
}

/**
 * Parses a configured sort order such as "given,family,middle,birthDate".
 * Parts are separated by commas (spaces are ignored) and matched without
 * regard to case. Parts left out are appended in the default order, so every
 * order is total.
 *
 * @param text - comma-separated parts; '' gives the default order
 * @returns all four parts in priority order
 * @throws Error naming the offending part when a part is unknown or repeated
 */
export function parseNameSortOrder(text: string): NameSortPart[] {
  const result: NameSortPart[] = [];
  for (const raw of text.split(',')) {
    const token = raw.trim();
    if (token === '') continue;
    const part = DEFAULT_NAME_SORT_ORDER.find((p) => p.toLowerCase() === token.toLowerCase());
    if (part === undefined) {
      throw new Error(`Unknown name sort part "${token}"; expected one of ${DEFAULT_NAME_SORT_ORDER.join(', ')}`);
    }
    if (result.includes(part)) throw new Error(`Name sort part "${part}" is listed more than once in "${text}"`);
    result.push(part);
  }
  for (const part of DEFAULT_NAME_SORT_ORDER) if (!result.includes(part)) result.push(part);
  return result;
}
