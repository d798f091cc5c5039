/**
 * French function words that both backends ignore, so a French query matches
 * the way a French speaker writes it: "analyse des données" finds "Analyse de
 * données", "l'apprentissage" finds "Apprentissage", although `matchingStrategy:
 * all` requires every word and words under five letters allow no typo.
 *
 * The semantics are Meilisearch's `stopWords` setting, read in its source
 * (meilisearch/meilisearch crates/milli/src/search/new/query_term/parse_query.rs,
 * `located_query_terms_from_tokens`): a stop word is not indexed, and is dropped
 * from a query unless it is the query's last token, which is kept (as a prefix
 * while being typed, "la" in "la" may be the start of "laboratoire"). The
 * embedded engine does the same (textIndex.ts, queryWords.ts) and the
 * Meilisearch backend sends this list as its `stopWords` setting.
 *
 * Words are in normalised form (text.ts: lower case, accents dropped, so "à" is
 * "a"). Only words that never carry a search on their own: no English words,
 * which synonym phrases use ("heating ventilation and air conditioning"), and
 * no single letters a subject could be named by ("C" programming).
 */
import { normalizeWord } from './text.js';

export const stopWords: readonly string[] = [
  'a',
  'au',
  'aux',
  'avec',
  'd',
  'dans',
  'de',
  'des',
  'du',
  'en',
  'et',
  'l',
  'la',
  'le',
  'les',
  'ou',
  'par',
  'pour',
  'qu',
  'sur',
  'un',
  'une',
];

const stopWordSet: ReadonlySet<string> = new Set(stopWords.map(normalizeWord));

/** Whether a normalised word is a stop word. */
export function isStopWord(word: string): boolean {
  return stopWordSet.has(word);
}
