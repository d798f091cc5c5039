/**
 * `npm run bench -- load`: throughput under concurrent traffic, side by side
 * in one run. The servers run in child processes (bench/loadServers.ts), the
 * load generator (autocannon) here:
 * - a portal mix (the README's job-board search over 200 distinct search
 *   strings drawn Zipf-like, plus detail and listing queries) through the
 *   directory's gateway with its response cache, cold then warm, then warm
 *   with every hit answered inside Apollo's pipeline rather than in front of it;
 * - the job-board query with every cache off (our gateway, cache off): the
 *   README's, whose result cards come from the index (also through the stock
 *   gateway, which answers this search-only query alike), and the same search
 *   with each hit resolved by its institution (what an entity cache would serve);
 * - one-institution queries (an entry by id; an institution's listing)
 *   through a stock @apollo/gateway whose catalogue is that one institution,
 *   our gateway uncached, and our gateway cached.
 *
 * Defaults are the issue's: 50 connections for 20 s per scenario.
 * LOAD_BENCH_SECONDS and LOAD_BENCH_CONNECTIONS shorten runs while developing;
 * LOAD_BENCH_CPU_PROF=<dir> runs the servers under `node --cpu-prof`;
 * LOAD_BENCH_ONLY=<text> runs only the scenarios whose name contains it (with
 * its gateway, e.g. "job-board query" or "entry by id"), so a profile shows one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { generateCatalogue } from '../seed/catalogue.js';
import { sampleInstitutions } from '../seed/institutions.js';
import { randomFor, type Random } from '../seed/random.js';
import type { DirectoryUrls, GatewayUrls } from './loadServers.js';
import type { Benchmark } from './run.js';

const seconds = Number(process.env.LOAD_BENCH_SECONDS ?? 20);
const connections = Number(process.env.LOAD_BENCH_CONNECTIONS ?? 50);
const cpuProfileDir = process.env.LOAD_BENCH_CPU_PROF;
const onlyScenarios = process.env.LOAD_BENCH_ONLY;
const oneInstitution = 'humber';

const searchPart = `searchMicroCredentials(
    query: $q
    filter: { deliveryModes: [ONLINE_ASYNCHRONOUS, ONLINE_SYNCHRONOUS], osapEligible: true, hours: { max: 40 } }
    pageSize: 5
  )`;

const facetsAndStats = `facets {
      institution { value count } institutionType { value count } region { value count }
      deliveryMode { value count } oqfBand { value count } language { value count }
      skill { value count } occupation { value count } commonCore { value count }
    }
    stats { hours { min max } cost { min max } weeks { min max } }`;

/** The README's job-board query: result cards from the index, no institution asked. */
const jobBoardQuery = `query JobBoard($q: String!) {
  ${searchPart} {
    total
    hits {
      highlights { field snippet }
      card {
        title titleFr institutionCode institutionName
        instructionalHours deliveryMode priceCad { min max } nextStartDate
        url osapEligible oqfBand status
      }
      microCredential { id }
    }
    ${facetsAndStats}
  }
}`;

/** The same search with every hit resolved by its owner and the framework (fan-out). */
const jobBoardFanOutQuery = `query JobBoardFanOut($q: String!) {
  ${searchPart} {
    total
    hits {
      highlights { field snippet }
      microCredential {
        id title instructionalHours deliveryMode osapEligible
        offerings { startDate priceCad registrationUrl }
        skills { framework code label }
        occupations { nocCode title }
        institution { name type region }
        oqfAlignment { band explanation }
      }
    }
    ${facetsAndStats}
  }
}`;

const detailQuery = `query Detail($id: ID!) {
  microCredential(id: $id) {
    id title description instructionalHours deliveryMode osapEligible
    offerings { startDate endDate location priceCad registrationUrl }
    skills { framework code label } occupations { nocCode title }
    oqfAlignment { band explanation }
    institution { name type region }
  }
}`;

const listingQuery = `query Listing($code: ID!) {
  institution(code: $code) {
    code name
    microCredentials(first: 10) { totalCount edges { node { id title instructionalHours deliveryMode } } }
  }
}`;

