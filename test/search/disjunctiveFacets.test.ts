import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchBackend } from '../../subgraphs/search/backends/SearchBackend.js';
import { disjunctiveFacets } from '../../subgraphs/search/disjunctiveFacets.js';
import {
  facetFields,
  type FacetField,
  type SearchFilters,
  type SearchRequest,
} from '../../subgraphs/search/query/searchRequest.js';
import { facetKey } from '../../subgraphs/search/query/facetValue.js';
import { facetCounts, passes } from './support/bruteForce.js';
import { forEachBackend } from './support/forEachBackend.js';
import { seedDocuments } from '../../seed/searchCorpus.js';

const corpus = seedDocuments(600);

forEachBackend('disjunctive', suite);

function suite(
  name: string,
  create: () => Promise<SearchBackend>,
  dispose: (backend: SearchBackend) => Promise<void> = async () => {},
) {
  describe(`disjunctive facets (${name})`, () => {
    let backend: SearchBackend;
    beforeAll(async () => {
      backend = await create();
      await backend.open();
      await backend.upsert(corpus);
    });
    afterAll(async () => {
      if (backend) await dispose(backend);
    });

    async function both(query: string, filters: SearchFilters) {
      const request: SearchRequest = { query, filters, sort: 'RELEVANCE', page: 1, pageSize: 5 };
      const response = await backend.search(request);
      return { response, disjunctive: await disjunctiveFacets(backend, request, response) };
    }

    it('counts a chosen facet as if nothing in it were chosen, and every other facet with all filters', async () => {
      const filters: SearchFilters = {
        deliveryModes: ['ONLINE_ASYNCHRONOUS'],
        regions: ['TORONTO'],
        osapEligible: true,
      };
      const { response, disjunctive } = await both('', filters);
      const { deliveryModes: _d, ...withoutModes } = filters;
      const { regions: _r, ...withoutRegions } = filters;
      const { osapEligible: _o, ...withoutOsap } = filters;
      // Keyed as the brute force keys them: values that differ only in case are one value (query/facetValue.ts).
      const asCounted = (field: FacetField) =>
        Object.fromEntries(disjunctive[field].map((v) => [facetKey(v.value), v.count]));

      const modes = asCounted('deliveryMode');
      expect(modes).toEqual(
        facetCounts(
          corpus.filter((d) => passes(d, withoutModes)),
          'deliveryMode',
        ),
      );
      // The point of it: other delivery modes stay visible with their counts.
      expect(Object.keys(modes).length).toBeGreaterThan(1);
      expect(modes[facetKey('ONLINE_ASYNCHRONOUS')]).toBe(response.total);
      expect(asCounted('region')).toEqual(
        facetCounts(
          corpus.filter((d) => passes(d, withoutRegions)),
          'region',
        ),
      );
      expect(asCounted('osapEligible')).toEqual(
        facetCounts(
          corpus.filter((d) => passes(d, withoutOsap)),
          'osapEligible',
        ),
      );
      const matching = corpus.filter((d) => passes(d, filters));
      for (const field of facetFields.filter((f) => !['deliveryMode', 'region', 'osapEligible'].includes(f))) {
        if (field === 'skills' || field === 'occupations') continue; // cut at 100 values; compared below
        expect(asCounted(field), field).toEqual(facetCounts(matching, field));
      }
      expect(disjunctive.skills).toEqual(response.facets.skills);
    });

    it('keeps the text query when counting a facet without its filter', async () => {
      const filters: SearchFilters = { institutionTypes: ['PUBLIC_COLLEGE'] };
      const { response, disjunctive } = await both('data', filters);
      const unfiltered = await backend.search({ query: 'data', filters: {}, sort: 'RELEVANCE', page: 1, pageSize: 1 });
      expect(disjunctive.institutionType).toEqual(unfiltered.facets.institutionType);
      expect(unfiltered.total).toBeLessThan(corpus.length);
      expect(disjunctive.institutionType.find((v) => v.value === 'PUBLIC_COLLEGE')?.count).toBe(response.total);
    });

    it('equals the plain facets when no facet filter is set', async () => {
      const { response, disjunctive } = await both('', { hours: { max: 40 } });
      expect(disjunctive).toEqual(response.facets);
    });
  });
}
