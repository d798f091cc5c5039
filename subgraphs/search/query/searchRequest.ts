/**
 * The backend-neutral search request and response. The GraphQL layer turns
 * arguments into a SearchRequest (validated), each backend answers with a
 * SearchResponse, and the conformance suite holds both backends to the same
 * answers.
 */
import { qualityMarkers } from '../documents/searchDocument.js';
import type {
  SearchCard,
  DeliveryMode,
  HighlightedField,
  InstitutionType,
  OqfBand,
  Region,
  SearchableField,
} from '../documents/searchDocument.js';

/** Every facet, named by the document field it counts. */
export const facetFields = [
  'institution',
  'institutionType',
  'region',
  'deliveryMode',
  'oqfBand',
  'languages',
  'osapEligible',
  'creditBearing',
  'skills',
  'occupations',
  'commonCore',
  ...qualityMarkers,
] as const;
export type FacetField = (typeof facetFields)[number];

export const numericFields = ['hours', 'cost', 'weeks'] as const;
export type NumericField = (typeof numericFields)[number];

/** How many values one facet returns at most, most frequent first. */
export const facetValueLimit = 100;

export interface NumberRange {
  min?: number;
  max?: number;
}

export interface DateRange {
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
}

/** Lists combine with OR inside one condition; conditions combine with AND. Empty lists are dropped. */
export interface SearchFilters {
  institutions?: string[];
  institutionTypes?: InstitutionType[];
  regions?: Region[];
  deliveryModes?: DeliveryMode[];
  oqfBands?: OqfBand[];
  languages?: string[];
  osapEligible?: boolean;
  creditBearing?: boolean;
  skills?: string[];
  occupations?: string[];
  commonCore?: string[];
  employerPartnered?: boolean;
  stackable?: boolean;
  verifiedQualityAssurance?: boolean;
  transferCredit?: boolean;
  /** The province's approval; `osapEligible` is the institution's claim. */
  osapApproved?: boolean;
  hours?: NumberRange;
  cost?: NumberRange;
  weeks?: NumberRange;
  nextStartDate?: DateRange;
  /** ISO instant, inclusive. */
  updatedSince?: string;
  includeSunset?: boolean;
}

export type SortOrder = 'RELEVANCE' | 'COST_ASC' | 'COST_DESC' | 'HOURS_ASC' | 'HOURS_DESC' | 'NEXT_START_DATE_ASC';

export interface SearchRequest {
  query: string;
  filters: SearchFilters;
  sort: SortOrder;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Restricts which fields the query is matched against (autocomplete); all searchable fields when absent. */
  matchFields?: readonly SearchableField[];
  /** Skip facet counting when the caller does not need it. */
  withFacets?: boolean;
}

/**
 * A highlighted passage. Matched words are wrapped in the private markers
 * below; the GraphQL layer escapes the text and turns markers into <mark>.
 */
export interface RawHighlight {
  field: HighlightedField;
  marked: string;
}

export const matchStart = '\u0002';
export const matchEnd = '\u0003';

export interface SearchHit {
  id: string;
  highlights: RawHighlight[];
  card: SearchCard;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface NumberStats {
  min: number;
  max: number;
}

export interface SearchResponse {
  total: number;
  hits: SearchHit[];
  facets: Record<FacetField, FacetCount[]>;
  stats: Record<NumericField, NumberStats | null>;
}

export const maxQueryWords = 10;
export const maxPageSize = 100;

/** Facet values most frequent first, ties alphabetical, cut at the limit: the same order for every backend. */
export function orderFacetCounts(counts: Iterable<[string, number]>, limit = facetValueLimit): FacetCount[] {
  return [...counts]
    .filter(([, count]) => count > 0)
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([value, count]) => ({ value, count }));
}

export function emptyFacets(): Record<FacetField, FacetCount[]> {
  return Object.fromEntries(facetFields.map((field) => [field, []])) as unknown as Record<FacetField, FacetCount[]>;
}
