/**
 * Searches answered from the gateway's response cache still count as demand:
 * every hit, whether the fast path in front of Apollo or Apollo itself served
 * it, is reported to search (on stop at the latest), while a credentialed
 * search, never cached, is counted once per request by search itself.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { operationHash } from '../../gateway/cache/cacheKey.js';
import { withheldQuery } from '../../subgraphs/search/demand/queryText.js';
import { provinceApiKey, registryToken, startTestDirectory } from '../support/directory.js';
import { graphql } from '../support/graphql.js';

let directory: LocalDirectory;
const province = { authorization: `Bearer ${provinceApiKey}` };
const search = 'query($q: String) { searchMicroCredentials(query: $q) { total } }';

beforeAll(async () => {
  directory = await startTestDirectory({
    institutions: ['humber'],
    entriesPerInstitution: 4,
    search: { port: 0, indexIntervalMs: 300 },
    // Reported only when the gateway stops, so the test shows the stop's report.
    responseCache: { searchReportIntervalMs: 3_600_000 },
  });
  await vi.waitFor(
    async () => {
      const status = await graphql(directory.gateway.url, '{ searchStatus { ready } }');
      expect(status.data?.searchStatus.ready).toBe(true);
    },
    { timeout: 30_000, interval: 200 },
  );
}, 120_000);
afterAll(async () => {
  await directory?.stop();
});

const demandQuery = '{ insights(from: "2024-01-01") { demand { searches topQueries { key count } } } }';

async function send(body: object, headers: Record<string, string> = {}): Promise<string | null> {
  const response = await fetch(directory.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const result = (await response.json()) as { errors?: unknown; extensions?: unknown };
  expect(result.errors).toBeUndefined();
  // Search's demand records stay between search and the gateway.
  expect(result.extensions).toBeUndefined();
  return response.headers.get('x-cache');
}

it('counts every cached answer to a search, through either path, and reports them when the gateway stops', async () => {
  const variables = { q: 'Cached Welding' };
  expect(await send({ query: search, variables })).toBe('MISS');
  // The cache's next check of its sources keeps the answer: the directory's start left it on the current index.
  await directory.gateway.responseCache.poll();
  // A plain request is answered by the fast path in front of Apollo.
  expect(await send({ query: search, variables })).toBe('HIT');
  expect(await send({ query: search, variables })).toBe('HIT');
  // A persisted query sent with its text goes through Apollo, whose plugin answers from the cache.
  const persisted = { persistedQuery: { version: 1, sha256Hash: operationHash(search) } };
  expect(await send({ query: search, variables, extensions: persisted })).toBe('HIT');
  // With a credential nothing is cached: search counts each request itself.
  for (let i = 0; i < 3; i++)
    expect(await send({ query: search, variables: { q: 'private welding' } }, province)).toBe('BYPASS');

  await directory.gateway.stop();

  const insights = await graphql(directory.search!.url, demandQuery, {}, province);
  expect(insights.errors).toBeUndefined();
  const { demand } = insights.data.insights;
  expect(demand.topQueries).toContainEqual({ key: 'cached welding', count: 4 });
  expect(demand.topQueries).toContainEqual({ key: 'private welding', count: 3 });
  expect(demand.searches).toBe(7);
}, 60_000);

it('takes reports of cached searches only from the gateway, and screens their text again', async () => {
  const report = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(new URL('/demand/cached-searches', directory.search!.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const gatewayToken = { authorization: `Bearer ${registryToken}` };
  const record = { query: 'jane.doe@example.com', total: 1, filters: {}, theme: null };
  expect((await report({ searches: [{ demand: record, count: 3 }] })).status).toBe(401);
  expect((await report({ searches: [{ demand: record, count: 3 }] }, province)).status).toBe(401);
  const bad = await report({ searches: [{ demand: { ...record, total: -1 }, count: 3 }] }, gatewayToken);
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({ code: 'BAD_CACHED_SEARCHES' });

  const searches = async () =>
    (await graphql(directory.search!.url, demandQuery, {}, province)).data.insights.demand.searches;
  const before = await searches();
  const accepted = await report({ searches: [{ demand: record, count: 3 }] }, gatewayToken);
  expect(await accepted.json()).toEqual({ counted: 3 });
  expect(await searches()).toBe(before + 3);
  // Counted without its text, as a search typed with personal details is.
  const [today] = directory.search!.demand.daysBetween('2024-01-01', '9999-12-31');
  expect(today?.counts.queries[withheldQuery]).toBe(3);
  expect(JSON.stringify(today)).not.toContain('jane.doe');
});
