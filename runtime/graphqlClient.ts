/**
 * The one GraphQL-over-HTTP client: a POST with a deadline, a size cap held
 * while the body streams in, and a strict reading of the answer. Whoever is
 * called (an institution's subgraph, the gateway, a province service) is read
 * as untrusted: anything that is not a GraphQL response object becomes a
 * GraphQLCallError with a code, never an exception from deep inside fetch.
 *
 * The error's detail never names the URL, so callers can pass it on to a
 * client without giving away an internal address; callers add who was called
 * (InstitutionCallError names the institution).
 */
import type { GraphQLFormattedError } from 'graphql';

export interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** An answer that passed the shape check: `data` an object or null, `errors` a list of objects with a message. */
export interface GraphQLAnswer {
  data: Record<string, unknown> | null;
  errors: GraphQLFormattedError[];
}

export type GraphQLCallFailure = 'UNREACHABLE' | 'TIMEOUT' | 'HTTP_ERROR' | 'MALFORMED_RESPONSE' | 'TOO_LARGE';

export class GraphQLCallError extends Error {
  constructor(
    readonly failure: GraphQLCallFailure,
    /** What happened, without the address: e.g. `no answer within 3000 ms`. */
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'GraphQLCallError';
  }
}

/** Larger answers are refused: no page of the contract comes close. */
export const maxResponseBytes = 20 * 1024 * 1024;

export interface GraphQLCall {
  url: string;
  body: GraphQLRequestBody;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** The whole operation's deadline, when the call is part of one. */
  deadline?: AbortSignal;
  /** The size cap, held while the body streams in (default maxResponseBytes). */
  maxBytes?: number;
}

export async function postGraphQL(call: GraphQLCall): Promise<GraphQLAnswer> {
  const signal = callSignal(call.timeoutMs, call.deadline);
  const fail = (error: unknown) => toCallError(error, call.timeoutMs, call.deadline);
  let response: Response;
  try {
    response = await fetch(call.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...call.headers },
      body: JSON.stringify(call.body),
      signal,
    });
  } catch (error) {
    throw fail(error);
  }
  let text: string;
  try {
    text = await readLimited(response, call.maxBytes ?? maxResponseBytes);
  } catch (error) {
    throw fail(error);
  }
  const parsed = parseJson(text);
  // GraphQL-over-HTTP allows 4xx with a GraphQL body; only a body without one is an HTTP failure.
  if (!isResponseShape(parsed)) {
    if (!response.ok) throw new GraphQLCallError('HTTP_ERROR', `HTTP ${response.status} without a GraphQL body`);
    throw new GraphQLCallError('MALFORMED_RESPONSE', 'body is not a GraphQL response object');
  }
  return {
    data: (parsed.data as Record<string, unknown> | null | undefined) ?? null,
    errors: (parsed.errors as GraphQLFormattedError[] | undefined) ?? [],
  };
}

/** The call's own deadline, cut short by the operation's when that comes first. */
export function callSignal(timeoutMs: number, deadline: AbortSignal | undefined): AbortSignal {
  const own = AbortSignal.timeout(timeoutMs);
  return deadline ? AbortSignal.any([own, deadline]) : own;
}

function toCallError(error: unknown, timeoutMs: number, deadline: AbortSignal | undefined): GraphQLCallError {
  const name = (error as Error | undefined)?.name;
  if (error instanceof ResponseTooLargeError) return new GraphQLCallError('TOO_LARGE', error.message);
  if (name === 'TimeoutError' || name === 'AbortError') {
    const detail = deadline?.aborted ? "no answer before the operation's deadline" : `no answer within ${timeoutMs} ms`;
    return new GraphQLCallError('TIMEOUT', detail);
  }
  // undici's cause carries a code (ECONNREFUSED, ENOTFOUND); its message can carry the address, so it is not used.
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return new GraphQLCallError('UNREACHABLE', cause ?? 'connection failed');
}

/**
 * Reads the body chunk by chunk and gives up (cancelling the stream) as soon as
 * it passes `limit`, so an answer without content-length, or lying about it,
 * never makes the caller hold more than the cap.
 */
async function readLimited(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw new ResponseTooLargeError(`response of ${declared} bytes exceeds ${limit}`);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => {});
      throw new ResponseTooLargeError(`response exceeds ${limit} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
}

class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isResponseShape(value: unknown): value is { data?: unknown; errors?: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { data, errors } = value as { data?: unknown; errors?: unknown };
  const dataOk = data === undefined || data === null || (typeof data === 'object' && !Array.isArray(data));
  const errorsOk =
    errors === undefined ||
    (Array.isArray(errors) &&
      errors.every((e) => typeof e === 'object' && e !== null && typeof e.message === 'string'));
  return dataOk && errorsOk && (data !== undefined || errors !== undefined);
}
