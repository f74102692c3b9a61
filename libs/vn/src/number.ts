/**
 * Vietnamese number formatting: decimal comma, thousands dot ("1.234.567,5").
 *
 * Formatting is done by hand rather than with `Intl.NumberFormat('vi')` so the
 * output does not depend on the ICU data a runtime ships, and so rounding is
 * half-up on the decimal value people see (94,175 → 94,18) instead of on the
 * nearest binary double (94.175 is stored as 94.17499…).
 */

/** Shown instead of a percentage whose denominator is zero. */
const NOT_APPLICABLE = '—';

/**
 * Rounds half away from zero at `fractionDigits` decimals, operating on the
 * shortest decimal representation of the number so that values like 94.175
 * round up as written.
 */
function roundHalfUp(value: number, fractionDigits: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  // String(1e-7) is "1e-7", so shift the exponent instead of appending one.
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  const shifted = Math.round(Number(`${mantissa}e${Number(exponent) + fractionDigits}`));
  const [m2, e2 = '0'] = String(shifted).split('e');
  const result = sign * Number(`${m2}e${Number(e2) - fractionDigits}`);
  return result === 0 ? 0 : result; // no "-0"
}

/** Rejects digit counts that toFixed would reject, with a message naming the argument. */
function checkDigits(fractionDigits: number): void {
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 20) {
    throw new RangeError(`fractionDigits must be an integer from 0 to 20, got ${fractionDigits}`);
  }
}

/**
 * Formats a number the Vietnamese way, rounding half-up.
 *
 * @example formatNumber(1234567) === '1.234.567'; formatNumber(7.5, 1) === '7,5'
 * @param value - the number; NaN and ±Infinity format as "—"
 * @param fractionDigits - decimals to show (0–20), padded with zeros
 * @returns the formatted number, with an ASCII "-" for negatives
 */
export function formatNumber(value: number, fractionDigits = 0): string {
  checkDigits(fractionDigits);
  if (!Number.isFinite(value)) return NOT_APPLICABLE;
  const rounded = roundHalfUp(value, fractionDigits);
  const [intPart, fracPart] = Math.abs(rounded).toFixed(fractionDigits).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (rounded < 0 ? '-' : '') + grouped + (fracPart ? `,${fracPart}` : '');
}

/**
 * Percentage of `part` in `whole`, rounded half-up.
 *
 * @example percentOf(178, 189) === 94.18
 * @param part - the counted share
 * @param whole - the base; 0 has no percentage
 * @param fractionDigits - decimals to keep
 * @returns the rounded percentage, or null when `whole` is 0 or a value is not finite
 */
export function percentOf(part: number, whole: number, fractionDigits = 2): number | null {
  checkDigits(fractionDigits);
  if (whole === 0) return null;
  // Multiply first: 3767 * 100 / 4000 is exactly 94.175, 3767 / 4000 * 100 is not.
  const value = (part * 100) / whole;
  return Number.isFinite(value) ? roundHalfUp(value, fractionDigits) : null;
}

/** Options for {@link formatPercentValue}. */
export interface PercentFormatOptions {
  /** Drop trailing zeros of the fraction ("75,40%" → "75,4%", "100,00%" → "100%"). */
  trimZeros?: boolean;
}

/**
 * Formats an already computed percentage.
 *
 * @example formatPercentValue(94.18) === '94,18%'; formatPercentValue(75.4, 2, { trimZeros: true }) === '75,4%'
 * @param value - the percentage (94.18 means 94,18%)
 * @param fractionDigits - decimals to show
 * @param options - see {@link PercentFormatOptions}
 * @returns the formatted percentage, "—" for a non-finite value
 */
export function formatPercentValue(value: number, fractionDigits = 2, options: PercentFormatOptions = {}): string {
  const text = formatNumber(value, fractionDigits);
  if (text === NOT_APPLICABLE) return text;
  // Only zeros after the decimal comma are trimmed; "100" must keep its zeros.
  const trimmed = options.trimZeros && text.includes(',') ? text.replace(/0+$/, '').replace(/,$/, '') : text;
  return trimmed + '%';
}

/**
 * Formats `part` as a percentage of `whole`.
 *
 * @example formatPercent(178, 189) === '94,18%'; formatPercent(0, 0) === '—'
 * @param part - the counted share
 * @param whole - the base
 * @param fractionDigits - decimals to show
 * @param options - see {@link PercentFormatOptions}
 * @returns the formatted percentage, or "—" when `whole` is 0
 */
export function formatPercent(part: number, whole: number, fractionDigits = 2, options: PercentFormatOptions = {}): string {
  const value = percentOf(part, whole, fractionDigits);
  return value === null ? NOT_APPLICABLE : formatPercentValue(value, fractionDigits, options);
}

/** "1.234.567,89": thousands dots (first group not starting with 0), optional decimal comma. */
const DOT_GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
/** "1 234 567,89": thousands spaces, also common in typed text. */
const SPACE_GROUPED = /^[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?$/;
/** "7,5", "1234", ",5". */
const COMMA_DECIMAL = /^(?:\d+|\d*,\d+)$/;
/** "7.5", ".5": a dot that cannot be a thousands separator (checked after DOT_GROUPED). */
const DOT_DECIMAL = /^\d*\.\d+$/;

/**
 * Parses a number typed the Vietnamese way, tolerating the English decimal dot
 * where it is unambiguous. A single dot followed by exactly three digits after
 * a 1–3 digit group is a thousands separator ("1.234" → 1234); other single
 * dots are decimal points ("7.5" → 7.5, "0.125" → 0.125, "1234.5" → 1234.5).
 *
 * @param text - the typed text; surrounding whitespace and a leading +, - or − are allowed
 * @returns the number, or null when the text is not a number (including "1,234.5" and "94%")
 */
export function parseVietnameseNumber(text: string): number | null {
  const trimmed = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const match = /^([+\-\u2212]?) ?(.*)$/.exec(trimmed) as RegExpExecArray;
  const negative = match[1] === '-' || match[1] === '\u2212';
  const body = match[2];
  let plain: string;
  if (DOT_GROUPED.test(body)) plain = body.replace(/\./g, '').replace(',', '.');
  else if (SPACE_GROUPED.test(body)) plain = body.replace(/ /g, '').replace(',', '.');
  else if (COMMA_DECIMAL.test(body)) plain = body.replace(',', '.');
  else if (DOT_DECIMAL.test(body)) plain = body;
  else return null;
  const value = Number(plain);
  if (!Number.isFinite(value)) return null;
  return negative && value !== 0 ? -value : value;
}
