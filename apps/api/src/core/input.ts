/** Parsing of scalar arguments into domain values, each failure a BAD_USER_INPUT naming the field. */
import { cleanText } from '@dangbo/vn';
import { BadInputError } from './errors';

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

/** Required text: NFC, trimmed, single-spaced, not empty, at most `max` characters. */
export function requiredText(field: string, value: string, label: string, max = 255): string {
  const text = cleanText(value);
  if (!text) throw new BadInputError(field, `${label} không được để trống`);
  if (text.length > max) throw new BadInputError(field, `${label} dài quá ${max} ký tự`);
  return text;
}

export function optionalText(field: string, value: string | null | undefined, label: string, max = 255): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const text = cleanText(value);
  if (!text) return null;
  if (text.length > max) throw new BadInputError(field, `${label} dài quá ${max} ký tự`);
  return text;
}
