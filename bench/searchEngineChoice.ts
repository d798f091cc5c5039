/**
 * Measures the two embedded-engine candidates on seed data, each used the way
 * its documentation intends, for the same faceted, filtered workload:
 *
 * - MiniSearch 7: `search()` with Meilisearch's typo rule as a per-term
 *   `fuzzy` function, AND between words, a `filter` callback, then facets
 *   counted and the page cut from the full result list;
 * - Orama 3: typed schema (enums for facets), `where` filters, built-in
 *   `facets`, `tolerance` 1 (Orama has one tolerance for all words).
 *
 * and, for reference, the engine the search subgraph ships (MiniSearch's word
 * dictionary with columnar filters and facets). Run: `npx tsx bench/searchEngineChoice.ts`.
 */
import MiniSearch from 'minisearch';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { EmbeddedIndex } from '../subgraphs/search/backends/embedded/EmbeddedIndex.js';
import type { SearchDocument } from '../subgraphs/search/documents/searchDocument.js';
import { searchableFields } from '../subgraphs/search/documents/searchDocument.js';
import { facetFields, orderFacetCounts, type SearchRequest } from '../subgraphs/search/query/searchRequest.js';
import { allowedTypos } from '../subgraphs/search/query/typoTolerance.js';
import { seedDocuments } from '../seed/searchCorpus.js';
import { measureLatency } from './searchWorkload.js';

interface Candidate {
  name: string;
  build(documents: SearchDocument[]): Promise<(request: SearchRequest) => unknown>;
}

function matchesFilters(d: SearchDocument, request: SearchRequest): boolean {
  const f = request.filters;
  const inList = <T>(list: T[] | undefined, value: T) => !list?.length || list.includes(value);
  const anyIn = <T>(list: T[] | undefined, values: T[]) => !list?.length || values.some((v) => list.includes(v));
  const inRange = (r: { min?: number; max?: number } | undefined, v: number | null) =>
    !r || (v !== null && v >= (r.min ?? -Infinity) && v <= (r.max ?? Infinity));
  return (
    (f.includeSunset || d.status !== 'SUNSET') &&
    inList(f.deliveryModes, d.deliveryMode) &&
    inList(f.regions, d.region!) &&
    inList(f.institutionTypes, d.institutionType!) &&
    inList(f.oqfBands, d.oqfBand!) &&
    anyIn(f.languages, d.languages) &&
    (f.osapEligible === undefined || f.osapEligible === d.osapEligible) &&
    (f.creditBearing === undefined || f.creditBearing === d.creditBearing) &&
    inRange(f.hours, d.hours) &&
    inRange(f.cost, d.cost) &&
    (!f.nextStartDate ||
      (d.nextStartDate !== null &&
        d.nextStartDate >= (f.nextStartDate.from ?? '') &&
        d.nextStartDate <= (f.nextStartDate.to ?? '9')))
  );
}

function facetsOf(documents: SearchDocument[]) {
  const out: Record<string, unknown> = {};
  for (const field of facetFields) {
    const counts = new Map<string, number>();
    for (const d of documents) {
      const value = d[field];
      for (const v of Array.isArray(value) ? value : [value])
        if (v !== null) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    }
    out[field] = orderFacetCounts(counts);
  }
  return out;
}