/** Catalogue fields only, so the stock gateway (one institution as the catalogue) answers exactly the same. */
const entryByIdQuery = `query Entry($id: ID!) {
  microCredential(id: $id) { id title instructionalHours deliveryMode offerings { startDate priceCad } }
}`;

interface Row {
  scenario: string;
  gateway: string;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  errors: number;
  peak_rss_mb: number;
  /** CPU time of both server processes (all their threads) per answered request: steadier than RPS on a shared machine. */
  server_cpu_ms_per_req: number;
}

const benchmark: Benchmark = {
  name: 'load',
  async run() {
    const servers: ChildProcess[] = [];
    const killAll = () => {
      for (const child of servers) if (child.exitCode === null) child.kill('SIGTERM');
    };
    process.once('exit', killAll);
    try {
      const directory = await startServers<DirectoryUrls>('directory', {}, servers);
      const ids = await entryIds(directory.gateway);
      const gateways = await startServers<GatewayUrls>(
        'gateways',
        { LOAD_SERVERS_CONFIG: JSON.stringify({ ...directory, institution: oneInstitution }) },
        servers,
      );
      const [directoryProcess, gatewaysProcess] = servers as [ChildProcess, ChildProcess];
      const random = randomFor('load-bench');
      const searches = searchStrings(200);
      const jobBoard = (q: string) => body(jobBoardQuery, { q });
      const portalMix = drawPortalMix(random, searches, ids, 5_000);
      const oneInstitutionIds = ids.filter((id) => id.startsWith(`${oneInstitution}:`)).slice(0, 10);
      const byId = oneInstitutionIds.map((id) => body(entryByIdQuery, { id }));
      const listing = [body(listingQuery, { code: oneInstitution })];

      const rows: Row[] = [];
      const measure = async (
        scenario: string,
        gateway: string,
        url: string,
        bodies: string[],
        server: ChildProcess,
      ): Promise<Row> => {
        const skipped = NaN;
        if (onlyScenarios && !`${scenario} via ${gateway}`.includes(onlyScenarios))
          return {
            scenario,
            gateway,
            rps: skipped,
            p50_ms: skipped,
            p95_ms: skipped,
            p99_ms: skipped,
            errors: 0,
            peak_rss_mb: 0,
            server_cpu_ms_per_req: skipped,
          };
        const row = await load(scenario, gateway, url, bodies, server.pid!, [
          directoryProcess.pid!,
          gatewaysProcess.pid!,
        ]);
        rows.push(row);
        console.log(
          `${scenario} via ${gateway}: ${row.rps} rps, p50 ${row.p50_ms} ms, p95 ${row.p95_ms} ms, ${row.errors} errors, ${row.server_cpu_ms_per_req} ms server CPU per request`,
        );
        return row;
      };
      await measure('portal mix, cold cache', 'ours (cache)', directory.gateway, portalMix, directoryProcess);
      await warmUp(directory.gateway, [...new Set(portalMix)]);
      const warm = await measure(
        'portal mix, warm cache',
        'ours (cache)',
        directory.gateway,
        portalMix,
        directoryProcess,
      );
      // The same hits answered by the cache plugin inside Apollo's pipeline instead of the fast path in front of
      // it: each request also names its persisted-query hash, which the fast path leaves to Apollo (it registers
      // the text; that write is the one cost here the fast path's hits never had).
      const warmThroughApollo = await measure(
        'portal mix, warm cache, hits through Apollo',
        'ours (cache)',
        directory.gateway,
        portalMix.map(withPersistedQueryHash),
        directoryProcess,
      );
      // The same draws through both gateways: the stock one answers this search-only query alike.
      const jobBoardBodies = drawZipf(random, searches, 5_000).map(jobBoard);
      const jobBoardStock = await measure(
        'job-board query, every cache off',
        'stock',
        gateways.stock,
        jobBoardBodies,
        gatewaysProcess,
      );
      const jobBoardUncached = await measure(
        'job-board query, every cache off',
        'ours (no cache)',
        gateways.ours,
        jobBoardBodies,
        gatewaysProcess,
      );
      const fanOutUncached = await measure(
        'job-board search resolving every hit, every cache off',
        'ours (no cache)',
        gateways.ours,
        drawZipf(random, searches, 5_000).map((q) => body(jobBoardFanOutQuery, { q })),
        gatewaysProcess,
      );
      const entry = {
        stock: await measure('entry by id', 'stock', gateways.stock, byId, gatewaysProcess),
        ours: await measure('entry by id', 'ours (no cache)', gateways.ours, byId, gatewaysProcess),
        cached: await measure('entry by id', 'ours (cache)', directory.gateway, byId, directoryProcess),
      };
      const list = {
        stock: await measure(`${oneInstitution} listing`, 'stock', gateways.stock, listing, gatewaysProcess),
        ours: await measure(`${oneInstitution} listing`, 'ours (no cache)', gateways.ours, listing, gatewaysProcess),
        cached: await measure(
          `${oneInstitution} listing`,
          'ours (cache)',
          directory.gateway,
          listing,
          directoryProcess,
        ),
      };

      console.log(`\n${connections} connections × ${seconds} s per scenario; peak RSS of the serving process.`);
      console.table(rows);
      const ratio = (a: Row, b: Row) => Number((a.rps / b.rps).toFixed(2));
      console.table([
        {
          measure: 'warm portal mix',
          value: `${warm.rps} rps, p95 ${warm.p95_ms} ms`,
          target: '≥1,000 rps, p95 <50 ms, 0 errors',
        },
        {
          measure: 'warm portal mix: hits in front of Apollo / through Apollo',
          value: `${ratio(warm, warmThroughApollo)} rps; server CPU per request ${Number((warm.server_cpu_ms_per_req / warmThroughApollo.server_cpu_ms_per_req).toFixed(2))}`,
          target: '(decides the fast path)',
        },
        {
          measure: 'job-board query, every cache off',
          value: `${jobBoardUncached.rps} rps, p95 ${jobBoardUncached.p95_ms} ms`,
          target: '≥100 rps, p95 <250 ms',
        },
        {
          measure: 'job-board query, every cache off: ours / stock',
          value: ratio(jobBoardUncached, jobBoardStock),
          target: '(same search subgraph behind both)',
        },
        {
          measure: 'job-board query, every cache off: server CPU per request, ours / stock',
          value: Number((jobBoardUncached.server_cpu_ms_per_req / jobBoardStock.server_cpu_ms_per_req).toFixed(2)),
          target: '(lower is cheaper)',
        },
        {
          measure: 'job-board, every cache off: cards / resolving every hit',
          value: ratio(jobBoardUncached, fanOutUncached),
          target: '(decides the entity cache)',
        },
        { measure: 'entry by id: cached ours / stock', value: ratio(entry.cached, entry.stock), target: '≥3' },
        { measure: 'listing: cached ours / stock', value: ratio(list.cached, list.stock), target: '≥3' },
        { measure: 'entry by id: uncached ours / stock', value: ratio(entry.ours, entry.stock), target: '≥0.9' },
        { measure: 'listing: uncached ours / stock', value: ratio(list.ours, list.stock), target: '≥0.9' },
      ]);
    } finally {
      killAll();
      await Promise.all(servers.map((child) => (child.exitCode === null ? onceExit(child) : undefined)));
      process.removeListener('exit', killAll);
    }
  },
};

