/**
 * The worker side of cli/catalogueHost.ts: starts and stops catalogue
 * subgraphs on request, each answered with the request's id.
 */
import { parentPort } from 'node:worker_threads';
import type { RunningHttpServer } from '../runtime/http.js';
import { startCatalogueSubgraph } from '../subgraphs/catalogue/server.js';

export type CatalogueRequest =
  | { id: number; op: 'start'; institution: string; databaseUrl: string; port: number }
  | { id: number; op: 'stop'; institution: string };

export type CatalogueReply = { id: number; url: string; port: number } | { id: number } | { id: number; error: string };

const running = new Map<string, RunningHttpServer>();

async function handle(request: CatalogueRequest): Promise<Omit<CatalogueReply, 'id'>> {
  if (request.op === 'stop') {
    await running.get(request.institution)?.stop();
    running.delete(request.institution);
    return {};
  }
  const server = await startCatalogueSubgraph({
    institution: request.institution,
    databaseUrl: request.databaseUrl,
    port: request.port,
  });
  running.set(request.institution, server);
  return { url: server.url, port: server.port };
}

parentPort?.on('message', (request: CatalogueRequest) => {
  handle(request).then(
    (reply) => parentPort!.postMessage({ ...reply, id: request.id }),
    (error: unknown) =>
      parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
