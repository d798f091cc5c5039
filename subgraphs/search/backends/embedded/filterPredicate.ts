/**
 * SearchFilters compiled to a predicate over table slots, with the semantics
 * of the Meilisearch filter expression the other backend sends: OR inside a
 * list, any-element match on list fields, inclusive ranges, a document
 * without a value never matching a range on it, and text values matching
 * every spelling of the same facet value (query/facetValue.ts).
 */
import type { NumberRange, SearchFilters } from '../../query/searchRequest.js';
import { qualityMarkers } from '../../documents/searchDocument.js';
import {
  filterOfFacet,
  listFacets,
  rangeFilters,
  singleFacets,
  type ListFacet,
  type SingleFacet,
} from '../../query/facetFilters.js';
import type { DocumentTable } from './documentTable.js';

export type SlotPredicate = (slot: number) => boolean;

export function filterPredicate(table: DocumentTable, filters: SearchFilters): SlotPredicate {
  const checks: SlotPredicate[] = [];
  if (!filters.includeSunset) checks.push((slot) => table.sunset[slot] === 0);
  const oneOf = (field: SingleFacet, wanted: readonly string[] | undefined) => {
    if (!wanted?.length) return;
    const allowed = table.dictionaries[field].membership(wanted);
    const column = table.single[field];
    checks.push((slot) => allowed[column[slot]!] === 1);
  };
  const anyOf = (field: ListFacet, wanted: readonly string[] | undefined) => {
    if (!wanted?.length) return;
    const allowed = table.dictionaries[field].membership(wanted);
    const column = table.list[field];
    checks.push((slot) => {
      const end = column.start[slot]! + column.length[slot]!;
      for (let i = column.start[slot]!; i < end; i++) if (allowed[column.pool[i]!] === 1) return true;
      return false;
    });
  };
  const range = (column: Float64Array, bounds: NumberRange) => {
    const min = bounds.min ?? -Infinity;
    const max = bounds.max ?? Infinity;
    // NaN (no value) fails both comparisons.
    checks.push((slot) => column[slot]! >= min && column[slot]! <= max);
  };
  for (const field of singleFacets) oneOf(field, filters[filterOfFacet[field]]);
  for (const field of listFacets) anyOf(field, filters[filterOfFacet[field]]);
  if (filters.osapEligible !== undefined) {
    const wanted = filters.osapEligible ? 1 : 0;
    checks.push((slot) => table.osapEligible[slot] === wanted);
  }
  if (filters.creditBearing !== undefined) {
    const wanted = filters.creditBearing ? 1 : 0;
    checks.push((slot) => table.creditBearing[slot] === wanted);
  }
  for (const field of qualityMarkers) {
    const wanted = filters[field];
    if (wanted !== undefined) checks.push((slot) => table.markers[field][slot] === (wanted ? 1 : 0));
  }
  for (const [field, bounds] of rangeFilters(filters)) range(table[field], bounds);
  if (checks.length === 0) return () => true;
  return (slot) => {
    for (const check of checks) if (!check(slot)) return false;
    return true;
  };
}