function body(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

/** The same request naming its persisted-query hash too. */
function withPersistedQueryHash(text: string): string {
  const request = JSON.parse(text) as { query: string };
  const sha256Hash = createHash('sha256').update(request.query).digest('hex');
  return JSON.stringify({ ...request, extensions: { persistedQuery: { version: 1, sha256Hash } } });
}

/** Starts one set of servers in a child process and waits for its READY line. */
async function startServers<T>(mode: string, env: Record<string, string>, servers: ChildProcess[]): Promise<T> {
  const script = fileURLToPath(new URL('./loadServers.ts', import.meta.url));
  const profile = cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', ...profile, script, mode], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  servers.push(child);
  return new Promise<T>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const ready = buffered.split('\n').find((line) => line.startsWith('READY '));
      if (ready) resolve(JSON.parse(ready.slice('READY '.length)) as T);
    });
    child.once('exit', (code) => reject(new Error(`${mode} servers exited with ${code} before they were ready`)));
  });
}

function onceExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Sends every distinct request once (a few at a time), so the warm run starts with everything cached. */
async function warmUp(url: string, bodies: string[]): Promise<void> {
  const pending = [...bodies];
  const worker = async () => {
    for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: next })
        .then((response) => response.arrayBuffer())
        .catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

/** Up to ten public entry ids per institution, read through the gateway. */
async function entryIds(gateway: string): Promise<string[]> {
  const query = `{ institutions { microCredentials(first: 10) { edges { node { id } } } } }`;
  const response = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body(query, {}),
  });
  const answer = (await response.json()) as {
    data: { institutions: { microCredentials: { edges: { node: { id: string } }[] } | null }[] };
  };
  return answer.data.institutions.flatMap((i) => i.microCredentials?.edges.map((edge) => edge.node.id) ?? []);
}

