/**
 * Search resolvers: validate arguments, refuse to answer before the index is
 * ready, ask the backend, and shape its answer for the contract (entity
 * references for the gateway to resolve, HTML-safe highlights).
 */
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';
import type { HighlightedField, SearchCard as IndexedCard } from './documents/searchDocument.js';
import { disjunctiveFacets } from './disjunctiveFacets.js';
import type { HighlightField, Resolvers, SearchFacets } from './generated/resolvers.js';
import { snippetHtml } from './highlightMarkup.js';
import type { SearchCardParent, SearchResultParent } from './parents.js';
import type { FacetCount, FacetField, SearchRequest, SearchResponse } from './query/searchRequest.js';
import { suggest } from './query/suggestions.js';
import { DateScalar, DateTimeScalar } from '../../runtime/scalars.js';
import { englishOf, localized, servedLanguage } from '../../runtime/language.js';
import { BadSearchInput, searchRequestFrom } from './searchArguments.js';
import { searchDemand } from './demand/searchDemand.js';
import { insightsResolvers } from './insights/insightsResolvers.js';

const highlightFieldNames: Record<HighlightedField, HighlightField> = {
  title: 'TITLE',
  titleFr: 'TITLE_FR',
  description: 'DESCRIPTION',
  descriptionFr: 'DESCRIPTION_FR',
  skills: 'SKILL',
  skillsFr: 'SKILL_FR',
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
      // Later pages of the same search are not new demand.
      if (request.page === 1) {
        const demand = searchDemand(args, response);
        context.demand.recordSearch(demand);
        context.countedSearches.push(demand);
      }
      return toSearchResult(request, response);
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
    ...insightsResolvers.Query,
  },
  Mutation: insightsResolvers.Mutation,
  Insights: insightsResolvers.Insights,
  SearchResult: {
    async disjunctiveFacets({ searched }, _args, { backend }) {
      return toSearchFacets(await disjunctiveFacets(backend, searched.request, searched.response));
    },
  },
  SearchCard: {
    title: localized(
      (card) => englishOf(card.title, card.titleFr),
      (card) => card.titleFr,
    ),
    titleLanguage: servedLanguage(
      (card) => englishOf(card.title, card.titleFr),
      (card) => card.titleFr,
    ),
    institutionName: localized(
      (card) => card.institutionName,
      (card) => card.institutionNameFr,
    ),
  },
};

function toSearchResult(request: SearchRequest, response: SearchResponse): SearchResultParent {
  const { page, pageSize } = request;
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
      card: toCard(hit.card),
    })),
    facets: toSearchFacets(response.facets),
    stats: response.stats,
    searched: { request, response },
  };
}

function toSearchFacets(facets: Record<FacetField, FacetCount[]>): SearchFacets {
  return {
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
    employerPartnered: facets.employerPartnered,
    stackable: facets.stackable,
    verifiedQualityAssurance: facets.verifiedQualityAssurance,
    transferCredit: facets.transferCredit,
    osapApproved: facets.osapApproved,
  };
}

function toCard(card: IndexedCard): SearchCardParent {
  return {
    title: card.title,
    titleFr: card.titleFr,
    institutionCode: card.institution,
    institutionName: card.institutionName,
    institutionNameFr: card.institutionNameFr,
    instructionalHours: card.hours,
    deliveryMode: card.deliveryMode,
    priceCad: card.cost === null ? null : { min: card.cost, max: card.maxCost ?? card.cost },
    nextStartDate: card.nextStartDate,
    url: card.url,
    osapEligible: card.osapEligible,
    osapApproved: card.osapApproved,
    oqfBand: card.oqfBand,
    status: card.status,
  };
}
