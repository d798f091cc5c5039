/**
 * The faceted, filtered queries every search benchmark runs: typical
 * directory searches (a topic, a typo, a synonym, French, browsing with
 * filters), each with filters and all facets.
 */
import type { SearchRequest } from '../subgraphs/search/query/searchRequest.js';

const base = { sort: 'RELEVANCE', page: 1, pageSize: 20, withFacets: true } as const;

export const facetedQueries: SearchRequest[] = [
  {
    ...base,
    query: 'data analytics',
    filters: { deliveryModes: ['ONLINE_ASYNCHRONOUS', 'ONLINE_SYNCHRONOUS'], osapEligible: true },
  },
  { ...base, query: 'cybersecurity', filters: { regions: ['TORONTO', 'CENTRAL'] } },
  { ...base, query: 'santé', filters: { languages: ['fr'] } },
  { ...base, query: '', filters: { institutionTypes: ['PUBLIC_COLLEGE'], hours: { max: 100 } }, sort: 'COST_ASC' },
  { ...base, query: 'project managment', filters: { cost: { max: 1500 } } },
  { ...base, query: 'AI', filters: { creditBearing: true } },
  { ...base, query: 'personal support worker', filters: { oqfBands: ['CERTIFICATE_I', 'BELOW_CERTIFICATE_I'] } },
  {
    ...base,
    query: 'welding',
    filters: { nextStartDate: { from: '2026-06-01', to: '2026-12-31' } },
    sort: 'NEXT_START_DATE_ASC',
  },
];

export interface LatencySummary {
  p50: number;
  p95: number;
  queries: number;
}

/** Runs the workload round-robin: `warmup` untimed queries, then `runs` timed ones. */
export async function measureLatency(
  search: (request: SearchRequest) => Promise<unknown> | unknown,
  runs = 400,
  warmup = 80,
): Promise<LatencySummary> {
  for (let i = 0; i < warmup; i++) await search(facetedQueries[i % facetedQueries.length]!);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await search(facetedQueries[i % facetedQueries.length]!);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), queries: runs };
}
