/** What resolvers return for object types whose fields are resolved later (codegen mappers, codegen.json). */
import type { SearchCard, SearchHit, SearchResult } from './generated/resolvers.js';
import type { SearchRequest, SearchResponse } from './query/searchRequest.js';

/** A search's result, with the request and response that `disjunctiveFacets` counts again only when asked for. */
export type SearchResultParent = Omit<SearchResult, 'disjunctiveFacets' | 'hits'> & {
  hits: Array<Omit<SearchHit, 'card'> & { card: SearchCardParent }>;
  readonly searched: { request: SearchRequest; response: SearchResponse };
};

/** A result card as the index holds it; which language its title is served in is resolved per request. */
export type SearchCardParent = Omit<SearchCard, 'titleLanguage'>;
