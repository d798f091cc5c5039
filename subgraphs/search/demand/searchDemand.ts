/**
 * What one search adds to demand: built from the GraphQL arguments and the
 * answer only (never the request), so nothing about the searcher can enter.
 * Free-text filter values (skills) pass the same personal-details check as
 * the query; range and date filters are counted by name, not value.
 */
import type { SearchResponse } from '../query/searchRequest.js';
import type { QuerySearchMicroCredentialsArgs } from '../generated/resolvers.js';
import type { SearchDemand } from './DemandLog.js';
import { normaliseQuery, themeOfNoc, withheldQuery } from './queryText.js';

const codeLike = /^[A-Za-z0-9_.:-]{1,60}$/;

export function searchDemand(args: QuerySearchMicroCredentialsArgs, response: SearchResponse): SearchDemand {
  const filters: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(args.filter ?? {})) {
    if (value == null || (name === 'includeSunset' && value === false)) continue;
    if (Array.isArray(value)) {
      const values = value.map((item) =>
        name === 'skills' ? (normaliseQuery(String(item)) ?? '') : codeLike.test(String(item)) ? String(item) : '',
      );
      const kept = values.filter((item) => item !== '' && item !== withheldQuery);
      if (kept.length) filters[name] = kept;
    } else if (typeof value === 'boolean') filters[name] = [String(value)];
    else filters[name] = ['set'];
  }
  const topOccupation = response.facets.occupations?.[0]?.value;
  return {
    query: normaliseQuery(args.query),
    total: response.total,
    filters,
    theme: response.total > 0 && topOccupation ? themeOfNoc(topOccupation) : null,
  };
}
