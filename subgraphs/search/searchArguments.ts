/**
 * GraphQL arguments → a validated SearchRequest. Bad input fails with
 * BAD_USER_INPUT naming the argument; nothing a client sends reaches a
 * backend unchecked.
 */
import { GraphQLError } from 'graphql';
import type { QuerySearchMicroCredentialsArgs, SearchFilter } from './generated/resolvers.js';
import { maxPageSize, type NumberRange, type SearchFilters, type SearchRequest } from './query/searchRequest.js';

export const maxQueryLength = 500;
export const maxPage = 10_000;
const maxValuesPerFilter = 100;
const maxValueLength = 200;

export class BadSearchInput extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

export function searchRequestFrom(args: QuerySearchMicroCredentialsArgs): SearchRequest {
  const query = args.query ?? '';
  if (query.length > maxQueryLength) throw new BadSearchInput(`query must be at most ${maxQueryLength} characters`);
  const page = args.page ?? 1;
  const pageSize = args.pageSize ?? 20;
  if (page < 1 || page > maxPage) throw new BadSearchInput(`page must be from 1 to ${maxPage}, got ${page}`);
  if (pageSize < 1 || pageSize > maxPageSize)
    throw new BadSearchInput(`pageSize must be from 1 to ${maxPageSize}, got ${pageSize}`);
  return { query, filters: filtersFrom(args.filter ?? {}), sort: args.sort ?? 'RELEVANCE', page, pageSize };
}

function filtersFrom(filter: SearchFilter): SearchFilters {
  const filters: SearchFilters = {
    institutions: list('institutions', filter.institutions),
    institutionTypes: list('institutionTypes', filter.institutionTypes),
    regions: list('regions', filter.regions),
    deliveryModes: list('deliveryModes', filter.deliveryModes),
    oqfBands: list('oqfBands', filter.oqfBands),
    languages: list('languages', filter.languages),
    skills: list('skills', filter.skills),
    occupations: list('occupations', filter.occupations),
    commonCore: list('commonCore', filter.commonCore),
    osapEligible: filter.osapEligible ?? undefined,
    creditBearing: filter.creditBearing ?? undefined,
    employerPartnered: filter.employerPartnered ?? undefined,
    stackable: filter.stackable ?? undefined,
    verifiedQualityAssurance: filter.verifiedQualityAssurance ?? undefined,
    transferCredit: filter.transferCredit ?? undefined,
    osapApproved: filter.osapApproved ?? undefined,
    hours: range('hours', filter.hours),
    cost: range('cost', filter.cost),
    weeks: range('weeks', filter.weeks),
    updatedSince: filter.updatedSince ?? undefined,
    includeSunset: filter.includeSunset ?? false,
  };
  const dates = filter.nextStartDate;
  if (dates && (dates.from != null || dates.to != null)) {
    if (dates.from != null && dates.to != null && dates.from > dates.to) {
      throw new BadSearchInput(`filter.nextStartDate.from (${dates.from}) is after to (${dates.to})`);
    }
    filters.nextStartDate = { from: dates.from ?? undefined, to: dates.to ?? undefined };
  }
  return filters;
}

function list<T extends string>(name: string, values: readonly T[] | null | undefined): T[] | undefined {
  if (!values?.length) return undefined;
  if (values.length > maxValuesPerFilter)
    throw new BadSearchInput(`filter.${name} takes at most ${maxValuesPerFilter} values`);
  for (const value of values) {
    if (value.length > maxValueLength)
      throw new BadSearchInput(`filter.${name} values must be at most ${maxValueLength} characters`);
  }
  return [...values];
}

function range(
  name: string,
  bounds: { min?: number | null; max?: number | null } | null | undefined,
): NumberRange | undefined {
  if (!bounds || (bounds.min == null && bounds.max == null)) return undefined;
  for (const bound of [bounds.min, bounds.max]) {
    if (bound != null && !Number.isFinite(bound))
      throw new BadSearchInput(`filter.${name} bounds must be finite numbers`);
  }
  if (bounds.min != null && bounds.max != null && bounds.min > bounds.max) {
    throw new BadSearchInput(`filter.${name}.min (${bounds.min}) is greater than max (${bounds.max})`);
  }
  return { min: bounds.min ?? undefined, max: bounds.max ?? undefined };
}
