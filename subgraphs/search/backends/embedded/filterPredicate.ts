/**
 * SearchFilters compiled to a predicate over table slots, with the semantics
 * of the Meilisearch filter expression the other backend sends: OR inside a
 * list, any-element match on list fields, inclusive ranges, a document
 * without a value never matching a range on it, and text values matching
 * every spelling of the same facet value (query/facetValue.ts).
 */
import type { NumberRange, SearchFilters } from '../../query/searchRequest.js';
import { dayNumber } from '../../documents/dayNumber.js';
import { qualityMarkers } from '../../documents/searchDocument.js';
import type { DocumentTable, ListFacet, SingleFacet } from './documentTable.js';

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
  const range = (column: Float64Array, bounds: NumberRange | undefined) => {
    if (!bounds || (bounds.min === undefined && bounds.max === undefined)) return;
    const min = bounds.min ?? -Infinity;
    const max = bounds.max ?? Infinity;
    // NaN (no value) fails both comparisons.
    checks.push((slot) => column[slot]! >= min && column[slot]! <= max);
  };
  oneOf('institution', filters.institutions);
  oneOf('institutionType', filters.institutionTypes);
  oneOf('region', filters.regions);
  oneOf('deliveryMode', filters.deliveryModes);
  oneOf('oqfBand', filters.oqfBands);
  anyOf('languages', filters.languages);
  anyOf('skills', filters.skills);
  anyOf('occupations', filters.occupations);
  anyOf('commonCore', filters.commonCore);
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
  range(table.hours, filters.hours);
  range(table.cost, filters.cost);
  range(table.weeks, filters.weeks);
  const dates = filters.nextStartDate;
  if (dates && (dates.from !== undefined || dates.to !== undefined)) {
    range(table.nextStartDay, {
      min: dates.from === undefined ? undefined : dayNumber(dates.from),
      max: dates.to === undefined ? undefined : dayNumber(dates.to),
    });
  }
  if (filters.updatedSince !== undefined) range(table.updatedAtMs, { min: Date.parse(filters.updatedSince) });
  if (checks.length === 0) return () => true;
  return (slot) => {
    for (const check of checks) if (!check(slot)) return false;
    return true;
  };
}
