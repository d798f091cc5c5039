/**
 * Each query limit refuses the attack that once took the gateway down, with
 * its own code and before any work reaches a subgraph, while a normal query
 * from another client sent at the same moment is answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/graphql.js';
import { post, startEdgeDirectory, type EdgeDirectory } from './support.js';

let edge: EdgeDirectory;
beforeAll(async () => {
  edge = await startEdgeDirectory({ anonymousRequestsPerMinute: 10_000 });
});
afterAll(async () => {
  await edge?.stop();
});

const normalQuery = `{ microCredential(id: "seneca:introduction-to-data-analytics") { id title institution { name } } }`;

function nestedRecognition(levels: number): string {
  let inner = 'id title';
  for (let level = 0; level < levels; level += 1)
    inner = `id recognizedAs { basis for { kind ref microCredential { ${inner} } } }`;
  return `{ microCredential(id: "seneca:introduction-to-data-analytics") { ${inner} } }`;
}

const aliasedSearches = (count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `s${i}: searchMicroCredentials(query: "data ${i}") { total }`).join(' ')} }`;
const aliasedListings = (count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `l${i}: institution(code: "humber") { microCredentials(first: 20) { edges { node { id } } } }`).join(' ')} }`;

const attacks: Array<{ name: string; query: string; code: string }> = [
  { name: '12-level recognizedAs nesting', query: nestedRecognition(12), code: 'QUERY_TOO_DEEP' },
  {
    name: '17,000 repeated fields (a 100 KB document)',
    query: `{ microCredential(id: "seneca:introduction-to-data-analytics") { ${'title '.repeat(17_000)} } }`,
    code: 'TOO_MANY_TOKENS',
  },
  {
    name: '4,000 repeated total',
    query: `{ searchMicroCredentials(query: "data") { ${'total '.repeat(4_000)} } }`,
    code: 'TOO_MANY_TOKENS',
  },
  {
    name: '500 aliased searches',
    query: aliasedSearches(500),
    code: 'TOO_MANY_TOKENS',
  },
  { name: '50 aliased searches (within the token limit)', query: aliasedSearches(50), code: 'TOO_MANY_ALIASES' },
  {
    name: '500 aliased listings',
    query: aliasedListings(500),
    code: 'TOO_MANY_TOKENS',
  },
  { name: '20 aliased listings (within the token limit)', query: aliasedListings(20), code: 'TOO_MANY_ALIASES' },
  {
    name: 'repeated fields within the token limit',
    query: `{ searchMicroCredentials(query: "data") { ${'total '.repeat(200)} } }`,
    code: 'TOO_MANY_REPEATED_FIELDS',
  },
  {
    name: 'recognition lists nested within the depth limit',
    query: nestedRecognition(3).replace(
      'id title',
      'id title description learningOutcomes skills { code label } offerings { startDate priceCad }',
    ),
    code: 'QUERY_TOO_COSTLY',
  },
  {
    name: 'a page size far beyond need',
    query: `{ institutions { microCredentials(first: 1000) { edges { node { id title skills { label } } } } } }`,
    code: 'QUERY_TOO_COSTLY',
  },
  {
    name: 'directives by the hundred',
    query: `{ microCredential(id: "seneca:introduction-to-data-analytics") { id ${'title @include(if: true) '.repeat(5)} ${'description @skip(if: false) @include(if: true) '.repeat(15)} } }`,
    code: 'TOO_MANY_DIRECTIVES',
  },
];

describe('query limits', () => {
  it.each(attacks)('refuse $name with $code, HTTP 400, while another client is served', async ({ query, code }) => {
    const [refused, normal] = await Promise.all([
      post(edge.gateway.url, { query }),
      post(edge.gateway.url, { query: normalQuery }),
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors[0].extensions.code).toBe(code);
    expect(refused.body.errors[0].extensions.limit).toBeGreaterThan(0);
    // Refused before planning or fetching: minutes before these limits existed; a generous bound for a shared CI box.
    expect(refused.ms).toBeLessThan(1_000);
    expect(normal.status).toBe(200);
    expect(normal.body.errors).toBeUndefined();
    expect(normal.body.data.microCredential.title).toBeTruthy();
  });

  it('counts page sizes given as variables', async () => {
    const query = `query ($n: Int) { institutions { microCredentials(first: $n) { edges { node { id title skills { label } } } } } }`;
    const small = await graphql(edge.gateway.url, query, { n: 2 });
    expect(small.errors).toBeUndefined();
    const large = await post(edge.gateway.url, { query, variables: { n: 1000 } });
    expect(large.body.errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('accepts one level of recognition nesting, as the README shows it', async () => {
    const result = await graphql(edge.gateway.url, nestedRecognition(2));
    expect(result.errors).toBeUndefined();
    expect(result.data.microCredential.id).toBe('seneca:introduction-to-data-analytics');
  });

  it('exempts trusted clients (the province services on loopback) from the limits', async () => {
    const deep = nestedRecognition(6);
    expect((await post(edge.gateway.url, { query: deep })).body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
    const trusted = await graphql(edge.directory.gateway.url, deep);
    expect(trusted.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('QUERY_TOO_DEEP');
  });
});
