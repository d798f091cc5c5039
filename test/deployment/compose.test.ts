/**
 * The production wiring, run as an operator runs it: every service of
 * docker-compose.yml in its own process, started from the image's command
 * with the environment the compose file gives it (secrets from
 * .env.example), on a PostgreSQL server of this file's own instead of the
 * compose one, so it can be restarted. Only addresses differ from the
 * containers. Meilisearch is used when MEILI_HOST (and MEILI_MASTER_KEY) are
 * set; otherwise the search service runs its embedded engine.
 *
 * First the deployment as configured; then its resilience under concurrent
 * load: services are hung (SIGSTOP), killed and restarted one at a time, and
 * each scenario checks that clients wait no longer than the deadline that
 * applies and that the data not owned by the failed service still arrives.
 * The bounds measured are printed at the end ("[bound] …"). Only two kinds
 * of setting differ from compose's: the gateway's read and operation
 * deadlines, shorter so a scenario lasts seconds
 * (test/resilience/support/load.ts), and how often the gateway's response
 * cache and the search indexer poll (`slowerPolling`).
 *
 * One file, one deployment: its nine processes each load Apollo and their
 * own sample data, about 15 s of the suite's two cores, so the scenarios
 * share it rather than start it twice.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { findFreePort, startEmbeddedPostgres, type PostgresCluster } from '../../runtime/postgres.js';
import { findSampleInstitution } from '../../seed/institutions.js';
import { toCsv } from '../publishing/catalogueCsv.js';
import { apiKeyFor } from '../publishing/support.js';
import { bulkImportRows } from '../resilience/support/bulkImport.js';
import { deadlineSettings, deadlines, load, post, waitFor, type Timed } from '../resilience/support/load.js';
import { graphql } from '../support/graphql.js';
import { readComposeFile, readDockerfile } from './support/deploymentFiles.js';
import { startLocalDeployment, type LocalDeployment } from './support/localDeployment.js';

const compose = readComposeFile();
const catalogueServices = [...compose.services.values()].filter((service) => service.environment.ROLE === 'catalogue');
const institutionCodes = catalogueServices.map((service) => service.environment.INSTITUTION_CODE!).sort();
const meiliHost = process.env.MEILI_HOST;
const dataDir = `.tmp/deployment-${process.pid}/data`;
const bounds: string[] = [];
/**
 * Every 2 s instead of every 500 ms: the response cache's watch of every source and the search indexer's
 * passes were about half of what the idle deployment cost (0.21 cores, 0.10 with these). No assertion here
 * depends on how soon a change is seen (the waits for the index and a new institution allow tens of
 * seconds, and an outage drops cached answers only after the watch's 5 s grace, past every scenario's
 * load); the 500 ms defaults have their own tests (test/cache/responseCache.test.ts,
 * test/search/resultCards.test.ts). The gateway's health probes keep compose's cadence: /health must
 * report a killed institution within 5 s.
 */
const slowerPolling = {
  gateway: { RESPONSE_CACHE_WATCH_MS: '2000' },
  search: { SEARCH_INDEX_INTERVAL_MS: '2000' },
};
let postgresPort: number;
let cluster: PostgresCluster;
let deployment: LocalDeployment;
/** The gateway's /graphql, and two entries of each institution for the load (set once search is ready). */
let gateway: string;
let ids: string[];

beforeAll(async () => {
  postgresPort = await findFreePort();
  cluster = await startEmbeddedPostgres({ dataDir, port: postgresPort });
  deployment = await startLocalDeployment({
    compose,
    image: readDockerfile(),
    postgresAdminUrl: cluster.databaseUrl('postgres'),
    databasePrefix: `t${randomBytes(3).toString('hex')}_`,
    meilisearch: meiliHost ? { host: meiliHost, masterKey: process.env.MEILI_MASTER_KEY } : undefined,
    settings: { gateway: { ...deadlineSettings, ...slowerPolling.gateway }, search: slowerPolling.search },
  });
}, 300_000);

afterAll(async () => {
  await deployment?.stop();
  await cluster?.stop();
  await rm(`.tmp/deployment-${process.pid}`, { recursive: true, force: true });
  if (cluster?.dataDir) await rm(cluster.dataDir, { recursive: true, force: true });
  if (bounds.length > 0) console.log(['Bounds measured (test/deployment/compose.test.ts):', ...bounds].join('\n  '));
}, 60_000);

