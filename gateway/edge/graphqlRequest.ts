/**
 * The GraphQL request an HTTP request carries, read by the same rules Apollo
 * Server applies (@apollo/server runHttpQuery): a POST's parsed JSON body, or
 * a GET's search parameters, each given at most once, with `variables` and
 * `extensions` as JSON objects. Middleware in front of Apollo (the query
 * limits, the response cache's fast path) reads requests with this so it sees
 * exactly the operation Apollo would run; a request Apollo would refuse for
 * its shape reads as undefined and is left to Apollo, which says why.
 */
import type { Request } from 'express';

export interface GraphQLHttpRequest {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

export function readGraphQLRequest(req: Request): GraphQLHttpRequest | undefined {
  if (req.method === 'POST') return fromBody(req.body);
  if (req.method === 'GET') return fromSearch(new URLSearchParams(searchOf(req.url)));
  return undefined;
}

function fromBody(body: unknown): GraphQLHttpRequest | undefined {
  if (!isRecord(body) || Object.keys(body).length === 0) return undefined;
  const { query, operationName, variables, extensions } = body;
  if (query && typeof query !== 'string') return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (variables != null && !isRecord(variables)) return undefined;
  if (extensions != null && !isRecord(extensions)) return undefined;
  return {
    query: typeof query === 'string' ? query : undefined,
    operationName: operationName ?? undefined,
    variables: variables ?? undefined,
    extensions: extensions ?? undefined,
  };
}

function fromSearch(search: URLSearchParams): GraphQLHttpRequest | undefined {
  const names = ['query', 'operationName', 'variables', 'extensions'] as const;
  if (names.some((name) => search.getAll(name).length > 1)) return undefined;
  const variables = jsonRecord(search.get('variables'));
  const extensions = jsonRecord(search.get('extensions'));
  if (variables === null || extensions === null) return undefined;
  return {
    query: search.get('query') ?? undefined,
    operationName: search.get('operationName') ?? undefined,
    variables,
    extensions,
  };
}

/** The JSON object a parameter holds; undefined when absent, null when it holds anything else. */
function jsonRecord(text: string | null): Record<string, unknown> | undefined | null {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function searchOf(url: string): string {
  const start = url.indexOf('?');
  return start === -1 ? '' : url.slice(start + 1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}
