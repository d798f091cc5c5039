/**
 * The worker side of cli/catalogueHost.ts: starts and stops catalogue
 * subgraphs on request, each answered with the request's id.
 */
import { parentPort } from 'node:worker_threads';
import type { RunningHttpServer } from '../runtime/http.js';
import { startCatalogueSubgraph } from '../subgraphs/catalogue/server.js';
import type { CatalogueStart } from './catalogueHost.js';

export type CatalogueRequest =
  | { id: number; op: 'start'; catalogue: CatalogueStart }
  | { id: number; op: 'stop'; institution: string }
  | { id: number; op: 'province'; url: string };

export type CatalogueReply = { id: number; url: string; port: number } | { id: number } | { id: number; error: string };

const running = new Map<string, RunningHttpServer>();
let provinceGraphqlUrl: string | undefined;

async function handle(request: CatalogueRequest): Promise<Omit<CatalogueReply, 'id'>> {
  if (request.op === 'province') {
    provinceGraphqlUrl = request.url;
    return {};
  }
  if (request.op === 'stop') {
    await running.get(request.institution)?.stop();
    running.delete(request.institution);
    return {};
  }
  const server = await startCatalogueSubgraph({ ...request.catalogue, provinceGraphqlUrl: () => provinceGraphqlUrl });
  running.set(request.catalogue.institution, server);
  return { url: server.url, port: server.port };
}

parentPort?.on('message', (request: CatalogueRequest) => {
  handle(request).then(
    (reply) => parentPort!.postMessage({ ...reply, id: request.id }),
    (error: unknown) =>
      parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
