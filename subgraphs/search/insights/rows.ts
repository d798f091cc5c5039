/** The rows every insights table is made of, and counting into them. */
export interface CountRow {
  key: string;
  label: string;
  count: number;
}

export interface RangeRow {
  label: string;
  min: number | null;
  max: number | null;
  count: number;
}

/** Counts per key, most frequent first, ties by key; `limit` rows at most. */
export function countRows(
  keys: Iterable<string>,
  label: (key: string) => string = (key) => key,
  limit = Number.POSITIVE_INFINITY,
): CountRow[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return sortedRows(counts, label).slice(0, limit);
}

export function sortedRows(counts: Map<string, number>, label: (key: string) => string = (key) => key): CountRow[] {
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, count]) => ({ key, label: label(key), count }));
}

/** Values into half-open ranges `[min, max)`; the last range is open-ended. */
export function rangeRows(values: number[], bounds: number[], unit: string): RangeRow[] {
  return bounds.map((min, index) => {
    const max = bounds[index + 1] ?? null;
    return {
      label: max === null ? `${min}${unit} or more` : `${min}${unit} to under ${max}${unit}`,
      min,
      max,
      count: values.filter((value) => value >= min && (max === null || value < max)).length,
    };
  });
}
