import { describe, expect, it } from 'vitest';
import { plainInput } from '../../subgraphs/catalogue/entryInput.js';

describe('plainInput', () => {
  it('gives a GraphQL input object (null prototype) as a plain object, absent fields absent', () => {
    const input = Object.assign(Object.create(null), { slug: 'data-analytics', offerings: [{ code: 'F26' }] });
    const plain = plainInput(input);
    expect(plain).toEqual({ slug: 'data-analytics', offerings: [{ code: 'F26' }] });
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(plainInput(undefined)).toEqual({});
  });

  it('throws for anything that is not an object', () => {
    for (const input of [['slug'], 'slug', 3])
      expect(() => plainInput(input)).toThrow(/expected a GraphQL input object/);
  });
});
