/**
 * Search resolvers: validate arguments, refuse to answer before the index is
 * ready, ask the backend, and shape its answer for the contract (entity
 * references for the gateway to resolve, HTML-safe highlights).
 */
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';
import type { HighlightedField } from './documents/searchDocument.js';
import type { HighlightField, Resolvers, SearchResult } from './generated/resolvers.js';
import { snippetHtml } from './highlightMarkup.js';
import type { SearchResponse } from './query/searchRequest.js';
import { suggest } from './query/suggestions.js';
import { DateScalar, DateTimeScalar } from '../../runtime/scalars.js';
import { BadSearchInput, searchRequestFrom } from './searchArguments.js';

const highlightFieldNames: Record<HighlightedField, HighlightField> = {
  title: 'TITLE',
  titleFr: 'TITLE_FR',
  description: 'DESCRIPTION',
  descriptionFr: 'DESCRIPTION_FR',
  skills: 'SKILL',
};

export const maxSuggestions = 20;

function requireReady(context: Context): void {
  if (!context.indexer.ready) {
    throw new GraphQLError('The search index is still being built; try again shortly (see searchStatus).', {
      extensions: { code: 'INDEX_NOT_READY' },
    });
  }
}

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: {
    async searchMicroCredentials(_parent, args, context) {
      const request = searchRequestFrom(args);
      requireReady(context);
      const response = await context.backend.search(request);
      return toSearchResult(response, request.page, request.pageSize);
    },
    async searchSuggestions(_parent, { prefix, limit }, context) {
      if (prefix.length > 100) throw new BadSearchInput('prefix must be at most 100 characters');
      if (limit < 1 || limit > maxSuggestions)
        throw new BadSearchInput(`limit must be from 1 to ${maxSuggestions}, got ${limit}`);
      requireReady(context);
      return suggest(context.backend, prefix, limit);
    },
    async searchStatus(_parent, _args, { backend, indexer }) {
      return {
        ready: indexer.ready,
        backend: backend.kind,
        documentCount: await backend.count(),
        lastPassAt: indexer.lastPass?.finishedAt ?? null,
        institutions: indexer.institutions(),
        indexVersion: indexer.version,
      };
    },
  },
};

function toSearchResult(response: SearchResponse, page: number, pageSize: number): SearchResult {
  const { facets, stats } = response;
  return {
    total: response.total,
    page,
    pageSize,
    totalPages: Math.ceil(response.total / pageSize),
    hits: response.hits.map((hit) => ({
      microCredential: { __typename: 'MicroCredential', id: hit.id },
      highlights: hit.highlights.map(({ field, marked }) => ({
        field: highlightFieldNames[field],
        snippet: snippetHtml(marked),
      })),
    })),
    facets: {
      institution: facets.institution,
      institutionType: facets.institutionType,
      region: facets.region,
      deliveryMode: facets.deliveryMode,
      oqfBand: facets.oqfBand,
      language: facets.languages,
      osapEligible: facets.osapEligible,
      creditBearing: facets.creditBearing,
      skill: facets.skills,
      occupation: facets.occupations,
      commonCore: facets.commonCore,
    },
    stats,
  };
}
