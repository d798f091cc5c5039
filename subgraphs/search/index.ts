/**
 * Search subgraph entry point: configuration from the environment, then serve.
 *
 *   PORT (4003), HOST, GATEWAY_URL (required)
 *   MEILI_HOST (+ MEILI_MASTER_KEY, MEILI_INDEX): use Meilisearch; otherwise the embedded engine
 *   MEILI_TIMEOUT_MS (5000): deadline of each request to Meilisearch
 *   SEARCH_INDEX_DIR (.data/search; "none" to disable): embedded engine only; a snapshot of the
 *     index and cursors, so a restart serves at once and only catches up (measured ~10x faster
 *     than reloading every catalogue through the gateway, see subgraphs/search/README.md)
 *   SEARCH_INDEX_INTERVAL_MS (500): pause between indexing passes (result cards follow a publish within 2 s)
 *   SEARCH_ADMIN_TOKEN: required bearer token for POST /index/run and /index/rebuild
 */
import { httpPort, optionalString, optionalUrl, positiveInteger, url } from '../../runtime/config.js';
import { runService } from '../../runtime/entryPoint.js';
import { MeilisearchBackend } from './backends/meilisearch/MeilisearchBackend.js';
import { defaultPassIntervalMs } from './indexer/Indexer.js';
import { startSearchSubgraph } from './server.js';

function snapshotDir(configured: string | undefined): string | undefined {
  if (configured === 'none') return undefined;
  return configured ?? '.data/search';
}

runService(async () => {
  const env = process.env;
  const meiliHost = optionalUrl(env, 'MEILI_HOST', ['http:', 'https:']);
  const backend = meiliHost
    ? new MeilisearchBackend({
        host: meiliHost,
        apiKey: optionalString(env, 'MEILI_MASTER_KEY'),
        indexUid: optionalString(env, 'MEILI_INDEX'),
        requestTimeoutMs: positiveInteger(env, 'MEILI_TIMEOUT_MS', 5_000),
        log: (message) => console.log(message),
      })
    : undefined;
  const search = await startSearchSubgraph({
    port: httpPort(env, 'PORT', 4003),
    host: env.HOST ?? '0.0.0.0',
    gatewayUrl: url(env, 'GATEWAY_URL', ['http:', 'https:']),
    backend,
    indexDir: meiliHost ? undefined : snapshotDir(optionalString(env, 'SEARCH_INDEX_DIR')),
    indexIntervalMs: positiveInteger(env, 'SEARCH_INDEX_INTERVAL_MS', defaultPassIntervalMs),
    adminToken: optionalString(env, 'SEARCH_ADMIN_TOKEN'),
    log: (message) => console.log(message),
  });
  return { ...search, name: `search subgraph (${search.backend.kind})` };
});
