/**
 * SearchFilters as a Meilisearch filter (array form: every string is ANDed).
 * Values are always quoted and escaped: they come from clients.
 */
import { qualityMarkers } from '../../documents/searchDocument.js';
import { filterOfFacet, listFacets, rangeFilters, singleFacets } from '../../query/facetFilters.js';
import type { SearchFilters } from '../../query/searchRequest.js';

export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function filterExpression(filters: SearchFilters): string[] {
  const conditions: string[] = [];
  if (!filters.includeSunset) conditions.push('status != "SUNSET"');
  const oneOf = (attribute: string, values: readonly string[] | undefined) => {
    if (values?.length) conditions.push(`${attribute} IN [${values.map(quote).join(', ')}]`);
  };
  // A list attribute matches when any of its values is IN the list, as the embedded engine does.
  for (const field of [...singleFacets, ...listFacets]) oneOf(field, filters[filterOfFacet[field]]);
  if (filters.osapEligible !== undefined) conditions.push(`osapEligible = ${filters.osapEligible}`);
  if (filters.creditBearing !== undefined) conditions.push(`creditBearing = ${filters.creditBearing}`);
  for (const field of qualityMarkers) {
    if (filters[field] !== undefined) conditions.push(`${field} = ${filters[field]}`);
  }
  for (const [attribute, bounds] of rangeFilters(filters)) {
    if (bounds.min !== undefined) conditions.push(`${attribute} >= ${filterNumber(bounds.min)}`);
    if (bounds.max !== undefined) conditions.push(`${attribute} <= ${filterNumber(bounds.max)}`);
  }
  return conditions;
}

/**
 * A bound as the filter grammar reads it. An unquoted value may hold only
 * letters, digits, "_", "-" and "." (`is_value_component` in
 * meilisearch/meilisearch:crates/filter-parser/src/value.rs, v1.50.0), so
 * JavaScript's `1e+21` is a syntax error there; `1e21` is the same number to
 * Rust's `f64` parser, which reads the bound (`parse_finite_float`,
 * crates/filter-parser/src/lib.rs). Any finite double is thus expressible;
 * non-finite bounds are refused earlier, with BAD_USER_INPUT.
 */
export function filterNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`filter bound must be a finite number, got ${value}`);
  return String(value).replace('e+', 'e');
}
