/**
 * Facet distributions and numeric min/max over the matching slots, counted
 * in typed arrays indexed by interned value id. A document counts once per
 * value (spellings of one value share an id; a document lists each id once).
 */
import {
  orderFacetCounts,
  type FacetCount,
  type FacetField,
  type NumberStats,
  type NumericField,
} from '../../query/searchRequest.js';
import { listFacets, singleFacets } from '../../query/facetFilters.js';
import type { DocumentTable } from './documentTable.js';
import { qualityMarkers } from '../../documents/searchDocument.js';

export function countFacets(
  table: DocumentTable,
  slots: Int32Array,
): { facets: Record<FacetField, FacetCount[]>; stats: Record<NumericField, NumberStats | null> } {
  const facets = {} as Record<FacetField, FacetCount[]>;
  for (const field of singleFacets) {
    // One extra cell at the end collects "no value" (-1) without a branch.
    const counts = new Int32Array(table.dictionaries[field].values.length + 1);
    const column = table.single[field];
    const missing = counts.length - 1;
    for (let i = 0; i < slots.length; i++) {
      const id = column[slots[i]!]!;
      counts[id < 0 ? missing : id]!++;
    }
    facets[field] = ordered(table, field, counts.subarray(0, missing));
  }
  for (const field of listFacets) {
    const counts = new Int32Array(table.dictionaries[field].values.length);
    const { start, length, pool } = table.list[field];
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const end = start[slot]! + length[slot]!;
      for (let j = start[slot]!; j < end; j++) counts[pool[j]!]!++;
    }
    facets[field] = ordered(table, field, counts);
  }
  facets.osapEligible = booleanCounts(table.osapEligible, slots);
  facets.creditBearing = booleanCounts(table.creditBearing, slots);
  for (const field of qualityMarkers) facets[field] = booleanCounts(table.markers[field], slots);
  return {
    facets,
    stats: { hours: minMax(table.hours, slots), cost: minMax(table.cost, slots), weeks: minMax(table.weeks, slots) },
  };
}

function ordered(table: DocumentTable, field: FacetField, counts: Int32Array): FacetCount[] {
  const entries: [string, number][] = [];
  for (let id = 0; id < counts.length; id++)
    if (counts[id]! > 0) entries.push([table.facetValue(field, id), counts[id]!]);
  return orderFacetCounts(entries);
}

function booleanCounts(column: Uint8Array, slots: Int32Array): FacetCount[] {
  let yes = 0;
  for (let i = 0; i < slots.length; i++) yes += column[slots[i]!]!;
  return orderFacetCounts([
    ['true', yes],
    ['false', slots.length - yes],
  ]);
}

function minMax(column: Float64Array, slots: Int32Array): NumberStats | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < slots.length; i++) {
    const value = column[slots[i]!]!;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min === Infinity ? null : { min, max };
}
