/**
 * Text normalisation for Vietnamese input.
 *
 * Vietnamese text arrives in two Unicode forms (precomposed NFC from most
 * keyboards, decomposed NFD from macOS file names and some IMEs), and the
 * database collations compare those forms as different strings
 * (domain.md §5.2). Everything that is stored or compared goes through NFC first.
 */

/** Any run of whitespace; JS `\s` already covers NBSP, the U+2000 spaces, U+3000 and line breaks. */
const WHITESPACE_RUN = /\s+/g;

/** Combining diacritical marks block: Vietnamese tones and vowel marks all live here after NFD. */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Đ/đ is a separate letter, not D plus a mark, so NFD does not decompose it.
 * U+00D0 (Icelandic Eth) looks identical and appears in text converted from the
 * legacy TCVN3/VNI encodings, so it is treated as Đ too.
 */
const D_STROKE = /[đĐÐ]/g;

/**
 * Unicode NFC (precomposed) form of a string.
 *
 * @param s - any string
 * @returns the NFC form, so "Hòa" typed in NFD equals "Hòa" typed in NFC
 */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * Cleans a single-line value such as a name or a title: NFC, trims, and
 * collapses every whitespace run (including NBSP and line breaks) to one space.
 *
 * @param s - raw text
 * @returns the cleaned text; `''` for whitespace-only input
 */
export function cleanText(s: string): string {
  return nfc(s).replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Folds text for diacritic-insensitive search: strips tones and vowel marks,
 * maps đ/Đ to d, lower-cases, and collapses whitespace. Users routinely type
 * without diacritics, so the stored `search_text` column and the query both
 * go through this function.
 *
 * @example foldForSearch('Nguyễn Văn Đức') === 'nguyen van duc'
 * @param s - text in any normalisation form; both "Hòa" and "Hoà" fold to "hoa"
 * @returns lower-case ASCII-letter text (non-Latin characters are kept as they are)
 */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(D_STROKE, 'd')
    .toLowerCase()
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

/** True for `{}` literals and `Object.create(null)`, the shapes JSON and GraphQL arguments produce. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Normalises user input at the API boundary: every string found in a plain
 * object or array (at any depth) is converted to NFC and trimmed at both ends.
 * Inner whitespace and newlines are kept, because long texts (minutes,
 * comments) are multi-line; use {@link cleanText} for single-line fields.
 *
 * Returns new arrays and objects rather than mutating the input. Class
 * instances, Dates, Maps and other non-plain objects are returned unchanged,
 * because copying them would lose their prototype or private state.
 *
 * @param value - any value
 * @returns a value of the same shape with its strings normalised
 */
export function normalizeInput<T>(value: T): T {
  return normalizeValue(value, new WeakMap()) as T;
}

/** Recursive worker; `seen` maps already-copied containers to their copies so cycles terminate. */
function normalizeValue(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return nfc(value).trim();
  if (Array.isArray(value)) {
    const done = seen.get(value);
    if (done !== undefined) return done;
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(normalizeValue(item, seen));
    return copy;
  }
  if (isPlainObject(value)) {
    const done = seen.get(value);
    if (done !== undefined) return done;
    // Keep a null prototype when the input had one, so lookups stay safe from `__proto__` keys.
    const copy: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
    seen.set(value, copy);
    for (const key of Object.keys(value)) {
      // defineProperty, not assignment: a JSON key "__proto__" must stay data, not replace the prototype.
      Object.defineProperty(copy, key, { value: normalizeValue(value[key], seen), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  return value;
}
