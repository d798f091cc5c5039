/**
 * Orders the matching slots and cuts out one page. Only the first
 * page × pageSize slots are ever put in order (a bounded heap), so a first
 * page over 50k matches costs one pass. Missing values go last in both
 * directions and ties go by id, as the Meilisearch backend's sort does.
 */
import type { SortOrder } from '../../query/searchRequest.js';
import type { DocumentTable } from './documentTable.js';

export function pageOfHits(
  table: DocumentTable,
  slots: Int32Array,
  scores: Float32Array | undefined,
  sort: SortOrder,
  page: number,
  pageSize: number,
): number[] {
  const start = (page - 1) * pageSize;
  if (start >= slots.length) return [];
  const keys = sortKeys(table, slots, scores, sort);
  const before = (a: number, b: number) => {
    const x = keys[a]!;
    const y = keys[b]!;
    if (x !== y) return x < y;
    return table.documents[slots[a]!]!.id < table.documents[slots[b]!]!.id;
  };
  const wanted = Math.min(slots.length, start + pageSize);
  const best = firstInOrder(slots.length, wanted, before);
  return best.slice(start).map((i) => slots[i]!);
}

/** Ascending keys: smaller comes first; missing values are +Infinity. */
function sortKeys(
  table: DocumentTable,
  slots: Int32Array,
  scores: Float32Array | undefined,
  sort: SortOrder,
): Float64Array {
  const keys = new Float64Array(slots.length);
  const fill = (column: Float64Array, direction: 1 | -1) => {
    for (let i = 0; i < slots.length; i++) {
      const value = column[slots[i]!]!;
      keys[i] = Number.isNaN(value) ? Infinity : value * direction;
    }
  };
  switch (sort) {
    case 'RELEVANCE':
      if (scores) for (let i = 0; i < slots.length; i++) keys[i] = -scores[i]!;
      else fill(table.updatedAtMs, -1);
      break;
    case 'COST_ASC':
      fill(table.cost, 1);
      break;
    case 'COST_DESC':
      fill(table.cost, -1);
      break;
    case 'HOURS_ASC':
      fill(table.hours, 1);
      break;
    case 'HOURS_DESC':
      fill(table.hours, -1);
      break;
    case 'NEXT_START_DATE_ASC':
      fill(table.nextStartDay, 1);
      break;
  }
  return keys;
}

/** Indices 0..n-1 of the `count` first items in order, sorted. */
function firstInOrder(n: number, count: number, before: (a: number, b: number) => boolean): number[] {
  if (count * 4 >= n) {
    return Array.from({ length: n }, (_, i) => i)
      .sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0))
      .slice(0, count);
  }
  // Max-heap (by order) of the best `count` so far; its root is the worst kept.
  const heap: number[] = [];
  const worse = (a: number, b: number) => before(b, a);
  const siftUp = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let top = i;
      if (left < heap.length && worse(heap[left]!, heap[top]!)) top = left;
      if (right < heap.length && worse(heap[right]!, heap[top]!)) top = right;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top]!, heap[i]!];
      i = top;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < count) {
      heap.push(i);
      siftUp(heap.length - 1);
    } else if (before(i, heap[0]!)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : 1));
}
