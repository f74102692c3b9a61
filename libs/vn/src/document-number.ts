/**
 * Party and State document numbers (số, ký hiệu văn bản), domain.md §2.
 *
 * Party style: "<sequence>-<type>/<issuer>", no year ("05-CT/TW").
 * State style: "<sequence>/<year>/<type>-<issuer>" for normative acts
 * ("30/2020/NĐ-CP") and "<sequence>/<type>-<issuer>" otherwise ("439/QĐ-TTg").
 * Numbers are copied by hand from paper, so parsing forgives spacing, odd
 * dashes, letter case and Unicode form, and returns one canonical spelling.
 */
import { compareVietnamese } from './collation';

/** Which numbering convention a number follows. */
export type DocumentSystem = 'PARTY' | 'STATE';

/** A document number split into its parts. */
export interface ParsedDocumentNumber {
  /** Registry sequence as written, leading zeros kept ("05"). */
  sequence: string;
  /** Type abbreviation in canonical spelling ("CT", "TTr"); '' when the number has none (State công văn, laws). */
  typeCode: string;
  /** Issuing body, possibly with a unit suffix ("BTCTW", "UBND-VP"). */
  issuerCode: string;
  /** Year, present only in State normative acts. */
  year?: number;
  system: DocumentSystem;
  /** Canonical spelling, suitable for storage and duplicate detection. */
  normalized: string;
  /** Possible full type names; several when a code is ambiguous (Party "QĐ"), empty when unknown. */
  typeNames: string[];
}

/** A document type and its abbreviation. */
export interface DocumentType {
  code: string;
  name: string;
}

/**
 * Party document types (399-QĐ/TW) with the codes seen in real numbers
 * (domain.md §2.2). "QĐ" stands for both Quyết định and Quy định, so the full
 * type name must be stored separately. The codes for QC, TTr, CTr, TT, TC, QH,
 * ĐA, PA, DA and BB follow State usage and are not confirmed for the Party.
 */
export const DOCUMENT_TYPES: readonly DocumentType[] = Object.freeze([
  { code: 'NQ', name: 'Nghị quyết' },
  { code: 'QĐ', name: 'Quyết định' },
  { code: 'QĐ', name: 'Quy định' },
  { code: 'CT', name: 'Chỉ thị' },
  { code: 'KL', name: 'Kết luận' },
  { code: 'QC', name: 'Quy chế' },
  { code: 'TT', name: 'Thông tri' },
  { code: 'HD', name: 'Hướng dẫn' },
  { code: 'TB', name: 'Thông báo' },
  { code: 'TC', name: 'Thông cáo' },
  { code: 'BC', name: 'Báo cáo' },
  { code: 'KH', name: 'Kế hoạch' },
  { code: 'QH', name: 'Quy hoạch' },
  { code: 'CTr', name: 'Chương trình' },
  { code: 'ĐA', name: 'Đề án' },
  { code: 'PA', name: 'Phương án' },
  { code: 'DA', name: 'Dự án' },
  { code: 'TTr', name: 'Tờ trình' },
  { code: 'CV', name: 'Công văn' },
  { code: 'BB', name: 'Biên bản' },
  { code: 'BS', name: 'Bản sao' },
]);

/**
 * State document types (Nghị định 30/2020/NĐ-CP, Phụ lục III, plus the
 * normative acts). In State usage "TT" is Thông tư and Quy định is "QyĐ".
 * State công văn carry no type code.
 */
export const STATE_DOCUMENT_TYPES: readonly DocumentType[] = Object.freeze([
  { code: 'NQ', name: 'Nghị quyết' },
  { code: 'NĐ', name: 'Nghị định' },
  { code: 'QĐ', name: 'Quyết định' },
  { code: 'CT', name: 'Chỉ thị' },
  { code: 'TT', name: 'Thông tư' },
  { code: 'TTLT', name: 'Thông tư liên tịch' },
  { code: 'QC', name: 'Quy chế' },
  { code: 'QyĐ', name: 'Quy định' },
  { code: 'TC', name: 'Thông cáo' },
  { code: 'TB', name: 'Thông báo' },
  { code: 'HD', name: 'Hướng dẫn' },
  { code: 'CTr', name: 'Chương trình' },
  { code: 'KH', name: 'Kế hoạch' },
  { code: 'PA', name: 'Phương án' },
  { code: 'ĐA', name: 'Đề án' },
  { code: 'DA', name: 'Dự án' },
  { code: 'BC', name: 'Báo cáo' },
  { code: 'BB', name: 'Biên bản' },
  { code: 'TTr', name: 'Tờ trình' },
  { code: 'HĐ', name: 'Hợp đồng' },
  { code: 'CĐ', name: 'Công điện' },
  { code: 'BGN', name: 'Bản ghi nhớ' },
  { code: 'BTT', name: 'Bản thỏa thuận' },
  { code: 'GUQ', name: 'Giấy ủy quyền' },
  { code: 'GM', name: 'Giấy mời' },
  { code: 'GGT', name: 'Giấy giới thiệu' },
  { code: 'GNP', name: 'Giấy nghỉ phép' },
  { code: 'PG', name: 'Phiếu gửi' },
  { code: 'PC', name: 'Phiếu chuyển' },
  { code: 'PB', name: 'Phiếu báo' },
  { code: 'SY', name: 'Bản sao y' },
  { code: 'TS', name: 'Bản trích sao' },
  { code: 'SL', name: 'Bản sao lục' },
]);

