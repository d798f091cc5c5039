import { describe, expect, it } from 'vitest';
import { bearerToken } from '../../runtime/bearerToken.js';
import { institutionOfMicroCredentialId, splitInstitutionPrefixedId } from '../../runtime/microCredentialId.js';
import { sameSecret } from '../../runtime/sameSecret.js';

describe('micro-credential ids', () => {
  it('splits at the first colon', () => {
    expect(splitInstitutionPrefixedId('humber:data-analytics')).toEqual({
      institution: 'humber',
      local: 'data-analytics',
    });
    expect(splitInstitutionPrefixedId('humber:BAN:GC')).toEqual({ institution: 'humber', local: 'BAN:GC' });
  });

  it('has no institution without both sides of the colon', () => {
    for (const id of ['humber', ':slug', 'humber:', '']) expect(institutionOfMicroCredentialId(id)).toBeUndefined();
  });
});

describe('bearer tokens', () => {
  it('reads the token with any case of the scheme and surrounding spaces', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer   abc  ')).toBe('abc');
  });

  it('refuses other schemes, tokens with spaces, and absent headers', () => {
    for (const header of ['Basic abc', 'Bearer a b', 'Bearer', 'abc', '', undefined]) {
      expect(bearerToken(header)).toBeUndefined();
    }
  });
});

describe('secret comparison', () => {
  it('is equality, whatever the lengths', () => {
    expect(sameSecret('s3cret', 's3cret')).toBe(true);
    expect(sameSecret('s3cret', 's3cre')).toBe(false);
    expect(sameSecret('', 'x')).toBe(false);
  });
});
