/**
 * Slow, obvious reference answers over plain document arrays, written
 * independently of both engines, to check totals, facet counts and orders.
 */
import { qualityMarkers, type SearchDocument } from '../../../subgraphs/search/documents/searchDocument.js';
import { facetKey } from '../../../subgraphs/search/query/facetValue.js';
import type { SearchFilters, SortOrder } from '../../../subgraphs/search/query/searchRequest.js';

export function passes(d: SearchDocument, f: SearchFilters): boolean {
  const has = (wanted: string[] | undefined, value: string | null) =>
    !wanted?.length || (value !== null && wanted.map(facetKey).includes(facetKey(value)));
  const hasAny = (wanted: string[] | undefined, values: string[]) =>
    !wanted?.length || values.some((v) => has(wanted, v));
  const within = (r: { min?: number; max?: number } | undefined, v: number | null) =>
    !r || (v !== null && (r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max));
  return (
    (f.includeSunset === true || d.status === 'ACTIVE') &&
    has(f.institutions, d.institution) &&
    has(f.institutionTypes, d.institutionType) &&
    has(f.regions, d.region) &&
    has(f.deliveryModes, d.deliveryMode) &&
    has(f.oqfBands, d.oqfBand) &&
    hasAny(f.languages, d.languages) &&
    hasAny(f.skills, d.skills) &&
    hasAny(f.occupations, d.occupations) &&
    hasAny(f.commonCore, d.commonCore) &&
    (f.osapEligible === undefined || d.osapEligible === f.osapEligible) &&
    (f.creditBearing === undefined || d.creditBearing === f.creditBearing) &&
    qualityMarkers.every((marker) => f[marker] === undefined || d[marker] === f[marker]) &&
    within(f.hours, d.hours) &&
    within(f.cost, d.cost) &&
    within(f.weeks, d.weeks) &&
    (!f.nextStartDate ||
      (d.nextStartDate !== null &&
        (f.nextStartDate.from === undefined || d.nextStartDate >= f.nextStartDate.from) &&
        (f.nextStartDate.to === undefined || d.nextStartDate <= f.nextStartDate.to))) &&
    (f.updatedSince === undefined || new Date(d.updatedAt) >= new Date(f.updatedSince))
  );
}

/** facetKey(value) → count for one facet, over the documents; spellings of one value count once per document. */
export function facetCounts(documents: SearchDocument[], field: keyof SearchDocument): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of documents) {
    const raw = d[field];
    const values = Array.isArray(raw) ? new Set(raw.map(facetKey)) : raw === null ? [] : [facetKey(String(raw))];
    for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

export function minMax(documents: SearchDocument[], field: 'hours' | 'cost' | 'weeks') {
  const values = documents.map((d) => d[field]).filter((v): v is number => v !== null);
  return values.length ? { min: Math.min(...values), max: Math.max(...values) } : null;
}

/** Ids in the order a non-relevance sort must give: value order, missing values last, ties by id. */
export function sortedIds(documents: SearchDocument[], sort: Exclude<SortOrder, 'RELEVANCE'>): string[] {
  const [value, direction] = {
    COST_ASC: [(d: SearchDocument) => d.cost, 1],
    COST_DESC: [(d: SearchDocument) => d.cost, -1],
    HOURS_ASC: [(d: SearchDocument) => d.hours, 1],
    HOURS_DESC: [(d: SearchDocument) => d.hours, -1],
    NEXT_START_DATE_ASC: [(d: SearchDocument) => d.nextStartDate, 1],
  }[sort] as [(d: SearchDocument) => number | string | null, number];
  return [...documents]
    .sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x !== y) {
        if (x === null) return 1;
        if (y === null) return -1;
        return (x < y ? -1 : 1) * direction;
      }
      return a.id < b.id ? -1 : 1;
    })
    .map((d) => d.id);
}
