/**
 * How the response cache's answers look on the wire, for both ways one is
 * served (the Apollo plugin, and the fast path in front of Apollo), so a hit
 * is byte-for-byte the same whichever served it.
 *
 * Headers: `x-cache: HIT | MISS | BYPASS`; public answers get a strong `ETag`
 * and `Cache-Control: public, max-age=1` (a CDN may serve them for one second,
 * which keeps a publish visible within 2 s); private ones `private, no-store`.
 */
import type { FormattedExecutionResult } from 'graphql';

export type CacheDecision = 'HIT' | 'MISS' | 'BYPASS';

export const publicCacheControl = 'public, max-age=1';

/**
 * The body Apollo Server sends for one result (@apollo/server runHttpQuery:
 * errors, data, extensions in that order, then a newline). An answer is stored
 * in this form, so the fast path sends the stored text as it is, and Apollo,
 * handed the parsed text on a hit, prints the very same bytes again.
 */
export function responseBody(result: FormattedExecutionResult): string {
  return `${JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions })}\n`;
}

/** The cache's headers on one answer: `etag` when it is public and stored, `credentialed` when it is private. */
export function cacheHeaders(
  decision: CacheDecision,
  etag: string | undefined,
  credentialed: boolean,
): [string, string][] {
  const headers: [string, string][] = [['x-cache', decision]];
  if (etag) headers.push(['etag', etag], ['cache-control', publicCacheControl]);
  else if (credentialed) headers.push(['cache-control', 'private, no-store']);
  return headers;
}
