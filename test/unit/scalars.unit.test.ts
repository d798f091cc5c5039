import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkedByWriteValidation, DateScalar, DateTimeScalar, URLScalar } from '../../runtime/scalars.js';

describe('the shared scalars', () => {
  it('Date takes only days that exist', () => {
    expect(DateScalar.parseValue('2028-02-29')).toBe('2028-02-29');
    for (const value of ['2026-02-30', '2026-13-01', '2026-1-01', 20260101]) {
      expect(() => DateScalar.parseValue(value)).toThrow('Date must be a date "YYYY-MM-DD"');
    }
  });

  it('DateTime needs an offset, and serialises a Date object as an ISO instant', () => {
    expect(DateTimeScalar.parseValue('2026-09-01T13:00:00-04:00')).toBe('2026-09-01T13:00:00-04:00');
    expect(() => DateTimeScalar.parseValue('2026-09-01T13:00:00')).toThrow('DateTime must be');
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2026, 8, 1, 13)))).toBe('2026-09-01T13:00:00.000Z');
  });

  it('URL is an absolute http(s) URL, never serialised otherwise', () => {
    expect(URLScalar.parseLiteral({ kind: Kind.STRING, value: 'https://humber.ca/x' })).toBe('https://humber.ca/x');
    expect(() => URLScalar.parseValue('ftp://files.example.ca')).toThrow('URL must be an absolute http(s) URL');
    expect(() => URLScalar.serialize('javascript:alert(1)')).toThrow();
    expect(() => URLScalar.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow('string literal');
  });

  it('checked by write validation: takes any string in, still never serialises a bad value', () => {
    const url = checkedByWriteValidation(URLScalar);
    expect(url.parseValue('ftp://files.example.ca')).toBe('ftp://files.example.ca');
    expect(() => url.parseValue(42)).toThrow('URL must be a string');
    expect(() => url.serialize('javascript:alert(1)')).toThrow('URL must be an absolute http(s) URL');
    const date = checkedByWriteValidation(DateScalar);
    expect(() => date.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow('Date must be a string literal');
    expect(() => date.serialize('2026-02-30')).toThrow('Date must be a date "YYYY-MM-DD"');
  });
});
