/**
 * The search page's state lives in its URL (shareable, bookmarkable, works
 * without JavaScript). Every parameter is hostile until checked here: values
 * outside the contract's enums or formats are dropped and reported to the
 * reader, never sent on.
 */
import {
  deliveryModeValues,
  institutionTypeValues,
  oqfBandValues,
  regionValues,
  searchSortValues,
} from '../subgraphs/search/generated/enums.js';
import type { FacetName } from './queries.js';

const enumValues: Partial<Record<FacetName, readonly string[]>> = {
  institutionType: institutionTypeValues,
  region: regionValues,
  deliveryMode: deliveryModeValues,
  oqfBand: oqfBandValues,
  osapEligible: ['true', 'false'],
  creditBearing: ['true', 'false'],
};

const formats: Partial<Record<FacetName, RegExp>> = {
  institution: /^[a-z][a-z0-9-]{1,31}$/,
  language: /^[a-z]{2,3}$/,
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses.
  skill: /^[^\u0000-\u001f]{1,200}$/,
  occupation: /^\d{5}$/,
  commonCore: /^[A-Z0-9][A-Z0-9-]{0,63}$/,
};

export const sortOrders = searchSortValues;
export type SortOrder = (typeof sortOrders)[number];

const rangeParams = ['hoursMin', 'hoursMax', 'costMin', 'costMax'] as const;
const dateParams = ['startFrom', 'startTo'] as const;
const maxValuesPerFacet = 20;
export const pageSize = 20;
const maxPage = 500;

export interface SearchState {
  query: string;
  sort: SortOrder;
  page: number;
  selected: Partial<Record<FacetName, string[]>>;
  ranges: Partial<Record<(typeof rangeParams)[number], number>>;
  dates: Partial<Record<(typeof dateParams)[number], string>>;
}

export interface ParsedSearch {
  state: SearchState;
  /** Parameters that were dropped, as `name=value`, for the reader. */
  rejected: string[];
}

function isValue(facet: FacetName, value: string): boolean {
  const allowed = enumValues[facet];
  if (allowed) return allowed.includes(value);
  return formats[facet]?.test(value) ?? false;
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function parseSearch(params: URLSearchParams, facets: readonly FacetName[]): ParsedSearch {
  const rejected: string[] = [];
  const reject = (name: string, value: string) => rejected.push(`${name}=${value.slice(0, 60)}`);
  const query = (params.get('q') ?? '').trim();
  const state: SearchState = {
    query: query.slice(0, 200),
    sort: 'RELEVANCE',
    page: 1,
    selected: {},
    ranges: {},
    dates: {},
  };
  if (query.length > 200) reject('q', query);
  const sort = params.get('sort');
  if (sort && (sortOrders as readonly string[]).includes(sort)) state.sort = sort as SortOrder;
  else if (sort) reject('sort', sort);
  const page = params.get('page');
  if (page && /^\d{1,4}$/.test(page) && Number(page) >= 1 && Number(page) <= maxPage) state.page = Number(page);
  else if (page) reject('page', page);
  for (const facet of facets) {
    const values = [...new Set(params.getAll(facet))];
    const valid = values.filter((value) => isValue(facet, value)).slice(0, maxValuesPerFacet);
    for (const value of values) if (!valid.includes(value)) reject(facet, value);
    if (valid.length) state.selected[facet] = valid;
  }
  for (const name of rangeParams) {
    const raw = params.get(name)?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (Number.isFinite(value) && value >= 0 && value <= 1_000_000) state.ranges[name] = value;
    else reject(name, raw);
  }
  for (const name of dateParams) {
    const raw = params.get(name)?.trim();
    if (!raw) continue;
    if (isCalendarDate(raw)) state.dates[name] = raw;
    else reject(name, raw);
  }
  swapIfReversed(state.ranges, 'hoursMin', 'hoursMax');
  swapIfReversed(state.ranges, 'costMin', 'costMax');
  swapIfReversed(state.dates, 'startFrom', 'startTo');
  return { state, rejected };
}

/** A reader who types the bounds the wrong way round means the range between them. */
function swapIfReversed<K extends string, V extends number | string>(
  bounds: Partial<Record<K, V>>,
  low: K,
  high: K,
): void {
  const a = bounds[low];
  const b = bounds[high];
  if (a !== undefined && b !== undefined && a > b) {
    bounds[low] = b;
    bounds[high] = a;
  }
}

/** A boolean facet with both values chosen does not restrict. */
function booleanFilter(values: string[] | undefined): boolean | undefined {
  return values?.length === 1 ? values[0] === 'true' : undefined;
}

function range(min: number | undefined, max: number | undefined) {
  return min === undefined && max === undefined ? undefined : { min, max };
}

/** The `SearchFilter` input of the public API. */
export function searchFilter(state: SearchState): Record<string, unknown> {
  const { selected, ranges, dates } = state;
  const filter: Record<string, unknown> = {
    institutions: selected.institution,
    institutionTypes: selected.institutionType,
    regions: selected.region,
    deliveryModes: selected.deliveryMode,
    oqfBands: selected.oqfBand,
    languages: selected.language,
    osapEligible: booleanFilter(selected.osapEligible),
    creditBearing: booleanFilter(selected.creditBearing),
    skills: selected.skill,
    occupations: selected.occupation,
    commonCore: selected.commonCore,
    hours: range(ranges.hoursMin, ranges.hoursMax),
    cost: range(ranges.costMin, ranges.costMax),
    nextStartDate: dates.startFrom || dates.startTo ? { from: dates.startFrom, to: dates.startTo } : undefined,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}

/** The query string for a state, e.g. for paging links; `page` 1 is left out. */
export function searchQueryString(state: SearchState, page = state.page): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const [facet, values] of Object.entries(state.selected)) for (const value of values) params.append(facet, value);
  for (const [name, value] of Object.entries(state.ranges)) params.set(name, String(value));
  for (const [name, value] of Object.entries(state.dates)) params.set(name, value);
  if (state.sort !== 'RELEVANCE') params.set('sort', state.sort);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hasFilters(state: SearchState): boolean {
  return (
    Object.keys(state.selected).length > 0 ||
    Object.keys(state.ranges).length > 0 ||
    Object.keys(state.dates).length > 0
  );
}