const miniSearch: Candidate = {
  name: 'MiniSearch 7 (search + filter callback + facets from results)',
  async build(documents) {
    const byId = new Map(documents.map((d) => [d.id, d]));
    const index = new MiniSearch<SearchDocument>({
      fields: [...searchableFields],
      extractField: (d, f) => {
        const v = d[f as keyof SearchDocument];
        return Array.isArray(v) ? v.join('\n') : (v as string);
      },
      processTerm: (t) =>
        t
          .normalize('NFD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase(),
    });
    index.addAll(documents);
    return (request) => {
      const all = request.query
        ? index
            .search(request.query, {
              combineWith: 'AND',
              fuzzy: (term) => allowedTypos(term),
              prefix: (_term, i, terms) => i === terms.length - 1,
              boost: { title: 4, titleFr: 4, skills: 3 },
              filter: (r) => matchesFilters(byId.get(r.id)!, request),
            })
            .map((r) => byId.get(r.id)!)
        : documents.filter((d) => matchesFilters(d, request));
      const facets = facetsOf(all);
      return { total: all.length, hits: all.slice(0, request.pageSize), facets };
    };
  },
};

const orama: Candidate = {
  name: 'Orama 3 (where + built-in facets)',
  async build(documents) {
    const db = create({
      schema: {
        id: 'string',
        title: 'string',
        titleFr: 'string',
        skillsText: 'string',
        occupationTitles: 'string',
        description: 'string',
        descriptionFr: 'string',
        institutionName: 'string',
        institution: 'enum',
        institutionType: 'enum',
        region: 'enum',
        deliveryMode: 'enum',
        oqfBand: 'enum',
        languages: 'enum[]',
        skills: 'enum[]',
        occupations: 'enum[]',
        osapEligible: 'boolean',
        creditBearing: 'boolean',
        hours: 'number',
        cost: 'number',
        weeks: 'number',
        sunset: 'boolean',
      } as const,
    });
    await insertMultiple(
      db,
      documents.map((d) => ({
        ...d,
        titleFr: d.titleFr ?? '',
        descriptionFr: d.descriptionFr ?? '',
        skillsText: d.skills.join('\n'),
        occupationTitles: d.occupationTitles.join('\n'),
        institutionType: d.institutionType ?? '',
        region: d.region ?? '',
        oqfBand: d.oqfBand ?? '',
        cost: d.cost ?? -1,
        sunset: d.status === 'SUNSET',
      })),
      1000,
    );
    return (request) => {
      const f = request.filters;
      const where: Record<string, unknown> = { sunset: false };
      if (f.deliveryModes) where.deliveryMode = { in: f.deliveryModes };
      if (f.regions) where.region = { in: f.regions };
      if (f.institutionTypes) where.institutionType = { in: f.institutionTypes };
      if (f.oqfBands) where.oqfBand = { in: f.oqfBands };
      if (f.languages) where.languages = { containsAny: f.languages };
      if (f.osapEligible !== undefined) where.osapEligible = f.osapEligible;
      if (f.creditBearing !== undefined) where.creditBearing = f.creditBearing;
      if (f.hours) where.hours = { between: [f.hours.min ?? 0, f.hours.max ?? 1e9] };
      if (f.cost) where.cost = { between: [f.cost.min ?? 0, f.cost.max ?? 1e9] };
      return oramaSearch(db, {
        term: request.query,
        tolerance: 1,
        threshold: 0,
        where: where as never,
        limit: request.pageSize,
        facets: {
          institution: { limit: 100 },
          institutionType: {},
          region: {},
          deliveryMode: {},
          oqfBand: {},
          languages: {},
          skills: { limit: 100 },
          occupations: { limit: 100 },
          osapEligible: {},
          creditBearing: {},
        },
      });
    };
  },
};

const shipped: Candidate = {
  name: 'Shipped engine (MiniSearch dictionary + columnar filters/facets)',
  async build(documents) {
    const index = new EmbeddedIndex();
    index.upsert(documents);
    return (request) => index.search(request);
  },
};

const sizes = (process.env.BENCH_SIZES ?? '2000,50000').split(',').map(Number);
console.log('| engine | entries | build ms | faceted query p50 ms | p95 ms |');
console.log('|---|---:|---:|---:|---:|');
for (const size of sizes) {
  const documents = seedDocuments(size);
  for (const candidate of [miniSearch, orama, shipped]) {
    const started = performance.now();
    const run = await candidate.build(documents);
    const buildMs = performance.now() - started;
    const latency = await measureLatency(run, size > 10_000 ? 200 : 400, 40);
    console.log(
      `| ${candidate.name} | ${documents.length} | ${buildMs.toFixed(0)} | ${latency.p50.toFixed(2)} | ${latency.p95.toFixed(2)} |`,
    );
  }
}
