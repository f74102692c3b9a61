/**
 * Column helpers shared by entities. Types are always explicit: decorator metadata differs between compilers
 * (stack.md §1.1.4), and explicit types keep generated migrations identical under tsc and swc.
 */
import { ColumnOptions } from 'typeorm';

/** A calendar date stored as DATE and read as 'YYYY-MM-DD' (no timezone shift). */
export const dateColumn = (options: ColumnOptions = {}): ColumnOptions => ({ type: 'date', ...options });

/**
 * An ASCII sort key from `vietnameseSortKey` (libs/vn). Binary comparison of these keys is Vietnamese dictionary
 * order on both MariaDB and MySQL 8.4, where no shared collation sorts Vietnamese correctly and tone-sensitively.
 */
export const sortKeyColumn = (options: ColumnOptions = {}): ColumnOptions => ({
  type: 'varchar',
  length: 400,
  charset: 'ascii',
  collation: 'ascii_bin',
  ...options,
});

/** Lower-case, diacritic-free text for search (`foldForSearch`). */
export const searchTextColumn = (options: ColumnOptions = {}): ColumnOptions => ({ type: 'varchar', length: 500, ...options });
