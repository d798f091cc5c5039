/**
 * Inverted index of the documents' words: for each normalised word, the slots
 * of the documents containing it and in which fields. The word dictionary is
 * MiniSearch's radix tree (SearchableMap), which finds prefix completions and
 * words within an edit distance; posting lists live in a plain Map (faster to
 * reach while indexing) and scoring is our own, so a query touches only
 * arrays of numbers.
 *
 * Ranking follows Meilisearch's order of rules loosely: every query word must
 * match; then fewer typos beat more (a swap of adjacent letters is one typo);
 * then a match in a title beats one in a description.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { SearchDocument, SearchableField } from '../../documents/searchDocument.js';
import { searchableFields } from '../../documents/searchDocument.js';
import type { QueryUnit, QueryWord } from '../../query/queryWords.js';
import { isStopWord } from '../../query/stopWords.js';
import { words } from '../../query/text.js';
import { allowedTypos, transposedSpellings, typoDistance, withinTypoBudget } from '../../query/typoTolerance.js';
import { emptyScoreSet, intersect, scaled, union, type ScoreSet } from './scoreSet.js';

interface Posting {
  slots: number[];
  /** Bit set of the fields (see fieldBit) the word occurs in, per slot. */
  masks: number[];
}

const fieldWeight: Record<SearchableField, number> = {
  title: 4,
  titleFr: 4,
  skills: 3,
  skillsFr: 3,
  occupationTitles: 2,
  occupationTitlesFr: 2,
  description: 1,
  descriptionFr: 1,
  institutionName: 1,
  institutionNameFr: 1,
};
const fieldBit = Object.fromEntries(searchableFields.map((field, i) => [field, 1 << i])) as Record<
  SearchableField,
  number
>;
/** Best field weight for every combination of field bits. */
const weightOfMask = Float32Array.from({ length: 1 << searchableFields.length }, (_, mask) =>
  Math.max(0, ...searchableFields.filter((field) => mask & fieldBit[field]).map((field) => fieldWeight[field])),
);
export const allFieldsMask = (1 << searchableFields.length) - 1;

/** Match quality, ×10 so it dominates the field weight (typos rank before attributes). */
const exactMatch = 30;
const prefixMatch = 29;
const typoMatch = [30, 20, 10] as const;

export function fieldMaskOf(fields: readonly SearchableField[] | undefined): number {
  return fields ? fields.reduce((mask, field) => mask | fieldBit[field], 0) : allFieldsMask;
}

export class TextIndex {
  private readonly postings = new Map<string, Posting>();
  /** The same postings, in a radix tree for prefix and typo lookups. */
  private readonly dictionary = new SearchableMap<Posting>();
  private readonly termsOfSlot: (string[] | undefined)[] = [];
  private best: Float32Array = new Float32Array(1024);
  /** Typo variants per query word, valid while the dictionary's words stay the same. */
  private readonly variantCache = new Map<string, [string, number][]>();

  add(slot: number, document: SearchDocument): void {
    const masks = new Map<string, number>();
    for (const field of searchableFields) {
      const value = document[field];
      const texts = Array.isArray(value) ? value : value === null ? [] : [value];
      for (const text of texts)
        for (const word of words(text))
          if (!isStopWord(word)) masks.set(word, (masks.get(word) ?? 0) | fieldBit[field]);
    }
    for (const [term, mask] of masks) {
      let posting = this.postings.get(term);
      if (!posting) {
        posting = { slots: [], masks: [] };
        this.postings.set(term, posting);
        this.dictionary.set(term, posting);
        this.variantCache.clear();
      }
      insertSorted(posting, slot, mask);
    }
    this.termsOfSlot[slot] = [...masks.keys()];
    if (slot >= this.best.length) this.best = grow(this.best, slot);
  }

