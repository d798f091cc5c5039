/**
 * Exact cache hits answered in front of Apollo Server. Through Apollo, a hit
 * still paid for its whole request pipeline (the request's shape, the
 * persisted-query lookup, the parsed-document cache, context, every plugin's
 * hooks, parsing the stored answer and printing it again); here it costs one
 * hash, one key and one map lookup, and the stored text is sent as it is.
 *
 * It is Express middleware mounted after every protection of /graphql (security
 * headers and CORS, `Content-Language`/`Vary`, the request budgets and their
 * headers, consumer-key checks, query limits), so those apply to hits exactly
 * as before. What Apollo and its plugins would check after that needs no
 * repeating: an answer is stored only after its request passed them all
 * (validation, the safelist, the date-argument check, a query and not a
 * mutation, no uncached feed), and each depends only on what the key holds
 * (operation text by hash, operation name, variables). Anything this path is
 * unsure of goes on to Apollo unchanged: misses, credentials that do not share
 * public answers, a request whose shape Apollo would refuse, a GET that
 * Apollo's CSRF protection would refuse, an `Accept` it cannot satisfy, and a
 * persisted query sent with its text (Apollo checks the hash and registers the
 * text for later hash-only requests).
 *
 * Hand-written because no middleware can know when an Apollo plugin's cached
 * answer would be served; the key, body and headers are the plugin's own
 * (cacheKey.ts, cachedResponse.ts), so both paths answer a hit byte for byte alike.
 */
import type { Request, RequestHandler } from 'express';
import { gatewayContext } from '../context.js';
import { sharesPublicAnswers } from '../credentials.js';
import { readGraphQLRequest, type GraphQLHttpRequest } from '../edge/graphqlRequest.js';
import { cacheHeaders } from './cachedResponse.js';
import { operationHash, responseCacheKey } from './cacheKey.js';
import { countCacheDecision } from './metrics.js';
import type { CachedAnswer, ResponseStore } from './ResponseStore.js';

/** The content types Apollo Server offers for one result, in its order (@apollo/server MEDIA_TYPES). */
const singleResultTypes = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'application/json; callbackSpec=1.0; charset=utf-8',
];

/** Headers Apollo's CSRF prevention accepts on a request without a content type (its recommended set). */
const preflightHeaders = ['x-apollo-operation-name', 'apollo-require-preflight'];

export interface CacheHitFastPathOptions {
  store: ResponseStore;
  /** Records the answered operation, begun at `started` (performance.now()), as Apollo's are recorded. */
  answered(started: number): void;
}

export function cacheHitFastPath({ store, answered }: CacheHitFastPathOptions): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const found = cachedAnswerFor(req, store);
    if (!found) return next();
    for (const [name, value] of cacheHeaders('HIT', found.answer.etag, false)) res.setHeader(name, value);
    res.setHeader('content-type', found.contentType);
    countCacheDecision('HIT');
    answered(started);
    // res.send answers a GET whose If-None-Match matches the ETag with 304, as for Apollo's answers.
    res.status(200).send(found.answer.json);
  };
}

function cachedAnswerFor(
  req: Request,
  store: ResponseStore,
): { answer: CachedAnswer; contentType: string } | undefined {
  if (!preflighted(req)) return undefined;
  const request = readGraphQLRequest(req);
  const queryHash = request && queryHashOf(request);
  if (!request || !queryHash) return undefined;
  const { credential, language } = gatewayContext(req.headers);
  if (!sharesPublicAnswers(credential)) return undefined;
  const contentType = req.accepts(singleResultTypes);
  if (!contentType) return undefined;
  const answer = store.get(
    responseCacheKey({ language, queryHash, operationName: request.operationName, variables: request.variables }),
  );
  return answer && { answer, contentType };
}

/**
 * Whether Apollo's CSRF prevention lets the request through. A POST reaches
 * here with a body only when it was sent as application/json (the only type
 * jsonBody parses), which browsers preflight; a GET must carry no content type
 * and one of the preflight headers (anything else is left to Apollo).
 */
function preflighted(req: Request): boolean {
  if (req.method === 'POST') return true;
  if (req.method !== 'GET' || req.headers['content-type'] !== undefined) return false;
  return preflightHeaders.some((name) => !!req.headers[name]?.length);
}

/** The hash Apollo keys this request's document by, when this path can answer it. */
function queryHashOf({ query, extensions }: GraphQLHttpRequest): string | undefined {
  const persisted = extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
  if (!persisted) return query ? operationHash(query) : undefined;
  if (query !== undefined) return undefined;
  return persisted.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}
