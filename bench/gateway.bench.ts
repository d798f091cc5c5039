/**
 * Gateway benchmark: the figures the federated core is judged on.
 * - median and p95 latency through the gateway for a query spanning three
 *   institutions plus the framework (one entity fetch split three ways, then
 *   the framework's OQF alignment), and for root fields routed to three
 *   institutions in one request;
 * - SQL round-trips a catalogue subgraph spends on one `_entities` batch of
 *   50 representations (counted with its onQuery hook).
 * Everything runs locally: embedded PostgreSQL, real HTTP, real federation.
 */
import { rm } from 'node:fs/promises';
import { startEmbeddedPostgres } from '../runtime/postgres.js';
import { startLocalDirectory } from '../cli/localDirectory.js';
import { startCatalogueSubgraph } from '../subgraphs/catalogue/server.js';
import { sampleInstitutions } from '../seed/institutions.js';
import type { Benchmark } from './run.js';

const institutions = ['humber', 'seneca', 'boreal'];
const runs = 300;
const warmup = 50;

type IdConnection = { microCredentials: { edges: { node: { id: string } }[] } };
type BenchData = { institutions: IdConnection[]; _entities: IdConnection[] };

async function post(url: string, query: string, variables?: Record<string, unknown>): Promise<BenchData> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function latency(send: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < warmup; i++) await send();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await send();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

const spanningQuery = `{
  institutions {
    code name region
    microCredentials(first: 5) { edges { node { id title instructionalHours oqfAlignment { band } } } }
  }
}`;

const benchmark: Benchmark = {
  name: 'gateway',
  async run() {
    const dataDir = `.tmp/bench-postgres-${process.pid}/data`;
    const cluster = await startEmbeddedPostgres({ dataDir });
    const directory = await startLocalDirectory({
      cluster,
      institutions: sampleInstitutions.filter((i) => institutions.includes(i.code)),
      gatewayPort: 0,
      frameworkPort: 0,
      cataloguePortBase: 0,
      provinceApiKey: 'bench-province-key',
      registryToken: 'bench-registry-token',
    });
    try {
      const gateway = directory.gateway.url;
      const listed = await post(gateway, spanningQuery);
      const ids: string[] = listed.institutions.map((i) => i.microCredentials.edges[0]!.node.id);
      const rootQuery = `{ ${ids.map((id, i) => `m${i}: microCredential(id: "${id}") { id title oqfAlignment { band } }`).join(' ')} }`;
      const spanning = await latency(() => post(gateway, spanningQuery));
      const rooted = await latency(() => post(gateway, rootQuery));

      const statements: string[] = [];
      const humber = await startCatalogueSubgraph({
        institution: 'humber',
        databaseUrl: directory.catalogueDatabaseUrl('humber'),
        port: 0,
        onQuery: (sql) => statements.push(sql),
      });
      const humberIds = await humberPublicIds(humber.url);
      const representations = Array.from({ length: 50 }, (_, i) => ({
        __typename: 'MicroCredential',
        id: humberIds[i % humberIds.length],
      }));
      statements.length = 0;
      await post(
        humber.url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on MicroCredential { id title cip { code } offerings { startDate priceCad } } } }`,
        { r: representations },
      );
      const roundTrips = statements.length;
      await humber.stop();

      console.table([
        {
          measure: `gateway: institutions × microCredentials × oqfAlignment (${institutions.length} institutions + framework)`,
          p50_ms: spanning.p50.toFixed(2),
          p95_ms: spanning.p95.toFixed(2),
          runs,
        },
        {
          measure: `gateway: ${ids.length} root fields routed to ${institutions.length} institutions`,
          p50_ms: rooted.p50.toFixed(2),
          p95_ms: rooted.p95.toFixed(2),
          runs,
        },
      ]);
      console.table([
        { measure: 'catalogue SQL round-trips for one _entities batch of 50 representations', value: roundTrips },
      ]);
    } finally {
      await directory.stop();
      await cluster.stop();
      await rm(`.tmp/bench-postgres-${process.pid}`, { recursive: true, force: true });
    }
  },
};

async function humberPublicIds(url: string): Promise<string[]> {
  const data = await post(
    url,
    `{ _entities(representations: [{ __typename: "Institution", code: "humber" }]) { ... on Institution { microCredentials(first: 50) { edges { node { id } } } } } }`,
  );
  return data._entities[0]!.microCredentials.edges.map((edge) => edge.node.id);
}

export default benchmark;
