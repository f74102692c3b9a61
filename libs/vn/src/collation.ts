/**
 * Vietnamese collation as a portable ASCII sort key.
 *
 * Only `utf8mb4_vietnamese_ci` sorts Vietnamese correctly on the databases we
 * run, and it still treats NFC and NFD as different (domain.md §5.2). Storing a
 * precomputed ASCII key makes `ORDER BY` correct under any binary collation and
 * lets the same order be reproduced in memory with plain string comparison.
 *
 * The key is built like an ICU sort key: all primary weights, a separator, all
 * secondary weights, a separator, all tertiary weights. Comparing keys byte by
 * byte therefore compares letters first, tones only when all letters are equal,
 * and case only when letters and tones are equal.
 */

/**
 * Separates the levels. It must sort below every weight character so that a
 * string that is a prefix of another ("An" vs "Anh") sorts first.
 */
const LEVEL_SEPARATOR = '!';

/** Weight alphabet, in ASCII order; alphanumerics keep keys safe in SQL, URLs and logs. */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Lead character of the primary weight of characters outside the table: after every letter. */
const UNKNOWN_LEAD = 'z';

/**
 * Punctuation and symbols in the order ICU's root collation gives them
 * (measured with `Intl.Collator('vi')`), so keys agree with ICU. Characters in
 * one entry share a primary weight (ICU tells them apart only by a tertiary
 * difference, e.g. straight and curly quotes). Anything not listed sorts after
 * the letters. The ellipsis is expanded to three full stops, as ICU does.
 */
const PUNCTUATION: readonly string[] = [
  '_', '-', '\u2010\u2011', '\u2012', '\u2013', '\u2014', '\u2015', ',', ';', ':', '!', '?', '.', '\u00b7',
  "'\u2018\u2019\u201a", '\u2039', '\u203a', '"\u201c\u201d\u201e', '\u00ab', '\u00bb', '(', ')',
  '[', ']', '{', '}', '\u00a7', '\u00b6', '@', '*', '/', '\\', '&', '#', '%', '\u2022', '\u2032', '\u2033', '`',
  '^', '\u00b0', '\u00a9', '\u00ae', '+', '\u00b1', '\u00f7', '\u00d7', '<', '=', '>', '|', '~', '\u2212',
  '\u00a4', '\u00a2', '$', '\u00a3', '\u00a5', '\u20ac', '\u2116',
];

/** The Vietnamese alphabet order, plus f, j, w, z which occur in names and loanwords. */
const LETTERS = 'a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z'.split(' ');

/** Tone marks (after NFD) and their secondary weight, in the ICU `vi` order huyền < hỏi < ngã < sắc < nặng. */
const TONE_WEIGHT: Readonly<Record<string, number>> = {
  '\u0300': 1, // huyền
  '\u0309': 2, // hỏi
  '\u0303': 3, // ngã
  '\u0301': 4, // sắc
  '\u0323': 5, // nặng
};

/** Vowel marks that make a new primary letter in Vietnamese, keyed by mark then base letter. */
const LETTER_MARKS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '\u0306': { a: 'ă' }, // breve
  '\u0302': { a: 'â', e: 'ê', o: 'ô' }, // circumflex
  '\u031b': { o: 'ơ', u: 'ư' }, // horn
};

/** Encodes a weight index (0..3843) as two base-62 characters, preserving order. */
function weight2(n: number): string {
  return BASE62[Math.floor(n / 62)] + BASE62[n % 62];
}

/** Primary weight table: whitespace lowest, then punctuation, digits, letters (ICU root group order). */
const PRIMARY = new Map<string, string>();
const WHITESPACE_WEIGHT = weight2(0);
{
  let next = 1;
  for (const group of PUNCTUATION) {
    const weight = weight2(next++);
    for (const ch of group) PRIMARY.set(ch, weight);
  }
  for (const ch of '0123456789') PRIMARY.set(ch, weight2(next++));
  for (const ch of LETTERS) PRIMARY.set(ch, weight2(next++));
}
const LETTER_PRIMARIES = new Set(LETTERS.map((ch) => PRIMARY.get(ch) as string));

/**
 * Primary weight of a character outside the table: the lead character plus the
 * code point in four base-62 digits (62^4 > 0x10FFFF), so the order is stable
 * and every such weight sorts after the letters.
 */
