/**
 * Meilisearch's default typo rules, which both backends follow: words under 5
 * characters must match exactly, words of 5 to 8 characters allow one typo,
 * words of 9 or more allow two. A typo on the first letter counts as two.
 *
 * A typo is one edit of the optimal string alignment distance: an insertion,
 * a deletion, a substitution, or a swap of two adjacent letters ("sotfware"
 * is one typo from "software"). Meilisearch builds its typo automata with
 * transpositions counted as one edit (`LevBuilder::new(n, true)` in
 * meilisearch/meilisearch:crates/milli/src/search/mod.rs, v1.50.0), and
 * applies the first-letter rule in
 * crates/milli/src/search/new/query_term/compute_derivations.rs.
 */
export const minWordLengthForOneTypo = 5;
export const minWordLengthForTwoTypos = 9;

export function allowedTypos(word: string): number {
  const length = [...word].length;
  if (length >= minWordLengthForTwoTypos) return 2;
  if (length >= minWordLengthForOneTypo) return 1;
  return 0;
}

/** Whether an indexed term found at `distance` typos from the query word is within the word's typo budget. */
export function withinTypoBudget(queryWord: string, indexTerm: string, distance: number): boolean {
  if (distance === 0) return true;
  const firstLetterDiffers = queryWord[0] !== indexTerm[0];
  return distance + (firstLetterDiffers ? 1 : 0) <= allowedTypos(queryWord);
}

/**
 * Typos between two words: the optimal string alignment distance (Levenshtein
 * plus adjacent transpositions, each substring edited at most once).
 */
export function typoDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const d = new Uint16Array(rows * columns);
  for (let i = 0; i < rows; i++) d[i * columns] = i;
  for (let j = 0; j < columns; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        d[(i - 1) * columns + j]! + 1,
        d[i * columns + j - 1]! + 1,
        d[(i - 1) * columns + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[(i - 2) * columns + j - 2]! + 1);
      d[i * columns + j] = best;
    }
  }
  return d[rows * columns - 1]!;
}

/**
 * The word with up to `count` swaps of adjacent letters applied, at distinct
 * positions: every spelling one or two transpositions away (without the word
 * itself). An optimal string alignment applies its transpositions to disjoint
 * letter pairs, so any term within k typos is within k - t plain edits of one
 * of these spellings with t swaps.
 */
export function transposedSpellings(word: string, count: 1 | 2): Map<string, 1 | 2> {
  const spellings = new Map<string, 1 | 2>();
  const swap = (text: string, at: number) => text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    const once = swap(word, i);
    if (!spellings.has(once)) spellings.set(once, 1);
    if (count < 2) continue;
    for (let j = i + 2; j + 1 < once.length; j++) {
      if (once[j] === once[j + 1]) continue;
      const twice = swap(once, j);
      if (twice !== word && !spellings.has(twice)) spellings.set(twice, 2);
    }
  }
  return spellings;
}
