/**
 * Turns a query string into the units every word-matching step works on:
 * normalised words other than stop words (at most 10, as Meilisearch keeps), the last one marked as
 * a prefix while it is being typed, and runs of words that form a synonym
 * phrase grouped with their alternatives ("personal support worker" with
 * "psw"). As in Meilisearch, such a run is at most 3 words; longer synonym
 * phrases are first replaced by their short form (shortenSynonymPhrases), the
 * same rewrite the Meilisearch backend sends.
 */
import { buildSynonymTable, longestQuerySidePhrase, shortenSynonymPhrases, type SynonymTable } from './synonyms.js';
import { isStopWord } from './stopWords.js';
import { lastWordIsPrefix, words } from './text.js';
import { maxQueryWords } from './searchRequest.js';

export interface QueryWord {
  word: string;
  /** Matched as a prefix of indexed words (the last word while typing). */
  prefix: boolean;
}

export interface QueryUnit {
  /** The words as typed, all of which must match (typos allowed). */
  words: QueryWord[];
  /** Synonym phrases any of which may match instead, each word exactly. */
  alternatives: string[][];
}

const defaultSynonyms = buildSynonymTable();

export function parseQuery(typed: string, synonyms: SynonymTable = defaultSynonyms): QueryUnit[] {
  const query = shortenSynonymPhrases(typed);
  const typing = lastWordIsPrefix(query);
  // Stop words are dropped, except the last word while it is being typed (see stopWords.ts).
  const meaningful = words(query).filter(
    (word, index, all) => !isStopWord(word) || (typing && index === all.length - 1),
  );
  const queryWords = meaningful.slice(0, maxQueryWords);
  const prefixLast = typing && meaningful.length <= maxQueryWords;
  const asQueryWord = (word: string, index: number): QueryWord => ({
    word,
    prefix: prefixLast && index === queryWords.length - 1,
  });
  const units: QueryUnit[] = [];
  let index = 0;
  while (index < queryWords.length) {
    const phrase = longestSynonymAt(queryWords, index, synonyms);
    const length = phrase ? phrase.length : 1;
    units.push({
      words: queryWords.slice(index, index + length).map((word, offset) => asQueryWord(word, index + offset)),
      alternatives: phrase ? phrase.alternatives.map((alternative) => alternative.split(' ')) : [],
    });
    index += length;
  }
  return units;
}

function longestSynonymAt(queryWords: string[], start: number, synonyms: SynonymTable) {
  for (let length = Math.min(longestQuerySidePhrase, queryWords.length - start); length >= 1; length--) {
    const alternatives = synonyms.get(queryWords.slice(start, start + length).join(' '));
    if (alternatives) return { length, alternatives };
  }
  return undefined;
}
