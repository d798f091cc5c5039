/**
 * Edge refusal benchmark: how fast the gateway refuses the queries that once
 * took it down (a 12-level recognition nesting, 17,000 repeated fields, 500
 * aliased searches), measured side by side with an ordinary entry lookup on
 * the same gateway. The client is untrusted (no trusted addresses), so every
 * limit applies as it does to a job board. Target: refusals under 50 ms.
 */
import { rm } from 'node:fs/promises';
import { startLocalDirectory } from '../cli/localDirectory.js';
import { startGateway } from '../gateway/server.js';
import { startEmbeddedPostgres } from '../runtime/postgres.js';
import { sampleInstitutions } from '../seed/institutions.js';
import type { Benchmark } from './run.js';

const runs = 41;
const entry = 'seneca:introduction-to-data-analytics';

function nestedRecognition(levels: number): string {
  let inner = 'id title';
  for (let level = 0; level < levels; level += 1) inner = `id recognizedAs { for { microCredential { ${inner} } } }`;
  return `{ microCredential(id: "${entry}") { ${inner} } }`;
}

const cases: Array<{ name: string; query: string }> = [
  { name: 'ordinary entry lookup (answered)', query: `{ microCredential(id: "${entry}") { id title } }` },
  { name: '12-level recognizedAs nesting', query: nestedRecognition(12) },
  { name: '17,000 repeated fields', query: `{ searchStatus { ${'ready '.repeat(17_000)} } }` },
  {
    name: '500 aliased searches',
    query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: searchMicroCredentials(query: "data") { total }`).join(' ')} }`,
  },
];

async function timed(url: string, query: string): Promise<{ ms: number; outcome: string }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  const ms = performance.now() - started;
  return { ms, outcome: `${response.status} ${body.errors?.[0]?.extensions?.code ?? 'OK'}` };
}

const benchmark: Benchmark = {
  name: 'edge refusals',
  async run() {
    const dataDir = `.tmp/bench-refusals-${process.pid}`;
    const cluster = await startEmbeddedPostgres({ dataDir: `${dataDir}/postgres` });
    const directory = await startLocalDirectory({
      cluster,
      institutions: sampleInstitutions.filter((i) => ['humber', 'seneca', 'georgian'].includes(i.code)),
      entriesPerInstitution: 20,
      gatewayPort: 0,
      frameworkPort: 0,
      cataloguePortBase: 0,
      provinceApiKey: 'bench-province-key',
      registryToken: 'bench-registry-token',
      search: { port: 0, indexDir: `${dataDir}/search` },
    });
    // A second gateway on the same services that trusts no address: the benchmark is an outside client.
    const gateway = await startGateway({
      port: 0,
      frameworkUrl: directory.framework.url,
      searchUrl: directory.search!.url,
      registryToken: 'bench-registry-token',
      edge: { trustedClients: [], anonymousRequestsPerMinute: 1_000_000 },
      responseCache: { enabled: false },
    });
    try {
      const rows: string[] = [];
      let ordinaryP50 = 0;
      for (const { name, query } of cases) {
        const samples = [];
        for (let i = 0; i < runs; i++) samples.push(await timed(gateway.url, query));
        const ms = samples.map((sample) => sample.ms).sort((a, b) => a - b);
        const p50 = ms[Math.floor(runs / 2)]!;
        const p95 = ms[Math.floor(runs * 0.95)]!;
        if (rows.length === 0) ordinaryP50 = p50;
        const size = `${(Buffer.byteLength(query) / 1024).toFixed(1)} KB`;
        rows.push(
          `| ${name} | ${size} | ${samples[0]!.outcome} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${ms.at(-1)!.toFixed(1)} | ${(p50 / ordinaryP50).toFixed(2)} |`,
        );
      }
      console.log('| request | size | answer | p50 ms | p95 ms | max ms | p50 vs ordinary |');
      console.log('|---|---:|---|---:|---:|---:|---:|');
      for (const row of rows) console.log(row);
    } finally {
      await gateway.stop();
      await directory.stop();
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
