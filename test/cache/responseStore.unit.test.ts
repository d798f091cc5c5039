/** The pure parts of the response cache: the tagged store and which requests carry credentials. */
import { describe, expect, it } from 'vitest';
import { ResponseStore } from '../../gateway/cache/ResponseStore.js';
import { parseCredential, sharesPublicAnswers } from '../../gateway/credentials.js';

const store = () => new ResponseStore({ maxBytes: 1_000, maxEntries: 3 });

describe('ResponseStore', () => {
  it('drops exactly the answers built from an invalidated source', () => {
    const cache = store();
    cache.set('a', '{"a":1}', ['institution:humber', 'framework'], cache.now());
    cache.set('b', '{"b":1}', ['institution:seneca'], cache.now());
    cache.invalidate('framework');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.json).toBe('{"b":1}');
  });

  it('refuses an answer whose source changed while it was being computed', () => {
    const cache = store();
    const since = cache.now();
    cache.invalidate('institution:humber');
    expect(cache.set('a', '{}', ['institution:humber'], since)).toBeUndefined();
    expect(cache.set('b', '{}', ['institution:seneca'], since)).toBeDefined();
    const later = cache.now();
    cache.clear();
    expect(cache.set('c', '{}', [], later)).toBeUndefined();
  });

  it('gives equal answers equal ETags and different answers different ones', () => {
    const cache = store();
    const one = cache.set('a', '{"x":1}', [], 0)!;
    const same = cache.set('b', '{"x":1}', [], 0)!;
    const other = cache.set('c', '{"x":2}', [], 0)!;
    expect(one.etag).toBe(same.etag);
    expect(one.etag).not.toBe(other.etag);
  });

  it('evicts the least recently used answers beyond its bounds', () => {
    const cache = store();
    for (const key of ['a', 'b', 'c']) cache.set(key, '{}', [], 0);
    cache.get('a');
    cache.set('d', '{}', [], 0);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.set('big', 'x'.repeat(200), [], 0)).toBeUndefined();
  });
});

describe('sharesPublicAnswers', () => {
  const shares = (authorization: string | undefined) => sharesPublicAnswers(parseCredential(authorization));
  it('shares answers with no credential or a consumer key, and with nothing else', () => {
    expect(shares(undefined)).toBe(true);
    expect(shares('')).toBe(true);
    expect(shares('Bearer mdk_portal_3f9a')).toBe(true);
    for (const value of [
      'Bearer mck_1a2b3c4d_secret',
      'Bearer rk_abc',
      'Bearer dev-province-key',
      'Basic eDp5',
      'mdk_x',
    ]) {
      expect(shares(value)).toBe(false);
    }
  });
});
