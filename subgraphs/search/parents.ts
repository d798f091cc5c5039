/** What resolvers return for object types whose fields are resolved later (codegen mappers, codegen.json). */
import type { SearchResult } from './generated/resolvers.js';
import type { SearchRequest, SearchResponse } from './query/searchRequest.js';

/** A search's result, with the request and response that `disjunctiveFacets` counts again only when asked for. */
export type SearchResultParent = Omit<SearchResult, 'disjunctiveFacets'> & {
  readonly searched: { request: SearchRequest; response: SearchResponse };
};
