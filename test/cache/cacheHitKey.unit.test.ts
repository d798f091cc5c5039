/**
 * What the fast path and the plugin agree on, without servers: the GraphQL
 * request read from HTTP as Apollo reads it, and the cache key built from it.
 */
import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { operationHash, responseCacheKey } from '../../gateway/cache/cacheKey.js';
import { readGraphQLRequest } from '../../gateway/edge/graphqlRequest.js';

const postOf = (body: unknown) => ({ method: 'POST', url: '/', body }) as Request;
const getOf = (search: string) => ({ method: 'GET', url: `/?${search}` }) as Request;

describe('reading a GraphQL request as Apollo does', () => {
  it('takes a POST body and a GET search alike', () => {
    const variables = { id: 'humber:x' };
    expect(readGraphQLRequest(postOf({ query: '{ a }', operationName: 'A', variables }))).toEqual({
      query: '{ a }',
      operationName: 'A',
      variables,
      extensions: undefined,
    });
    const search = new URLSearchParams({ query: '{ a }', operationName: 'A', variables: JSON.stringify(variables) });
    expect(readGraphQLRequest(getOf(search.toString()))).toEqual({
      query: '{ a }',
      operationName: 'A',
      variables,
      extensions: undefined,
    });
  });

  it('reads as nothing what Apollo refuses for its shape', () => {
    for (const body of [
      undefined,
      {},
      [{ query: '{ a }' }],
      { query: 5 },
      { query: '{ a }', variables: '{"id":1}' },
      { query: '{ a }', operationName: 3 },
      { query: '{ a }', extensions: [] },
    ]) {
      expect(readGraphQLRequest(postOf(body))).toBeUndefined();
    }
    expect(readGraphQLRequest(getOf('query=%7B%20a%20%7D&query=%7B%20b%20%7D'))).toBeUndefined();
    expect(readGraphQLRequest(getOf('query=%7B%20a%20%7D&variables=not-json'))).toBeUndefined();
    expect(readGraphQLRequest({ method: 'PUT', url: '/', body: { query: '{ a }' } } as Request)).toBeUndefined();
  });
});

describe('the response cache key', () => {
  const parts = { language: 'EN' as const, queryHash: operationHash('{ a }'), variables: undefined };

  it('is the same for absent and empty variables, and differs by language and variables', () => {
    const key = responseCacheKey({ ...parts, operationName: undefined });
    expect(responseCacheKey({ ...parts, operationName: undefined, variables: {} })).toBe(key);
    expect(responseCacheKey({ ...parts, operationName: undefined, language: 'FR' })).not.toBe(key);
    expect(responseCacheKey({ ...parts, operationName: undefined, variables: { id: 1 } })).not.toBe(key);
  });

  it('tells an absent operation name from an empty one, which selects no operation', () => {
    expect(responseCacheKey({ ...parts, operationName: '' })).not.toBe(
      responseCacheKey({ ...parts, operationName: undefined }),
    );
  });

  it('hashes operation text as persisted queries name it', () => {
    expect(operationHash('{ a }')).toMatch(/^[0-9a-f]{64}$/);
    expect(operationHash('{ a }')).not.toBe(operationHash('{a}'));
  });
});
