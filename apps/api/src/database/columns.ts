/**
 * Column helpers shared by entities. Types are always explicit: decorator metadata differs between compilers
 * (stack.md §1.1.4), and explicit types keep generated migrations identical under tsc and swc.
 */
import { ColumnOptions } from 'typeorm';

/** A calendar date stored as DATE and read as 'YYYY-MM-DD' (no timezone shift). */
export const dateColumn = (options: ColumnOptions = {}): ColumnOptions => ({ type: 'date', ...options });

/**
 * Declared length of sort-key columns. Three of them plus a date and an id make the member name index, and an index
 * key may not exceed 3072 bytes on InnoDB (MariaDB and MySQL 8.4): 3 × 1000 + 3 + 4 fits.
 */
export const SORT_KEY_LENGTH = 1000;

/**
 * An ASCII sort key from `vietnameseSortKey` (libs/vn). Binary comparison of these keys is Vietnamese dictionary
 * order on both MariaDB and MySQL 8.4, where no shared collation sorts Vietnamese correctly and tone-sensitively.
 *
 * A key is about 3–4 characters per character of Vietnamese text, so the longest names the input allows (255
 * characters) fit whole; only exotic text (long runs of many-toned syllables without spaces, scripts that NFD
 * splits into several letters, up to ~21 key characters each) can exceed the column. Such a key is cut to the
 * column: a prefix keeps the order (a < b implies prefix(a) <= prefix(b)), so the worst case is a tie between two
 * names that agree on their first few hundred letters, broken by the next sort column and the id. Cutting here
 * rather than at each caller means no write can fail with "Data too long".
 */
export const sortKeyColumn = (options: ColumnOptions = {}): ColumnOptions => ({
  type: 'varchar',
  length: SORT_KEY_LENGTH,
  charset: 'ascii',
  collation: 'ascii_bin',
  transformer: { to: (v: unknown) => (typeof v === 'string' ? v.slice(0, SORT_KEY_LENGTH) : v), from: (v: unknown) => v },
  ...options,
});

/**
 * Lower-case, diacritic-free text for search (`foldForSearch`). Folding decomposes first, and NFD can turn one
 * character into three (a Hangul syllable into its letters), so the column holds three times the longest folded
 * source (criterion name 500 + code 64; unit name 255 + code 32; member name 200 + card and citizen numbers).
 * It is never indexed (a LIKE '%…%' cannot use an index), so its length costs nothing.
 */
export const searchTextColumn = (options: ColumnOptions = {}): ColumnOptions => ({ type: 'varchar', length: 2000, ...options });