/** Name given to a State number without a type code and without a year ("123/UBND-VP"). */
const STATE_LETTER = 'Công văn';

/** Issuer codes that keep lower-case letters in their canonical spelling. */
const MIXED_CASE_CODES = ['TTg'];

function typesOf(system: DocumentSystem): readonly DocumentType[] {
  return system === 'PARTY' ? DOCUMENT_TYPES : STATE_DOCUMENT_TYPES;
}

/** Every spelling of `upper` with some of its D's read as Đ ("QD" → "QĐ"): codes are often typed without Đ. */
function withEths(upper: string): string[] {
  let spellings = [''];
  for (const ch of upper) spellings = spellings.flatMap((s) => (ch === 'D' ? [s + 'D', s + 'Đ'] : [s + ch]));
  return spellings.slice(1);
}

/**
 * Canonical spelling of a known type code of the system, or undefined. A code typed without Đ is read with it when
 * exactly one known code fits ("QD" → "QĐ", "ND" → "NĐ"); a code that is itself known keeps its meaning ("DA" stays
 * Dự án, never Đề án).
 */
function knownTypeCode(code: string, system: DocumentSystem): string | undefined {
  const upper = code.normalize('NFC').toUpperCase();
  const find = (u: string) => typesOf(system).find((t) => t.code.toUpperCase() === u)?.code;
  const exact = find(upper);
  if (exact !== undefined || !upper.includes('D')) return exact;
  const fits = [...new Set(withEths(upper).map(find).filter((c): c is string => c !== undefined))];
  return fits.length === 1 ? fits[0] : undefined;
}

/** Party issuers typed without Đ: "DU" is Đảng ủy, at either end of the code ("DU", "DUK", "UBKTDU"). */
function partyIssuerCode(code: string): string {
  return canonicalCode(code)
    .split('-')
    .map((token, i) => (i === 0 ? token.replace(/^DU/, 'ĐU').replace(/DU$/, 'ĐU') : token))
    .join('-');
}

/**
 * Full names of a type code, sorted; several for an ambiguous code.
 *
 * @example documentTypeNames('QĐ') // ['Quy định', 'Quyết định']
 * @param code - the abbreviation, in any case
 * @param system - the convention; codes differ ("TT" is Thông tri for the Party, Thông tư for the State)
 * @returns the names, empty for an unknown code
 */
export function documentTypeNames(code: string, system: DocumentSystem = 'PARTY'): string[] {
  const canonical = knownTypeCode(code, system);
  if (canonical === undefined) return [];
  return typesOf(system)
    .filter((t) => t.code === canonical)
    .map((t) => t.name)
    .sort(compareVietnamese);
}

/** Upper-cases a code unless it has a known mixed-case spelling ("TTg"). */
function canonicalCode(code: string): string {
  return code
    .split('-')
    .map((token) => MIXED_CASE_CODES.find((c) => c.toUpperCase() === token.toUpperCase()) ?? token.toUpperCase())
    .join('-');
}

/**
 * Issuers that are Party committees or their boards: names ending in TW
 * (Trung ương), TU (Tỉnh/Thành ủy), HU (Huyện ủy), QU (Quận ủy), TXU, TPU,
 * or starting with ĐU (Đảng ủy, Đảng ủy Khối…), and chi bộ (CB). Used to
 * recognise Party numbers typed in the State style ("05/HD-TU").
 */
const PARTY_ISSUER = /^(?:\p{Lu}*(?:TW|TƯ|TU|HU|QU|TXU|TPU)|ĐU\p{Lu}*|CB)$/u;

/** Replaces the look-alike dashes and slashes found in pasted text, and the Eth used for Đ. */
function preclean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/[\u2044\u2215\uff0f]/g, '/')
    .replace(/\u00d0/g, 'Đ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^s[oốô](?:\s*[:.]\s*|\s+|(?=\d))/iu, '') // "Số", "số:", "So "
    .replace(/\s*([-/])\s*/g, '$1');
}

