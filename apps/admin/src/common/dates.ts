/** Conversions between the API's ISO dates and what clerks type and read (dd/mm/yyyy), via @dangbo/vn. */
import { formatDate, isValidIsoDate, parseVietnameseDate } from '@dangbo/vn';

/** dd/mm/yyyy for an ISO date; anything else (a half-typed date) is shown as it is. */
export function isoToText(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  return isValidIsoDate(value) ? formatDate(value) : value;
}

/** ISO for a complete typed date; the raw text while it is incomplete (validation reports it); null when empty. */
export function textToIso(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return parseVietnameseDate(trimmed) ?? text;
}

/** react-admin validator: a non-empty value must be a real date. */
export const validDate = (value: unknown) =>
  typeof value === 'string' && value !== '' && !isValidIsoDate(value) ? 'app.validation.invalid_date' : undefined;
