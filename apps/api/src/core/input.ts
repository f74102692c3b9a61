/** Parsing of scalar arguments into domain values, each failure a BAD_USER_INPUT naming the field. */
import { cleanText } from '@dangbo/vn';
import { BadInputError } from './errors';

/** C0 controls other than tab, line feed and carriage return; DEL; the C1 controls. Refused in every text input. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseId(field: string, value: string | number): number {
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isSafeInteger(n) || n <= 0) throw new BadInputError(field, `Mã "${value}" không hợp lệ`);
  return n;
}

export function parseOptionalId(field: string, value: string | number | null | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  return parseId(field, value);
}

/** A calendar date 'YYYY-MM-DD' that exists (no 2017-02-30). */
export function parseDate(field: string, value: string, label = 'Ngày'): string {
  const text = value.trim().slice(0, 10);
  const m = ISO_DATE.exec(text);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])) return text;
  }
  throw new BadInputError(field, `${label} "${value}" không hợp lệ (định dạng YYYY-MM-DD)`);
}

export function parseOptionalDate(field: string, value: string | null | undefined, label?: string): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  return parseDate(field, value, label);
}

// One-line fields take no line breaks or tabs either (the edge already refuses every other control character).
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;

function oneLine(field: string, value: string, label: string): string {
  if (LINE_BREAK_OR_TAB.test(value) || FORBIDDEN_CONTROL.test(value)) throw new BadInputError(field, `${label} chỉ gồm một dòng, không có ký tự điều khiển`);
  return cleanText(value);
}

/** Required text: one line, NFC, trimmed, single-spaced, not empty, at most `max` characters. */
export function requiredText(field: string, value: string, label: string, max = 255): string {
  const text = oneLine(field, value, label);
  if (!text) throw new BadInputError(field, `${label} không được để trống`);
  if (text.length > max) throw new BadInputError(field, `${label} dài quá ${max} ký tự`);
  return text;
}

export function optionalText(field: string, value: string | null | undefined, label: string, max = 255): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const text = oneLine(field, value, label);
  if (!text) return null;
  if (text.length > max) throw new BadInputError(field, `${label} dài quá ${max} ký tự`);
  return text;
}

/**
 * Long text (notes, descriptions, formulas): NFC, line breaks kept (CRLF becomes LF) and tabs allowed, trimmed, at
 * most `max` characters; null when empty.
 */
export function longText(field: string, value: string | null | undefined, label: string, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (FORBIDDEN_CONTROL.test(value)) throw new BadInputError(field, `${label} có ký tự điều khiển không hợp lệ`);
  const text = value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (!text) return null;
  if (text.length > max) throw new BadInputError(field, `${label} dài quá ${max} ký tự`);
  return text;
}
