/**
 * Per-client budgets: anonymous clients by address, registered consumers by
 * their key's own limit, 429 with the standard headers past a budget; consumer
 * keys issued and revoked by the province, counted, and never passed on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/graphql.js';
import { provinceApiKey } from '../support/directory.js';
import { post, startEdgeDirectory, type EdgeDirectory } from './support.js';

let edge: EdgeDirectory;
beforeAll(async () => {
  edge = await startEdgeDirectory({
    anonymousRequestsPerMinute: 3,
    trustProxy: 'loopback',
    consumerKeyRefreshMs: 200,
    consumerUsageFlushMs: 200,
  });
});
afterAll(async () => {
  await edge?.stop();
});

const query = { query: '{ oqfLevels { number } }' };
const from = (address: string, extra: Record<string, string> = {}) => ({ 'x-forwarded-for': address, ...extra });
/** The province's calls, each from an address of its own so they do not spend the budgets under test. */
let provinceCalls = 0;
const province = () => from(`198.51.100.${++provinceCalls}`, { authorization: `Bearer ${provinceApiKey}` });

async function issueKey(requestsPerMinute: number): Promise<{ id: string; key: string }> {
  const issued = await graphql(
    edge.gateway.url,
    'mutation ($n: Int) { issueConsumerKey(label: "Test job board", requestsPerMinute: $n) { id key requestsPerMinute } }',
    { n: requestsPerMinute },
    province(),
  );
  expect(issued.errors).toBeUndefined();
  expect(issued.data.issueConsumerKey.key).toMatch(/^mdk_[0-9a-f]{8}_[\w-]{43}$/);
  return issued.data.issueConsumerKey;
}

describe('anonymous clients', () => {
  it('get a budget per address, with RateLimit headers, and 429 with Retry-After past it', async () => {
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await post(edge.gateway.url, query, from('203.0.113.1')));
    expect(answers.slice(0, 3).map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.headers.get('ratelimit-limit'))).toEqual(['3', '3', '3', '3']);
    expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('3;w=60');
    const refused = answers[3]!;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(refused.body.errors[0].message).toContain('consumer key');

    // Another client is not affected.
    const other = await post(edge.gateway.url, query, from('203.0.113.2'));
    expect(other.status).toBe(200);
    expect(other.body.data.oqfLevels).toHaveLength(13);
  });
});

describe('consumer keys', () => {
  it('give a registered consumer its own budget, and count its use for the province', async () => {
    const { id, key } = await issueKey(5);
    const bearer = { authorization: `Bearer ${key}` };
    const statuses = [];
    for (let i = 0; i < 6; i += 1) {
      const answer = await post(edge.gateway.url, query, from('203.0.113.50', bearer));
      statuses.push(answer.status);
      expect(answer.headers.get('ratelimit-limit')).toBe('5');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);

    await expect
      .poll(
        async () => {
          const listed = await graphql(
            edge.gateway.url,
            '{ consumerKeys { id label requestsPerMinute requestCount lastUsedAt revokedAt } }',
            undefined,
            province(),
          );
          return listed.data?.consumerKeys.find((k: any) => k.id === id);
        },
        { timeout: 5_000 },
      )
      .toMatchObject({ id, label: 'Test job board', requestsPerMinute: 5, requestCount: 5, revokedAt: null });
  });

  it('is never passed on to a subgraph', async () => {
    const { key } = await issueKey(100);
    // consumerKeys is the province's: the framework says what it received.
    const answer = await post(
      edge.gateway.url,
      { query: '{ consumerKeys { id } }' },
      from('203.0.113.60', { authorization: `Bearer ${key}` }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(answer.body.errors[0].message).toContain('no Authorization header was sent');
  });

  it('is refused with 401 when unknown, and stops working once revoked', async () => {
    const unknown = await post(
      edge.gateway.url,
      query,
      from('203.0.113.70', { authorization: `Bearer mdk_00000000_${'x'.repeat(43)}` }),
    );
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const { id, key } = await issueKey(100);
    const bearer = from('203.0.113.71', { authorization: `Bearer ${key}` });
    expect((await post(edge.gateway.url, query, bearer)).status).toBe(200);
    const revoked = await graphql(
      edge.gateway.url,
      'mutation ($id: ID!) { revokeConsumerKey(id: $id) }',
      { id },
      province(),
    );
    expect(revoked.data.revokeConsumerKey).toBe(true);
    await expect.poll(async () => (await post(edge.gateway.url, query, bearer)).status, { timeout: 3_000 }).toBe(401);
  });

  it('can only be issued by the province', async () => {
    const answer = await graphql(
      edge.gateway.url,
      'mutation { issueConsumerKey(label: "Mine") { key } }',
      undefined,
      from('203.0.113.80'),
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
