/**
 * The gateway's routing as pure logic: which institution owns a representation, how one
 * `_entities` fetch is split among owners (with an injected fake `ask` instead of HTTP),
 * and how a fetch's fields become a smaller operation. The federation tests cover the same
 * paths end to end; these pin the edge cases cheaply.
 */
import { Kind, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { InstitutionCallError, type GraphQLRequestBody } from '../../gateway/datasources/institutionClient.js';
import { institutionOfRepresentation, ownerOf } from '../../gateway/datasources/ownership.js';
import { routeEntitiesByInstitution } from '../../gateway/datasources/routeEntitiesByInstitution.js';
import { operationForFields, parseOperation } from '../../gateway/datasources/splitOperation.js';

const microCredential = (id: string) => ({ __typename: 'MicroCredential', id });

describe('ownership', () => {
  it('reads the owner from an institution code or an id prefix', () => {
    expect(ownerOf('Institution', 'humber')).toBe('humber');
    expect(ownerOf('MicroCredential', 'humber:data-analytics')).toBe('humber');
    expect(ownerOf('MicroCredential', 'no-prefix')).toBeUndefined();
    expect(ownerOf('MicroCredential', 42)).toBeUndefined();
  });

  it('routes only representations of sharded entities with a key', () => {
    expect(institutionOfRepresentation(microCredential('seneca:ux-design'))).toBe('seneca');
    expect(institutionOfRepresentation({ __typename: 'Institution', code: 'boreal' })).toBe('boreal');
    expect(institutionOfRepresentation({ __typename: 'SomethingElse', id: 'seneca:x' })).toBeUndefined();
    expect(institutionOfRepresentation({ __typename: 'MicroCredential' })).toBeUndefined();
    expect(institutionOfRepresentation('seneca:x')).toBeUndefined();
  });
});

describe('routeEntitiesByInstitution', () => {
  const body = (representations: unknown[]) => ({
    query: 'query($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }',
    variables: { representations },
  });

  it('asks each owner for its own items only and answers in the original order', async () => {
    const asked: Record<string, unknown[]> = {};
    const answer = await routeEntitiesByInstitution(
      body([microCredential('a:one'), microCredential('b:two'), microCredential('a:three')]),
      async (institution, request: GraphQLRequestBody) => {
        const representations = (request.variables as { representations: { id: string }[] }).representations;
        asked[institution] = representations.map((r) => r.id);
        return { data: { _entities: representations.map((r) => ({ id: r.id })) }, errors: [] };
      },
    );
    expect(asked).toEqual({ a: ['a:one', 'a:three'], b: ['b:two'] });
    expect(answer).toEqual({ data: { _entities: [{ id: 'a:one' }, { id: 'b:two' }, { id: 'a:three' }] } });
  });

  it('nulls only the failing institution’s items, with its failure at their paths', async () => {
    const answer = await routeEntitiesByInstitution(
      body([microCredential('a:one'), microCredential('b:two')]),
      async (institution) => {
        if (institution === 'b') throw new InstitutionCallError('b', 'TIMEOUT', 'no answer within 3000 ms');
        return { data: { _entities: [{ id: 'a:one' }] }, errors: [] };
      },
    );
    expect(answer.data).toEqual({ _entities: [{ id: 'a:one' }, null] });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        path: ['_entities', 1],
        extensions: { code: 'INSTITUTION_UNAVAILABLE', institution: 'b', reason: 'TIMEOUT' },
      }),
    ]);
  });

  it('refuses an answer with the wrong number of entities as malformed', async () => {
    const answer = await routeEntitiesByInstitution(
      body([microCredential('a:one'), microCredential('a:two')]),
      async () => ({
        data: { _entities: [{ id: 'a:one' }] },
        errors: [],
      }),
    );
    expect(answer.data).toEqual({ _entities: [null, null] });
    expect(answer.errors?.map((error) => [error.path, error.extensions?.reason])).toEqual([
      [['_entities', 0], 'MALFORMED_RESPONSE'],
      [['_entities', 1], 'MALFORMED_RESPONSE'],
    ]);
  });

  it('moves an institution’s error paths to the original positions', async () => {
    const answer = await routeEntitiesByInstitution(
      body([microCredential('a:one'), microCredential('b:two')]),
      async (institution) =>
        institution === 'b'
          ? { data: { _entities: [null] }, errors: [{ message: 'gone', path: ['_entities', 0, 'title'] }] }
          : { data: { _entities: [{ id: 'a:one' }] }, errors: [] },
    );
    expect(answer.errors).toEqual([
      { message: 'gone', path: ['_entities', 1, 'title'], extensions: { institution: 'b' } },
    ]);
  });

  it('never asks anyone about a representation without an owner', async () => {
    const asked: string[] = [];
    const answer = await routeEntitiesByInstitution(
      body([{ __typename: 'MicroCredential', id: 'ownerless' }]),
      async (i) => {
        asked.push(i);
        return { data: { _entities: [] }, errors: [] };
      },
    );
    expect(asked).toEqual([]);
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNROUTABLE_REQUEST');
  });
});

describe('splitOperation', () => {
  it('keeps only the variables and fragments the chosen fields use', () => {
    const { document, operation } = parseOperation(
      'query($a: ID!, $b: ID!) { x: microCredential(id: $a) { ...F } y: microCredential(id: $b) { id } } fragment F on MicroCredential { title }',
    );
    const first = operation.selectionSet.selections[0] as FieldNode;
    expect(first.kind).toBe(Kind.FIELD);
    const { query, variableNames } = operationForFields(document, operation, [first]);
    expect(variableNames).toEqual(['a']);
    expect(query).toContain('fragment F on MicroCredential');
    expect(query).not.toContain('$b');
    expect(query).not.toContain('y: microCredential');
  });

  it('refuses a document without an operation', () => {
    expect(() => parseOperation('fragment F on MicroCredential { title }')).toThrow('no operation');
  });
});
