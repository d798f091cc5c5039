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
 *   PROVINCE_API_KEY: the only key that reads the province-only `insights`
 *   SEARCH_DEMAND_DIR (.data/search-demand; "none": memory only): anonymous daily demand counts
 *   SEARCH_DEMAND_RETENTION_DAYS (730): days of demand kept
 *   REGISTRY_TOKEN: the gateway's token; only it may report searches answered from its cache
 */
import { runService } from '../../runtime/entryPoint.js';
import { MeilisearchBackend } from './backends/meilisearch/MeilisearchBackend.js';
import { startSearchSubgraph } from './server.js';
import { searchSettings } from './settings.js';

runService(async () => {
  const { meilisearch, ...settings } = searchSettings(process.env);
  const log = (message: string) => console.log(message);
  const backend = meilisearch ? new MeilisearchBackend({ ...meilisearch, log }) : undefined;
  const search = await startSearchSubgraph({ ...settings, backend, log });
  return { ...search, name: `search subgraph (${search.backend.kind})` };
});
