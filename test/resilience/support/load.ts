/**
 * Concurrent load against the gateway, as several clients would send it,
 * with the time each request took. Every request has a generous client-side
 * limit so a hung gateway fails the test instead of hanging it.
 */
import { defaultDeadlines } from '../../../gateway/deadlines.js';

/** The deployment runs the gateway with its defaults. */
export const deadlines = defaultDeadlines;

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

/** `concurrency` clients each sending `request` back to back for `durationMs`; every result. */
export async function load<T>(
  durationMs: number,
  concurrency: number,
  request: (worker: number) => Promise<T>,
): Promise<T[]> {
  const until = Date.now() + durationMs;
  const results: T[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (Date.now() < until) results.push(await request(worker));
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