/** Letters and digits in hyphen-joined tokens: "CP", "QH13", "UBND-VP", "TWĐTN-VP". */
const CODE = String.raw`[\p{L}\d]+(?:-[\p{L}\d]+)*`;
const PARTY_FORM = new RegExp(String.raw`^(\d{1,6})-(\p{L}{1,6})/(\p{L}${CODE})$`, 'u');
const STATE_WITH_YEAR = new RegExp(String.raw`^(\d{1,6})/((?:19|20)\d\d)/(${CODE})$`, 'u');
const STATE_NO_YEAR = new RegExp(String.raw`^(\d{1,6})/(${CODE})$`, 'u');

/**
 * Builds the canonical spelling of a document number.
 *
 * @example formatDocumentNumber({ sequence: '05', typeCode: 'CT', issuerCode: 'TW' }) === '05-CT/TW'
 * @param parts - sequence, type and issuer; `year` or `system: 'STATE'` selects the State style
 * @returns "05-CT/TW", "30/2020/NĐ-CP", "439/QĐ-TTg" or, without a type, "123/UBND-VP"
 */
export function formatDocumentNumber(parts: {
  sequence: string;
  typeCode: string;
  issuerCode: string;
  year?: number;
  system?: DocumentSystem;
}): string {
  const { sequence, typeCode, issuerCode, year } = parts;
  const system = parts.system ?? (year === undefined ? 'PARTY' : 'STATE');
  if (system === 'PARTY') return `${sequence}-${typeCode}/${issuerCode}`;
  const tail = typeCode === '' ? issuerCode : `${typeCode}-${issuerCode}`;
  return year === undefined ? `${sequence}/${tail}` : `${sequence}/${year}/${tail}`;
}

function result(sequence: string, typeCode: string, issuerCode: string, system: DocumentSystem, year?: number): ParsedDocumentNumber {
  const typeNames = typeCode === '' ? (system === 'STATE' && year === undefined ? [STATE_LETTER] : []) : documentTypeNames(typeCode, system);
  const parsed: ParsedDocumentNumber = { sequence, typeCode, issuerCode, system, normalized: '', typeNames };
  if (year !== undefined) parsed.year = year;
  parsed.normalized = formatDocumentNumber(parsed);
  return parsed;
}

/**
 * Parses a Party or State document number, leniently.
 *
 * Accepts a leading "Số"/"So" (with or without a colon), spaces around the
 * separators, any dash look-alike, NFD input and lower-case codes. A Party
 * number typed in the State style ("05/HD-TU") is recognised by its Party
 * issuer and returned in Party form.
 *
 * @example parseDocumentNumber('Số 05-CT/TW')?.normalized === '05-CT/TW'
 * @param text - the number as typed or pasted
 * @returns the parts, or null when the text is not a document number
 */
export function parseDocumentNumber(text: string): ParsedDocumentNumber | null {
  const s = preclean(text);

  const party = PARTY_FORM.exec(s);
  if (party) {
    const [, sequence, type, issuer] = party;
    return result(sequence, knownTypeCode(type, 'PARTY') ?? canonicalCode(type), partyIssuerCode(issuer), 'PARTY');
  }

  const withYear = STATE_WITH_YEAR.exec(s);
  if (withYear) {
    const [, sequence, year, rest] = withYear;
    const tokens = rest.split('-');
    // A single token is an issuer without type, as in laws ("15/2012/QH13").
    if (tokens.length === 1) return result(sequence, '', canonicalCode(rest), 'STATE', Number(year));
    const type = knownTypeCode(tokens[0], 'STATE') ?? canonicalCode(tokens[0]);
    return result(sequence, type, canonicalCode(tokens.slice(1).join('-')), 'STATE', Number(year));
  }

  const noYear = STATE_NO_YEAR.exec(s);
  if (noYear) {
    const [, sequence, rest] = noYear;
    const tokens = rest.split('-');
    if (tokens.length < 2) return null;
    const issuer = canonicalCode(tokens.slice(1).join('-'));
    const partyType = knownTypeCode(tokens[0], 'PARTY');
    const asParty = partyIssuerCode(issuer);
    if (partyType !== undefined && PARTY_ISSUER.test(asParty)) return result(sequence, partyType, asParty, 'PARTY');
    const stateType = knownTypeCode(tokens[0], 'STATE');
    if (stateType !== undefined) return result(sequence, stateType, issuer, 'STATE');
    // State công văn: "<n>/<issuer>-<drafting unit>", no type code.
    return /^\p{L}/u.test(tokens[0]) ? result(sequence, '', canonicalCode(rest), 'STATE') : null;
  }
  return null;
}
