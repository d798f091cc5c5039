/**
 * Meilisearch's default typo rules, which both backends follow: words under 5
 * characters must match exactly, words of 5 to 8 characters allow one typo,
 * words of 9 or more allow two. A typo on the first letter counts as two.
 */
export const minWordLengthForOneTypo = 5;
export const minWordLengthForTwoTypos = 9;

export function allowedTypos(word: string): number {
  const length = [...word].length;
  if (length >= minWordLengthForTwoTypos) return 2;
  if (length >= minWordLengthForOneTypo) return 1;
  return 0;
}

/** Whether an indexed term found at `distance` edits from the query word is within the word's typo budget. */
export function withinTypoBudget(queryWord: string, indexTerm: string, distance: number): boolean {
  if (distance === 0) return true;
  const firstLetterDiffers = queryWord[0] !== indexTerm[0];
  return distance + (firstLetterDiffers ? 1 : 0) <= allowedTypos(queryWord);
}
