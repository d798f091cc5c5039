/**
 * Concurrent load against the gateway, as several clients would send it,
 * with the time each request took. Every request has a generous client-side
 * limit so a hung gateway fails the test instead of hanging it.
 */
import { defaultDeadlines, type GatewayDeadlines } from '../../../gateway/deadlines.js';

/**
 * The deadlines the deployment's gateway runs with: the read and operation deadlines are shorter
 * than the defaults (3 s, 3 s, 10 s) so each outage scenario takes seconds rather than tens of
 * seconds; the mechanism bounding a request is the same whatever the figure. The defaults
 * themselves are checked against the README in test/gateway/settings.unit.test.ts.
 */
export const deadlines: GatewayDeadlines = {
  ...defaultDeadlines,
  frameworkMs: 1_500,
  searchMs: 1_500,
  operationMs: 4_000,
};

/** `deadlines` as the gateway's environment sets them (docker-compose.yml leaves them at their defaults). */
export const deadlineSettings = {
  FRAMEWORK_TIMEOUT_MS: String(deadlines.frameworkMs),
  SEARCH_TIMEOUT_MS: String(deadlines.searchMs),
  OPERATION_TIMEOUT_MS: String(deadlines.operationMs),
};

export interface Timed {
  ms: number;
  status: number;
  /** The gateway's `x-cache` header: HIT, MISS or BYPASS. */
  cache: string | null;
  body: any;
}

export async function post(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Timed> {
  const started = Date.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(180_000),
  });
  const body = await response.json();
  return { ms: Date.now() - started, status: response.status, cache: response.headers.get('x-cache'), body };
}

/**
 * How long each client waits after an answer before its next request. The scenarios check how long
 * a client waits and what it receives while a service fails under concurrent load, not how many
 * requests the directory serves: back to back, the clients kept both cores busy (gateway,
 * catalogues and the test's own worker) for the whole scenario, seconds of CPU each time for nothing
 * the assertions read. The pause keeps the load concurrent where it matters: every client sends its
 * first request at once, into an outage already under way, and a request held by a hung service
 * keeps its client in flight until the deadline whatever the pause; each client still sends several
 * requests per scenario (the "[bound]" lines print the counts).
 */
export const pauseBetweenRequestsMs = 100;

/** `concurrency` clients each sending `request`, one after another with a short pause, for `durationMs`; every result. */
export async function load<T>(
  durationMs: number,
  concurrency: number,
  request: (worker: number) => Promise<T>,
): Promise<T[]> {
  const until = Date.now() + durationMs;
  const results: T[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (;;) {
        results.push(await request(worker));
        if (Date.now() + pauseBetweenRequestsMs >= until) break;
        await new Promise((resolve) => setTimeout(resolve, pauseBetweenRequestsMs));
      }
    }),
  );
  return results;
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not the case within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
