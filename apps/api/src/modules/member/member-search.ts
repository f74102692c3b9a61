/**
 * Member search by name through an index (issue 13 §2). `q` used to be `searchText LIKE '%…%'`, which no index can
 * serve: over a province's hundreds of thousands of members every search read the whole table. Now every word of a
 * member's folded search text (name parts, card and citizen numbers) is a row of `member_search_word`, keyed by
 * (word, memberId), and a query matches the members having, for each of its words, a word that starts with it:
 * "nguyen van" and "Nguyễn Văn" both find "Nguyễn Văn An" and "Văn Thị Nguyễn"; "guyen" (a word's middle) no longer
 * does. Each query word is one index range; the plan never scans `member` (test/explain.integration-spec.ts).
 *
 * Cost on writes: a member written is one more multi-row INSERT of its 3–6 words (and a DELETE of the old ones when
 * the name or a number changes), about 5 index entries of ~40 bytes. A B-tree on a plain table, so it works the same
 * on MariaDB, MySQL 8.4 and TiDB (which has no InnoDB FULLTEXT; FULLTEXT's 3-letter minimum token and stopword list
 * would also drop "An", "Lê", "La", the commonest Vietnamese name parts).
 */
import { foldForSearch } from '@dangbo/vn';
import { Entity, EntityManager, In, Index, PrimaryColumn } from 'typeorm';

export const SEARCH_WORD_LENGTH = 100;
/** At most this many words of a query take part (each is one index range). */
export const MAX_QUERY_WORDS = 6;

@Entity('member_search_word')
@Index(['memberId'])
export class MemberSearchWordEntity {
  @PrimaryColumn({ type: 'varchar', length: SEARCH_WORD_LENGTH, charset: 'utf8mb4', collation: 'utf8mb4_bin' })
  word!: string;

  @PrimaryColumn({ type: 'int' })
  memberId!: number;
}

/** The distinct words of folded search text, each cut to the column (a cut word still matches by its prefix). */
export function searchWordsOf(text: string): string[] {
  return [...new Set(foldForSearch(text).split(' ').filter(Boolean).map((w) => w.slice(0, SEARCH_WORD_LENGTH)))];
}

/** Writes the search words of members (replacing any they had), in the caller's transaction. */
export async function replaceSearchWords(em: EntityManager, members: { id: number; searchText: string }[], replace = true): Promise<void> {
  if (members.length === 0) return;
  if (replace) await em.delete(MemberSearchWordEntity, { memberId: In(members.map((m) => m.id)) });
  const rows = members.flatMap((m) => searchWordsOf(m.searchText).map((word) => ({ word, memberId: m.id })));
  for (let i = 0; i < rows.length; i += 2000) await em.insert(MemberSearchWordEntity, rows.slice(i, i + 2000));
}

export const deleteSearchWords = (em: EntityManager, memberId: number) => em.delete(MemberSearchWordEntity, { memberId });
