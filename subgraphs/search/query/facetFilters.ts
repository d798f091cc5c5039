/**
 * How SearchFilters name the document fields they restrict, for both backends (the embedded
 * engine's predicate and the Meilisearch filter expression) and for disjunctive facet counts:
 * which filter restricts each facet, which facets hold one value or a list, and the numeric
 * ranges as bounds on document fields.
 */
import { dayNumber } from '../documents/dayNumber.js';
import type { FacetField, NumberRange, SearchFilters } from './searchRequest.js';

/** The filter that restricts each facet's own field (a facet is named by the document field it counts). */
export const filterOfFacet = {
  institution: 'institutions',
  institutionType: 'institutionTypes',
  region: 'regions',
  deliveryMode: 'deliveryModes',
  oqfBand: 'oqfBands',
  languages: 'languages',
  osapEligible: 'osapEligible',
  creditBearing: 'creditBearing',
  skills: 'skills',
  occupations: 'occupations',
  commonCore: 'commonCore',
  employerPartnered: 'employerPartnered',
  stackable: 'stackable',
  verifiedQualityAssurance: 'verifiedQualityAssurance',
  transferCredit: 'transferCredit',
  osapApproved: 'osapApproved',
} as const satisfies Record<FacetField, keyof SearchFilters>;

/** Facets with one value per document; a filter on one keeps documents whose value it lists. */
export type SingleFacet = 'institution' | 'institutionType' | 'region' | 'deliveryMode' | 'oqfBand';
/** Facets with a list of values per document; a filter on one keeps documents with any value it lists. */
export type ListFacet = 'languages' | 'skills' | 'occupations' | 'commonCore';
export const singleFacets: SingleFacet[] = ['institution', 'institutionType', 'region', 'deliveryMode', 'oqfBand'];
export const listFacets: ListFacet[] = ['languages', 'skills', 'occupations', 'commonCore'];

/** The numeric document fields a filter may bound. */
export type RangeField = 'hours' | 'cost' | 'weeks' | 'nextStartDay' | 'updatedAtMs';

/**
 * The bounds the filters set, on document fields, inclusive; a field without a bound is left out.
 * Dates become what the documents hold: a start date the day number, `updatedSince` milliseconds.
 */
export function rangeFilters(filters: SearchFilters): Array<[RangeField, NumberRange]> {
  const dates = filters.nextStartDate;
  const ranges: Array<[RangeField, NumberRange | undefined]> = [
    ['hours', filters.hours],
    ['cost', filters.cost],
    ['weeks', filters.weeks],
    [
      'nextStartDay',
      {
        min: dates?.from === undefined ? undefined : dayNumber(dates.from),
        max: dates?.to === undefined ? undefined : dayNumber(dates.to),
      },
    ],
    ['updatedAtMs', { min: filters.updatedSince === undefined ? undefined : Date.parse(filters.updatedSince) }],
  ];
  return ranges.filter((range): range is [RangeField, NumberRange] => {
    const bounds = range[1];
    return bounds !== undefined && (bounds.min !== undefined || bounds.max !== undefined);
  });
}
