import { startTestDirectory, registryToken } from '../support/directory.js';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import type { EdgeSettings } from '../../gateway/edge/settings.js';
import { startSearchSubgraph, type RunningSearchSubgraph } from '../../subgraphs/search/server.js';

export interface EdgeDirectory {
  directory: LocalDirectory;
  search: RunningSearchSubgraph;
  /** A gateway with the given edge settings over the directory's framework, search and institutions. */
  gateway: RunningGateway;
  stop(): Promise<void>;
}

/**
 * The directory plus a search subgraph (indexed once) and a second gateway with edge settings of the
 * test's choosing, where the test itself (on loopback) is not a trusted client.
 */
export async function startEdgeDirectory(edge: Partial<EdgeSettings> = {}): Promise<EdgeDirectory> {
  const directory = await startTestDirectory({ institutions: ['humber', 'seneca'], entriesPerInstitution: 6 });
  // The indexer reads through the directory's own gateway, where loopback is a trusted client.
  const search = await startSearchSubgraph({ port: 0, gatewayUrl: directory.gateway.url, indexIntervalMs: 3_600_000 });
  const gateway = await startGateway({
    port: 0,
    frameworkUrl: directory.framework.url,
    searchUrl: search.url,
    registryToken,
    registryRefreshMs: 200,
    institutionTimeoutMs: 1_500,
    failureCooldownMs: 100,
    edge: { trustedClients: [], ...edge },
  });
  // Under load a pass can miss an institution's deadline; the searches below need a ready index.
  for (let attempt = 0; attempt < 5 && !search.indexer.ready; attempt += 1) await search.indexer.runPass();
  return {
    directory,
    search,
    gateway,
    async stop() {
      await gateway.stop();
      await search.stop();
      await directory.stop();
    },
  };
}

/** Raw POST of a GraphQL document, keeping the HTTP status and headers. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: any; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // kept as text: the test says what it expected
  }
  return { status: response.status, headers: response.headers, body: parsed, ms: performance.now() - started };
}
