/**
 * What a client gets back at the public edge: clean JSON errors with codes
 * (never HTML, stack traces, internal URLs or raw subgraph bodies), client
 * mistakes blamed on the client, CORS and security headers, and a GraphiQL
 * served entirely from the gateway itself.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startGateway } from '../../gateway/server.js';
import { findFreePort } from '../../runtime/postgres.js';
import { registryToken } from '../support/directory.js';
import { post, startEdgeDirectory, type EdgeDirectory } from './support.js';

let edge: EdgeDirectory;
beforeAll(async () => {
  edge = await startEdgeDirectory({ corsOrigins: '*' });
});
afterAll(async () => {
  await edge?.stop();
});

function expectCleanError(body: unknown, code: string) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/<html|<!doctype|\bat .+:\d+:\d+|node_modules|127\.0\.0\.1|localhost|https?:\/\//i);
  expect((body as any).errors[0].extensions.code).toBe(code);
}

describe('malformed requests', () => {
  it('answers a malformed JSON body with MALFORMED_JSON as JSON, not an HTML stack trace', async () => {
    const response = await post(edge.gateway.url, '{"query": "{ oqfLevels { number } }"');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expectCleanError(response.body, 'MALFORMED_JSON');
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await post(edge.gateway.url, {
      query: `# ${'x'.repeat(6 * 1024 * 1024)}\n{ oqfLevels { number } }`,
    });
    expect(response.status).toBe(413);
    expectCleanError(response.body, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown path with a JSON 404', async () => {
    const response = await fetch(edge.gateway.url.replace('/graphql', '/wp-admin'));
    expect(response.status).toBe(404);
    expectCleanError(await response.json(), 'NOT_FOUND');
  });
});

describe('client mistakes are the client’s', () => {
  it('refuses a bad Date in a search filter with BAD_USER_INPUT naming the argument, before any fan-out', async () => {
    const response = await post(edge.gateway.url, {
      query: '{ searchMicroCredentials(filter: { nextStartDate: { from: "2026-13-45" } }) { total } }',
    });
    expect(response.status).toBe(400);
    expectCleanError(response.body, 'BAD_USER_INPUT');
    expect(response.body.errors[0].extensions.argument).toBe('filter.nextStartDate.from');
  });

  it('refuses a bad DateTime given as a variable', async () => {
    const response = await post(edge.gateway.url, {
      query: 'query ($f: SearchFilter) { searchMicroCredentials(filter: $f) { total } }',
      variables: { f: { updatedSince: 'last tuesday' } },
    });
    expectCleanError(response.body, 'BAD_USER_INPUT');
    expect(response.body.errors[0].message).toContain('$f.updatedSince');
  });

  it('refuses a bad updatedSince in a listing with BAD_USER_INPUT, not blaming the institution', async () => {
    const response = await post(edge.gateway.url, {
      query:
        '{ institution(code: "humber") { microCredentials(filter: { updatedSince: "yesterday" }) { totalCount } } }',
    });
    expectCleanError(response.body, 'BAD_USER_INPUT');
    expect(JSON.stringify(response.body)).not.toContain('INSTITUTION_UNAVAILABLE');
  });

  it('still accepts well-formed dates', async () => {
    const response = await post(edge.gateway.url, {
      query:
        '{ searchMicroCredentials(filter: { updatedSince: "2020-01-01T00:00:00Z", nextStartDate: { from: "2020-01-01" } }) { total } }',
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.searchMicroCredentials.total).toBeGreaterThanOrEqual(0);
  });
});

describe('a province service that fails', () => {
  it('is reported by name and code, without its address or raw error', async () => {
    const closedPort = await findFreePort();
    const gateway = await startGateway({
      port: 0,
      frameworkUrl: edge.directory.framework.url,
      searchUrl: `http://127.0.0.1:${closedPort}/graphql`,
      registryToken,
      edge: { trustedClients: [] },
      log: () => {},
    });
    onTestFinished(() => gateway.stop());
    const response = await post(gateway.url, { query: '{ searchMicroCredentials(query: "data") { total } }' });
    expect(response.body.errors.length).toBeGreaterThan(0);
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/127\.0\.0\.1|https?:\/\/|ECONNREFUSED|stack/i);
    expect(response.body.errors[0].extensions.code).toMatch(/^[A-Z_]+$/);
  });
});

describe('the operation deadline', () => {
  it('answers OPERATION_TIMEOUT when the whole operation takes longer', async () => {
    const gateway = await startGateway({
      port: 0,
      frameworkUrl: edge.directory.framework.url,
      registryToken,
      edge: { trustedClients: [] },
      deadlines: { operationMs: 1 },
    });
    onTestFinished(() => gateway.stop());
    const response = await post(gateway.url, {
      query: '{ institutions { code microCredentials(first: 3) { edges { node { id title } } } } }',
    });
    const timeouts = response.body.errors.filter(
      (error: { extensions?: { code?: string } }) => error.extensions?.code === 'OPERATION_TIMEOUT',
    );
    expect(timeouts).toHaveLength(1);
    expect(timeouts[0].extensions).toEqual({ code: 'OPERATION_TIMEOUT', limit: 1 });
    // Whatever was cut is null: no institution's listing arrives after the deadline.
    for (const institution of response.body.data?.institutions ?? []) expect(institution.microCredentials).toBeNull();
  });
});

describe('browsers', () => {
  it('answers a CORS preflight from any origin, without credentials', async () => {
    const response = await fetch(edge.gateway.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://jobs.example.ca',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets a page on another origin read answers and budget headers', async () => {
    const response = await fetch(edge.gateway.url, {
      method: 'POST',
      headers: { origin: 'https://jobs.example.ca', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ oqfLevels { number } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('RateLimit-Remaining');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('only allows the configured origins when CORS_ORIGINS lists them', async () => {
    const gateway = await startGateway({
      port: 0,
      frameworkUrl: edge.directory.framework.url,
      registryToken,
      edge: { corsOrigins: ['https://portal.example.ca'] },
    });
    onTestFinished(() => gateway.stop());
    const preflight = (origin: string) =>
      fetch(gateway.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    expect((await preflight('https://portal.example.ca')).headers.get('access-control-allow-origin')).toBe(
      'https://portal.example.ca',
    );
    expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GraphiQL', () => {
  const origin = () => new URL(edge.gateway.url).origin;

  it('is served at /graphql to browsers, with the README examples, loading nothing from elsewhere', async () => {
    for (const path of ['/graphql']) {
      const page = await fetch(`${origin()}${path}`, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const html = await page.text();
      const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
      expect(references.length).toBeGreaterThanOrEqual(5);
      for (const reference of references) {
        expect(reference.startsWith('/'), `${reference} is on this gateway`).toBe(true);
        expect(reference.startsWith('//')).toBe(false);
        const asset = await fetch(`${origin()}${reference}`);
        expect(asset.status, reference).toBe(200);
        const text = await asset.text();
        if (reference.endsWith('.css')) {
          const urls = [...text.matchAll(/url\(\s*["']?([^"')]+)/g)].map((match) => match[1]!);
          for (const url of urls) expect(url.startsWith('data:') || url.startsWith('#'), url).toBe(true);
          expect(text).not.toMatch(/@import/);
        } else {
          // No address of a CDN or font host, and no script loading from elsewhere (its messages may name CDNs).
          expect(text).not.toMatch(
            /https?:\/\/[^"'\s]*(unpkg\.com|jsdelivr\.net|esm\.sh|cdnjs|googleapis\.com|gstatic\.com|apollographql\.com)/,
          );
          expect(text).not.toMatch(/importScripts\(|import\(\s*["'`]https?:/);
        }
      }
    }
    const start = await (await fetch(`${origin()}/graphiql/assets/start.js`)).text();
    expect(start).toContain('searchMicroCredentials');
    expect(start).toContain('planPathways');
  });

  it('leaves GraphQL GET requests from programs alone', async () => {
    const response = await fetch(`${edge.gateway.url}?query=${encodeURIComponent('{ oqfLevels { number } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).data.oqfLevels).toHaveLength(13);
  });
});