function unknownPrimary(codePoint: number): string {
  let digits = '';
  let rest = codePoint;
  for (let i = 0; i < 4; i++) {
    digits = BASE62[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  }
  return UNKNOWN_LEAD + digits;
}

/** One collation element: a base character with the marks that NFD put after it. */
interface CollationElement {
  primary: string;
  /** Whether the element is a letter of the alphabet; consecutive letters form a syllable. */
  letter: boolean;
  /** 0 = ngang (no tone), 1..5 = huyền, hỏi, ngã, sắc, nặng. */
  tone: number;
  /** Combining marks that are neither a tone nor a Vietnamese vowel mark (é is a tone, ü is not). */
  foreignMarks: number[];
  upper: boolean;
}

/** Whether a code point is in the Combining Diacritical Marks block, where all Vietnamese marks live. */
function isCombiningMark(ch: string): boolean {
  const cp = ch.codePointAt(0) as number;
  return cp >= 0x300 && cp <= 0x36f;
}

/** Splits NFD text into collation elements, mapping each letter to (base letter, tone). */
function toElements(s: string): CollationElement[] {
  const chars = Array.from(s.normalize('NFD').replace(/\u2026/g, '...'));
  const elements: CollationElement[] = [];
  let i = 0;
  while (i < chars.length) {
    const base = chars[i++];
    const marks: string[] = [];
    while (i < chars.length && isCombiningMark(chars[i])) marks.push(chars[i++]);
    // U+00D0 (Eth) is a legacy-encoding stand-in for Đ, see text.ts.
    const lower = base === '\u00d0' ? 'đ' : base.toLowerCase();
    const upper = base !== base.toLowerCase();
    if (PRIMARY.has(lower) && LETTER_PRIMARIES.has(PRIMARY.get(lower) as string)) {
      let letter = lower;
      let tone = 0;
      const foreignMarks: number[] = [];
      for (const mark of marks) {
        const modified = letter === lower ? LETTER_MARKS[mark]?.[letter] : undefined;
        if (modified !== undefined) letter = modified;
        else if (tone === 0 && TONE_WEIGHT[mark] !== undefined) tone = TONE_WEIGHT[mark];
        else foreignMarks.push(mark.codePointAt(0) as number);
      }
      elements.push({ primary: PRIMARY.get(letter) as string, letter: true, tone, foreignMarks, upper });
      continue;
    }
    let primary = PRIMARY.get(base);
    if (primary === undefined && /\s/.test(base)) primary = WHITESPACE_WEIGHT;
    // Other scripts: weigh the lower-case code point so case stays a tertiary difference.
    if (primary === undefined) primary = unknownPrimary((Array.from(lower).length === 1 ? lower : base).codePointAt(0) as number);
    elements.push({ primary, letter: false, tone: 0, foreignMarks: marks.map((m) => m.codePointAt(0) as number), upper });
  }
  return elements;
}

/** Two-character code of an optional foreign mark; '00' when absent so codes keep a fixed width. */
function markCode(codePoint: number | undefined): string {
  return codePoint === undefined ? '00' : weight2(codePoint - 0x300 + 1);
}

/** Drops trailing common weights; like ICU, this keeps order because '0' is the lowest weight. */
function trimCommon(codes: string[]): string {
  let end = codes.length;
  while (end > 0 && codes[end - 1] === '0') end--;
  return codes.slice(0, end).join('');
}

/**
 * Secondary level. Tone belongs to the syllable, not to a particular vowel: the
 * old and new placements ("Hòa" and "Hoà") are the same word. So a syllable
 * (a run of letters) with at most one tone contributes one digit, its tone.
 * Runs with several tones or foreign marks (not Vietnamese syllables) fall
 * back to a per-letter code behind a '9', which sorts after every tone.
 * Two strings only reach this level when their primaries are equal, so their
 * runs line up one to one.
 */
function secondaryWeights(elements: CollationElement[]): string {
  const codes: string[] = [];
  let i = 0;
  while (i < elements.length) {
    if (!elements[i].letter) {
      const marks = elements[i].foreignMarks;
      codes.push(marks.length === 0 ? '0' : '9' + markCode(marks[0]));
      i++;
      continue;
    }
    let end = i;
    while (end < elements.length && elements[end].letter) end++;
    const run = elements.slice(i, end);
    const toned = run.filter((e) => e.tone > 0);
    if (toned.length <= 1 && run.every((e) => e.foreignMarks.length === 0)) {
      codes.push(String(toned.length === 1 ? toned[0].tone : 0));
    } else {
      codes.push('9' + run.map((e) => String(e.tone) + markCode(e.foreignMarks[0]) + markCode(e.foreignMarks[1])).join(''));
    }
    i = end;
  }
  return trimCommon(codes);
}

/**
 * ASCII sort key giving Vietnamese dictionary order under plain string
 * comparison (JS `<`, or `ORDER BY` with a binary/ASCII collation).
 *
 * - Primary: a < ă < â < b < c < d < đ < e < ê < … < o < ô < ơ < … < u < ư < … < z;
 *   whitespace < punctuation < digits < letters < other characters.
 * - Secondary: tones ngang < huyền < hỏi < ngã < sắc < nặng, syllable by syllable.
 * - Tertiary: lower case before upper case.
 *
 * Input in NFC or NFD gives the same key, and so do both tone placements
 * ("Hòa" and "Hoà"). Whitespace is not collapsed; pass cleaned text.
 * A key is about 3–4 characters per input character for Vietnamese text
 * (2 per primary, plus short secondary and tertiary tails) and never more
 * than 9 per character plus 2, whatever the script.
 *
 * @example vietnameseSortKey('An') < vietnameseSortKey('Ánh') // true
 * @param s - text to key
 * @returns the ASCII key
 */
export function vietnameseSortKey(s: string): string {
  const elements = toElements(s);
  const primary = elements.map((e) => e.primary).join('');
  const tertiary = trimCommon(elements.map((e) => (e.upper ? '1' : '0')));
  return primary + LEVEL_SEPARATOR + secondaryWeights(elements) + LEVEL_SEPARATOR + tertiary;
}

/**
 * Compares two strings in Vietnamese dictionary order via their sort keys, so
 * in-memory sorting agrees exactly with `ORDER BY` on stored keys.
 *
 * @param a - first string
 * @param b - second string
 * @returns negative if a sorts first, positive if b sorts first, 0 if they collate equal
 */
export function compareVietnamese(a: string, b: string): number {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
