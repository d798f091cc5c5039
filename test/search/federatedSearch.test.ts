/**
 * The search subgraph in the real directory: catalogue subgraphs on
 * PostgreSQL, the framework, and a gateway that composes search in. The
 * indexer reads every catalogue through that gateway; searches through the
 * gateway come back with each hit resolved by the institution that owns it.
 * Indexing passes are driven by the test (the schedule is set to an hour).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { findFreePort } from '../../runtime/postgres.js';
import { generateCatalogue } from '../../seed/catalogue.js';
import { openCatalogueDatabase } from '../../subgraphs/catalogue/db/connection.js';
import { deleteEntries, upsertEntries } from '../../subgraphs/catalogue/db/catalogueStore.js';
import { startSearchSubgraph, type RunningSearchSubgraph } from '../../subgraphs/search/server.js';
import { provinceApiKey, registryToken, startTestDirectory, stopInstitutionDuringTest } from '../support/directory.js';
import { graphql } from '../support/graphql.js';

const institutions = ['humber', 'lacite', 'uottawa'];
const entriesPerInstitution = 12;
let directory: LocalDirectory;
let search: RunningSearchSubgraph;
let gateway: RunningGateway;
const searchQuery = `query($q: String, $filter: SearchFilter, $sort: SearchSort, $page: Int, $pageSize: Int) {
  searchMicroCredentials(query: $q, filter: $filter, sort: $sort, page: $page, pageSize: $pageSize) {
    total totalPages
    hits { microCredential { id title status institution { code name type } oqfAlignment { band } } highlights { field snippet } }
    facets { institution { value count } institutionType { value count } region { value count } language { value count } oqfBand { value count } }
    stats { hours { min max } }
  }
}`;

/** The seeded catalogue of an institution, as the directory seeded it (same generator, same day). */
const seeded = (code: string) => generateCatalogue(code, entriesPerInstitution);
const publicCount = (code: string) => seeded(code).filter((e) => e.status !== 'DRAFT').length;
const activeCount = (code: string) => seeded(code).filter((e) => e.status === 'ACTIVE').length;

async function writeCatalogue(
  code: string,
  write: (db: ReturnType<typeof openCatalogueDatabase>['db']) => Promise<unknown>,
) {
  const connection = openCatalogueDatabase(directory.catalogueDatabaseUrl(code), { maxConnections: 1 });
  try {
    await write(connection.db);
  } finally {
    await connection.close();
  }
}

beforeAll(async () => {
  directory = await startTestDirectory({ institutions, entriesPerInstitution });
  const gatewayPort = await findFreePort();
  search = await startSearchSubgraph({
    port: 0,
    gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
    indexIntervalMs: 3_600_000,
  });
  // The search subgraph's first pass ran before the gateway exists: not ready yet.
  await search.indexer.runPass();
  gateway = await startGateway({
    port: gatewayPort,
    frameworkUrl: directory.framework.url,
    searchUrl: search.url,
    registryToken,
    registryRefreshMs: 200,
    // A first full pass reads every catalogue at once; on a busy machine 1.5 s was not always enough,
    // and the deadline is not what these tests are about (test/gateway/isolation.test.ts is).
    institutionTimeoutMs: 5_000,
    failureCooldownMs: 100,
  });
});

afterAll(async () => {
  await gateway?.stop();
  await search?.stop();
  await directory?.stop();
});

