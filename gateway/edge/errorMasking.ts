/**
 * The last word on every error a gateway client sees, whatever NODE_ENV says:
 * a message and a code, nothing internal.
 *
 * - Errors with a code a client can act on (BAD_USER_INPUT, INDEX_NOT_READY,
 *   INSTITUTION_UNAVAILABLE, …) keep their message and code, with any URL in
 *   the message replaced: subgraph messages such as "request to
 *   http://10.0.0.7:4003/graphql failed, reason: socket hang up" name
 *   internal addresses.
 * - DOWNSTREAM_SERVICE_ERROR (a province service that failed without a
 *   client-actionable code, e.g. a reset connection) says which service, not why.
 * - Everything else (INTERNAL_SERVER_ERROR, errors without a code, a
 *   message carrying an HTML or JSON body) becomes "Internal server error";
 *   the original goes to the log, not to the client.
 * - Extensions that carry internals (the subgraph's raw response, exception
 *   details, stack traces) are dropped.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';

const internalExtensions = new Set(['exception', 'stacktrace', 'response', 'request', 'serviceName', 'http']);
const urlPattern = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)\]]+/gi;
const rawBodyPattern = /<!doctype|<html|<body|^\s*[[{]"|\bat [\w.<>]+ \(\/|\bat \/[\w/.-]+:\d+/i;
const maxMessageLength = 1_000;

export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (message: string) => void,
): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'INTERNAL_SERVER_ERROR';
  const extensions: Record<string, unknown> = { code };
  for (const [key, value] of Object.entries(formatted.extensions ?? {})) {
    if (!internalExtensions.has(key) && key !== 'code') extensions[key] = value;
  }
  const safe = code !== 'INTERNAL_SERVER_ERROR' && !rawBodyPattern.test(formatted.message);
  if (!safe) {
    const original = unwrapResolverError(error);
    log(`gateway error: ${original instanceof Error ? (original.stack ?? original.message) : formatted.message}`);
  }
  const message = !safe
    ? 'Internal server error'
    : code === 'DOWNSTREAM_SERVICE_ERROR'
      ? `The ${serviceOf(formatted)} service could not answer; try again shortly.`
      : cleanMessage(formatted.message);
  return {
    message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    path: formatted.path,
    extensions,
  };
}

function serviceOf(formatted: GraphQLFormattedError): string {
  const name = formatted.extensions?.serviceName;
  return typeof name === 'string' && /^[a-z-]{1,40}$/.test(name) ? name : 'directory';
}

function cleanMessage(message: string): string {
  const withoutUrls = message.replace(urlPattern, '<address withheld>');
  return withoutUrls.length > maxMessageLength ? `${withoutUrls.slice(0, maxMessageLength)}…` : withoutUrls;
}
