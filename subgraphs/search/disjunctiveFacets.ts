/**
 * Disjunctive facet counts: each facet counted with every filter except its
 * own, so a user who chose "Online" still sees how many entries are in person
 * (what choosing that value too would add, since values of one facet combine
 * with OR). Facets whose filter is not set count exactly as the search itself.
 *
 * Backend-neutral on purpose: one extra search per facet whose filter is set
 * (in parallel, one hit each, facets only), the way Meilisearch documents
 * disjunctive faceting (one query per facet in a multi-search) and the way
 * the embedded engine answers it too, so both backends stay held to the same
 * answers by the conformance suite.
 */
import type { SearchBackend } from './backends/SearchBackend.js';
import { filterOfFacet } from './query/facetFilters.js';
import type { FacetCount, FacetField, SearchRequest, SearchResponse } from './query/searchRequest.js';

export async function disjunctiveFacets(
  backend: SearchBackend,
  request: SearchRequest,
  response: SearchResponse,
): Promise<Record<FacetField, FacetCount[]>> {
  const facets = { ...response.facets };
  const filtered = (Object.keys(filterOfFacet) as FacetField[]).filter(
    (field) => request.filters[filterOfFacet[field]] !== undefined,
  );
  await Promise.all(
    filtered.map(async (field) => {
      const { [filterOfFacet[field]]: _own, ...others } = request.filters;
      const counted = await backend.search({
        query: request.query,
        filters: others,
        sort: 'RELEVANCE',
        page: 1,
        pageSize: 1,
        matchFields: request.matchFields,
      });
      facets[field] = counted.facets[field];
    }),
  );
  return facets;
}
