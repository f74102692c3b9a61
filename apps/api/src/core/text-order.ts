/**
 * SQL for human text in lists: Vietnamese order for ORDER BY and diacritic-folded matching for `q`.
 *
 * Order: the database's CLDR Vietnamese collation, full strength (letters, then tones, then case, like
 * `Intl.Collator('vi')`): MariaDB ≥ 10.10 has `utf8mb4_uca1400_vietnamese_as_cs`, MySQL 8 `utf8mb4_vi_0900_as_cs`.
 * Both put Đ after D as its own letter ("Dự…" before "Điểm…"). An older MariaDB has only the tone-insensitive
 * `utf8mb4_vietnamese_ci`; there a binary key breaks the ties so the order is at least total (domain.md §5.2).
 * The column is converted to utf8mb4 first, so ASCII columns (codes, usernames) sort the same way.
 *
 * Search: `utf8mb4_unicode_520_ci` (on both servers) ignores tones, vowel marks and case and equates đ with d, so a
 * column matches a query folded with `foldForSearch`.
 */
import { foldForSearch } from '@dangbo/vn';
import { DataSource } from 'typeorm';

const PREFERRED = ['utf8mb4_uca1400_vietnamese_as_cs', 'utf8mb4_vi_0900_as_cs'] as const;
const FALLBACK = 'utf8mb4_vietnamese_ci';

export interface TextOrder {
  /** ORDER BY terms (most significant first) that sort `sql` the Vietnamese way. */
  terms(sql: string): string[];
}

const detected = new WeakMap<DataSource, Promise<TextOrder>>();

function orderWith(collation: string): TextOrder {
  const full = collation !== FALLBACK;
  return {
    terms: (sql) => {
      const utf8 = `CONVERT(${sql} USING utf8mb4)`;
      return full ? [`${utf8} COLLATE ${collation}`] : [`${utf8} COLLATE ${collation}`, `${utf8} COLLATE utf8mb4_bin`];
    },
  };
}

/** The Vietnamese text order of this server, looked up once per data source. */
export function textOrderOf(dataSource: DataSource): Promise<TextOrder> {
  let found = detected.get(dataSource);
  if (!found) {
    found = dataSource
      .query(`SELECT COLLATION_NAME AS name FROM information_schema.COLLATIONS WHERE COLLATION_NAME IN (${PREFERRED.map(() => '?').join(', ')})`, [...PREFERRED])
      .then((rows: { name: string }[]) => {
        const names = new Set(rows.map((r) => r.name));
        return orderWith(PREFERRED.find((c) => names.has(c)) ?? FALLBACK);
      });
    found.catch(() => detected.delete(dataSource));
    detected.set(dataSource, found);
  }
  return found;
}

/**
 * How a column takes part in `q`:
 * - `folded`: it already holds `foldForSearch` text (member and unit `searchText`);
 * - `text`: human text in utf8mb4, compared accent- and case-insensitively;
 * - `ascii`: an ASCII column (codes, usernames); a query with other characters cannot match it, and comparing it
 *   with a utf8mb4 parameter would be a collation error, so it is left out. `compact` drops spaces ("bi thu" finds
 *   "bithu.bendo").
 */
export interface SearchColumn {
  sql: string;
  kind: 'folded' | 'text' | 'ascii' | 'words';
  compact?: boolean;
  /**
   * `words`: `sql` is the row's id, and `words` a table of (word, owner id) holding the folded words of the row's
   * text; every query word must start one of them (an index range each, member/member-search.ts).
   */
  words?: { table: string; owner: string; maxWords: number; wordLength: number };
}

const ASCII = /^[\x20-\x7e]*$/;
/** LIKE escapes with '!' (not backslash, whose meaning depends on NO_BACKSLASH_ESCAPES). */
const escapeLike = (s: string) => s.replace(/[!%_]/g, (c) => `!${c}`);

/**
 * The WHERE condition and parameters of a search, or null for an empty query. A query no column can hold gives a
 * condition that matches nothing, never an error.
 */
export function searchCondition(columns: readonly SearchColumn[], q: string, param = 'listQ'): { where: string; params: Record<string, string> } | null {
  const folded = foldForSearch(q);
  if (!folded) return null;
  const params: Record<string, string> = { [param]: `%${escapeLike(folded)}%` };
  const parts: string[] = [];
  for (const c of columns) {
    if (c.kind === 'words' && c.words) {
      const { table, owner, maxWords, wordLength } = c.words;
      // Stored words are cut to the column; a longer query word is cut the same way, so it still matches.
      const words = [...new Set(folded.split(' ').filter(Boolean).map((w) => w.slice(0, wordLength)))].slice(0, maxWords);
      const each = words.map((w, i) => {
        params[`${param}W${i}`] = `${escapeLike(w)}%`;
        return `${c.sql} IN (SELECT ${owner} FROM ${table} WHERE word LIKE :${param}W${i} ESCAPE '!')`;
      });
      parts.push(`(${each.join(' AND ')})`);
    } else if (c.kind === 'folded') parts.push(`${c.sql} LIKE :${param} ESCAPE '!'`);
    else if (c.kind === 'text') parts.push(`CONVERT(${c.sql} USING utf8mb4) COLLATE utf8mb4_unicode_520_ci LIKE :${param} ESCAPE '!'`);
    else if (ASCII.test(folded)) {
      const key = `${param}Ascii${c.compact ? 'Compact' : ''}`;
      params[key] = `%${escapeLike(c.compact ? folded.replace(/ /g, '') : folded)}%`;
      parts.push(`CONVERT(${c.sql} USING utf8mb4) COLLATE utf8mb4_unicode_520_ci LIKE :${key} ESCAPE '!'`);
    }
  }
  return { where: parts.length ? `(${parts.join(' OR ')})` : '1 = 0', params };
}
