/**
 * What makes two requests share one cached answer, in one place for both ways
 * an answer is served (the Apollo plugin, and the fast path in front of Apollo):
 * the same operation text (by its SHA-256, the hash persisted queries use, so
 * APQ and full text agree), the same operation name, the same variables, and
 * the same negotiated language (`lang`-less text fields follow
 * `Accept-Language`, runtime/language.ts).
 */
import { createHash } from 'node:crypto';
import type { Language } from '../../runtime/language.js';

export interface CacheKeyParts {
  language: Language;
  /** `operationHash` of the operation text, or the hash a persisted-query request names. */
  queryHash: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
}

export function responseCacheKey({ language, queryHash, operationName, variables }: CacheKeyParts): string {
  // An empty operation name is not an absent one: it selects no operation, and Apollo refuses the request.
  return `${language}\n${queryHash}\n${JSON.stringify(operationName ?? null)}\n${JSON.stringify(variables ?? {})}`;
}

/** The SHA-256 of an operation's exact text, as Apollo Server computes `queryHash` and APQ clients name it. */
export function operationHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
