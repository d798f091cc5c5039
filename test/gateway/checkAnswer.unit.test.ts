/**
 * The answer check as pure logic over the real contract: what passes
 * untouched, what is corrected, and what each problem is called.
 */
import { describe, expect, it } from 'vitest';
import { answerPlan } from '../../gateway/datasources/answerPlan.js';
import { checkAnswer } from '../../gateway/datasources/checkAnswer.js';
import { withOwnershipProof } from '../../gateway/datasources/ownership.js';
import { buildCatalogueContract } from '../../gateway/registry/conformance.js';

const contract = buildCatalogueContract();

function check(query: string, data: any, variables: Record<string, unknown> = {}, representations?: unknown[]) {
  const sent = withOwnershipProof(query, contract);
  const errors = checkAnswer(data, answerPlan(sent.text, sent.document, contract), {
    institution: 'humber',
    variables,
    representations,
  });
  return { data, errors, codes: errors.map((e) => `${e.extensions!.code}/${e.extensions!.reason}`) };
}

const own = (id: string, extra: object = {}) => ({ id, _shardKey: id, _shardType: 'MicroCredential', ...extra });

describe('checkAnswer', () => {
  it('passes an honest answer and removes only the aliases the gateway added', () => {
    const result = check(
      'query($id: ID!) { microCredential(id: $id) { id title _shardKey: title } }',
      {
        microCredential: { id: 'humber:a', title: 'A', _shardKey: 'A', _shardType: 'MicroCredential' },
      },
      { id: 'humber:a' },
    );
    expect(result.errors).toEqual([]);
    // The client's own alias named like a reserved one is kept; the added type alias is removed.
    expect(result.data.microCredential).toEqual({ id: 'humber:a', title: 'A', _shardKey: 'A' });
  });

  it("does not mistake a client's alias named `id` for the key", () => {
    const result = check('{ microCredential(id: "humber:a") { id: title realId: id } }', {
      microCredential: { id: 'Some title', realId: 'humber:a', _shardKey: 'humber:a', _shardType: 'MicroCredential' },
    });
    expect(result.errors).toEqual([]);
  });

  it('answers for exactly the id asked for', () => {
    const result = check('{ microCredential(id: "humber:a") { id } }', { microCredential: own('humber:b') });
    expect(result.codes).toEqual(['INSTITUTION_IMPERSONATION/IMPERSONATION']);
    expect(result.data.microCredential).toBeNull();
  });

  it('holds lists to the page size from `first`, a variable, or the contract default', () => {
    const edges = (n: number) => Array.from({ length: n }, (_, i) => ({ node: own(`humber:e${i}`) }));
    const listing = (first: string) =>
      `query($n: Int) { _entities(representations: []) { ... on Institution { microCredentials${first} { edges { node { id } } } } } }`;
    const representations = [{ __typename: 'Institution', code: 'humber' }];
    const entity = (n: number) => ({
      _entities: [{ _shardKey: 'humber', _shardType: 'Institution', microCredentials: { edges: edges(n) } }],
    });
    const literal = check(listing('(first: 3)'), entity(5), {}, representations);
    expect(literal.codes).toEqual(['INSTITUTION_INVALID_RESPONSE/LIST_TOO_LONG']);
    expect(literal.data._entities[0].microCredentials.edges).toHaveLength(3);
    expect(
      check(listing('(first: $n)'), entity(5), { n: 4 }, representations).data._entities[0].microCredentials.edges,
    ).toHaveLength(4);
    expect(check(listing(''), entity(25), {}, representations).data._entities[0].microCredentials.edges).toHaveLength(
      20,
    );
  });

  it('names wrong types, missing fields and out-of-range integers, and discards what a non-null field cannot hold', () => {
    const query = '{ microCredential(id: "humber:a") { id titleFr credits version title } }';
    const result = check(query, { microCredential: own('humber:a', { titleFr: 7, version: 2 ** 40, title: 'ok' }) });
    expect(result.codes).toEqual([
      'INSTITUTION_INVALID_RESPONSE/WRONG_TYPE',
      'INSTITUTION_INVALID_RESPONSE/MISSING_FIELD',
      'INSTITUTION_INVALID_RESPONSE/WRONG_TYPE',
    ]);
    // version is non-null: the entry is discarded; nothing wrongly typed reaches the client.
    expect(result.data.microCredential).toBeNull();
    expect(result.errors.every((e) => e.extensions!.institution === 'humber')).toBe(true);
    expect(result.errors[0]!.path).toEqual(['microCredential', 'titleFr']);
  });

  it('names unknown enum values', () => {
    const query = '{ microCredential(id: "humber:a") { id offerings { id } deliveryMode } }';
    const result = check(query, { microCredential: own('humber:a', { offerings: [], deliveryMode: 'TELEPATHY' }) });
    expect(result.codes).toEqual(['INSTITUTION_INVALID_RESPONSE/UNKNOWN_ENUM_VALUE']);
    expect(result.errors[0]!.message).toContain('not a DeliveryMode');
  });

  it('accepts fields left out under @include/@skip', () => {
    const result = check(
      'query($t: Boolean!) { microCredential(id: "humber:a") { id title @include(if: $t) } }',
      {
        microCredential: own('humber:a'),
      },
      { t: false },
    );
    expect(result.errors).toEqual([]);
  });

  it('reports a flood of problems in a bounded number of errors', () => {
    const query = '{ microCredential(id: "humber:a") { id offerings { priceCad } } }';
    const offerings = Array.from({ length: 5_000 }, () => ({ priceCad: 'free' }));
    const result = check(query, { microCredential: own('humber:a', { offerings }) });
    expect(result.errors).toHaveLength(11);
    expect(result.errors.at(-1)!.message).toContain('4990 more invalid values');
    expect(result.data.microCredential.offerings).toEqual([]);
  });
});