describe('before the first full load', () => {
  it('refuses to search with INDEX_NOT_READY and reports not ready', async () => {
    expect(search.indexer.ready).toBe(false);
    const result = await graphql(search.url, '{ searchMicroCredentials(query: "data") { total } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('INDEX_NOT_READY');
    expect((await fetch(search.url.replace('/graphql', '/ready'))).status).toBe(503);
    const health = await (await fetch(search.url.replace('/graphql', '/health'))).json();
    expect(health).toMatchObject({ status: 'starting', ready: false });
  });
});

describe('through the gateway', () => {
  beforeAll(async () => {
    const report = await search.indexer.runPass();
    expect(report.failedInstitutions).toEqual([]);
  });

  it('indexes every public entry of every institution, with framework data', async () => {
    expect(search.indexer.ready).toBe(true);
    const expected = institutions.reduce((sum, code) => sum + publicCount(code), 0);
    const status = await graphql(
      gateway.url,
      '{ searchStatus { ready backend documentCount institutions { code state rejectedEntries } } }',
    );
    expect(status.errors).toBeUndefined();
    expect(status.data.searchStatus).toMatchObject({ ready: true, backend: 'embedded', documentCount: expected });
    expect(status.data.searchStatus.institutions.map((i: any) => [i.code, i.state, i.rejectedEntries])).toEqual(
      [...institutions].sort().map((code) => [code, 'UP_TO_DATE', 0]),
    );
    expect((await fetch(search.url.replace('/graphql', '/ready'))).status).toBe(200);
  });

  it('answers a faceted search with hits resolved by their owners', async () => {
    const result = await graphql(gateway.url, searchQuery, { pageSize: 50 });
    expect(result.errors).toBeUndefined();
    const { total, hits, facets, stats } = result.data.searchMicroCredentials;
    expect(total).toBe(institutions.reduce((sum, code) => sum + activeCount(code), 0));
    expect(hits.length).toBe(Math.min(50, total));
    for (const { microCredential } of hits) {
      expect(microCredential.status).toBe('ACTIVE');
      expect(microCredential.id.startsWith(`${microCredential.institution.code}:`)).toBe(true);
      expect(microCredential.institution.name).toBeTruthy();
      expect(microCredential.oqfAlignment.band).toMatch(/CERTIFICATE|BELOW/);
    }
    expect(Object.fromEntries(facets.institution.map((f: any) => [f.value, f.count]))).toEqual(
      Object.fromEntries(institutions.map((code) => [code, activeCount(code)])),
    );
    expect(facets.institutionType.length).toBeGreaterThan(0);
    expect(facets.region.length).toBeGreaterThan(0);
    expect(stats.hours.min).toBeLessThanOrEqual(stats.hours.max);
  });

  it('finds French entries by French words and highlights the match', async () => {
    const french = seeded('lacite').find((e) => e.status === 'ACTIVE' && e.titleFr)!;
    const word = french.titleFr!.split(/[^\p{L}]+/u).filter((w) => w.length >= 6)[0]!;
    const result = await graphql(gateway.url, searchQuery, { q: word, filter: { institutions: ['lacite'] } });
    expect(result.errors).toBeUndefined();
    const hit = result.data.searchMicroCredentials.hits.find(
      (h: any) => h.microCredential.id === `lacite:${french.slug}`,
    );
    expect(hit).toBeDefined();
    expect(
      hit.highlights.some((h: any) => h.snippet.toLowerCase().includes(`<mark>${word.toLowerCase()}</mark>`)),
    ).toBe(true);
  });

  it('suggests titles while typing', async () => {
    const entry = seeded('humber').find((e) => e.status === 'ACTIVE')!;
    const typed = entry.title.slice(0, 6);
    const result = await graphql(
      gateway.url,
      'query($p: String!) { searchSuggestions(prefix: $p) { text kind count } }',
      { p: typed },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.searchSuggestions.map((s: any) => s.text)).toContain(entry.title);
  });

  it('rejects bad arguments clearly', async () => {
    const result = await graphql(gateway.url, '{ searchMicroCredentials(page: 0) { total } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('page');
  });
});

describe('following the change feeds', () => {
  it('picks up an update, a sunset and a deletion on the next pass', async () => {
    const [toRename, toSunset, toDelete] = seeded('humber').filter((e) => e.status === 'ACTIVE');
    await writeCatalogue('humber', async (db) => {
      await upsertEntries(db, [
        { ...toRename!, title: 'Quasar Glassblowing Intensive' },
        { ...toSunset!, status: 'SUNSET' },
      ]);
      await deleteEntries(db, [toDelete!.slug]);
    });
    const report = await search.indexer.runPass();
    expect(report).toMatchObject({ upserted: 2, removed: 1, failedInstitutions: [] });

    const renamed = await graphql(gateway.url, searchQuery, { q: 'quasar glassblowing' });
    expect(
      renamed.data.searchMicroCredentials.hits.map((h: any) => [h.microCredential.id, h.microCredential.title]),
    ).toEqual([[`humber:${toRename!.slug}`, 'Quasar Glassblowing Intensive']]);
    const humber = { institutions: ['humber'] };
    const ids = async (filter: object) =>
      (await graphql(gateway.url, searchQuery, { filter, pageSize: 100 })).data.searchMicroCredentials.hits.map(
        (h: any) => h.microCredential.id,
      );
    expect(await ids(humber)).not.toContain(`humber:${toSunset!.slug}`);
    expect(await ids({ ...humber, includeSunset: true })).toContain(`humber:${toSunset!.slug}`);
    expect(await ids({ ...humber, includeSunset: true })).not.toContain(`humber:${toDelete!.slug}`);
  });

  it('keeps going while one institution is down and catches it up when it is back', async () => {
    const [humberEntry] = seeded('humber')
      .filter((e) => e.status === 'ACTIVE')
      .slice(3);
    const [uottawaEntry] = seeded('uottawa').filter((e) => e.status === 'ACTIVE');
    await stopInstitutionDuringTest(directory, 'uottawa');
    await writeCatalogue('humber', (db) => upsertEntries(db, [{ ...humberEntry!, title: 'Pulsar Bookbinding' }]));
    // uOttawa changes while its server is down (its database is still there).
    await writeCatalogue('uottawa', (db) => upsertEntries(db, [{ ...uottawaEntry!, title: 'Comet Cartography' }]));

    const during = await search.indexer.runPass();
    expect(during.failedInstitutions).toEqual(['uottawa']);
    const status = search.indexer.institutions().find((i) => i.code === 'uottawa')!;
    expect(status.state).toBe('UNAVAILABLE');
    expect(status.cursor).not.toBeNull();
    const found = async (q: string) =>
      (
        await graphql(search.url, `{ searchMicroCredentials(query: "${q}") { hits { microCredential { id } } } }`)
      ).data.searchMicroCredentials.hits.map((h: any) => h.microCredential.id);
    expect(await found('pulsar bookbinding')).toEqual([`humber:${humberEntry!.slug}`]);
    expect(await found('comet cartography')).toEqual([]);
    // What was indexed for uOttawa before it went down is still searchable.
    expect((await search.backend.documentsOf('uottawa')).length).toBe(publicCount('uottawa'));

    await directory.startInstitution('uottawa');
    const deadline = Date.now() + 20_000;
    let after = await search.indexer.runPass();
    while (after.failedInstitutions.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      after = await search.indexer.runPass();
    }
    expect(after.failedInstitutions).toEqual([]);
    expect(await found('comet cartography')).toEqual([`uottawa:${uottawaEntry!.slug}`]);
    expect(search.indexer.institutions().find((i) => i.code === 'uottawa')!.state).toBe('UP_TO_DATE');
  });

  it('rebuilds from scratch on demand, picking up common-core memberships from the framework', async () => {
    const member = seeded('lacite').find((e) => e.status === 'ACTIVE')!;
    const province = { authorization: `Bearer ${provinceApiKey}` };
    const saved = await graphql(
      directory.framework.url,
      `mutation($input: CommonCoreEntryInput!) { saveCommonCoreEntry(input: $input) { code } }`,
      {
        input: {
          code: 'CC-SEARCH-TEST',
          title: 'Search test core',
          description: 'Common core used by the search tests.',
          sectorArea: 'DIGITAL_SKILLS',
          requiredCompetencies: ['testing'],
          minimumHours: 1,
          endorsingBodies: ['Search test council'],
        },
      },
      province,
    );
    expect(saved.errors).toBeUndefined();
    const members = await graphql(
      directory.framework.url,
      `mutation($ids: [ID!]!) { setCommonCoreMembers(code: "CC-SEARCH-TEST", microCredentialIds: $ids) { code } }`,
      { ids: [`lacite:${member.slug}`] },
      province,
    );
    expect(members.errors).toBeUndefined();

    const before = await search.backend.count();
    const response = await fetch(search.url.replace('/graphql', '/index/rebuild'), { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ kind: 'rebuild', failedInstitutions: [] });
    expect(await search.backend.count()).toBe(before);

    const result = await graphql(
      gateway.url,
      `{
      searchMicroCredentials(filter: { commonCore: ["CC-SEARCH-TEST"] }) { total hits { microCredential { id } } facets { commonCore { value count } } }
    }`,
    );
    expect(result.errors).toBeUndefined();
    const found = result.data.searchMicroCredentials;
    expect(found.total).toBe(1);
    expect(found.hits).toEqual([{ microCredential: { id: `lacite:${member.slug}` } }]);
    // The entry may belong to sample common-core entries too; the facet lists every membership of the matches.
    expect(found.facets.commonCore).toContainEqual({ value: 'CC-SEARCH-TEST', count: 1 });
  });
});
