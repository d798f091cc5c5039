/**
 * Autocomplete, the same for both backends: search titles and skills for
 * what has been typed (last word as a prefix), then offer the titles and
 * skill labels of the best matches that contain every typed word, most
 * frequent first. Sunset entries are left out, as in search.
 */
import type { SearchBackend } from '../backends/SearchBackend.js';
import { parseQuery, type QueryWord } from './queryWords.js';
import { matchEnd, matchStart, type RawHighlight } from './searchRequest.js';
import { words } from './text.js';
import { allowedTypos, typoDistance, withinTypoBudget } from './typoTolerance.js';

export interface Suggestion {
  text: string;
  kind: 'TITLE' | 'SKILL';
  /** How many of the best-matching entries carry this title or skill. */
  count: number;
}

/** Best matches looked at for suggestions. */
export const suggestionPool = 50;

export async function suggest(backend: SearchBackend, prefix: string, limit: number): Promise<Suggestion[]> {
  const typed = parseQuery(prefix).flatMap((unit) => unit.words);
  if (typed.length === 0) return [];
  const result = await backend.search({
    query: prefix,
    filters: {},
    sort: 'RELEVANCE',
    page: 1,
    pageSize: suggestionPool,
    matchFields: ['title', 'titleFr', 'skills', 'skillsFr'],
    withFacets: false,
  });
  const tally = new Map<string, Suggestion & { firstRank: number }>();
  result.hits.forEach((hit, rank) => {
    const seenInHit = new Set<string>();
    for (const highlight of hit.highlights) {
      const kind =
        highlight.field === 'skills' || highlight.field === 'skillsFr'
          ? 'SKILL'
          : highlight.field === 'description' || highlight.field === 'descriptionFr'
            ? undefined
            : 'TITLE';
      if (!kind) continue;
      const text = plainText(highlight);
      const key = `${kind}:${words(text).join(' ')}`;
      if (seenInHit.has(key) || !containsEveryWord(text, typed)) continue;
      seenInHit.add(key);
      const entry = tally.get(key) ?? { text, kind, count: 0, firstRank: rank };
      entry.count++;
      tally.set(key, entry);
    }
  });
  return [...tally.values()]
    .sort((a, b) => b.count - a.count || a.firstRank - b.firstRank || a.text.localeCompare(b.text))
    .slice(0, limit)
    .map(({ text, kind, count }) => ({ text, kind, count }));
}

function plainText(highlight: RawHighlight): string {
  return highlight.marked.split(matchStart).join('').split(matchEnd).join('');
}

/** Every typed word is in the phrase: the prefix word as a prefix, the others within their typo budget. */
function containsEveryWord(phrase: string, typed: QueryWord[]): boolean {
  const phraseWords = words(phrase);
  return typed.every(({ word, prefix }) =>
    phraseWords.some((candidate) => (prefix && candidate.startsWith(word)) || closeEnough(word, candidate)),
  );
}

function closeEnough(word: string, candidate: string): boolean {
  if (word === candidate) return true;
  const budget = allowedTypos(word);
  if (budget === 0 || Math.abs(word.length - candidate.length) > budget) return false;
  return withinTypoBudget(word, candidate, typoDistance(word, candidate));
}
