/**
 * A set of matching document slots with a relevance score each, slots in
 * ascending order, so AND and OR are linear merges over typed arrays.
 */
export interface ScoreSet {
  slots: Int32Array;
  scores: Float32Array;
}

export const emptyScoreSet: ScoreSet = { slots: new Int32Array(0), scores: new Float32Array(0) };

/** Slots in both sets; scores add up. */
export function intersect(a: ScoreSet, b: ScoreSet): ScoreSet {
  const length = Math.min(a.slots.length, b.slots.length);
  const slots = new Int32Array(length);
  const scores = new Float32Array(length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.slots.length && j < b.slots.length) {
    const x = a.slots[i]!;
    const y = b.slots[j]!;
    if (x === y) {
      slots[n] = x;
      scores[n++] = a.scores[i++]! + b.scores[j++]!;
    } else if (x < y) i++;
    else j++;
  }
  return { slots: slots.subarray(0, n), scores: scores.subarray(0, n) };
}

/** Slots in either set; a slot in both keeps the better score. */
export function union(a: ScoreSet, b: ScoreSet): ScoreSet {
  const slots = new Int32Array(a.slots.length + b.slots.length);
  const scores = new Float32Array(slots.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.slots.length || j < b.slots.length) {
    const x = i < a.slots.length ? a.slots[i]! : Infinity;
    const y = j < b.slots.length ? b.slots[j]! : Infinity;
    if (x === y) {
      slots[n] = x;
      scores[n++] = Math.max(a.scores[i++]!, b.scores[j++]!);
    } else if (x < y) {
      slots[n] = x;
      scores[n++] = a.scores[i++]!;
    } else {
      slots[n] = y;
      scores[n++] = b.scores[j++]!;
    }
  }
  return { slots: slots.subarray(0, n), scores: scores.subarray(0, n) };
}

export function scaled(set: ScoreSet, factor: number): ScoreSet {
  return { slots: set.slots, scores: set.scores.map((score) => score * factor) };
}