  remove(slot: number): void {
    for (const term of this.termsOfSlot[slot] ?? []) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const at = indexOfSlot(posting.slots, slot);
      if (at < 0) continue;
      posting.slots.splice(at, 1);
      posting.masks.splice(at, 1);
      if (posting.slots.length === 0) {
        this.postings.delete(term);
        this.dictionary.delete(term);
        this.variantCache.clear();
      }
    }
    this.termsOfSlot[slot] = undefined;
  }

  /**
   * Documents matching every unit, with scores, and the indexed words that
   * matched (for highlighting).
   */
  search(units: QueryUnit[], fieldMask: number): { matches: ScoreSet; matchedTerms: Set<string> } {
    const matchedTerms = new Set<string>();
    let matches: ScoreSet | undefined;
    for (const unit of units) {
      const unitMatches = this.unit(unit, fieldMask, matchedTerms);
      matches = matches ? intersect(matches, unitMatches) : unitMatches;
      if (matches.slots.length === 0) break;
    }
    return { matches: matches ?? emptyScoreSet, matchedTerms };
  }

  private unit(unit: QueryUnit, fieldMask: number, matchedTerms: Set<string>): ScoreSet {
    let result = this.allOf(unit.words.map((word) => this.word(word, fieldMask, matchedTerms)));
    for (const phrase of unit.alternatives) {
      const exactWords = phrase.map((word) => this.word({ word, prefix: false }, fieldMask, matchedTerms, false));
      result = union(result, this.allOf(exactWords));
    }
    return result;
  }

  /** Documents matching all parts; a several-word part scores as its average word. */
  private allOf(parts: ScoreSet[]): ScoreSet {
    let result = parts[0] ?? emptyScoreSet;
    for (const part of parts.slice(1)) result = intersect(result, part);
    return parts.length > 1 ? scaled(result, 1 / parts.length) : result;
  }

  /** Documents containing the word: exactly, as a prefix while typing, or within its typo budget. */
  private word({ word, prefix }: QueryWord, fieldMask: number, matchedTerms: Set<string>, typos = true): ScoreSet {
    const touched: number[] = [];
    const best = this.best;
    const collect = (term: string, posting: Posting, quality: number) => {
      let used = false;
      for (let i = 0; i < posting.slots.length; i++) {
        const mask = posting.masks[i]! & fieldMask;
        if (mask === 0) continue;
        const slot = posting.slots[i]!;
        const score = quality + weightOfMask[mask]!;
        if (best[slot] === 0) touched.push(slot);
        if (score > best[slot]!) best[slot] = score;
        used = true;
      }
      if (used) matchedTerms.add(term);
    };
    if (prefix) {
      this.dictionary.atPrefix(word).forEach((term, posting) => {
        collect(term, posting, term === word ? exactMatch : prefixMatch);
      });
    } else {
      const posting = this.postings.get(word);
      if (posting) collect(word, posting, exactMatch);
    }
    if (typos) {
      for (const [term, distance] of this.typoVariants(word))
        collect(term, this.postings.get(term)!, typoMatch[distance as 1 | 2]);
    }
    return drainInSlotOrder(best, touched);
  }

  /**
   * Indexed words within the word's typo budget (first-letter rule applied),
   * with their distance; not the word itself. The radix tree finds plain
   * edits; swapped spellings of the word, looked up with the edits left,
   * add the terms that need a transposition.
   */
  private typoVariants(word: string): [string, number][] {
    let variants = this.variantCache.get(word);
    if (!variants) {
      variants = [];
      const budget = allowedTypos(word);
      if (budget > 0) {
        const candidates = new Set(this.dictionary.fuzzyGet(word, budget).keys());
        for (const [spelling, swaps] of transposedSpellings(word, budget as 1 | 2)) {
          if (swaps === budget) {
            if (this.postings.has(spelling)) candidates.add(spelling);
          } else {
            for (const term of this.dictionary.fuzzyGet(spelling, budget - swaps).keys()) candidates.add(term);
          }
        }
        for (const term of candidates) {
          const distance = term === word ? 0 : typoDistance(word, term);
          if (distance > 0 && withinTypoBudget(word, term, distance)) variants.push([term, distance]);
        }
      }
      if (this.variantCache.size > 10_000) this.variantCache.clear();
      this.variantCache.set(word, variants);
    }
    return variants;
  }
}

/**
 * Turns the scratch scores of the touched slots into a ScoreSet and clears
 * them. Many touched slots: one scan of the scratch array in slot order beats
 * sorting them.
 */
function drainInSlotOrder(best: Float32Array, touched: number[]): ScoreSet {
  const slots = new Int32Array(touched.length);
  const scores = new Float32Array(touched.length);
  if (touched.length > 256) {
    let low = Infinity;
    let high = -1;
    for (const slot of touched) {
      if (slot < low) low = slot;
      if (slot > high) high = slot;
    }
    if ((high - low) / 8 < touched.length) {
      let n = 0;
      for (let slot = low; slot <= high; slot++) {
        if (best[slot] === 0) continue;
        slots[n] = slot;
        scores[n++] = best[slot]!;
        best[slot] = 0;
      }
      return { slots, scores };
    }
  }
  slots.set(touched);
  slots.sort();
  for (let i = 0; i < slots.length; i++) {
    scores[i] = best[slots[i]!]!;
    best[slots[i]!] = 0;
  }
  return { slots, scores };
}

function insertSorted(posting: Posting, slot: number, mask: number): void {
  const { slots } = posting;
  if (slots.length === 0 || slots[slots.length - 1]! < slot) {
    slots.push(slot);
    posting.masks.push(mask);
    return;
  }
  let low = 0;
  let high = slots.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (slots[mid]! < slot) low = mid + 1;
    else high = mid;
  }
  slots.splice(low, 0, slot);
  posting.masks.splice(low, 0, mask);
}

function indexOfSlot(slots: number[], slot: number): number {
  let low = 0;
  let high = slots.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (slots[mid] === slot) return mid;
    if (slots[mid]! < slot) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

function grow(array: Float32Array, atLeast: number): Float32Array {
  const next = new Float32Array(Math.max(atLeast + 1, array.length * 2));
  next.set(array);
  return next;
}
