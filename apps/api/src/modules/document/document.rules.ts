/**
 * Pure rules of a document's number, type and identity (domain.md §2): the number is parsed leniently and stored in
 * its canonical spelling; the full type name is the user's choice where the code is ambiguous (QĐ) and must fit the
 * code; a document is unique per issuer, term, type and sequence (numbering restarts per term, not per year).
 */
import { documentTypeNames, ParsedDocumentNumber, parseDocumentNumber } from '@dangbo/vn';
import { BadInputError } from '../../core/errors';

export interface NumberParts {
  number: string;
  sequence: string;
  typeCode: string;
  issuerCode: string;
  typeName: string;
}

/** The parsed number, or BAD_USER_INPUT on `number`. */
export function parseNumber(text: string): ParsedDocumentNumber {
  const parsed = parseDocumentNumber(text);
  if (!parsed) {
    throw new BadInputError('number', `Số văn bản "${text.trim()}" không đúng dạng (ví dụ 05-CT/TW, 58-CV/ĐU, 30/2020/NĐ-CP)`);
  }
  if (parsed.normalized.length > 100) throw new BadInputError('number', 'Số văn bản dài quá 100 ký tự');
  return parsed;
}

/**
 * The full type name: the given one when it fits the code, the only name of an unambiguous code, else refused.
 * A code we do not know takes the name the user gives (the list of Party codes is not complete, domain.md §2.2).
 */
export function chooseTypeName(parsed: ParsedDocumentNumber, given: string | null | undefined): string {
  const names = parsed.typeNames.length ? parsed.typeNames : parsed.typeCode ? documentTypeNames(parsed.typeCode, parsed.system) : [];
  const code = parsed.typeCode || '(không có mã loại)';
  if (given) {
    const fit = names.find((n) => n.localeCompare(given, 'vi', { sensitivity: 'accent' }) === 0);
    if (fit) return fit;
    if (names.length) throw new BadInputError('typeName', `Loại "${given}" không khớp mã ${code}; mã này là: ${names.join(' hoặc ')}`, { choices: names });
    return given;
  }
  if (names.length === 1) return names[0];
  if (names.length > 1) {
    throw new BadInputError('typeName', `Mã ${code} có thể là ${names.join(' hoặc ')}: hãy chọn tên loại văn bản`, { choices: names });
  }
  throw new BadInputError('typeName', `Không rõ loại văn bản của mã ${code}: hãy nhập tên loại văn bản`);
}

export function numberParts(text: string, typeName: string | null | undefined): NumberParts {
  const parsed = parseNumber(text);
  return {
    number: parsed.normalized,
    sequence: parsed.sequence,
    typeCode: parsed.typeCode,
    issuerCode: parsed.issuerCode,
    typeName: chooseTypeName(parsed, typeName),
  };
}

/** Khóa "XII", "xii " → "XII"; a term such as "2015–2020" stays as written. */
export function normalizeTerm(term: string | null | undefined): string | null {
  const t = term?.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!t) return null;
  return /^[ivxlcdm]+$/i.test(t) ? t.toUpperCase() : t;
}

/**
 * The identity the unique index holds: issuer (our unit by id, an outside body by its code), term, type code and
 * the sequence as a number ("05" and "5" are the same registry number).
 */
export function uniqueKeyOf(doc: { issuerUnitId: number | null; issuerCode: string; term: string | null; typeCode: string; sequence: string }): string {
  const issuer = doc.issuerUnitId !== null ? `U${doc.issuerUnitId}` : `X${doc.issuerCode}`;
  return [issuer, doc.term ?? '', doc.typeCode, String(Number(doc.sequence))].join('|');
}
