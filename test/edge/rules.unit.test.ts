/** The edge's pure logic, without servers: limits against the public schema, error masking, trusted clients. */
import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { getIntrospectionQuery, GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskError } from '../../gateway/edge/errorMasking.js';
import { defaultQueryLimits, refusalFor } from '../../gateway/edge/queryLimits.js';
import { trustedClients } from '../../gateway/edge/trustedClients.js';
import { consumerKeyIn } from '../../gateway/edge/consumerKeys.js';
import { loadSchemaDocument, type ContractName } from '../../runtime/schemaFiles.js';

const schema = (() => {
  const names: ContractName[] = ['catalogue', 'framework', 'search'];
  const result = composeServices(
    names.map((name) => ({ name, url: `http://${name}.invalid`, typeDefs: loadSchemaDocument(name) })),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.schema.toAPISchema().toGraphQLJSSchema();
})();

const refusal = (query: string, variables?: Record<string, unknown>) =>
  refusalFor(query, variables, schema, defaultQueryLimits)?.extensions.code;

describe('query limits', () => {
  const readme = readFileSync('README.md', 'utf8');
  const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

  it.each(examples.map((query) => [query.split('\n')[0]!.slice(0, 50), query]))(
    'accept the README example %s',
    (_name, query) => {
      expect(refusal(query, { id: 'seneca:introduction-to-data-analytics' })).toBeUndefined();
    },
  );

  it("accept GraphiQL's introspection query", () => {
    expect(refusal(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))).toBeUndefined();
  });

  it('count fields reached through fragments as repeated', () => {
    const fragments = Array.from({ length: 12 }, (_, i) => `fragment F${i} on SearchResult { total }`).join('\n');
    const spreads = Array.from({ length: 12 }, (_, i) => `...F${i}`).join(' ');
    expect(refusal(`{ searchMicroCredentials { ${spreads} } }\n${fragments}`)).toBe('TOO_MANY_REPEATED_FIELDS');
  });

  it('refuse fragments that spread fragments without expanding them', () => {
    // Each level spreads the next ten times: 10^8 fields when expanded, priced without expanding.
    const levels = Array.from(
      { length: 8 },
      (_, i) => `fragment L${i} on MicroCredential { ${Array.from({ length: 10 }, () => `...L${i + 1}`).join(' ')} }`,
    );
    const query = `{ microCredential(id: "a:b") { ...L0 } }\n${levels.join('\n')}\nfragment L8 on MicroCredential { id }`;
    const started = performance.now();
    expect(refusal(query)).toBe('QUERY_TOO_COSTLY');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('take page sizes from variable defaults', () => {
    const query = `query ($n: Int = 1000) { institutions { microCredentials(first: $n) { edges { node { id title } } } } }`;
    expect(refusal(query)).toBe('QUERY_TOO_COSTLY');
    expect(refusal(query, { n: 3 })).toBeUndefined();
  });
});

describe('error masking', () => {
  const mask = (message: string, extensions: Record<string, unknown>) => {
    const logged: string[] = [];
    const masked = maskError({ message, extensions }, new GraphQLError(message), (line) => logged.push(line));
    return { masked, logged };
  };

  it('keeps a client-actionable code and message, without internal addresses', () => {
    const { masked } = mask('Search backend at http://10.0.0.7:4003/graphql is not ready', {
      code: 'INDEX_NOT_READY',
      serviceName: 'search',
      response: { url: 'http://10.0.0.7:4003/graphql', body: '<html>…' },
      exception: { stacktrace: ['at /app/x.ts:1:1'] },
    });
    expect(masked).toEqual({
      message: 'Search backend at <address withheld> is not ready',
      extensions: { code: 'INDEX_NOT_READY' },
    });
  });

  it('hides internal errors and raw bodies, and logs them instead', () => {
    for (const [message, code] of [
      ['Cannot read properties of undefined', 'INTERNAL_SERVER_ERROR'],
      ['<!DOCTYPE html><html><body>Bad gateway</body></html>', 'BAD_USER_INPUT'],
      ['Error: boom\n    at Object.<anonymous> (/app/gateway/x.ts:3:9)', 'SOME_CODE'],
    ] as const) {
      const { masked, logged } = mask(message, { code });
      expect(masked.message).toBe('Internal server error');
      expect(logged).toHaveLength(1);
    }
  });

  it('names the failing province service, not its failure', () => {
    const { masked } = mask('request to http://10.0.0.7:4003/graphql failed, reason: socket hang up', {
      code: 'DOWNSTREAM_SERVICE_ERROR',
      serviceName: 'search',
    });
    expect(masked.message).toBe('The search service could not answer; try again shortly.');
  });
});

describe('trusted clients', () => {
  it('match addresses and subnets, IPv4-mapped IPv6 included', () => {
    const trusted = trustedClients(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    expect(trusted('127.0.0.1')).toBe(true);
    expect(trusted('::ffff:10.1.2.3')).toBe(true);
    expect(trusted('fd12::1')).toBe(true);
    expect(trusted('203.0.113.1')).toBe(false);
    expect(trusted(undefined)).toBe(false);
    expect(() => trustedClients(['not-an-address'])).toThrow(/not an address/);
  });
});

describe('consumer keys', () => {
  it('are recognised in the Authorization header (credentials.ts forwards them to nobody)', () => {
    const key = `mdk_0a1b2c3d_${'k'.repeat(43)}`;
    expect(consumerKeyIn(`Bearer ${key}`)).toBe(key);
    expect(consumerKeyIn('Bearer mck_humber_1a2b3c4d_institution-key')).toBeUndefined();
    expect(consumerKeyIn(undefined)).toBeUndefined();
  });
});
