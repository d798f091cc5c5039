import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchBackend } from '../../subgraphs/search/backends/SearchBackend.js';
import { cardOf, type SearchDocument } from '../../subgraphs/search/documents/searchDocument.js';
import {
  facetFields,
  matchEnd,
  matchStart,
  type SearchFilters,
  type SearchRequest,
  type SortOrder,
} from '../../subgraphs/search/query/searchRequest.js';
import { facetKey } from '../../subgraphs/search/query/facetValue.js';
import { suggest } from '../../subgraphs/search/query/suggestions.js';
import { words } from '../../subgraphs/search/query/text.js';
import { facetCounts, minMax, passes, sortedIds } from './support/bruteForce.js';
import { fixtureDocuments, fixtures } from './support/fixtureDocuments.js';
import { forEachBackend } from './support/forEachBackend.js';
import { seedDocuments } from '../../seed/searchCorpus.js';

const seed = seedDocuments(1500);
const corpus: SearchDocument[] = [...seed, ...fixtureDocuments];

forEachBackend('conformance', conformanceSuite);

function conformanceSuite(
  name: string,
  create: () => Promise<SearchBackend>,
  dispose: (backend: SearchBackend) => Promise<void>,
) {
  describe(`search conformance (${name})`, () => {
    let backend: SearchBackend;

    beforeAll(async () => {
      backend = await create();
      await backend.open();
      for (let i = 0; i < corpus.length; i += 500) await backend.upsert(corpus.slice(i, i + 500));
    });
    afterAll(async () => {
      if (backend) await dispose(backend);
    });

    const search = (query: string, filters: SearchFilters = {}, more: Partial<SearchRequest> = {}) =>
      backend.search({ query, filters, sort: 'RELEVANCE', page: 1, pageSize: 20, ...more });

    async function allIds(
      query: string,
      filters: SearchFilters = {},
      sort: SortOrder = 'RELEVANCE',
    ): Promise<string[]> {
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        const result = await search(query, filters, { page, pageSize: 100, sort, withFacets: false });
        ids.push(...result.hits.map((hit) => hit.id));
        if (result.hits.length < 100) return ids;
      }
    }

    const ids = async (query: string, filters?: SearchFilters) =>
      (await search(query, filters, { pageSize: 100 })).hits.map((h) => h.id);

    describe('typo tolerance (Meilisearch rules)', () => {
      it('a 4-letter word with one typo does not match', async () => {
        expect(await ids('zorc')).not.toContain(fixtures.zorb.id);
        expect(await ids('zorb')).toContain(fixtures.zorb.id);
      });
      it('a 5-letter word with one typo matches', async () => {
        expect(await ids('quilx')).toContain(fixtures.quilp.id);
      });
      it('a typo on the first letter counts as two', async () => {
        expect(await ids('xuilp')).not.toContain(fixtures.quilp.id);
      });
      it('an 8-letter word with two typos does not match, with one it does', async () => {
        expect(await ids('brxntifx')).not.toContain(fixtures.brontify.id);
        expect(await ids('brxntify')).toContain(fixtures.brontify.id);
      });
      it('a 9-letter word with two typos matches', async () => {
        expect(await ids('glxmmerux')).toContain(fixtures.glimmerax.id);
      });
      it('completes the last word as it is typed, but not earlier words', async () => {
        expect(await ids('glimme')).toContain(fixtures.glimmerax.id);
        expect(await ids('glimme studio')).not.toContain(fixtures.glimmerax.id);
      });
      it('needs every word of the query', async () => {
        expect(await ids('glimmerax studio')).toEqual([fixtures.glimmerax.id]);
        expect(await ids('glimmerax pottery')).toEqual([]);
      });
      it('a swap of two adjacent letters is one typo', async () => {
        expect(await ids('sotfware quorvex')).toEqual([fixtures.transposed.id]);
        expect(await ids('secruity quorvex')).toEqual([fixtures.transposed.id]);
        expect(await ids('anaylsis quorvex')).toEqual([fixtures.transposed.id]);
        expect(await ids('qourvex software')).toEqual([fixtures.transposed.id]);
        // Each of these finds seed entries too, not just the fixture.
        for (const typo of ['sotfware', 'secruity', 'anaylsis']) expect((await search(typo)).total).toBeGreaterThan(1);
      });
      it('a swap plus another typo is two, too many under 9 letters; a swapped first letter counts as two', async () => {
        expect(await ids('sotfwarx quorvex')).toEqual([]);
        expect(await ids('osftware quorvex')).toEqual([]);
      });
    });

    describe('synonyms', () => {
      it('AI finds "artificial intelligence" and back', async () => {
        expect(await ids('AI florists')).toContain(fixtures.aiLong.id);
        expect(await ids('artificial intelligence bakeries')).toContain(fixtures.aiShort.id);
      });
      it('PSW and personal support worker find each other', async () => {
        expect(await ids('personal support worker zeta')).toContain(fixtures.psw.id);
      });
      it('IA and intelligence artificielle find each other', async () => {
        expect(await ids('intelligence artificielle boulangeries')).toContain(fixtures.iaFr.id);
      });
      it('a five-word phrase finds its acronym and back, punctuation and case aside', async () => {
        const both = [fixtures.hvacLong.id, fixtures.hvacShort.id].sort();
        expect((await ids('heating ventilation and air conditioning yelvan')).sort()).toEqual(both);
        expect((await ids('Yelvan: Heating, Ventilation and Air-Conditioning ')).sort()).toEqual(both);
        expect((await ids('hvac yelvan')).sort()).toEqual(both);
      });
      it('cybersecurity finds cybersécurité, with or without accents', async () => {
        expect(await ids('cybersecurity zeta')).toContain(fixtures.cyberFr.id);
        expect(await ids('cybersecurite zeta')).toContain(fixtures.cyberFr.id);
      });
    });

    describe('French content', () => {
      it('finds French titles, descriptions and skills, accents optional', async () => {
        expect(await ids('soins palliatifs')).toContain(fixtures.french.id);
        expect(await ids('proches aidants')).toContain(fixtures.french.id);
        expect(await ids('écoute empathique')).toContain(fixtures.french.id);
        expect(await ids('ecoute empathique')).toContain(fixtures.french.id);
      });
      it('ignores French function words the way Meilisearch ignores stop words', async () => {
        // "l'", "des" and "en" are not in the title or are written differently; "de" is not required.
        expect(await ids("l'analyse des données vrelkor")).toEqual([fixtures.vrelkorLab.id]);
        expect(await ids('analyse en données vrelkor ')).toEqual([fixtures.vrelkorLab.id]);
        // Typed last, a stop word still completes a word ("la" → "laboratoire"); followed by a space it is dropped.
        expect(await ids('vrelkor la')).toEqual([fixtures.vrelkorLab.id]);
        expect((await ids('vrelkor la ')).sort()).toEqual([fixtures.vrelkorBasics.id, fixtures.vrelkorLab.id].sort());
        // A query of stop words only is a browse, as an empty one.
        expect((await search('la des ')).total).toBe((await search('')).total);
      });
      it('highlights the French words matched, not the function words between them', async () => {
        const [hit] = (await search('analyse des données vrelkor')).hits;
        expect(hit?.highlights).toContainEqual({
          field: 'titleFr',
          marked: `${matchStart}Analyse${matchEnd} de ${matchStart}données${matchEnd} ${matchStart}Vrelkor${matchEnd} en laboratoire`,
        });
      });
      it('finds official French skill labels and occupation titles, and highlights the skill in French', async () => {
        const [hit] = (await search('soudage zentrix')).hits;
        expect(hit?.id).toBe(fixtures.frenchSkill.id);
        expect(hit!.highlights).toContainEqual({
          field: 'skillsFr',
          marked: `${matchStart}Soudage${matchEnd} à l’arc ${matchStart}Zentrix${matchEnd}`,
        });
        expect(await ids('soudeuses zentrix')).toEqual([fixtures.frenchSkill.id]);
      });
      it('finds French seed entries by their French titles', async () => {
        const french = seed.find((d) => d.status === 'ACTIVE' && d.titleFr && d.titleFr !== d.title)!;
        expect(await allIds(french.titleFr!)).toContain(french.id);
      });
    });

    describe('ranking', () => {
      it('ranks a title match above a description match, and an exact word above a typo', async () => {
        const found = await ids('quilp');
        expect(found.slice(0, 1)).toEqual([fixtures.quilp.id]);
        expect(found).toContain(fixtures.quilpInDescription.id);
        expect(found).toContain(fixtures.quilk.id);
        expect(found.indexOf(fixtures.quilp.id)).toBeLessThan(found.indexOf(fixtures.quilk.id));
      });
    });

    describe('result cards', () => {
      const byId = new Map(corpus.map((document) => [document.id, document]));
      it('every hit carries its card from the index, with or without a query', async () => {
        for (const query of ['glimmerax', 'data', '']) {
          const { hits } = await search(query, {}, { pageSize: 50, withFacets: false });
          expect(hits.length).toBeGreaterThan(0);
          for (const hit of hits) expect(hit.card).toEqual(cardOf(byId.get(hit.id)!));
        }
      });
      it('keeps a price range and leaves absent values null', async () => {
        const { hits } = await search('', { institutions: ['testlab'] }, { pageSize: 100, withFacets: false });
        const ranged = hits.find((hit) => hit.id === fixtures.pricedRange.id)!.card;
        expect([ranged.cost, ranged.maxCost, ranged.nextStartDate]).toEqual([250, 900, '2026-09-01']);
        const bare = hits.find((hit) => hit.id === fixtures.noIntake.id)!.card;
        expect(bare).toMatchObject({ cost: null, maxCost: null, nextStartDate: null, oqfBand: null, titleFr: null });
      });
    });

    describe('highlighting', () => {
      it('marks matched words in titles and crops long descriptions around the match', async () => {
        const [hit] = (await search('glimmerax')).hits;
        expect(hit?.id).toBe(fixtures.glimmerax.id);
        const title = hit!.highlights.find((h) => h.field === 'title');
        expect(title?.marked).toBe(`${matchStart}Glimmerax${matchEnd} Studio`);
        const description = hit!.highlights.find((h) => h.field === 'description');
        expect(description?.marked).toContain(`${matchStart}glimmerax${matchEnd}`);
        expect(description?.marked.startsWith('…')).toBe(true);
        expect(description!.marked.length).toBeLessThan(fixtures.glimmerax.description.length);
      });
      it('highlights the matching skill, not the others', async () => {
        const [hit] = (await search('zylophone repair')).hits;
        expect(hit?.id).toBe(fixtures.markup.id);
        expect(hit!.highlights).toContainEqual({
          field: 'skills',
          marked: `${matchStart}Zylophone${matchEnd} ${matchStart}repair${matchEnd}`,
        });
      });
      it('has no highlights when browsing without a query', async () => {
        const result = await search('', { institutions: ['testlab'] });
        expect(result.hits.length).toBeGreaterThan(0);
        expect(result.hits.every((hit) => hit.highlights.length === 0)).toBe(true);
      });
    });

    describe('sunset entries', () => {
      it('are left out by default and included on request', async () => {
        expect(await ids('zylophone')).toEqual([fixtures.markup.id]);
        expect((await ids('zylophone', { includeSunset: true })).sort()).toEqual(
          [fixtures.markup.id, fixtures.sunset.id].sort(),
        );
      });
    });

    describe('filters', () => {
      const some = seed.find(
        (d) => d.status === 'ACTIVE' && d.skills.length > 0 && d.occupations.length > 0 && d.cost !== null,
      )!;
      const cases: [string, SearchFilters][] = [
        ['institutions', { institutions: [some.institution, 'testlab'] }],
        ['institutionTypes', { institutionTypes: ['UNIVERSITY', 'INDIGENOUS_INSTITUTE'] }],
        ['regions', { regions: ['TORONTO'] }],
        ['deliveryModes', { deliveryModes: ['ONLINE_ASYNCHRONOUS', 'HYBRID'] }],
        ['oqfBands', { oqfBands: ['CERTIFICATE_I'] }],
        ['languages', { languages: ['fr'] }],
        ['osapEligible', { osapEligible: true }],
        ['creditBearing', { creditBearing: false }],
        ['skills', { skills: [some.skills[0]!] }],
        ['skills, any case', { skills: [some.skills[0]!.toUpperCase()] }],
        ['occupations', { occupations: [some.occupations[0]!] }],
        ['commonCore (no entry has one yet)', { commonCore: ['cc-digital-literacy'] }],
        ['hours range', { hours: { min: 20, max: 60 } }],
        ['cost range', { cost: { max: 500 } }],
        ['weeks range', { weeks: { min: 10 } }],
        ['next start date range', { nextStartDate: { from: '2026-07-01', to: '2026-09-30' } }],
        ['updatedSince', { updatedSince: '2026-05-20T00:00:00.000Z' }],
        ['bounds beyond 1e21 (exponent notation)', { hours: { min: 0, max: 1e21 }, cost: { min: -1e21 } }],
        ['a lower bound no entry reaches', { weeks: { min: 1e300 } }],
        ['tiny bounds', { cost: { min: -1e-7, max: 5e-324 } }],
        ['facet values in another case and with spaces', { skills: ['  kelp FARMING'] }],
        ['includeSunset', { includeSunset: true }],
        [
          'several at once',
          {
            regions: ['TORONTO', 'EASTERN'],
            osapEligible: true,
            hours: { max: 100 },
            deliveryModes: ['ONLINE_ASYNCHRONOUS'],
          },
        ],
      ];
      it.each(cases)('%s: exactly the entries a brute-force pass finds', async (_label, filters) => {
        const expected = corpus.filter((d) => passes(d, filters)).map((d) => d.id);
        const result = await search('', filters);
        expect(result.total).toBe(expected.length);
        expect((await allIds('', filters)).sort()).toEqual(expected.sort());
      });
      it('combine with the query', async () => {
        const filters: SearchFilters = { institutions: ['testlab'], cost: { min: 50 } };
        expect(await ids('glimmerax', filters)).toEqual([fixtures.glimmerax.id]);
        expect(await ids('glimmerax', { institutions: [some.institution] })).toEqual([]);
      });
    });

    describe('ids Meilisearch could not take as document ids', () => {
      it('are indexed, found, updated and removed like any other', async () => {
        expect(Buffer.byteLength(fixtures.longId.id)).toBeGreaterThan(511);
        expect(await ids('yarrowcraft')).toEqual([fixtures.longId.id]);
        await backend.upsert([{ ...fixtures.longId, title: 'Yarrowcraft Advanced' }]);
        expect(await ids('yarrowcraft advanced')).toEqual([fixtures.longId.id]);
        expect(await ids('yarrowcraft foundations')).toEqual([]);
        await backend.remove([fixtures.longId.id]);
        expect(await ids('yarrowcraft')).toEqual([]);
        await backend.upsert([fixtures.longId]);
        expect(await ids('yarrowcraft')).toEqual([fixtures.longId.id]);
        expect((await backend.documentsOf('testlab')).map((d) => d.id)).toContain(fixtures.longId.id);
      });
    });

    describe('facets and stats', () => {
      it('values differing only in case or surrounding spaces are one value, counted once per entry', async () => {
        const result = await search('kelp', { institutions: ['testlab'] });
        expect(result.total).toBe(3);
        expect(result.facets.skills).toHaveLength(1);
        expect(facetKey(result.facets.skills[0]!.value)).toBe('kelp farming');
        expect(['Kelp Farming', 'kelp farming', 'KELP FARMING ']).toContain(result.facets.skills[0]!.value);
        expect(result.facets.skills[0]!.count).toBe(3);
        const filtered = await search('', { skills: ['Kelp farming'] });
        expect(filtered.hits.map((hit) => hit.id).sort()).toEqual(
          [fixtures.kelpTitle.id, fixtures.kelpLower.id, fixtures.kelpUpper.id].sort(),
        );
      });

      const requests: [string, string, SearchFilters][] = [
        ['everything', '', {}],
        ['filtered browse', '', { regions: ['TORONTO', 'CENTRAL'], osapEligible: false }],
        ['a query', 'data', {}],
        ['a query with filters', 'management', { deliveryModes: ['IN_PERSON', 'HYBRID'], includeSunset: true }],
      ];
      it.each(requests)(
        '%s: counts match brute-force counts over the matching entries',
        async (_label, query, filters) => {
          const result = await search(query, filters);
          const matchingIds = new Set(await allIds(query, filters));
          const matching = corpus.filter((d) => matchingIds.has(d.id));
          expect(result.total).toBe(matching.length);
          if (query === '') expect(matching.length).toBe(corpus.filter((d) => passes(d, filters)).length);
          expect(matching.length).toBeGreaterThan(0);
          for (const field of facetFields) {
            const expected = facetCounts(matching, field);
            const shown = Object.fromEntries(result.facets[field].map(({ value, count }) => [facetKey(value), count]));
            if (Object.keys(expected).length <= 100) expect(shown, field).toEqual(expected);
            else
              for (const [value, count] of Object.entries(shown))
                expect(count, `${field}=${value}`).toBe(expected[value]);
            const counts = result.facets[field].map((v) => v.count);
            expect(counts, `${field} most frequent first`).toEqual([...counts].sort((a, b) => b - a));
          }
          for (const field of ['hours', 'cost', 'weeks'] as const)
            expect(result.stats[field], field).toEqual(minMax(matching, field));
        },
      );
      it('has empty facets and no stats when nothing matches', async () => {
        const result = await search('glimmerax pottery');
        expect(result.total).toBe(0);
        expect(result.facets.institution).toEqual([]);
        expect(result.stats.hours).toBeNull();
      });
    });

    describe('sort orders', () => {
      const filters: SearchFilters = { regions: ['TORONTO', 'NORTHERN', 'EASTERN'] };
      const sorts = ['COST_ASC', 'COST_DESC', 'HOURS_ASC', 'HOURS_DESC', 'NEXT_START_DATE_ASC'] as const;
      it.each(sorts)('%s: value order, entries without a value last, ties by id', async (sort) => {
        const expected = sortedIds(
          corpus.filter((d) => passes(d, filters)),
          sort,
        );
        const pages = [];
        for (const page of [1, 2, 3])
          pages.push(...(await search('', filters, { sort, page, withFacets: false })).hits.map((h) => h.id));
        expect(pages).toEqual(expected.slice(0, 60));
        const last = Math.ceil(expected.length / 20);
        const lastPage = await search('', filters, { sort, page: last, withFacets: false });
        expect(lastPage.hits.map((h) => h.id)).toEqual(expected.slice((last - 1) * 20));
      });
      it('sorts a text query by the chosen order, not relevance', async () => {
        const expected = sortedIds(
          corpus.filter((d) => ['quilp', 'quilk', 'pottery-evenings'].some((w) => d.id.includes(w))),
          'HOURS_DESC',
        );
        const found = (await search('quilp', {}, { sort: 'HOURS_DESC' })).hits.map((h) => h.id);
        expect(found).toEqual(expected);
      });
      it('RELEVANCE without a query lists the most recently updated first', async () => {
        const expected = corpus
          .filter((d) => passes(d, filters))
          .sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? 1 : -1))
          .map((d) => d.id);
        expect((await search('', filters)).hits.map((h) => h.id)).toEqual(expected.slice(0, 20));
      });
    });

    describe('pagination', () => {
      const filters: SearchFilters = { institutions: ['testlab'], includeSunset: true };
      const expectedTotal = fixtureDocuments.length;
      it('pages are disjoint, in order, and cover every match once', async () => {
        const seen: string[] = [];
        for (let page = 1; page <= Math.ceil(expectedTotal / 4); page++) {
          const result = await search('', filters, { page, pageSize: 4, sort: 'HOURS_ASC' });
          expect(result.total).toBe(expectedTotal);
          seen.push(...result.hits.map((h) => h.id));
        }
        expect(seen.length).toBe(expectedTotal);
        expect(new Set(seen).size).toBe(expectedTotal);
      });
      it('the last page holds the remainder; past it there are no hits but the same total', async () => {
        const last = await search('', filters, { page: Math.ceil(expectedTotal / 5), pageSize: 5 });
        expect(last.hits.length).toBe(expectedTotal % 5 || 5);
        const past = await search('', filters, { page: 99, pageSize: 5 });
        expect(past.hits).toEqual([]);
        expect(past.total).toBe(expectedTotal);
        expect(past.facets.institution).toEqual([{ value: 'testlab', count: expectedTotal }]);
      });
      it('a page of one', async () => {
        const result = await search('glimmerax', {}, { pageSize: 1 });
        expect(result.hits.map((h) => h.id)).toEqual([fixtures.glimmerax.id]);
        expect(result.total).toBe(1);
      });
    });

    describe('suggestions', () => {
      it('complete titles and skills from the typed prefix', async () => {
        const titles = await suggest(backend, 'glimm', 5);
        expect(titles).toContainEqual({ text: 'Glimmerax Studio', kind: 'TITLE', count: 1 });
        const skills = await suggest(backend, 'zylophone rep', 5);
        expect(skills).toContainEqual({ text: 'Zylophone repair', kind: 'SKILL', count: 1 });
        expect(skills.map((s) => s.text)).not.toContain('Retired zylophone course');
      });
      it('only offer phrases containing the typed prefix, most frequent first', async () => {
        const skill = seed[0]!.skills[0]!;
        const typed = skill.split(' ')[0]!.slice(0, 5);
        const suggestions = await suggest(backend, typed, 8);
        expect(suggestions.length).toBeGreaterThan(0);
        const typedWord = words(typed)[0]!;
        for (const suggestion of suggestions)
          expect(
            words(suggestion.text).some((w) => w.startsWith(typedWord)),
            suggestion.text,
          ).toBe(true);
        expect(suggestions.map((s) => s.text)).toContain(skill);
        const counts = suggestions.map((s) => s.count);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
      });
    });

    describe('writes', () => {
      it('an update replaces the entry, a removal drops it, an institution can be dropped whole', async () => {
        await backend.upsert([{ ...fixtures.zorb, title: 'Zorb Advanced Vexillology' }]);
        expect(await ids('vexillology')).toEqual([fixtures.zorb.id]);
        expect(await ids('zorb basics')).toEqual([]);
        await backend.remove([fixtures.zorb.id]);
        expect(await ids('vexillology')).toEqual([]);
        await backend.upsert([fixtures.zorb]);
        expect(await ids('zorb')).toEqual([fixtures.zorb.id]);
        const before = await backend.count();
        await backend.removeInstitution('testlab');
        expect(await backend.count()).toBe(before - fixtureDocuments.length);
        expect(await backend.indexedInstitutions()).not.toContain('testlab');
        await backend.upsert(fixtureDocuments);
        expect(await backend.count()).toBe(before);
      });
      it('a rebuild swaps in the new content at once and keeps the old one if it fails', async () => {
        await expect(
          backend.rebuild(async (writer) => {
            await writer.upsert([fixtures.zorb]);
            throw new Error('feed broke');
          }),
        ).rejects.toThrow('feed broke');
        expect(await backend.count()).toBe(corpus.length);
        await backend.rebuild(async (writer) => writer.upsert(fixtureDocuments));
        expect(await backend.count()).toBe(fixtureDocuments.length);
        expect(await ids('glimmerax')).toEqual([fixtures.glimmerax.id]);
        await backend.rebuild(async (writer) => writer.upsert(corpus));
        expect(await backend.count()).toBe(corpus.length);
      });
    });
  });
}
