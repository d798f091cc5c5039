/**
 * Search benchmark: for the embedded engine (and Meilisearch when MEILI_HOST
 * is set), indexing throughput at 2k and 50k seed entries (written in pages
 * of 500, as the indexer writes them) and p50/p95 latency of faceted,
 * filtered queries (bench/searchWorkload.ts). Also the embedded snapshot's
 * save and restore times, which decide start-up strategy.
 *
 * BENCH_SEARCH_SIZES=2000,50000 (default) changes the sizes.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedBackend } from '../subgraphs/search/backends/embedded/EmbeddedBackend.js';
import { MeilisearchBackend } from '../subgraphs/search/backends/meilisearch/MeilisearchBackend.js';
import type { SearchBackend } from '../subgraphs/search/backends/SearchBackend.js';
import type { SearchDocument } from '../subgraphs/search/documents/searchDocument.js';
import { loadSnapshot, saveSnapshot } from '../subgraphs/search/indexer/indexSnapshot.js';
import { seedDocuments } from '../seed/searchCorpus.js';
import type { Benchmark } from './run.js';
import { facetedQueries, measureLatency } from './searchWorkload.js';

const targetP95Ms = 10;
const pageSize = 500;

interface Row {
  backend: string;
  entries: number;
  indexMs: number;
  p50: number;
  p95: number;
}

async function measure(backend: SearchBackend, documents: SearchDocument[]): Promise<Row> {
  await backend.open();
  const started = performance.now();
  for (let i = 0; i < documents.length; i += pageSize) await backend.upsert(documents.slice(i, i + pageSize));
  const indexMs = performance.now() - started;
  const runs = documents.length > 10_000 ? 400 : 800;
  const latency = await measureLatency((request) => backend.search(request), runs, 100);
  return { backend: backend.kind, entries: documents.length, indexMs, p50: latency.p50, p95: latency.p95 };
}

async function snapshotTimes(documents: SearchDocument[]) {
  const dir = await mkdtemp(join(tmpdir(), 'search-snapshot-'));
  try {
    const backend = new EmbeddedBackend();
    await backend.upsert(documents);
    let started = performance.now();
    await saveSnapshot(dir, { day: null, progress: [] }, backend.documents());
    const saveMs = performance.now() - started;
    const bytes = (await stat(join(dir, 'search-index.json'))).size;
    started = performance.now();
    const saved = await loadSnapshot(dir);
    const restored = new EmbeddedBackend();
    await restored.upsert(saved!.documents);
    const restoreMs = performance.now() - started;
    return { saveMs, restoreMs, megabytes: bytes / 1e6 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const benchmark: Benchmark = {
  name: 'search',
  async run() {
    const sizes = (process.env.BENCH_SEARCH_SIZES ?? '2000,50000').split(',').map(Number);
    const meiliHost = process.env.MEILI_HOST;
    console.log(
      `Workload: ${facetedQueries.length} faceted, filtered queries round-robin (all 11 facets + 3 stats each).`,
    );
    console.log(meiliHost ? `Meilisearch at ${meiliHost}.` : 'MEILI_HOST not set: Meilisearch skipped.');
    const rows: Row[] = [];
    const snapshots: string[] = [];
    for (const size of sizes) {
      const documents = seedDocuments(size);
      rows.push(await measure(new EmbeddedBackend(), documents));
      if (meiliHost) {
        const meili = new MeilisearchBackend({
          host: meiliHost,
          apiKey: process.env.MEILI_MASTER_KEY,
          indexUid: `bench_${size}_${Date.now()}`,
        });
        try {
          rows.push(await measure(meili, documents));
        } finally {
          await meili.drop();
        }
      }
      const snapshot = await snapshotTimes(documents);
      snapshots.push(
        `| ${documents.length} | ${snapshot.megabytes.toFixed(1)} | ${snapshot.saveMs.toFixed(0)} | ${snapshot.restoreMs.toFixed(0)} |`,
      );
    }
    console.log('\n| backend | entries | indexing ms | entries/s | faceted query p50 ms | p95 ms | p95 < 10 ms |');
    console.log('|---|---:|---:|---:|---:|---:|:-:|');
    for (const row of rows) {
      console.log(
        `| ${row.backend} | ${row.entries} | ${row.indexMs.toFixed(0)} | ${Math.round((row.entries / row.indexMs) * 1000)} | ${row.p50.toFixed(2)} | ${row.p95.toFixed(2)} | ${row.p95 < targetP95Ms ? 'yes' : 'no'} |`,
      );
    }
    console.log('\nEmbedded snapshot (SEARCH_INDEX_DIR): restore = read + parse + rebuild the index.\n');
    console.log('| entries | MB | save ms | restore ms |');
    console.log('|---:|---:|---:|---:|');
    for (const line of snapshots) console.log(line);
  },
};

export default benchmark;