describe('docker-compose.yml as configured', () => {
  it('runs several institutions, each in its own process with its own database', () => {
    expect(institutionCodes.length).toBeGreaterThanOrEqual(3);
    const databases = catalogueServices.map(
      (service) => new URL(deployment.environment(service.name).DATABASE_URL!).pathname,
    );
    expect(new Set(databases).size).toBe(catalogueServices.length);
  });

  it('answers a federated query from every institution through the gateway', async () => {
    const result = await graphql<{
      institutions: Array<{
        code: string;
        microCredentials: {
          totalCount: number;
          edges: Array<{
            node: { id: string; oqfAlignment: { band: string } | null; institution: { region: string } };
          }>;
        };
      }>;
    }>(
      deployment.url('gateway', '/graphql'),
      `{ institutions { code microCredentials(first: 2) { totalCount edges { node { id oqfAlignment { band } institution { region } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const institutions = result.data!.institutions;
    expect(institutions.map((institution) => institution.code).sort()).toEqual(institutionCodes);
    for (const institution of institutions) {
      expect(institution.microCredentials.totalCount).toBeGreaterThan(0);
      for (const { node } of institution.microCredentials.edges) {
        // Served by the owner's catalogue, aligned by the framework, region from the registry.
        expect(node.id.startsWith(`${institution.code}:`)).toBe(true);
        expect(node.oqfAlignment?.band).toMatch(/CERTIFICATE|BELOW|ABOVE/);
        expect(node.institution.region).toMatch(/^[A-Z]+$/);
      }
    }
  });

  it('reports every institution UP on the gateway health endpoint', async () => {
    // Search starts after the gateway: the gateway sees it UP at its next probe, within 2 s.
    const response = await waitFor(async () => {
      const answer = await fetch(deployment.url('gateway', '/health'));
      return answer.status === 200 ? answer : undefined;
    }, 10_000);
    const health = (await response.json()) as { status: string; institutions: Array<{ code: string; status: string }> };
    expect(response.status).toBe(200);
    expect(health.status).toBe('ok');
    expect(health.institutions.map((institution) => [institution.code, institution.status]).sort()).toEqual(
      institutionCodes.map((code) => [code, 'UP']),
    );
  });

  it("lets no institution's database login open another institution's database", async () => {
    const [first, second] = catalogueServices;
    const own = new URL(deployment.environment(first!.name).DATABASE_URL!);
    const other = new URL(deployment.environment(second!.name).DATABASE_URL!);
    const intruder = new URL(own);
    intruder.pathname = other.pathname;

    const allowed = postgres(own.toString(), { max: 1, onnotice: () => {} });
    const refused = postgres(intruder.toString(), { max: 1, onnotice: () => {} });
    try {
      const [row] = await allowed`select count(*)::int as entries from micro_credentials`;
      expect(row!.entries).toBeGreaterThan(0);
      await expect(refused`select 1`).rejects.toThrow(/permission denied for database/);
    } finally {
      await Promise.all([allowed.end(), refused.end()]);
    }
  });

  it('indexes every institution through the gateway and serves search through it', async () => {
    const gateway = deployment.url('gateway', '/graphql');
    const status = await waitFor(async () => {
      const result = await graphql<{ searchStatus: { ready: boolean; backend: string; documentCount: number } }>(
        gateway,
        '{ searchStatus { ready backend documentCount } }',
      );
      return result.data?.searchStatus.ready ? result.data.searchStatus : undefined;
    }, 45_000);
    expect(status.backend).toBe(meiliHost ? 'meilisearch' : 'embedded');
    expect(status.documentCount).toBeGreaterThan(0);

    // Ready means the first pass is done; an institution whose catalogue was still starting then (the gateway
    // does not wait for institutions) is indexed at a later pass.
    const search = () =>
      graphql<{
        searchMicroCredentials: {
          total: number;
          facets: { institution: Array<{ value: string; count: number }> };
          hits: Array<{ microCredential: { id: string; title: string } | null }>;
        };
      }>(
        gateway,
        `{ searchMicroCredentials(pageSize: 5) { total facets { institution { value count } } hits { microCredential { id title } } } }`,
      );
    const result = await waitFor(async () => {
      const answer = await search();
      const indexed = answer.data?.searchMicroCredentials.facets.institution.length ?? 0;
      return indexed >= institutionCodes.length ? answer : undefined;
    }, 45_000);
    expect(result.errors).toBeUndefined();
    const found = result.data!.searchMicroCredentials;
    expect(found.facets.institution.map((facet) => facet.value).sort()).toEqual(institutionCodes);
    expect(found.hits).toHaveLength(5);
    // Each hit is resolved by its owner's catalogue through the gateway.
    for (const hit of found.hits) expect(hit.microCredential?.title).toBeTruthy();
  });

  it('adds an institution the way docs/operating.md describes: its own database and subgraph, then registerInstitution', async () => {
    const gateway = deployment.url('gateway', '/graphql');
    const provinceApiKey = compose.services.get('framework')!.environment.PROVINCE_API_KEY!;
    const databaseUrl = 'postgres://catalogue_boreal:boreal0test0password@postgres:5432/catalogue_boreal';
    const template = catalogueServices[0]!;
    await deployment.start({
      ...compose.services.get('databases')!,
      name: 'databases-boreal',
      environment: { ...compose.services.get('databases')!.environment, DATABASE_URLS: databaseUrl },
    });
    await deployment.start({
      ...template,
      name: 'catalogue-boreal',
      environment: {
        ...template.environment,
        INSTITUTION_CODE: 'boreal',
        DATABASE_URL: databaseUrl,
        SAMPLE_DATA: 'true',
      },
      dependsOn: { 'databases-boreal': 'service_completed_successfully' },
    });
    const { code, name, nameFr, type, region, website, languages } = findSampleInstitution('boreal')!;
    const register = (authorization?: string) =>
      graphql(
        gateway,
        'mutation ($input: InstitutionInput!) { registerInstitution(input: $input) { code } }',
        {
          input: {
            code,
            name,
            nameFr,
            type,
            region,
            website,
            languages,
            subgraphUrl: deployment.url('catalogue-boreal', '/graphql'),
          },
        },
        authorization ? { authorization } : {},
      );

    expect((await register()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const registered = await register(`Bearer ${provinceApiKey}`);
    expect(registered.errors).toBeUndefined();

    // No restart: the gateway reads the registry again and routes to the new subgraph.
    const totalCount = await waitFor(async () => {
      const result = await graphql<{ institution: { microCredentials: { totalCount: number } | null } | null }>(
        gateway,
        '{ institution(code: "boreal") { microCredentials(first: 1) { totalCount } } }',
      );
      return result.data?.institution?.microCredentials?.totalCount || undefined;
    }, 20_000);
    expect(totalCount).toBeGreaterThan(0);
    const response = await fetch(deployment.url('gateway', '/health'));
    const health = (await response.json()) as { institutions: Array<{ code: string; status: string }> };
    expect(health.institutions).toContainEqual(expect.objectContaining({ code: 'boreal', status: 'UP' }));
  });
});

const entryQuery = `query ($id: ID!) { microCredential(id: $id) { id title institution { name region } oqfAlignment { band } } }`;
const searchQuery = `{ searchMicroCredentials(query: "data", pageSize: 3) { total hits { microCredential { id title institution { name } } } } }`;

const entry = (index: number) => post(gateway, entryQuery, { id: ids[index % ids.length] });
const search = () => post(gateway, searchQuery);
const slowest = (results: Timed[]) => Math.max(...results.map((r) => r.ms));
const serviceOf = (result: Timed) => result.body.errors?.map((e: any) => e.extensions?.service);

describe('when a service fails, under concurrent load', () => {
  beforeAll(async () => {
    gateway = deployment.url('gateway', '/graphql');
    await waitFor(
      async () => (await post(gateway, '{ searchStatus { ready } }')).body.data?.searchStatus?.ready,
      60_000,
    );
    const listed = await post(gateway, '{ institutions { microCredentials(first: 2) { edges { node { id } } } } }');
    ids = listed.body.data.institutions.flatMap((i: any) => i.microCredentials.edges.map((e: any) => e.node.id));
    expect(ids.length).toBeGreaterThanOrEqual(6);
  }, 120_000);

  it('reports a killed and a restarted institution on /health within 5 s, without traffic', async () => {
    await deployment.stopService('catalogue-uottawa');
    let restarted = false;
    onTestFinished(async () => {
      if (!restarted) await deployment.restartService('catalogue-uottawa');
    });
    const killedAt = Date.now();
    const down = await waitFor(async () => {
      const response = await fetch(deployment.url('gateway', '/health'));
      const health = await response.json();
      const uottawa = health.institutions.find((i: any) => i.code === 'uottawa');
      return uottawa.status === 'DOWN' ? { status: response.status, health } : undefined;
    }, 10_000);
    const downAfter = Date.now() - killedAt;
    expect(down.status).toBe(503);
    expect(down.health.status).toBe('degraded');

    await deployment.restartService('catalogue-uottawa');
    restarted = true;
    const healthyAt = Date.now();
    await waitFor(async () => {
      const response = await fetch(deployment.url('gateway', '/health'));
      return response.status === 200 ? true : undefined;
    }, 10_000);
    const upAfter = Date.now() - healthyAt;
    bounds.push(`/health: killed institution DOWN after ${downAfter} ms, restarted one UP after ${upAfter} ms`);
    expect(downAfter).toBeLessThan(5_000);
    expect(upAfter).toBeLessThan(5_000);
  });

  it('bounds every request by the framework deadline while the framework hangs, with catalogue data intact', async () => {
    deployment.signal('framework', 'SIGSTOP');
    let results: Timed[];
    try {
      results = await load(2 * deadlines.frameworkMs, 6, (worker) => entry(worker));
    } finally {
      deployment.signal('framework', 'SIGCONT');
    }
    const max = slowest(results);
    bounds.push(
      `hung framework: slowest of ${results.length} requests ${max} ms (framework deadline ${deadlines.frameworkMs} ms)`,
    );
    // The framework's deadline, after the catalogue fetch that precedes it, with slack for a loaded machine.
    expect(max).toBeLessThan(deadlines.frameworkMs + 3_000);
    for (const result of results) {
      const found = result.body.data?.microCredential;
      // The owner's catalogue answers; the institution's name comes from the gateway's registry snapshot.
      expect(found?.title).toBeTruthy();
      expect(found?.institution.name).toBeTruthy();
    }
    expect(results.some((result) => serviceOf(result)?.includes('framework'))).toBe(true);
    await waitFor(async () => ((await entry(0)).body.errors ? undefined : true), 15_000);
  });

  it('serves catalogue and search data while the framework is down, naming the framework in one error', async () => {
    await deployment.stopService('framework');
    onTestFinished(() => deployment.restartService('framework'));
    const results = await load(3_000, 4, (worker) => (worker % 2 ? search() : entry(worker)));
    bounds.push(`framework down: slowest of ${results.length} requests ${slowest(results)} ms`);
    expect(results.filter((result) => result.cache !== 'HIT').length).toBeGreaterThan(0);
    for (const result of results) {
      const data = result.body.data;
      const entries = data?.microCredential
        ? [data.microCredential]
        : data?.searchMicroCredentials.hits.map((h: any) => h.microCredential);
      expect(entries?.length, JSON.stringify(result.body)).toBeGreaterThan(0);
      for (const found of entries) expect(found.institution.name).toBeTruthy();
      // A complete answer cached before the outage may still be served (the data has not changed);
      // anything executed during it comes from the registry snapshot and says so.
      if (result.cache === 'HIT') continue;
      const error = result.body.errors?.find((e: any) => e.extensions?.service === 'framework');
      expect(error?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', fallback: 'REGISTRY_SNAPSHOT' });
      expect(JSON.stringify(result.body.errors)).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}\//);
    }
  });

  it('bounds search requests by the search deadline while search hangs, and everything else is unaffected', async () => {
    deployment.signal('search', 'SIGSTOP');
    let results: Array<Timed & { kind: string }>;
    try {
      results = await load(2 * deadlines.searchMs, 6, async (worker) =>
        worker % 2 ? { kind: 'search', ...(await search()) } : { kind: 'entry', ...(await entry(worker)) },
      );
    } finally {
      deployment.signal('search', 'SIGCONT');
    }
    const searches = results.filter((r) => r.kind === 'search');
    const entries = results.filter((r) => r.kind === 'entry');
    bounds.push(
      `hung search: slowest of ${searches.length} searches ${slowest(searches)} ms (search deadline ${deadlines.searchMs} ms), slowest of ${entries.length} other requests ${slowest(entries)} ms`,
    );
    expect(slowest(searches)).toBeLessThan(deadlines.searchMs + 3_000);
    for (const result of searches) {
      expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'search' });
    }
    for (const result of entries) {
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data.microCredential.title).toBeTruthy();
    }
  });

  it('reports the true outcome of a 4,000-row import through the gateway, and the institution stays UP', async () => {
    // The CSV first: building it holds this worker for up to a second, and a kept-alive connection the gateway
    // closes meanwhile must be noticed (during the key's database round trip) before the import is sent, or the
    // upload is written into a closed socket (EPIPE).
    const content = toCsv(bulkImportRows('humber', 4_000));
    const key = await apiKeyFor(deployment.environment('catalogue-humber').DATABASE_URL!, 'humber');
    const started = Date.now();
    const imported = await post(
      gateway,
      'mutation ($content: String!) { importCatalogue(institution: "humber", format: CSV, content: $content) { created updated problems { code path line } } }',
      { content },
      { authorization: `Bearer ${key}` },
    );
    const elapsed = Date.now() - started;
    bounds.push(
      `4,000-row import through the gateway: answered in ${elapsed} ms (import deadline ${deadlines.importMs} ms)`,
    );
    expect(imported.body.errors).toBeUndefined();
    expect(imported.body.data.importCatalogue.problems).toEqual([]);
    expect(imported.body.data.importCatalogue.created).toHaveLength(4_000);
    // Another client's read right afterwards is served: the long write did not mark humber DOWN.
    const read = await post(gateway, '{ microCredential(id: "humber:bulk-3999") { id } }');
    expect(read.body).toEqual({ data: { microCredential: { id: 'humber:bulk-3999' } } });
  });

  it('bounds every request through a PostgreSQL restart, keeps search data, and recovers on its own', async () => {
    const stopped = cluster.stop();
    const results = await load(deadlines.operationMs, 6, (worker) => (worker % 2 ? search() : entry(worker)));
    await stopped;
    cluster = await startEmbeddedPostgres({ dataDir, port: postgresPort });
    const max = slowest(results);
    bounds.push(
      `PostgreSQL restart: slowest of ${results.length} requests ${max} ms (operation deadline ${deadlines.operationMs} ms)`,
    );
    expect(max).toBeLessThan(deadlines.operationMs + 1_000);
    // The search index lives in the search process: totals and hits keep coming.
    const searches = results.filter((r) => r.body.data?.searchMicroCredentials);
    expect(searches.length).toBeGreaterThan(0);
    for (const result of searches) expect(result.body.data.searchMicroCredentials.total).toBeGreaterThan(0);
    const recoveredAfter = await waitFor(async () => ((await entry(1)).body.errors ? undefined : Date.now()), 20_000);
    expect(recoveredAfter).toBeGreaterThan(0);
  });

  it('exposes per-institution and per-subgraph counters, latencies and errors on /metrics', async () => {
    const response = await fetch(deployment.url('gateway', '/metrics'));
    const text = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? Number.NaN);
    expect(
      value(/^gateway_subgraph_requests_total\{subgraph="catalogue",institution="humber"\} (\d+)/m),
    ).toBeGreaterThan(0);
    expect(
      value(/^gateway_subgraph_errors_total\{subgraph="framework",institution="",reason="TIMEOUT"\} (\d+)/m),
    ).toBeGreaterThan(0);
    expect(
      value(/^gateway_subgraph_request_duration_seconds_count\{subgraph="search",institution=""\} (\d+)/m),
    ).toBeGreaterThan(0);
    expect(text).toMatch(/^gateway_target_up\{subgraph="catalogue",institution="uottawa"\} 1$/m);
    expect(text).toMatch(/^gateway_operations_total\{type="query",outcome="partial"\} \d+/m);
  });
});
