/**
 * Wiring of the search subgraph: the backend, the indexer that feeds it from
 * the gateway, the Apollo subgraph, and the HTTP routes around it:
 *
 *   GET  /health         always 200 while the process runs, with readiness and per-institution state
 *   GET  /ready          200 once the index is ready, 503 before
 *   POST /index/run      an incremental indexing pass now (waits for it; returns its report)
 *   POST /index/rebuild  rebuild the index from scratch, swapped in when complete
 *
 * The two POST routes need `Authorization: Bearer <adminToken>` when an admin
 * token is configured, and otherwise accept only requests from this machine.
 */
import type { Express, Request, Response } from 'express';
import type { RunningHttpServer } from '../../runtime/http.js';
import { startSubgraph } from '../../runtime/startSubgraph.js';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';
import { EmbeddedBackend } from './backends/embedded/EmbeddedBackend.js';
import type { SearchBackend } from './backends/SearchBackend.js';
import type { Context } from './context.js';
import { requestLanguage } from '../../runtime/language.js';
import type { CatalogueFeed } from './indexer/CatalogueFeed.js';
import { GatewayCatalogueFeed } from './indexer/GatewayCatalogueFeed.js';
import { Indexer } from './indexer/Indexer.js';
import { loadSnapshot, saveSnapshot, SnapshotWriter } from './indexer/indexSnapshot.js';
import { resolvers } from './resolvers.js';
import { DemandLog } from './demand/DemandLog.js';
import { demandExtensionPlugin } from './demand/demandExtension.js';
import { mountCachedSearches } from './demand/cachedSearches.js';
import { bearerToken } from '../../runtime/bearerToken.js';
import { sameSecret } from '../../runtime/sameSecret.js';

export interface SearchSubgraphOptions {
  port: number;
  host?: string;
  /** The gateway the indexer (and insights) read catalogues through; a function when the gateway starts later. */
  gatewayUrl: string | (() => string | undefined);
  /** Defaults to the embedded engine. */
  backend?: SearchBackend;
  /** Pause between indexing passes. */
  indexIntervalMs: number;
  /** Where the embedded engine keeps its snapshot; none when absent. */
  indexDir?: string;
  snapshotIntervalMs?: number;
  adminToken?: string;
  /** The gateway's token: only it may report searches answered from its cache (cachedSearches.ts). */
  registryToken?: string;
  /** The province's API key: only it may read `insights`. Insights refuse everyone without it. */
  provinceApiKey?: string;
  /** Where daily demand aggregates are kept (one file per day); memory only when absent. */
  demandDir?: string;
  /** Days of demand kept; older days are deleted (730 by default). */
  demandRetentionDays?: number;
  /** Replaces the gateway feed (tests). */
  feed?: CatalogueFeed;
  pageSize?: number;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface RunningSearchSubgraph extends RunningHttpServer {
  indexer: Indexer;
  backend: SearchBackend;
  demand: DemandLog;
}

export async function startSearchSubgraph(options: SearchSubgraphOptions): Promise<RunningSearchSubgraph> {
  const log = options.log ?? (() => {});
  const backend = options.backend ?? new EmbeddedBackend();
  await backend.open();
  // The gateway feed also carries the framework's trust-mark changes; a test feed replaces both.
  const gatewayFeed = options.feed ? undefined : new GatewayCatalogueFeed({ gatewayUrl: options.gatewayUrl });
  const indexer = new Indexer({
    feed: options.feed ?? gatewayFeed!,
    trustMarks: gatewayFeed,
    backend,
    pageSize: options.pageSize,
    now: options.now,
    log,
  });
  const snapshots = await restoreSnapshot(options, backend, indexer, log);
  const demand = new DemandLog({
    dir: options.demandDir,
    retentionDays: options.demandRetentionDays ?? 730,
    now: options.now,
    log,
  });
  await demand.start();

  const server = await startSubgraph<Context>({
    name: 'search',
    typeDefs: loadSchemaDocument('search'),
    resolvers,
    port: options.port,
    host: options.host,
    context: async ({ req }) => ({
      backend,
      indexer,
      language: requestLanguage(req.headers),
      demand,
      countedSearches: [],
      authorization: req.headers.authorization,
      provinceApiKey: options.provinceApiKey,
      gatewayUrl: typeof options.gatewayUrl === 'string' ? options.gatewayUrl : options.gatewayUrl(),
    }),
    health: async () => ({
      body: {
        status: indexer.ready ? 'ok' : 'starting',
        ready: indexer.ready,
        backend: backend.kind,
        documentCount: await backend.count().catch(() => null),
        lastPass: indexer.lastPass ?? null,
        institutions: indexer.institutions(),
      },
    }),
    plugins: [demandExtensionPlugin()],
    routes: (app) => {
      mountRoutes(app, indexer, options.adminToken);
      mountCachedSearches(app, demand, options.registryToken);
    },
    log,
    onStop: async () => {
      await indexer.stop();
      await demand.stop();
      await snapshots?.flush();
      await backend.close();
    },
  });
  indexer.start(options.indexIntervalMs);
  return { ...server, indexer, backend, demand };
}

async function restoreSnapshot(
  options: SearchSubgraphOptions,
  backend: SearchBackend,
  indexer: Indexer,
  log: (message: string) => void,
): Promise<SnapshotWriter | undefined> {
  const dir = options.indexDir;
  if (!dir || !(backend instanceof EmbeddedBackend)) return undefined;
  const saved = await loadSnapshot(dir);
  if (saved) {
    await backend.upsert(saved.documents);
    indexer.restore(saved.state);
    log(`search index restored from ${dir}: ${saved.documents.length} entries; catching up from saved cursors`);
  }
  const writer = new SnapshotWriter(
    () => saveSnapshot(dir, indexer.snapshotState(), backend.documents()),
    options.snapshotIntervalMs ?? 30_000,
    log,
  );
  indexer.onIndexChanged = async () => writer.changed();
  return writer;
}

function mountRoutes(app: Express, indexer: Indexer, adminToken: string | undefined): void {
  app.get('/ready', (_req, res) => {
    res.status(indexer.ready ? 200 : 503).json({ ready: indexer.ready });
  });
  app.post('/index/run', async (req, res) => {
    if (!allowedAdmin(req, res, adminToken)) return;
    res.json(await indexer.runPass());
  });
  app.post('/index/rebuild', async (req, res) => {
    if (!allowedAdmin(req, res, adminToken)) return;
    try {
      res.json(await indexer.rebuild());
    } catch (error) {
      res
        .status(500)
        .json({ error: `rebuild failed, the previous index is still served: ${(error as Error).message}` });
    }
  });
}

function allowedAdmin(req: Request, res: Response, adminToken: string | undefined): boolean {
  const allowed = adminToken
    ? sameSecret(bearerToken(req.headers.authorization) ?? '', adminToken)
    : ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');
  if (!allowed)
    res
      .status(adminToken ? 401 : 403)
      .json({ error: adminToken ? 'admin token required' : 'admin routes are local-only without SEARCH_ADMIN_TOKEN' });
  return allowed;
}
