/**
 * The whole directory on one machine: one PostgreSQL cluster (embedded by
 * default) with a database per institution plus one for the framework, every
 * sample institution's catalogue subgraph on its own port, the framework
 * subgraph, the search subgraph and the gateway. `npm start` and the
 * end-to-end tests both use it, so the tests exercise what users run.
 */
import { officialLanguagesOf } from '../subgraphs/catalogue/criticalInformation.js';
import type { PostgresCluster } from '../runtime/postgres.js';
import type { RunningHttpServer } from '../runtime/http.js';
import { catalogueThread, inThisThread } from './catalogueHost.js';
import { fillCatalogueDatabase, fillFrameworkDatabase } from './directoryDatabases.js';
import { syncInstitutionUrls } from '../subgraphs/framework/seed.js';
import { startFrameworkSubgraph } from '../subgraphs/framework/server.js';
import { startGateway, type RunningGateway } from '../gateway/server.js';
import type { ResponseCacheOptions } from '../gateway/cache/GatewayResponseCache.js';
import { defaultPassIntervalMs } from '../subgraphs/search/indexer/Indexer.js';
import { startSearchSubgraph, type RunningSearchSubgraph } from '../subgraphs/search/server.js';
import type { SampleInstitution } from '../seed/institutions.js';

export interface LocalDirectoryOptions {
  cluster: PostgresCluster;
  /** Prepended to every database name, so several directories can share one cluster (tests). */
  databasePrefix?: string;
  institutions: SampleInstitution[];
  /** Sample entries seeded into an empty catalogue; defaults to the generator's own count. */
  entriesPerInstitution?: number;
  gatewayPort: number;
  frameworkPort: number;
  /** Runs the search subgraph too; its indexer reads the catalogues through the gateway. */
  search?: { port: number; indexDir?: string; indexIntervalMs?: number; demandDir?: string };
  /** First catalogue port; institutions take consecutive ports. 0 picks free ports. */
  cataloguePortBase: number;
  /** Runs the catalogues on a worker thread of their own (npm start), so the gateway has this event loop to itself. */
  catalogueThread?: boolean;
  provinceApiKey: string;
  registryToken: string;
  registryRefreshMs?: number;
  institutionTimeoutMs?: number;
  failureCooldownMs?: number;
  /** How often the gateway probes every institution and province service; the gateway's default (2 s) when unset. */
  healthProbeIntervalMs?: number;
  responseCache?: ResponseCacheOptions;
  log?: (message: string) => void;
  /**
   * The test suite's: each database starts as a copy of a template already filled the way this
   * start fills it (cli/directoryDatabases.ts, test/support/databaseTemplates.ts), so dozens of
   * test directories do not each wait on migrations and seeds; a start then only points the
   * registry at its catalogues. Unset (npm start, production), every database is created and filled.
   */
  databaseTemplates?: DatabaseTemplates;
}

/** The name of a template database whose content is what a start fills a database of this kind with. */
export interface DatabaseTemplates {
  catalogue(institution: SampleInstitution, entriesPerInstitution: number | undefined): Promise<string>;
  framework(institutions: readonly SampleInstitution[], entriesPerInstitution: number | undefined): Promise<string>;
}

export interface LocalDirectory {
  gateway: RunningGateway;
  framework: RunningHttpServer;
  search?: RunningSearchSubgraph;
  catalogues: Map<string, RunningHttpServer>;
  catalogueDatabaseUrl(institution: string): string;
  frameworkDatabaseUrl: string;
  /** Stops one institution's subgraph, as if its server went down. */
  stopInstitution(code: string): Promise<void>;
  /** Starts it again on the same port. */
  startInstitution(code: string): Promise<void>;
  stop(): Promise<void>;
}

function catalogueDatabaseName(prefix: string, institution: string): string {
  return `${prefix}catalogue_${institution.replace(/-/g, '_')}`;
}

