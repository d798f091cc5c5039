/**
 * Per-client request budgets (rate-limiter-flexible, in memory): anonymous
 * clients by address, registered consumers by their key's own limit. Every
 * answer carries the rate-limit headers of the IETF draft
 * (draft-ietf-httpapi-ratelimit-headers: RateLimit-Limit, RateLimit-Remaining,
 * RateLimit-Reset in seconds, RateLimit-Policy); past the budget the answer
 * is 429 with Retry-After and a GraphQL error coded RATE_LIMITED, before the
 * body is even parsed.
 *
 * The budget is per gateway process: with several gateway replicas behind a
 * load balancer each allows the full budget (docs/operating.md).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ConsumerKeys } from './consumerKeys.js';
import { clientAddress } from './trustedClients.js';
import { sendGraphQLError } from '../../runtime/httpErrors.js';

export interface BudgetOptions {
  /** Requests per window for a client without a consumer key, per address. */
  anonymousRequests: number;
  windowSeconds: number;
  isTrusted(address: string | undefined): boolean;
  consumerKeys: ConsumerKeys;
}

export function budgets(options: BudgetOptions): RequestHandler {
  const anonymous = new RateLimiterMemory({ points: options.anonymousRequests, duration: options.windowSeconds });
  const perLimit = new Map<number, RateLimiterMemory>();
  const limiterFor = (points: number) => {
    let limiter = perLimit.get(points);
    if (!limiter) {
      limiter = new RateLimiterMemory({ points, duration: options.windowSeconds, keyPrefix: `consumer${points}` });
      perLimit.set(points, limiter);
    }
    return limiter;
  };

  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS') return next();
    const consumer = await options.consumerKeys.identify(req.headers.authorization);
    if (consumer === 'UNKNOWN') {
      return sendGraphQLError(
        res,
        401,
        'UNAUTHENTICATED',
        'This consumer key is unknown or revoked. Ask the province for a key, or send no key for anonymous access.',
      );
    }
    if (!consumer && options.isTrusted(clientAddress(req))) return next();
    const [limiter, key, points] = consumer
      ? [limiterFor(consumer.requestsPerMinute), consumer.id, consumer.requestsPerMinute]
      : [anonymous, clientAddress(req), options.anonymousRequests];
    try {
      const result = await limiter.consume(key);
      setHeaders(res, points, options.windowSeconds, result);
      if (consumer) options.consumerKeys.countUse(consumer.id);
      next();
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) return next(refused);
      setHeaders(res, points, options.windowSeconds, refused);
      res.setHeader('Retry-After', String(secondsUntil(refused)));
      sendGraphQLError(
        res,
        429,
        'RATE_LIMITED',
        `Request budget of ${points} per ${options.windowSeconds} s used up; retry after ${secondsUntil(refused)} s.` +
          (consumer
            ? ''
            : ' Registered consumers (job boards, portals) can ask the province for a consumer key with a larger budget.'),
      );
    }
  };
}

function setHeaders(res: Response, limit: number, windowSeconds: number, result: RateLimiterRes): void {
  res.setHeader('RateLimit-Policy', `${limit};w=${windowSeconds}`);
  res.setHeader('RateLimit-Limit', String(limit));
  res.setHeader('RateLimit-Remaining', String(Math.max(0, result.remainingPoints)));
  res.setHeader('RateLimit-Reset', String(secondsUntil(result)));
}

function secondsUntil(result: RateLimiterRes): number {
  return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
}
