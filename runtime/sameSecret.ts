import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a presented secret equals the expected one, in constant time. Both are compared as
 * SHA-256 digests with timingSafeEqual, so neither their content nor their length leaks
 * through response times (a plain `===` stops at the first differing character).
 */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