export async function startLocalDirectory(options: LocalDirectoryOptions): Promise<LocalDirectory> {
  const { cluster, institutions, entriesPerInstitution } = options;
  const prefix = options.databasePrefix ?? '';
  const catalogues = new Map<string, RunningHttpServer>();
  const ports = new Map<string, number>();
  const started: Array<{ stop(): Promise<void> }> = [];
  // The gateway starts last; catalogues (OSAP exceptions) and the framework (entry checks) ask it once it is up.
  let gatewayUrl: string | undefined;
  const host = options.catalogueThread ? await catalogueThread(options.log) : inThisThread();
  try {
    const frameworkName = `${prefix}framework`;
    const frameworkDatabaseUrl = cluster.databaseUrl(frameworkName);
    // The framework's database is created meanwhile; filling it waits for the catalogues' addresses.
    const [frameworkTemplate] = await Promise.all([
      createDatabase(options, frameworkName, options.databaseTemplates?.framework(institutions, entriesPerInstitution)),
      ...institutions.map(async (institution, index) => {
        const databaseUrl = await prepareCatalogueDatabase(options, institution);
        const port = options.cataloguePortBase ? options.cataloguePortBase + index : 0;
        const server = await host.start({
          institution: institution.code,
          databaseUrl,
          port,
          institutionLanguages: officialLanguagesOf(institution.languages),
        });
        catalogues.set(institution.code, server);
        ports.set(institution.code, server.port);
      }),
    ]);
    const withUrls = institutions.map((i) => ({ ...i, subgraphUrl: catalogues.get(i.code)!.url }));
    // A template registers the institutions at placeholder addresses (test/support/databaseTemplates.ts).
    if (frameworkTemplate) await syncInstitutionUrls(frameworkDatabaseUrl, withUrls);
    else await fillFrameworkDatabase(frameworkDatabaseUrl, withUrls, entriesPerInstitution, options.log);
    const framework = await startFrameworkSubgraph({
      databaseUrl: frameworkDatabaseUrl,
      port: options.frameworkPort,
      provinceApiKey: options.provinceApiKey,
      registryToken: options.registryToken,
      gatewayUrl: () => gatewayUrl,
    });
    started.push(framework);
    // Search indexes through the gateway and the gateway routes to search: search learns the gateway's
    // address once it listens (a port chosen in advance could be taken by then).
    const search = options.search
      ? await startSearchSubgraph({
          port: options.search.port,
          gatewayUrl: () => gatewayUrl,
          indexDir: options.search.indexDir,
          indexIntervalMs: options.search.indexIntervalMs ?? defaultPassIntervalMs,
          // The province key is the province's: its insights are read from search.
          provinceApiKey: options.provinceApiKey,
          demandDir: options.search.demandDir,
          registryToken: options.registryToken,
          log: options.log,
        })
      : undefined;
    if (search) started.push(search);
    const gateway = await startGateway({
      port: options.gatewayPort,
      frameworkUrl: framework.url,
      searchUrl: search?.url,
      registryToken: options.registryToken,
      registryRefreshMs: options.registryRefreshMs,
      institutionTimeoutMs: options.institutionTimeoutMs,
      failureCooldownMs: options.failureCooldownMs,
      healthProbeIntervalMs: options.healthProbeIntervalMs,
      responseCache: options.responseCache,
      log: options.log,
    });
    started.push(gateway);
    gatewayUrl = gateway.url;
    await host.setProvinceGraphqlUrl(gateway.url);
    // The indexer's first pass ran before the gateway existed; load the index now rather than at the next interval.
    await search?.indexer.runPass();
    // That pass changed the index version the response cache read when it started: read it again now, or the
    // first search answers it stores would be dropped at its next check as built from an older index.
    if (search) await gateway.responseCache.poll();
    return {
      gateway,
      framework,
      search,
      catalogues,
      frameworkDatabaseUrl,
      catalogueDatabaseUrl: (code) => cluster.databaseUrl(catalogueDatabaseName(prefix, code)),
      async stopInstitution(code) {
        await catalogues.get(code)?.stop();
        catalogues.delete(code);
      },
      async startInstitution(code) {
        const server = await host.start({
          institution: code,
          institutionLanguages: officialLanguagesOf(institutions.find((i) => i.code === code)?.languages ?? []),
          databaseUrl: cluster.databaseUrl(catalogueDatabaseName(prefix, code)),
          port: ports.get(code) ?? 0,
        });
        catalogues.set(code, server);
      },
      async stop() {
        await gateway.stop();
        await search?.stop();
        await framework.stop();
        await Promise.all([...catalogues.values()].map((server) => server.stop()));
        await host.close();
      },
    };
  } catch (error) {
    await Promise.allSettled([...started, ...catalogues.values()].map((server) => server.stop()));
    await host.close();
    throw error;
  }
}

async function prepareCatalogueDatabase(
  options: LocalDirectoryOptions,
  institution: SampleInstitution,
): Promise<string> {
  const name = catalogueDatabaseName(options.databasePrefix ?? '', institution.code);
  const { entriesPerInstitution } = options;
  const template = await createDatabase(
    options,
    name,
    options.databaseTemplates?.catalogue(institution, entriesPerInstitution),
  );
  const databaseUrl = options.cluster.databaseUrl(name);
  if (!template) await fillCatalogueDatabase(databaseUrl, institution.code, entriesPerInstitution, options.log);
  return databaseUrl;
}

/** Creates the database unless it exists, as a copy of the template if there is one (whose name it returns). */
async function createDatabase(
  options: LocalDirectoryOptions,
  name: string,
  template: Promise<string> | undefined,
): Promise<string | undefined> {
  const copied = await template;
  await options.cluster.ensureDatabase(name, { template: copied });
  return copied;
}
