/**
 * Cache hits answered in front of Apollo (gateway/cache/cacheHitFastPath.ts),
 * end to end on a gateway whose client (this test, on loopback) is not
 * trusted: a hit reads exactly like the first answer and like a hit Apollo
 * serves itself, and every protection of the public endpoint still applies
 * to it (budgets, credentials, query limits, CSRF, the safelist), while the
 * data stays as fresh as before.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { defaultQueryLimits } from '../../gateway/edge/queryLimits.js';
import { provinceApiKey, registryToken } from '../support/directory.js';
import { post, startEdgeDirectory, type EdgeDirectory } from '../edge/support.js';

/** An address the gateway trusts (the province's own services are trusted by address). */
const trustedAddress = '198.51.100.7';
const budget = 5;

let edge: EdgeDirectory;
let safelisted: RunningGateway;
const registered = 'query Levels { oqfLevels { number name } }';

beforeAll(async () => {
  edge = await startEdgeDirectory({
    trustProxy: 'loopback',
    trustedClients: [trustedAddress],
    anonymousRequestsPerMinute: budget,
    queryLimits: { ...defaultQueryLimits, maxDepth: 3 },
  });
  safelisted = await startGateway({
    port: 0,
    frameworkUrl: edge.directory.framework.url,
    searchUrl: edge.search.url,
    registryToken,
    edge: { trustedClients: [] },
    safelist: [registered],
  });
});
afterAll(async () => {
  await safelisted?.stop();
  await edge?.stop();
});

/** Each call a client of its own, so the budget under test is only spent where a test means to. */
let clients = 0;
const freshClient = (extra: Record<string, string> = {}) => ({ 'x-forwarded-for': `203.0.113.${++clients}`, ...extra });

interface Raw {
  status: number;
  headers: Headers;
  text: string;
}

