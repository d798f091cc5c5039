/**
 * Where a local directory runs its institutions' catalogue subgraphs: in this
 * thread (tests: one process, fastest start), or in a worker thread of their
 * own (`npm start`), so the gateway's event loop and theirs run on two cores.
 *
 * A worker thread rather than a child process: it dies with the process, so
 * Ctrl-C (or a crash) can never leave a catalogue orphaned, and it needs no
 * second set of PostgreSQL credentials or ports. What a catalogue subgraph
 * does is the same either way (subgraphs/catalogue/server.ts); only the event
 * loop it runs on differs. bench/load.bench.ts measures the difference.
 */
import { Worker } from 'node:worker_threads';
import type { RunningHttpServer } from '../runtime/http.js';
import type { OfficialLanguage } from '../subgraphs/catalogue/criticalInformation.js';
import { startCatalogueSubgraph } from '../subgraphs/catalogue/server.js';
import type { CatalogueRequest, CatalogueReply } from './catalogueThread.js';

/** What a local directory tells each catalogue it starts (plain data: it may cross to a worker thread). */
export interface CatalogueStart {
  institution: string;
  databaseUrl: string;
  port: number;
  institutionLanguages: OfficialLanguage[];
}

export interface CatalogueHost {
  start(catalogue: CatalogueStart): Promise<RunningHttpServer>;
  /** Where catalogues read the province's OSAP exceptions: the gateway, known only once it has started. */
  setProvinceGraphqlUrl(url: string): Promise<void>;
  /** Stops the host itself once every catalogue it started has been stopped. */
  close(): Promise<void>;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export function inThisThread(): CatalogueHost {
  let provinceGraphqlUrl: string | undefined;
  return {
    start: (catalogue) => startCatalogueSubgraph({ ...catalogue, provinceGraphqlUrl: () => provinceGraphqlUrl }),
    setProvinceGraphqlUrl: async (url) => {
      provinceGraphqlUrl = url;
    },
    close: async () => {},
  };
}

/** A worker thread hosting catalogue subgraphs; each start or stop is one request answered by id. */
export async function catalogueThread(log: (message: string) => void = console.error): Promise<CatalogueHost> {
  // The worker loads TypeScript through tsx, as this thread does (npm start runs under tsx).
  const worker = new Worker(new URL('./catalogueThread.boot.mjs', import.meta.url), {
    workerData: { entry: new URL('./catalogueThread.ts', import.meta.url).href },
  });
  const pending = new Map<number, { resolve(reply: CatalogueReply): void; reject(error: Error): void }>();
  let nextId = 0;
  let exited: Error | undefined;
  worker.on('message', (reply: CatalogueReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiting) return;
    if ('error' in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve(reply);
  });
  worker.on('error', (error) => log(`catalogue thread: ${error.stack ?? error.message}`));
  worker.on('exit', (code) => {
    exited = new Error(`the catalogue thread exited (code ${code})`);
    for (const waiting of pending.values()) waiting.reject(exited);
    pending.clear();
  });
  const ask = (request: WithoutId<CatalogueRequest>): Promise<CatalogueReply> => {
    if (exited) return Promise.reject(exited);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as CatalogueRequest);
    });
  };
  return {
    async start(catalogue) {
      const started = await ask({ op: 'start', catalogue });
      if (!('url' in started)) throw new Error(`the catalogue thread did not start ${catalogue.institution}`);
      return {
        url: started.url,
        port: started.port,
        stop: async () => {
          await ask({ op: 'stop', institution: catalogue.institution });
        },
      };
    },
    async setProvinceGraphqlUrl(url) {
      await ask({ op: 'province', url });
    },
    async close() {
      if (!exited) await worker.terminate();
    },
  };
}
