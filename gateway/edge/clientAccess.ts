/**
 * Opening the gateway to browsers: CORS (the `cors` package) and security
 * headers (helmet).
 *
 * CORS: `origins` is `*` (any web page may read the public directory; no
 * cookies are ever involved, so credentials are not allowed) or a list of
 * exact origins. Preflights are answered for GET and POST with the headers a
 * GraphQL client sends, and the budget headers are readable by scripts.
 *
 * Security headers: helmet's defaults, with a Content-Security-Policy that
 * lets the self-hosted GraphiQL run (its scripts and styles are all served
 * from here; it sets inline styles) and forbids framing; the API itself is
 * public, so its answers may be read cross-origin (Cross-Origin-Resource-Policy).
 */
import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { ConfigError } from '../../runtime/config.js';

export function corsPolicy(origins: '*' | string[]): RequestHandler {
  return cors({
    origin: origins === '*' ? '*' : origins,
    credentials: false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name'],
    exposedHeaders: ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy', 'Retry-After'],
    maxAge: 600,
  });
}

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** `CORS_ORIGINS`: unset or `*` for any origin, else a comma-separated list of origins like `https://portal.ontario.ca`. */
export function corsOrigins(env: Record<string, string | undefined>): '*' | string[] {
  const value = env.CORS_ORIGINS?.trim();
  if (!value || value === '*') return '*';
  return value.split(',').map((origin) => {
    const trimmed = origin.trim();
    const url = URL.canParse(trimmed) ? new URL(trimmed) : undefined;
    if (!url || url.origin !== trimmed) {
      throw new ConfigError('CORS_ORIGINS', `must be * or origins like https://portal.example.ca, got "${trimmed}"`);
    }
    return trimmed;
  });
}
