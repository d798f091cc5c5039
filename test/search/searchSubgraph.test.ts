/**
 * The search subgraph over HTTP with an in-memory change feed: the GraphQL
 * contract's shape (HTML-safe highlights, facets, entity references, input
 * errors), the admin routes' protection, and the snapshot that lets a
 * restart serve at once and catch up from saved cursors.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSearchSubgraph, type RunningSearchSubgraph } from '../../subgraphs/search/server.js';
import type { FeedEntry } from '../../subgraphs/search/indexer/changesQuery.js';
import { graphql } from '../support/graphql.js';
import { MemoryFeed } from './support/memoryFeed.js';
import { corpusDate, seedFeedEntries } from '../../seed/searchCorpus.js';

const entries = seedFeedEntries(120, 2);
const now = () => new Date(`${corpusDate}T12:00:00Z`);
const running: RunningSearchSubgraph[] = [];
let dir: string;

function feedWith(list: FeedEntry[]): MemoryFeed {
  const feed = new MemoryFeed();
  for (const entry of list) {
    feed.addInstitution(entry.institution.code);
    feed.publish(entry, 'CREATED');
  }
  return feed;
}

async function start(feed: MemoryFeed, extra: { indexDir?: string; adminToken?: string } = {}) {
  const search = await startSearchSubgraph({
    port: 0,
    gatewayUrl: 'http://127.0.0.1:9/graphql',
    indexIntervalMs: 3_600_000,
    feed,
    now,
    snapshotIntervalMs: 10,
    ...extra,
  });
  running.push(search);
  return search;
}

async function stopNow(search: RunningSearchSubgraph) {
  running.splice(running.indexOf(search), 1);
  await search.stop();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'search-subgraph-'));
});
afterAll(async () => {
  for (const search of running) await search.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('search subgraph over HTTP', () => {
  let search: RunningSearchSubgraph;
  const hostile: FeedEntry = {
    ...entries[0]!,
    id: `${entries[0]!.institution.code}:hostile-markup`,
    title: 'Xylograph <script>alert(1)</script> & "friends"',
    status: 'ACTIVE',
  };

  beforeAll(async () => {
    search = await start(feedWith([...entries, hostile]), { adminToken: 'admin-secret' });
    await search.indexer.runPass();
  });

  it('returns entity references with escaped, marked highlights', async () => {
    const result = await graphql(
      search.url,
      `{
      searchMicroCredentials(query: "xylograph") {
        total page pageSize totalPages
        hits { microCredential { __typename id } highlights { field snippet } }
      }
    }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.searchMicroCredentials).toEqual({
      total: 1,
      page: 1,
      pageSize: 20,
      totalPages: 1,
      hits: [
        {
          microCredential: { __typename: 'MicroCredential', id: hostile.id },
          highlights: [
            {
              field: 'TITLE',
              snippet: '<mark>Xylograph</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;',
            },
          ],
        },
      ],
    });
  });

  it('answers facets under the contract names and numeric stats', async () => {
    const result = await graphql(
      search.url,
      `{
      searchMicroCredentials(filter: { languages: ["en"] }, sort: COST_ASC) {
        total
        facets { institution { value count } language { value count } osapEligible { value count } skill { value count } commonCore { value count } }
        stats { hours { min max } cost { min max } weeks { min max } }
      }
    }`,
    );
    expect(result.errors).toBeUndefined();
    const { total, facets, stats } = result.data.searchMicroCredentials;
    expect(facets.language[0]).toEqual({ value: 'en', count: total });
    expect(facets.osapEligible.reduce((sum: number, f: any) => sum + f.count, 0)).toBe(total);
    expect(facets.commonCore).toEqual([]);
    expect(stats.hours.min).toBeLessThanOrEqual(stats.hours.max);
  });

  it('rejects out-of-range arguments with BAD_USER_INPUT', async () => {
    for (const args of [
      'pageSize: 101',
      'page: 0',
      'filter: { hours: { min: 10, max: 5 } }',
      'filter: { nextStartDate: { from: "2026-13-01" } }',
    ]) {
      const result = await graphql(search.url, `{ searchMicroCredentials(${args}) { total } }`);
      expect(result.errors?.[0]?.extensions?.code, args).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    }
    const suggestions = await graphql(search.url, '{ searchSuggestions(prefix: "da", limit: 50) { text } }');
    expect(suggestions.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('protects the admin routes with the admin token', async () => {
    const base = search.url.replace('/graphql', '');
    expect((await fetch(`${base}/index/run`, { method: 'POST' })).status).toBe(401);
    const run = await fetch(`${base}/index/run`, { method: 'POST', headers: { authorization: 'Bearer admin-secret' } });
    expect(run.status).toBe(200);
    expect(await run.json()).toMatchObject({ kind: 'incremental', upserted: 0, failedInstitutions: [] });
    const health = await (await fetch(`${base}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', ready: true, backend: 'embedded', documentCount: entries.length + 1 });
  });
});

describe('snapshots', () => {
  it('a restart serves the saved index at once and only fetches what changed since', async () => {
    const feed = feedWith(entries);
    const first = await start(feed, { indexDir: dir });
    await first.indexer.runPass();
    await stopNow(first);

    const [changed] = entries.filter((e) => e.status === 'ACTIVE');
    feed.publish({ ...changed!, title: 'Meteor Masonry' });
    feed.down.add(changed!.institution.code);
    const before = feed.requests;
    const second = await start(feed, { indexDir: dir });
    // Ready straight from the snapshot, even with an institution unreachable.
    expect(second.indexer.ready).toBe(true);
    expect(await second.backend.count()).toBe(entries.length);
    const stale = await graphql(second.url, '{ searchMicroCredentials(query: "meteor masonry") { total } }');
    expect(stale.data.searchMicroCredentials.total).toBe(0);

    feed.down.clear();
    await second.indexer.runPass();
    const fresh = await graphql(
      second.url,
      '{ searchMicroCredentials(query: "meteor masonry") { hits { microCredential { id } } } }',
    );
    expect(fresh.data.searchMicroCredentials.hits).toEqual([{ microCredential: { id: changed!.id } }]);
    // Cursors came back with the snapshot: per institution and pass, one check that its feed is the
    // saved one and the pages since the cursor (one each here), not the whole feed again (3 pages each).
    const institutionsCount = new Set(entries.map((e) => e.institution.code)).size;
    expect(feed.requests - before).toBeLessThanOrEqual(institutionsCount * 3);
    await stopNow(second);
  });

  it('reloads an institution whose catalogue was reset since the snapshot', async () => {
    const feed = feedWith(entries);
    const first = await start(feed, { indexDir: dir });
    await first.indexer.runPass();
    await stopNow(first);

    const code = entries[0]!.institution.code;
    const kept = entries.filter((e) => e.institution.code === code).slice(0, 5);
    feed.resetInstitution(code);
    for (const entry of kept) feed.publish(entry, 'CREATED');
    const second = await start(feed, { indexDir: dir });
    await second.indexer.runPass();
    expect((await second.backend.documentsOf(code)).map((d) => d.id).sort()).toEqual(kept.map((e) => e.id).sort());
    const other = entries.filter((e) => e.institution.code !== code);
    expect(await second.backend.count()).toBe(kept.length + other.length);
  });
});