async function raw(url: string, init: RequestInit): Promise<Raw> {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const postRaw = (body: unknown, headers: Record<string, string> = {}, url = edge.gateway.url) =>
  raw(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Everything a client or a CDN reads from an answer, except what changes per request (date, budget left). */
const comparedHeaders = [
  'content-type',
  'content-length',
  'content-language',
  'vary',
  'etag',
  'cache-control',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'content-security-policy',
  'cross-origin-resource-policy',
  'referrer-policy',
  'x-content-type-options',
  'ratelimit-limit',
  'ratelimit-policy',
];
const headersOf = (answer: Raw) => Object.fromEntries(comparedHeaders.map((name) => [name, answer.headers.get(name)]));

async function humberEntryId(): Promise<string> {
  // Through the directory's own gateway, where loopback is trusted: the listing is deeper than this edge allows.
  const listed = await post(edge.directory.gateway.url, {
    query: '{ institution(code: "humber") { microCredentials(first: 1) { edges { node { id } } } } }',
  });
  return listed.body.data.institution.microCredentials.edges[0].node.id;
}

/**
 * The answer that was stored and the hit after it. An answer is stored only once the watcher has read
 * every source it used; right after start, under load, that may be a request or two later.
 */
async function missThenHit(send: () => Promise<Raw>, gateway: RunningGateway = edge.gateway): Promise<[Raw, Raw]> {
  let previous = await send();
  for (let attempt = 0; ; attempt += 1) {
    const current = await send();
    const stored = previous.headers.get('x-cache') === 'MISS' && current.headers.get('x-cache') === 'HIT';
    if (stored || attempt === 5) return [previous, current];
    await gateway.responseCache.poll();
    previous = current;
  }
}

const detail = 'query Entry($id: ID!) { microCredential(id: $id) { id title oqfAlignment { band } } }';

describe('cache hits in front of Apollo', () => {
  it('read byte for byte like the first answer and like a hit Apollo serves, in each language and media type', async () => {
    const id = await humberEntryId();
    const request = { query: detail, operationName: 'Entry', variables: { id } };
    // Sent with its persisted-query hash, a request goes through Apollo (which registers the text): its hit is Apollo's.
    const throughApollo = { ...request, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(detail) } } };
    for (const headers of [{}, { 'accept-language': 'fr-CA,fr;q=0.9' }] as Record<string, string>[]) {
      const [first, hit] = await missThenHit(() => postRaw(request, freshClient(headers)));
      const apolloHit = await postRaw(throughApollo, freshClient(headers));
      expect([first.status, hit.status, apolloHit.status]).toEqual([200, 200, 200]);
      expect([first, hit, apolloHit].map((answer) => answer.headers.get('x-cache'))).toEqual(['MISS', 'HIT', 'HIT']);
      expect(JSON.parse(first.text).data.microCredential.id).toBe(id);
      expect(hit.text).toBe(first.text);
      expect(apolloHit.text).toBe(first.text);
      expect(headersOf(hit)).toEqual(headersOf(first));
      expect(headersOf(apolloHit)).toEqual(headersOf(first));
      expect(hit.headers.get('content-language')).toBe('accept-language' in headers ? 'fr' : 'en');
    }
    // The media type follows Accept as Apollo negotiates it; the answer is the same cached one.
    const accept = { accept: 'application/graphql-response+json, application/json;q=0.9' };
    const hit = await postRaw(request, freshClient(accept));
    const apolloHit = await postRaw(throughApollo, freshClient(accept));
    expect([hit, apolloHit].map((answer) => answer.headers.get('x-cache'))).toEqual(['HIT', 'HIT']);
    expect(hit.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(hit.text).toBe(apolloHit.text);
    expect(headersOf(hit)).toEqual(headersOf(apolloHit));
  });

  it('count against the client budget, give 429 past it, and are counted in /metrics', async () => {
    const query = { query: '{ oqfLevels { number } }' };
    await missThenHit(() => postRaw(query, freshClient()));
    const metric = async (name: string) => {
      const text = await (await fetch(new URL('/metrics', edge.gateway.url))).text();
      return Number(new RegExp(`^${name.replace(/[{}"]/g, '\\$&')} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    };
    const hitsBefore = await metric('gateway_response_cache_hits_total');
    const okBefore = await metric('gateway_operations_total{type="query",outcome="ok"}');

    const client = freshClient();
    const answers: Raw[] = [];
    for (let i = 0; i <= budget; i += 1) answers.push(await postRaw(query, client));
    expect(answers.slice(0, budget).map((answer) => answer.headers.get('x-cache'))).toEqual(Array(budget).fill('HIT'));
    expect(answers.map((answer) => answer.headers.get('ratelimit-remaining'))).toEqual(['4', '3', '2', '1', '0', '0']);
    const refused = answers[budget]!;
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-cache')).toBeNull();
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('RATE_LIMITED');

    expect(await metric('gateway_response_cache_hits_total')).toBeGreaterThanOrEqual(hitsBefore + budget);
    expect(await metric('gateway_operations_total{type="query",outcome="ok"}')).toBeGreaterThanOrEqual(
      okBefore + budget,
    );
  });

  it('are never given to a request whose credential may change the answer, and an unknown consumer key is refused', async () => {
    const query = { query: '{ oqfLevels { number name description } }' };
    const [, shared] = await missThenHit(() => postRaw(query, freshClient()));
    expect(shared.headers.get('x-cache')).toBe('HIT');
    for (const authorization of [`Bearer ${provinceApiKey}`, 'Bearer rk_anything', 'Basic dXNlcjpwYXNz']) {
      const answer = await postRaw(query, freshClient({ authorization }));
      expect(answer.headers.get('x-cache')).toBe('BYPASS');
      expect(answer.headers.get('cache-control')).toBe('private, no-store');
      // Express tags every answer; a private one never carries the shared answer's validator.
      expect(answer.headers.get('etag')).not.toBe(shared.headers.get('etag'));
    }
    const unknownKey = await postRaw(query, freshClient({ authorization: 'Bearer mdk_00000000_unknown' }));
    expect(unknownKey.status).toBe(401);
    expect(JSON.parse(unknownKey.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('still refuse a query over the limits even when a trusted service has its answer cached', async () => {
    const deep = {
      query: '{ institution(code: "seneca") { microCredentials(first: 1) { totalCount edges { node { id } } } } }',
    };
    const trusted = { 'x-forwarded-for': trustedAddress };
    const [stored, hit] = await missThenHit(() => postRaw(deep, trusted));
    expect([stored, hit].map((answer) => answer.headers.get('x-cache'))).toEqual(['MISS', 'HIT']);
    const refused = await postRaw(deep, freshClient());
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
  });

  it('by hash alone over GET get 304 on If-None-Match, are refused without a CSRF preflight header, and show a change within 2 s', async () => {
    const query = 'query Institutions { institutions { code name } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    await missThenHit(() => postRaw({ query, operationName: 'Institutions', extensions }, freshClient()));
    const getUrl = `${edge.gateway.url}?operationName=Institutions&extensions=${encodeURIComponent(JSON.stringify(extensions))}`;
    const get = (headers: Record<string, string> = { 'apollo-require-preflight': 'true' }) =>
      raw(getUrl, { headers: freshClient(headers) });

    const fetched = await get();
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('x-cache')).toBe('HIT');
    const etag = fetched.headers.get('etag')!;
    const revalidated = await get({
      'apollo-require-preflight': 'true',
      'if-none-match': etag,
      'cache-control': 'max-age=0',
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');

    const unpreflighted = await get({});
    expect(unpreflighted.status).toBe(400);
    expect(unpreflighted.text).toContain('Cross-Site Request Forgery');

    const name = `Humber Polytechnic ${Date.now()}`;
    const updated = await post(
      edge.directory.framework.url,
      {
        query: 'mutation ($name: String!) { updateInstitution(code: "humber", input: { name: $name }) { name } }',
        variables: { name },
      },
      { authorization: `Bearer ${provinceApiKey}` },
    );
    expect(updated.body.errors).toBeUndefined();
    const changed = Date.now();
    let seen = await get();
    while (!seen.text.includes(name) && Date.now() - changed < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await get();
    }
    expect(seen.text).toContain(name);
    expect(Date.now() - changed).toBeLessThan(2_000);
  });

  it('never answer an operation name that selects no operation', async () => {
    const query = { query: '{ oqfLevels { number } }' };
    await missThenHit(() => postRaw(query, freshClient()));
    const unnamed = await postRaw({ ...query, operationName: '' }, freshClient());
    expect(unnamed.headers.get('x-cache')).not.toBe('HIT');
    expect(JSON.parse(unnamed.text).errors.length).toBeGreaterThan(0);
  });
});

describe('cache hits on a safelisted endpoint', () => {
  it('serve registered operations and still refuse any other, however often it is sent', async () => {
    const ask = (query: string) => postRaw({ query }, {}, safelisted.url);
    const [stored, hit] = await missThenHit(() => ask(registered), safelisted);
    expect([stored, hit].map((answer) => answer.headers.get('x-cache'))).toEqual(['MISS', 'HIT']);
    for (let i = 0; i < 2; i += 1) {
      const refused = await ask('query Levels { oqfLevels { number name description } }');
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('OPERATION_NOT_REGISTERED');
    }
  });
});