/** `count` distinct search strings from the sample titles, the README's deliberate typo first. */
function searchStrings(count: number): string[] {
  const strings = new Set<string>(['data analytcs']);
  const random = randomFor('load-bench-searches');
  const titles = sampleInstitutions.flatMap((institution) =>
    generateCatalogue(institution.code).map((entry) => entry.title),
  );
  for (const title of random.shuffle(titles)) {
    const words = title
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((word) => word.length >= 4);
    if (words[0]) strings.add(words[0]);
    if (words.length >= 2) strings.add(`${words[0]} ${words[1]}`);
    if (strings.size >= count) break;
  }
  return [...strings].slice(0, count);
}

/** `count` draws from `items`, the k-th most popular with weight 1/k (Zipf, s = 1). */
function drawZipf<T>(random: Random, items: readonly T[], count: number): T[] {
  const cumulative: number[] = [];
  let total = 0;
  for (let index = 0; index < items.length; index++) {
    total += 1 / (index + 1);
    cumulative.push(total);
  }
  return Array.from({ length: count }, () => {
    const target = random.next() * total;
    return items[cumulative.findIndex((sum) => sum >= target)]!;
  });
}

/** Six searches, three detail pages and one institution listing in every ten requests. */
function drawPortalMix(random: Random, searches: string[], ids: string[], count: number): string[] {
  const search = drawZipf(random, searches, count);
  const detail = drawZipf(random, random.shuffle(ids), count);
  const listing = drawZipf(random, random.shuffle(sampleInstitutions.map((i) => i.code)), count);
  return Array.from({ length: count }, (_, i) => {
    const slot = i % 10;
    if (slot < 6) return body(jobBoardQuery, { q: search[i]! });
    if (slot < 9) return body(detailQuery, { id: detail[i]! });
    return body(listingQuery, { code: listing[i]! });
  });
}

async function load(
  scenario: string,
  gateway: string,
  url: string,
  bodies: string[],
  pid: number,
  serverPids: number[],
): Promise<Row> {
  const latencies: number[] = [];
  const cpuBefore = serverPids.map(cpuMsOf);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), 200);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: bodies.map((text) => ({ method: 'POST', body: text })),
        // A GraphQL error in a 200 answer is an error too.
        verifyBody: (text) => typeof text === 'string' && !text.includes('"errors"'),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  clearInterval(sampler);
  const cpuMs = serverPids.reduce((sum, serverPid, index) => sum + cpuMsOf(serverPid) - cpuBefore[index]!, 0);
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN).toFixed(1));
  return {
    scenario,
    gateway,
    rps: Math.round(result.requests.total / seconds),
    p50_ms: at(0.5),
    p95_ms: at(0.95),
    p99_ms: at(0.99),
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
    peak_rss_mb: Math.round(Math.max(peakRss, rssOf(pid)) / 1024),
    server_cpu_ms_per_req: Number((cpuMs / Math.max(1, result.requests.total)).toFixed(2)),
  };
}

/** User and system CPU time of a process and all its threads in ms (Linux, 100 clock ticks a second), 0 elsewhere. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** Resident set size of a process in kB (Linux), 0 where /proc is not available. */
function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export default benchmark;
