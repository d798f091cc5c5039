/**
 * Synonym groups: every phrase in a group finds the others. Written naturally
 * (accents, capitals); both backends normalise them like indexed text.
 * English and French forms of the same notion stay in separate groups unless
 * the words are the same, so "IA" finds French AI content and "AI" English.
 */
import { wordSpans, words } from './text.js';

export const synonymGroups: readonly (readonly string[])[] = [
  ['AI', 'artificial intelligence'],
  ['IA', 'intelligence artificielle'],
  ['PSW', 'personal support worker'],
  ['cybersecurity', 'cybersécurité', 'cyber security'],
  ['ECE', 'early childhood education'],
  ['ML', 'machine learning'],
  ['HVAC', 'heating ventilation and air conditioning'],
  ['EV', 'electric vehicle'],
  ['PM', 'project management'],
];

/** Normalised phrase (words joined by one space) → the other phrases of its groups. */
export type SynonymTable = ReadonlyMap<string, readonly string[]>;

export function buildSynonymTable(groups: readonly (readonly string[])[] = synonymGroups): SynonymTable {
  const table = new Map<string, string[]>();
  for (const group of groups) {
    const phrases = group.map((phrase) => words(phrase).join(' '));
    for (const phrase of phrases) {
      const others = phrases.filter((other) => other !== phrase);
      table.set(phrase, [...new Set([...(table.get(phrase) ?? []), ...others])]);
    }
  }
  return table;
}

/** Meilisearch's `synonyms` setting: each phrase maps to the others (mutual synonyms). */
export function meilisearchSynonyms(groups: readonly (readonly string[])[] = synonymGroups): Record<string, string[]> {
  const setting: Record<string, string[]> = {};
  for (const [phrase, others] of buildSynonymTable(groups)) setting[phrase] = [...others];
  return setting;
}

/**
 * Meilisearch looks synonyms up only for single query words and runs of 2 or
 * 3 (it builds 2- and 3-word n-grams, "Ee could consider generalizing to
 * 4,5,6,7,etc. ngrams": meilisearch/meilisearch:crates/milli/src/search/new/
 * query_graph.rs, and `make_ngram` in query_term/parse_query.rs, v1.50.0).
 * A longer phrase works as a synonym *value* but never from the query side.
 */
export const longestQuerySidePhrase = 3;

/** Each synonym phrase longer than Meilisearch reads from a query → its group's shortest phrase. */
function shortFormsOf(groups: readonly (readonly string[])[]): ReadonlyMap<string, string> {
  const shortForms = new Map<string, string>();
  for (const group of groups) {
    const phrases = group.map((phrase) => words(phrase));
    const shortest = phrases.reduce((a, b) => (b.length < a.length ? b : a));
    if (phrases.some((phrase) => phrase.length > longestQuerySidePhrase) && shortest.length > longestQuerySidePhrase)
      throw new Error(`synonym group "${group.join(' / ')}" needs a phrase of at most ${longestQuerySidePhrase} words`);
    for (const phrase of phrases)
      if (phrase.length > longestQuerySidePhrase && !shortForms.has(phrase.join(' ')))
        shortForms.set(phrase.join(' '), shortest.join(' '));
  }
  return shortForms;
}

const shortForms = shortFormsOf(synonymGroups);
const longestPhrase = Math.max(0, ...[...shortForms.keys()].map((phrase) => phrase.split(' ').length));

/**
 * The query with every synonym phrase longer than 3 words replaced by its
 * group's shortest phrase ("heating, ventilation and air conditioning" →
 * "hvac"), so the phrase finds its synonyms on Meilisearch too. Both backends
 * search the rewritten query, so they agree; the rest of the text (and
 * whether it ends mid-word) is kept as typed.
 */
export function shortenSynonymPhrases(query: string): string {
  if (longestPhrase === 0) return query;
  const spans = wordSpans(query);
  let out = '';
  let cursor = 0;
  for (let i = 0; i < spans.length; i++) {
    for (let length = Math.min(longestPhrase, spans.length - i); length > longestQuerySidePhrase; length--) {
      const phrase = spans
        .slice(i, i + length)
        .map((span) => span.word)
        .join(' ');
      const shortForm = shortForms.get(phrase);
      if (shortForm === undefined) continue;
      out += query.slice(cursor, spans[i]!.start) + shortForm;
      cursor = spans[i + length - 1]!.end;
      i += length - 1;
      break;
    }
  }
  return cursor === 0 ? query : out + query.slice(cursor);
}
