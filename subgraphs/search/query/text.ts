/**
 * Word splitting and normalisation shared by indexing, querying and
 * highlighting in the embedded engine. It follows what Meilisearch does for
 * Latin scripts so both backends match the same words: split on anything that
 * is not a letter or digit (apostrophes and hyphens included, so "l'analyse"
 * gives "l" and "analyse"), lower-case, and drop accents ("cybersécurité" and
 * "cybersecurite" are the same word). No stemming, as in Meilisearch.
 */
const wordPattern = /[\p{L}\p{N}]+/gu;
const combiningMarks = /\p{M}+/gu;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, control characters included.
const asciiOnly = /^[\x00-\x7f]*$/;
/** Vocabulary is small and words repeat, so normalised forms are remembered (up to a bound). */
const normalized = new Map<string, string>();
const maxRemembered = 200_000;

export function normalizeWord(word: string): string {
  if (asciiOnly.test(word)) return word.toLowerCase();
  let result = normalized.get(word);
  if (result === undefined) {
    result = word.normalize('NFD').replace(combiningMarks, '').toLowerCase();
    if (normalized.size >= maxRemembered) normalized.clear();
    normalized.set(word, result);
  }
  return result;
}

/** Normalised words of a text, in order. */
export function words(text: string): string[] {
  return (text.match(wordPattern) ?? []).map(normalizeWord);
}

export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

/** Words with their position in the original text, for highlighting. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(wordPattern)) {
    spans.push({ word: normalizeWord(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** Whether the query's last word is still being typed (no trailing separator), so it is matched as a prefix. */
export function lastWordIsPrefix(query: string): boolean {
  return /[\p{L}\p{N}]$/u.test(query);
}
